"""Discord faults through the stand-in: the bot stays up, and every round either posts each turn exactly
once, in order, or ends with one clear message. No round task and no dead webhook is left behind."""

from __future__ import annotations

import asyncio

import pytest

from bot.discord_app.payloads import Payloads

from .checks import EPHEMERAL, TOPIC, assert_every_post_is_safe, planned, run_round, visible
from .standin import (
    ALL_BOT_PERMISSIONS,
    APP_ID,
    BASIC_BOT_PERMISSIONS,
    CHANNEL_ID,
    OTHER_CHANNEL_ID,
    DiscordStandIn,
    Fault,
)

POSTS = rf"/channels/{CHANNEL_ID}/messages"
EMBED_LINKS, SEND_MESSAGES = 1 << 14, 1 << 11


async def still_serving(standin: DiscordStandIn, channel_id: int = CHANNEL_ID) -> None:
    """The bot is up: a fresh command in a healthy channel is answered."""
    interaction = await standin.interact("about", channel_id=channel_id)
    await standin.wait_until(lambda: interaction.answered)


def round_over(bot, channel_id: int = CHANNEL_ID):
    return lambda: bot.cogs["DebateCog"].rounds.find(channel_id) is None


def statuses(standin: DiscordStandIn, method: str, pattern: str) -> list[int]:
    return [c.status for c in standin.requests(method, pattern)]


FAULTS_SURVIVED = {
    "burst of 429s on the post route": [Fault("POST", POSTS, 429, times=4, skip=1, retry_after=0.05)],
    "global 429s on every route": [Fault("POST", r"/.*", 429, times=3, skip=2, retry_after=0.1, is_global=True)],
    "502 on a post (retried)": [Fault("POST", POSTS, 502, skip=3)],
    "503s on the typing indicator": [Fault("POST", rf"/channels/{CHANNEL_ID}/typing", 503, times=99)],
    "slow post endpoint": [Fault("POST", POSTS, 200, times=3, skip=2, delay=0.6)],
}


