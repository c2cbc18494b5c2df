"""Per-server settings as members and moderators meet them: shown to all, changed by Manage Server only,
kept in the database file across a restart, and used by the rounds."""

from __future__ import annotations

from pathlib import Path

from .checks import TOPIC, answered, rounds_recorded, text
from .harness import bot_running
from .standin import (
    BASIC_BOT_PERMISSIONS,
    CHANNEL_ID,
    OTHER_CHANNEL_ID,
    USER_ID,
    DiscordStandIn,
    Interaction,
)

MANAGE_GUILD = 1 << 5


async def setting(standin: DiscordStandIn, name: str, value: str, **kwargs) -> Interaction:
    """``/settings set`` as the stand-in sends a subcommand: the group's name, its subcommand as an option."""
    return await answered(standin, "settings", {"set": {"setting": name, "value": value}}, **kwargs)


async def test_show_is_for_everyone_and_set_needs_manage_server(standin: DiscordStandIn, running_bot) -> None:
    shown = await answered(standin, "settings", {"show": {}})
    assert shown.seen()[0][0] is False  # private
    assert "- **Pace**: 0.01 s between posts" in text(shown) and "- **History**: on" in text(shown)
    refused = await setting(standin, "pace", "3")
    assert refused.seen() == [(False, "You need these permissions here: Manage Server.")]
    changed = await setting(standin, "pace", "3", member_permissions=MANAGE_GUILD)
    assert changed.seen() == [(False, "**Pace** is now: 3 s between posts.")]


async def test_a_bad_value_is_one_private_line(standin: DiscordStandIn, running_bot) -> None:
    for name, value, told in [
        ("rounds_cap", "99", "rounds_cap must be between 1 and 6 rounds"),
        ("pace", "fast", "pace must be a number, e.g. 3"),
        ("pace", "25", "pace must be between 0 and 20 seconds"),
        ("thread_mode", "sometimes", "thread_mode must be one of optional, always, never"),
        ("history", "maybe", "history must be on or off"),
        ("allowed_channels", "123", "no channel with id 123 on this server"),
        ("host_role", "<@&42>", "host_role must be one role of this server (a mention or id), or none"),
    ]:
        answer = await setting(standin, name, value, member_permissions=MANAGE_GUILD)
        assert text(answer) == told and answer.seen()[0][0] is False, name


async def test_settings_are_kept_across_a_restart(standin: DiscordStandIn, restore_discord_globals, tmp_path: Path):
    database = str(tmp_path / "debate.sqlite3")
    async with bot_running(standin, DEBATE_DATABASE=database):
        await setting(standin, "rounds_cap", "2", member_permissions=MANAGE_GUILD)
    async with bot_running(standin, DEBATE_DATABASE=database):
        shown = await answered(standin, "settings", {"show": {}})
    assert "- **Rounds cap**: 2 round(s) per debate at most" in text(shown)


async def test_rounds_follow_the_servers_settings(standin: DiscordStandIn, running_bot) -> None:
    await setting(standin, "rounds_cap", "1", member_permissions=MANAGE_GUILD)
    await setting(standin, "webhook_mode", "off", member_permissions=MANAGE_GUILD)
    debate = await answered(standin, "debate", {"topic": TOPIC, "rounds": 3})
    assert "(1 round(s) at most on this server)" in text(debate)
    (stored,) = await rounds_recorded(running_bot, 1)
    posts = standin.channel_posts(CHANNEL_ID)
    assert posts and not any(p.get("webhook_id") for p in posts)  # webhook mode off: embeds from the bot
    assert not standin.requests("POST", rf"/channels/{CHANNEL_ID}/webhooks")
    transcript = (await running_bot.store.get_round(stored.round.guild_id, stored.id)).transcript
    assert "Round 1" in transcript and "Round 2" not in transcript


async def test_rounds_run_only_in_the_allowed_channels(standin: DiscordStandIn, running_bot) -> None:
    await setting(standin, "allowed_channels", f"<#{OTHER_CHANNEL_ID}>", member_permissions=MANAGE_GUILD)
    refused = await answered(standin, "debate", {"topic": TOPIC})
    assert text(refused) == "debate rounds run only in #other on this server"
    assert not standin.channel_posts(CHANNEL_ID)
    allowed = await answered(standin, "debate", {"topic": TOPIC}, channel_id=OTHER_CHANNEL_ID)
    assert "starting below" in text(allowed)


async def test_thread_mode_always_and_never(standin: DiscordStandIn, running_bot) -> None:
    await setting(standin, "thread_mode", "never", member_permissions=MANAGE_GUILD)
    refused = await answered(standin, "debate", {"topic": TOPIC, "thread": True})
    assert "not in threads" in text(refused) and not standin.threads
    await setting(standin, "thread_mode", "always", member_permissions=MANAGE_GUILD)
    threaded = await answered(standin, "debate", {"topic": TOPIC})
    assert standin.threads and "starting in <#" in text(threaded)


async def test_the_host_role_may_stop_any_round(standin: DiscordStandIn, restore_discord_globals) -> None:
    host = standin.add_role("Debate host")
    async with bot_running(standin) as bot:
        await setting(standin, "host_role", f"<@&{host}>", member_permissions=MANAGE_GUILD)
        standin.hold_posts()
        await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
        await standin.wait_until(lambda: standin.held >= 1)
        stranger = await answered(standin, "stop", user_id=USER_ID + 7)
        assert "host role" in text(stranger) and stranger.seen()[0][0] is False
        hosting = await answered(standin, "stop", user_id=USER_ID + 8, roles=(host,))
        assert hosting.seen() == [(False, "Stopped the debate on “open source”.")]
        standin.hold.set()
        await standin.wait_until(lambda: len(bot.cogs["DebateCog"].rounds) == 0)


async def test_the_servers_pace_and_cooldown_apply_to_the_next_round(standin: DiscordStandIn, running_bot) -> None:
    await setting(standin, "cooldown", "600", member_permissions=MANAGE_GUILD)
    await setting(standin, "pace", "20", member_permissions=MANAGE_GUILD)
    standin.hold_posts()
    first = await answered(standin, "debate", {"topic": TOPIC})
    await standin.wait_until(lambda: standin.held >= 1)
    (round_,) = running_bot.cogs["DebateCog"].rounds._running.values()
    assert round_.pace == 20.0 and "starting below" in text(first)
    again = await answered(standin, "debate", {"topic": TOPIC}, channel_id=OTHER_CHANNEL_ID)
    assert text(again).startswith("Slow down: you can use this command again in 6") and not again.seen()[0][0]
    await answered(standin, "stop")
    standin.hold.set()
    await rounds_recorded(running_bot, 1)
