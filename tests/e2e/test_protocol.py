"""Discord's protocol rules as the stand-in enforces them, and the bot keeping to them or coping:
interaction deadlines and token lifetime, webhook limits and permissions, rate-limit buckets."""

from __future__ import annotations

import pytest

from bot.discord_app.payloads import Payloads

from .checks import TOPIC, planned, run_round, visible
from .harness import bot_running
from .standin import (
    ALL_BOT_PERMISSIONS,
    BASIC_BOT_PERMISSIONS,
    CHANNEL_ID,
    MANAGE_WEBHOOKS,
    TOKEN_LIFETIME,
    USER_ID,
    DiscordStandIn,
)
from .standin.ratelimits import Limit
from .standin.shapes import user
from .test_faults import round_over, still_serving


async def test_no_command_is_acknowledged_twice(standin: DiscordStandIn, running_bot) -> None:
    """Discord refuses a second acknowledgement (40060); every command and error path answers once."""
    commands = [
        ("about", None),
        ("stance", {"figure": "muks", "topic": "regulation"}),
        ("debate", {"topic": TOPIC, "figures": "nobody"}),
        ("stop", None),
        ("source", {"paragraph": 99}),
        ("gone-command", None),
    ]
    for name, options in commands:
        interaction = await standin.interact(name, options)
        await standin.wait_until(lambda i=interaction: i.settled)
        assert interaction.refused == [] and len(interaction.seen()) == 1, name


async def test_an_answer_after_3_seconds_is_refused_and_the_bot_carries_on(
    standin: DiscordStandIn, running_bot, caplog
) -> None:
    late = await standin.interact("about")
    standin.advance(3.5)  # Discord's clock: the 3 seconds pass before the bot answers
    await standin.wait_until(lambda: late.late)
    assert late.refused == [10062]
    standin.clock_offset = 0.0
    await still_serving(standin)
    # A late answer is the loop being busy, not a bug: a warning, no traceback.
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


async def test_follow_ups_fail_after_15_minutes_and_the_round_still_ends_cleanly(
    standin: DiscordStandIn, running_bot
) -> None:
    hold = standin.hold_posts()
    debate = await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: standin.held >= 1 and debate.settled)
    standin.advance(TOKEN_LIFETIME + 1)
    standin.revoked.add(CHANNEL_ID)  # the channel now refuses posts, so only a follow-up could tell the starter
    hold.set()
    await standin.wait_until(round_over(running_bot))
    assert set(debate.refused) <= {50027}  # any late follow-up was refused, and nothing else went wrong
    standin.revoked.clear()
    standin.clock_offset = 0.0
    await still_serving(standin)


async def test_a_channel_with_15_webhooks_gets_embeds(standin: DiscordStandIn, running_bot, payloads: Payloads) -> None:
    for n in range(15):  # other people's webhooks fill the channel
        standin.add_webhook(CHANNEL_ID, f"feed {n}", owner=user(USER_ID, "someone"))
    want = planned(payloads, webhook=False)
    posts = await run_round(standin, len(want))
    assert [visible(p) for p in posts] == want
    (create,) = standin.requests("POST", rf"/channels/{CHANNEL_ID}/webhooks")
    assert create.status == 400


async def test_webhooks_refused_without_manage_webhooks_fall_back_to_embeds(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    """The interaction said Manage Webhooks, but a channel override denies it: Discord answers 403."""
    standin.bot_permissions[CHANNEL_ID] = ALL_BOT_PERMISSIONS & ~MANAGE_WEBHOOKS
    want = planned(payloads, webhook=False)
    posts = await run_round(standin, len(want), _app_permissions=ALL_BOT_PERMISSIONS)
    assert [visible(p) for p in posts] == want
    assert [c.status for c in standin.requests("GET", rf"/channels/{CHANNEL_ID}/webhooks")] == [403]


@pytest.mark.parametrize(
    "limits",
    [{"rate_scale": 0.05}, {"rate_scale": 0.05, "global_limit": Limit(4, 1.0)}],
    ids=["per-channel 5 per 5 s", "global 4 per second"],
)
async def test_a_round_keeps_to_the_rate_limits(restore_discord_globals, payloads: Payloads, limits: dict) -> None:
    """Real buckets (scaled in time): discord.py reads X-RateLimit-* and waits, and each turn lands once."""
    standin = DiscordStandIn(**limits)
    await standin.start()
    try:
        async with bot_running(standin) as bot:
            want = planned(payloads, webhook=True)
            posts = await run_round(standin, len(want))
            await standin.wait_until(round_over(bot))
        assert [visible(p) for p in posts] == want
        scopes = {scope for scope, _ in standin.rate_limits.limited}
        assert scopes <= {"global"}  # per-route buckets are never overrun: the headers are honoured
    finally:
        await standin.stop()
