"""The history of finished rounds: listed for this server only, posted again as a file, deleted on request."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from bot.discord_app.store import Round, SQLiteStore

from .checks import TOPIC, answered, rounds_recorded, text
from .harness import bot_running
from .standin import GUILD_ID, USER_ID, DiscordStandIn

MANAGE_GUILD = 1 << 5
OTHER_GUILD = GUILD_ID + 999


async def finished_round(standin: DiscordStandIn, bot, count: int, **options) -> None:
    await standin.interact("debate", {"topic": TOPIC}, **options)
    await rounds_recorded(bot, count)


async def test_a_finished_round_is_listed_and_its_transcript_posted_again(standin: DiscordStandIn, running_bot) -> None:
    await finished_round(standin, running_bot, 1)
    listing = await answered(standin, "history")
    assert listing.seen()[0][0] is False
    assert "**#1** “open source” in <#" in text(listing) and f"started by <@{USER_ID}>" in text(listing)
    assert "Elon Musk" in text(listing) and "(finished)" in text(listing)
    again = await answered(standin, "transcript", {"id": 1})
    (message,) = [again.original]
    assert not message["flags"] & 64  # posted again for the channel
    (attachment,) = message["attachments"]
    assert attachment["filename"] == "debate-1.md"
    posted = [a["text"] for p in standin.channel_posts() for a in p["attachments"] if a["filename"].endswith(".md")]
    assert attachment["text"] == posted[0]  # the very transcript the round attached


async def test_a_stopped_round_is_stored_as_stopped(standin: DiscordStandIn, running_bot) -> None:
    standin.hold_posts()
    await standin.interact("debate", {"topic": TOPIC})
    await standin.wait_until(lambda: standin.held >= 1)
    await answered(standin, "stop")
    standin.hold.set()
    (stored,) = await rounds_recorded(running_bot, 1)
    assert stored.round.ended_how == "stopped" and stored.round.starter_id == USER_ID
    transcript = (await running_bot.store.get_round(GUILD_ID, stored.id)).transcript
    assert transcript.startswith("_This round ended early (stopped) after 0 of its ")  # the header was held


async def test_history_off_stores_nothing(standin: DiscordStandIn, running_bot) -> None:
    off = await answered(
        standin, "settings", {"set": {"setting": "history", "value": "off"}}, member_permissions=MANAGE_GUILD
    )
    assert text(off) == "**History** is now: off: nothing is stored."
    debate = await answered(standin, "debate", {"topic": TOPIC})
    await standin.wait_until(lambda: len(running_bot.cogs["DebateCog"].rounds) == 0 and debate.settled)
    await standin.wait_until(lambda: any(p["attachments"] for p in standin.channel_posts()))
    listing = await answered(standin, "history")
    assert text(listing) == "No rounds are stored for this server yet."


async def test_another_servers_rounds_are_never_visible(
    standin: DiscordStandIn, restore_discord_globals, tmp_path: Path
) -> None:
    database = tmp_path / "debate.sqlite3"
    store = await SQLiteStore.open(database)
    moment = datetime(2026, 1, 1, tzinfo=timezone.utc)
    elsewhere = Round(
        guild_id=OTHER_GUILD,
        channel_id=1,
        starter_id=USER_ID,
        topic="secret plans",
        figures=("musk",),
        started_at=moment,
        ended_at=moment,
        ended_how="finished",
    )
    assert await store.record_round(elsewhere, "# another server's transcript") == 1
    await store.close()
    async with bot_running(standin, DEBATE_DATABASE=str(database)):
        listing = await answered(standin, "history")
        fetched = await answered(standin, "transcript", {"id": 1})
        forgotten = await answered(standin, "forget-my-rounds")
    assert text(listing) == "No rounds are stored for this server yet."
    assert text(fetched) == "no stored round #1 on this server; /history lists them" and not fetched.seen()[0][0]
    assert text(forgotten) == "Deleted 0 stored round(s) you started here."
    store = await SQLiteStore.open(database)
    try:
        assert [r.round.topic for r in await store.recent_rounds(OTHER_GUILD)] == ["secret plans"]
    finally:
        await store.close()


async def test_a_member_deletes_their_rounds_and_an_admin_all_of_them(standin: DiscordStandIn, running_bot) -> None:
    await finished_round(standin, running_bot, 1)
    await finished_round(standin, running_bot, 2, user_id=USER_ID + 5)
    mine = await answered(standin, "forget-my-rounds")
    assert text(mine) == "Deleted 1 stored round(s) you started here."
    assert [r.round.starter_id for r in await running_bot.store.recent_rounds(GUILD_ID)] == [USER_ID + 5]
    refused = await answered(standin, "clear-history")
    assert text(refused) == "You need these permissions here: Manage Server."
    cleared = await answered(standin, "clear-history", member_permissions=MANAGE_GUILD)
    assert text(cleared) == "Deleted 1 stored round(s) of this server."
    assert await running_bot.store.recent_rounds(GUILD_ID) == []


async def test_a_database_failing_while_running_disables_history_and_the_bot_keeps_serving(
    standin: DiscordStandIn, running_bot, caplog
) -> None:
    await running_bot.store.inner.close()  # the file is gone from under the bot, say
    listing = await answered(standin, "history")
    assert "History is disabled until the bot restarts" in text(listing)
    debate = await answered(standin, "debate", {"topic": TOPIC})
    assert "starting below" in text(debate)
    await standin.wait_until(lambda: any(p["attachments"] for p in standin.channel_posts()))
    changed = await answered(
        standin, "settings", {"set": {"setting": "pace", "value": "1"}}, member_permissions=MANAGE_GUILD
    )
    assert (
        text(changed)
        == "**Pace** is now: 1 s between posts. It holds until the bot restarts: the database failed (logged)."
    )
    assert sum("history disabled until restart" in r.getMessage() for r in caplog.records) == 1
