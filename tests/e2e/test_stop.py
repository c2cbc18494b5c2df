"""/stop wins at any moment of a round, and every stopped round ends with one visible closing line."""

from __future__ import annotations

import asyncio

from bot.discord_app.payloads import TRANSCRIPT_NAME

from .checks import TOPIC
from .standin import ALL_BOT_PERMISSIONS, CHANNEL_ID, MANAGE_MESSAGES, USER_ID, DiscordStandIn, Fault


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