@pytest.mark.parametrize("faults", FAULTS_SURVIVED.values(), ids=FAULTS_SURVIVED.keys())
async def test_round_completes_through_transient_faults(
    standin: DiscordStandIn, running_bot, payloads: Payloads, faults: list[Fault]
) -> None:
    want = planned(payloads, webhook=False)
    standin.faults += faults
    armed = [f.times for f in faults]
    posts = await run_round(standin, len(want), _app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(round_over(running_bot))
    assert [visible(p) for p in posts] == want  # each turn once, in order, nothing extra
    assert all(f.times < before for f, before in zip(faults, armed, strict=True))  # every fault was hit
    assert_every_post_is_safe(standin)
    await still_serving(standin)


async def test_a_server_error_that_persists_ends_the_round_with_one_message(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    standin.faults.append(Fault("POST", POSTS, 503, skip=3))  # discord.py does not retry a 503
    await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: 503 in statuses(standin, "POST", POSTS))
    await standin.wait_until(round_over(running_bot))
    posts = standin.channel_posts(CHANNEL_ID)
    assert [visible(p) for p in posts[:3]] == planned(payloads, webhook=False)[:3]
    assert posts[3]["content"] == "_This debate round stopped early: Discord answered 503._"
    assert len(posts) == 4
    assert running_bot.cogs["DebateCog"].rounds.find(CHANNEL_ID) is None
    await still_serving(standin)


async def test_fresh_identify_mid_round_keeps_every_turn_once(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    want = planned(payloads, webhook=False)
    standin.when_posted(3, standin.invalidate_session)
    posts = await run_round(standin, len(want), _app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: standin.gateway.identifies == 2)
    await standin.wait_until(round_over(running_bot))
    assert [visible(p) for p in posts] == want
    assert standin.gateway.resumes == 0  # the resume was refused (op 9), so it identified afresh
    await standin.wait_until(lambda: running_bot.get_channel(CHANNEL_ID) is not None)
    await still_serving(standin)


async def test_channel_deleted_mid_round_stops_it_and_forgets_the_webhook(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    cog = running_bot.cogs["DebateCog"]
    standin.when_posted(3, lambda: standin.delete_channel(CHANNEL_ID))
    await standin.interact("debate", {"topic": TOPIC}, app_permissions=ALL_BOT_PERMISSIONS)
    await standin.wait_until(lambda: CHANNEL_ID in standin.deleted)
    await standin.wait_until(round_over(running_bot))
    assert len(standin.channel_posts(CHANNEL_ID)) == 3  # nothing after the deletion, nothing elsewhere
    assert set(standin.messages) == {CHANNEL_ID}
    assert CHANNEL_ID not in cog.webhooks._hooks  # the next round there would not reuse a dead webhook
    assert not standin.webhooks  # Discord deleted it with the channel; the bot made no other
    await still_serving(standin, OTHER_CHANNEL_ID)


@pytest.mark.parametrize("webhook", [False, True], ids=["embeds", "webhook"])
async def test_permissions_revoked_mid_round_end_it_and_tell_the_starter(
    standin: DiscordStandIn, running_bot, payloads: Payloads, webhook: bool
) -> None:
    standin.when_posted(3, lambda: standin.revoked.add(CHANNEL_ID))
    permissions = ALL_BOT_PERMISSIONS if webhook else BASIC_BOT_PERMISSIONS
    interaction = await standin.interact("debate", {"topic": TOPIC}, app_permissions=permissions)
    followups = rf"/webhooks/{APP_ID}/{interaction.token}"
    await standin.wait_until(lambda: bool(standin.requests("POST", followups)))
    await standin.wait_until(round_over(running_bot))
    assert 403 in statuses(standin, "POST", POSTS)
    (told,) = [c.body for c in standin.requests("POST", followups)]
    assert told["flags"] & EPHEMERAL  # only the starter sees it; the channel refuses posts anyway
    assert "stopped early" in told["content"] and "“open source”" in told["content"]
    posts = standin.channel_posts(CHANNEL_ID)  # in webhook mode voiced turns still land until the next narration
    assert len(posts) >= 3 and [visible(p) for p in posts] == planned(payloads, webhook)[: len(posts)]
    assert len(standin.requests("POST", r"/channels/\d+/webhooks")) == (1 if webhook else 0)
    standin.revoked.clear()
    await still_serving(standin)


@pytest.mark.parametrize(
    ("missing", "named"), [(EMBED_LINKS, "Embed Links"), (SEND_MESSAGES, "Send Messages")], ids=["embed", "send"]
)
async def test_a_bot_without_embed_links_or_send_messages_says_so(
    standin: DiscordStandIn, running_bot, missing: int, named: str
) -> None:
    interaction = await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS & ~missing)
    await standin.wait_until(lambda: interaction.answered)
    body = standin.requests("POST", rf"/interactions/{interaction.id}/[^/]+/callback")[0].body["data"]
    assert body["flags"] & EPHEMERAL and body["content"] == f"I need these permissions here: {named}."
    await asyncio.sleep(0.05)  # a round that wrongly started would have posted by now (pace 0.01 s)
    assert not standin.channel_posts(CHANNEL_ID)
    assert running_bot.cogs["DebateCog"].rounds.find(CHANNEL_ID) is None


WEBHOOK_POSTS = rf"/webhooks/(?!{APP_ID}/)\d+/[^/]+"


async def test_a_webhook_post_whose_answer_is_lost_appears_once(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    """Reported: a 500 after the webhook post went through was retried by discord.py: 31 posts for 30 turns."""
    want = planned(payloads, webhook=True)
    standin.faults.append(Fault("POST", WEBHOOK_POSTS, 500, skip=1, after_commit=True))
    posts = await run_round(standin, len(want))
    await standin.wait_until(round_over(running_bot))
    assert [visible(p) for p in posts] == want
    assert 500 in statuses(standin, "POST", WEBHOOK_POSTS)


async def test_a_webhook_post_that_failed_with_500_is_posted_once_more(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    want = planned(payloads, webhook=True)
    standin.faults.append(Fault("POST", WEBHOOK_POSTS, 500, skip=1))  # nothing was posted this time
    posts = await run_round(standin, len(want))
    await standin.wait_until(round_over(running_bot))
    assert [visible(p) for p in posts] == want
