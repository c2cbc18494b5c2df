"""Debate rounds end to end: every turn posted once, in order, through faults and a dropped gateway."""

from __future__ import annotations

import asyncio
import re

from bot.debate import Planner
from bot.discord_app.payloads import TRANSCRIPT_NAME, Payloads
from bot.search.ranker import Ranker

from .checks import EPHEMERAL, TOPIC, assert_every_post_is_safe, planned, run_round, visible
from .standin import BASIC_BOT_PERMISSIONS, CHANNEL_ID, USER_ID, DiscordStandIn, Fault

MANAGE_MESSAGES = 1 << 13


async def test_round_posts_every_turn_once_in_order_with_transcript(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    want = planned(payloads, webhook=False)
    posts = await run_round(standin, len(want), _app_permissions=BASIC_BOT_PERMISSIONS)
    await asyncio.sleep(0)  # let a stray extra post, if any, land before counting
    assert [visible(p) for p in posts] == want
    # The interaction is deferred at once, then answered; the round itself goes through channel.send.
    callback = standin.requests("POST", r"/interactions/\d+/[^/]+/callback")[0]
    assert callback.body["type"] == 5 and callback.status == 200
    assert "starting below" in standin.requests("PATCH", r"/webhooks/\d+/[^/]+/messages/@original")[0].body["content"]
    assert not standin.requests("POST", r"/webhooks/\d+/[^/]+")  # no follow-ups: they die with the token
    transcript = posts[-1]["attachments"]
    assert [a["filename"] for a in transcript] == [TRANSCRIPT_NAME]
    assert transcript[0]["text"] == payloads.render.debate(Planner(Ranker(payloads.data)).debate(TOPIC, None, 3))
    assert standin.requests("POST", rf"/channels/{CHANNEL_ID}/typing")
    assert_every_post_is_safe(standin)


async def test_webhook_mode_voices_turns_as_labelled_quotes(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    want = planned(payloads, webhook=True)
    posts = await run_round(standin, len(want))
    assert [visible(p) for p in posts] == want
    voiced = [p for p in posts if p.get("webhook_id")]
    assert voiced and all(
        " · quoted in " in p["author"]["username"] or " · reported in " in p["author"]["username"] for p in voiced
    )
    assert all(not p["content"] for p in voiced)  # narration never appears under a figure's name
    assert len(standin.requests("POST", r"/channels/\d+/webhooks")) == 1
    # A second round in the same channel reuses the webhook.
    await standin.wait_until(lambda: running_bot.cogs["DebateCog"].rounds.find(CHANNEL_ID) is None)
    await run_round(standin, 2 * len(want))
    assert len(standin.requests("POST", r"/channels/\d+/webhooks")) == 1
    assert_every_post_is_safe(standin)


async def test_round_survives_429_500_and_a_dropped_gateway(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    want = planned(payloads, webhook=False)
    posts_path = rf"/channels/{CHANNEL_ID}/messages"
    standin.faults += [
        Fault("POST", posts_path, 429, skip=1, retry_after=0.05),
        # The post is made but the answer lost: the retry must not post the turn twice.
        Fault("POST", posts_path, 500, skip=2, after_commit=True),
    ]
    standin.when_posted(4, standin.drop_gateway)
    posts = await run_round(standin, len(want), _app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: standin.gateway.resumes == 1)
    assert [visible(p) for p in posts] == want
    assert [c.status for c in standin.requests("POST", posts_path)].count(429) == 1
    assert [c.status for c in standin.requests("POST", posts_path)].count(500) == 1
    assert standin.gateway.identifies == 1  # resumed, not re-identified
    # The gateway works again after the resume: another command is answered.
    interaction = await standin.interact("about")
    await standin.wait_until(lambda: interaction.answered)


async def test_one_round_per_channel_and_stop_rules(standin: DiscordStandIn, running_bot) -> None:
    standin.hold = asyncio.Event()  # keep the round's first post waiting, so the round stays running
    await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: standin.held >= 1)

    second = await standin.interact("debate", {"topic": "regulation"}, user_id=USER_ID + 1)
    await standin.wait_until(lambda: second.answered)
    busy = standin.requests("POST", rf"/interactions/{second.id}/[^/]+/callback")[0].body["data"]
    assert busy["flags"] & EPHEMERAL and "already running" in busy["content"]

    stranger = await standin.interact("stop", user_id=USER_ID + 1)
    await standin.wait_until(lambda: stranger.answered)
    refused = standin.requests("POST", rf"/interactions/{stranger.id}/[^/]+/callback")[0].body["data"]
    assert refused["flags"] & EPHEMERAL and "Manage Messages" in refused["content"]

    moderator = await standin.interact("stop", user_id=USER_ID + 2, member_permissions=MANAGE_MESSAGES)
    await standin.wait_until(lambda: moderator.answered)
    assert moderator.seen() == [(False, "Stopped the debate on “open source”.")]
    standin.hold.set()
    await standin.wait_until(lambda: running_bot.cogs["DebateCog"].rounds.find(CHANNEL_ID) is None)
    posts = standin.channel_posts(CHANNEL_ID)
    assert posts[-1]["content"] == "_The debate on “open source” was stopped by user5._"  # said once, publicly
    assert not any(a["filename"] == TRANSCRIPT_NAME for p in posts for a in p["attachments"])


async def test_round_in_a_thread(standin: DiscordStandIn, running_bot, payloads: Payloads) -> None:
    want = planned(payloads, webhook=False)
    interaction = await standin.interact(
        "debate", {"topic": TOPIC, "thread": True}, app_permissions=BASIC_BOT_PERMISSIONS | (1 << 35) | (1 << 38)
    )
    await standin.wait_until(lambda: bool(standin.threads))
    thread_id = next(iter(standin.threads))
    await standin.wait_until(lambda: len(standin.channel_posts(thread_id)) >= len(want))
    await standin.wait_until(lambda: interaction.answered)
    assert [visible(p) for p in standin.channel_posts(thread_id)] == want
    assert not standin.channel_posts(CHANNEL_ID)
    assert standin.threads[thread_id]["name"] == f"Debate: {TOPIC}"


async def test_forbidden_post_ends_the_round_without_hanging(standin: DiscordStandIn, running_bot) -> None:
    standin.faults.append(Fault("POST", rf"/channels/{CHANNEL_ID}/messages", 403, skip=2, times=99))
    await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: any(c.status == 403 for c in standin.calls))
    cog = running_bot.cogs["DebateCog"]
    await standin.wait_until(lambda: cog.rounds.find(CHANNEL_ID) is None)
    assert len(standin.channel_posts(CHANNEL_ID)) == 2
    # The channel is free again: the next request is accepted (and deferred), not refused as busy.
    standin.faults.clear()
    again = await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: again.answered)
    assert standin.requests("POST", rf"/interactions/{again.id}/[^/]+/callback")[0].body["type"] == 5


async def test_only_a_round_that_starts_spends_the_cooldown(standin: DiscordStandIn, restore_discord_globals) -> None:
    """Reported: an unknown figure, then a valid /debate, gave "Slow down"."""
    from .harness import bot_running

    async with bot_running(standin, DEBATE_COOLDOWN_SECONDS="30") as bot:
        refused = await standin.interact("debate", {"topic": TOPIC, "figures": "nobody-at-all"})
        await standin.wait_until(lambda: refused.settled)
        assert "did you mean" in refused.seen()[0][1] or "unknown" in refused.seen()[0][1].lower()
        started = await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
        await standin.wait_until(lambda: started.settled and len(bot.cogs["DebateCog"].rounds) == 0)
        assert "starting below" in started.seen()[0][1]
        again = await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
        await standin.wait_until(lambda: again.settled)
        [(ephemeral, text)] = again.seen()
        # The cooldown runs from the started round's command, so a slow machine may show 29 s or less.
        wait = re.fullmatch(r"Slow down: you can use this command again in (\d+) s\.", text)
        assert not ephemeral and wait is not None and 20 <= int(wait[1]) <= 30
