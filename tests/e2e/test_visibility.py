"""Who sees what: Discord decides a deferred answer's visibility at the deferral, so /debate must too."""

from __future__ import annotations

from .checks import TOPIC
from .standin import ALL_BOT_PERMISSIONS, BASIC_BOT_PERMISSIONS, CHANNEL_ID, DiscordStandIn, Fault


async def test_an_error_after_debate_deferred_is_shown_only_to_the_user(standin: DiscordStandIn, running_bot) -> None:
    """Reported: the first follow-up replaces a public "thinking…", so "Something went wrong" showed to all."""
    standin.faults.append(Fault("POST", rf"/channels/{CHANNEL_ID}/threads", 400))
    debate = await standin.interact("debate", {"topic": TOPIC, "thread": True}, app_permissions=ALL_BOT_PERMISSIONS)
    await standin.wait_until(lambda: debate.settled)
    ((public, text),) = debate.seen()
    assert not public and "Something went wrong" in text


async def test_a_round_failing_before_the_reply_tells_only_the_starter(standin: DiscordStandIn, running_bot) -> None:
    standin.faults.append(Fault("POST", rf"/channels/{CHANNEL_ID}/messages", 403, times=99))
    debate = await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: len(running_bot.cogs["DebateCog"].rounds) == 0 and len(debate.seen()) >= 2)
    assert all(not public for public, _ in debate.seen())
    assert any("stopped early" in text for _, text in debate.seen())
