"""/stop wins at any moment of a round, and every stopped round ends with one visible closing line."""

from __future__ import annotations

import asyncio

from bot.discord_app.payloads import TRANSCRIPT_NAME, Payloads

from .checks import TOPIC, planned, visible
from .harness import bot_running
from .standin import (
    ALL_BOT_PERMISSIONS,
    BASIC_BOT_PERMISSIONS,
    CHANNEL_ID,
    MANAGE_MESSAGES,
    USER_ID,
    DiscordStandIn,
    Fault,
)


def rounds_of(bot):
    return bot.cogs["DebateCog"].rounds


async def test_stop_during_start_up_stops_the_round_before_its_first_post(standin: DiscordStandIn, running_bot) -> None:
    """Reported: /stop while /debate listed the channel's webhooks said "stopped", then every turn was posted."""
    listing = asyncio.Event()
    standin.faults.append(Fault("GET", rf"/channels/{CHANNEL_ID}/webhooks", 200, gate=listing))
    debate = await standin.interact("debate", {"topic": TOPIC}, app_permissions=ALL_BOT_PERMISSIONS)
    await standin.wait_until(lambda: bool(standin.requests("GET", rf"/channels/{CHANNEL_ID}/webhooks")))
    stop = await standin.interact("stop")
    await standin.wait_until(lambda: stop.settled)
    listing.set()
    await standin.wait_until(lambda: debate.settled)
    await standin.wait_until(lambda: len(rounds_of(running_bot)) == 0)
    assert stop.seen() == [(False, "Stopped the debate on “open source” before its first post.")]
    assert debate.seen() == [(False, "The debate on “open source” was stopped before it began.")]
    assert not standin.channel_posts(CHANNEL_ID)
    assert not [t for t in asyncio.all_tasks() if t.get_name().startswith("debate-")]


async def test_a_stopped_round_ends_with_one_closing_line_in_the_channel(standin: DiscordStandIn, running_bot) -> None:
    standin.hold_posts()
    await standin.interact("debate", {"topic": TOPIC}, app_permissions=ALL_BOT_PERMISSIONS)
    await standin.wait_until(lambda: standin.held >= 1)
    stop = await standin.interact("stop", user_id=USER_ID + 2, member_permissions=MANAGE_MESSAGES)
    await standin.wait_until(lambda: stop.settled)
    assert stop.seen() == [(False, "Stopped the debate on “open source”.")]
    standin.hold.set()
    await standin.wait_until(lambda: len(rounds_of(running_bot)) == 0)
    posts = standin.channel_posts(CHANNEL_ID)
    assert posts[-1]["content"] == "_The debate on “open source” was stopped by user5._"
    assert not any(a["filename"] == TRANSCRIPT_NAME for p in posts for a in p["attachments"])


async def test_a_round_cut_short_by_shutdown_says_so_in_the_channel(
    standin: DiscordStandIn, restore_discord_globals
) -> None:
    """Reported: on shutdown the channel was left with a narration line and no quote after it."""
    async with bot_running(standin, DEBATE_PACE_SECONDS="5") as bot:
        await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
        await standin.wait_until(lambda: len(standin.channel_posts(CHANNEL_ID)) >= 1)
        assert len(rounds_of(bot)) == 1
    posts = standin.channel_posts(CHANNEL_ID)
    assert posts[-1]["content"] == "_The debate on “open source” was cut short: the bot is shutting down._"
    assert len(posts) == 2  # the header, then the closing line


async def test_a_webhook_deleted_mid_round_falls_back_to_embeds(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    """Reported: a moderator deleting the webhook ended the round with "404 Unknown Webhook" told to one user."""
    want = planned(payloads, webhook=True)
    first_voiced = next(i for i, (username, _, _) in enumerate(want) if username)
    standin.when_posted(first_voiced + 1, lambda: standin.delete_webhook(next(iter(standin.webhooks))))
    debate = await standin.interact("debate", {"topic": TOPIC})
    await standin.wait_until(lambda: debate.settled and len(rounds_of(running_bot)) == 0)
    posts = standin.channel_posts(CHANNEL_ID)
    # Every message once, in order; after the deletion the quotes are embeds under the same label.
    assert [visible(p)[1:] for p in posts] == [w[1:] for w in want]
    assert [bool(p.get("webhook_id")) for p in posts] == [i == first_voiced for i in range(len(want))]
    assert len(debate.seen()) == 1  # no failure notice
    again = await standin.interact("debate", {"topic": TOPIC})
    await standin.wait_until(lambda: again.settled and len(rounds_of(running_bot)) == 0)
    assert len(standin.requests("POST", rf"/channels/{CHANNEL_ID}/webhooks")) == 2  # a fresh webhook


async def test_stop_during_start_up_in_thread_mode_says_so_in_the_thread(standin: DiscordStandIn, running_bot) -> None:
    listing = asyncio.Event()
    standin.faults.append(Fault("GET", rf"/channels/{CHANNEL_ID}/webhooks", 200, gate=listing))
    debate = await standin.interact("debate", {"topic": TOPIC, "thread": True})
    await standin.wait_until(lambda: bool(standin.requests("GET", rf"/channels/{CHANNEL_ID}/webhooks")))
    ((thread_id, _),) = standin.threads.items()
    stop = await standin.interact("stop", channel_id=thread_id)  # from inside the new thread
    await standin.wait_until(lambda: stop.settled)
    listing.set()
    await standin.wait_until(lambda: debate.settled and len(rounds_of(running_bot)) == 0)
    (closing,) = standin.channel_posts(thread_id)
    assert closing["content"] == "_The debate on “open source” was stopped by user3._"
    assert not standin.channel_posts(CHANNEL_ID)
