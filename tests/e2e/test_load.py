"""Load: 200 interactions within one second over 50 channels, every one acknowledged in Discord's window."""

from __future__ import annotations

from .harness import bot_running
from .load import run_load
from .standin import CHANNEL_ID, OTHER_CHANNEL_ID, DiscordStandIn

CHANNELS, INTERACTIONS, PER_GUILD = 50, 200, 2


async def test_a_burst_of_200_interactions_is_acknowledged_in_time(standin: DiscordStandIn, restore_discord_globals):
    channels = [CHANNEL_ID, OTHER_CHANNEL_ID, *standin.add_channels(CHANNELS - 2)]
    # A pace long enough that the first rounds are still running when the rest of the burst arrives.
    async with bot_running(standin, DEBATE_PACE_SECONDS="0.2", DEBATE_ROUNDS_PER_GUILD=str(PER_GUILD)) as bot:
        report = await run_load(standin, bot, channels, INTERACTIONS)
    print("\n" + "\n".join(report.lines()))  # the figures for docs/RELIABILITY.md (pytest -s shows them)
    assert report.late == 0 and report.acknowledged == INTERACTIONS  # the stand-in enforces the 3-second rule
    assert report.max_concurrent_rounds <= PER_GUILD
    assert report.rounds_started >= 1
    assert report.rounds_started + report.round_refusals == report.kinds["debate"]
    notices = {
        c.body["data"]["content"]
        for c in standin.requests("POST", r"/interactions/\d+/[^/]+/callback")
        if _busy(c.body)
    }
    assert notices == {f"This server already has {PER_GUILD} debate round(s) running; try again when one finishes."}


def _busy(body: dict) -> bool:
    return "debate round(s) running" in ((body.get("data") or {}).get("content") or "")
