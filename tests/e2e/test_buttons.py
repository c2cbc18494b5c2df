"""The Stop and Pause/Resume buttons on a running round's header, as members press them."""

from __future__ import annotations

import asyncio

from bot.discord_app.controls import REFUSAL

from .checks import TOPIC, rounds_recorded
from .harness import bot_running
from .standin import CHANNEL_ID, MANAGE_MESSAGES, USER_ID, DiscordStandIn, Interaction
from .standin.channels import buttons


def rounds_of(bot):
    return bot.cogs["DebateCog"].rounds


def labels(message: dict) -> list[str]:
    return [b["label"] for b in buttons(message)]


def header(standin: DiscordStandIn) -> dict:
    return standin.channel_posts(CHANNEL_ID)[0]


async def pressed(standin: DiscordStandIn, label: str, **kwargs) -> Interaction:
    click = await standin.click(header(standin), label, **kwargs)
    await standin.wait_until(lambda: click.answered)
    return click


async def held_after_the_header(standin: DiscordStandIn) -> asyncio.Event:
    """Start a round and keep it running: every post after the header waits until the returned event is set."""
    release = asyncio.Event()

    def hold() -> None:
        standin.hold = release

    standin.when_posted(1, hold)
    await standin.interact("debate", {"topic": TOPIC})
    await standin.wait_until(lambda: standin.held >= 1)
    return release


async def test_the_header_carries_stop_and_pause_until_the_round_finishes(standin: DiscordStandIn, running_bot):
    release = await held_after_the_header(standin)
    assert labels(header(standin)) == ["Stop", "Pause"]
    ids = [b["custom_id"] for b in buttons(header(standin))]
    assert all(i.startswith("debate:d") for i in ids) and len(set(ids)) == 2  # scoped to this round
    release.set()
    await rounds_recorded(running_bot, 1)
    assert buttons(header(standin)) == []  # edited away: nobody can press them now
    assert header(standin)["edited_timestamp"] is not None


async def test_someone_else_is_refused_privately_and_the_round_goes_on(standin: DiscordStandIn, running_bot):
    release = await held_after_the_header(standin)
    click = await pressed(standin, "Stop", user_id=USER_ID + 4)
    assert click.seen() == [(False, REFUSAL)]
    assert labels(header(standin)) == ["Stop", "Pause"] and len(rounds_of(running_bot)) == 1
    release.set()
    (stored,) = await rounds_recorded(running_bot, 1)
    assert stored.round.ended_how == "finished"


async def test_stop_by_the_starter_or_a_moderator_ends_the_round(standin: DiscordStandIn, running_bot):
    release = await held_after_the_header(standin)
    click = await pressed(standin, "Stop", user_id=USER_ID + 2, member_permissions=MANAGE_MESSAGES)
    assert click.response_type == 7 and buttons(header(standin)) == []  # the buttons go at once
    release.set()
    (stored,) = await rounds_recorded(running_bot, 1)
    assert stored.round.ended_how == "stopped"
    assert standin.channel_posts(CHANNEL_ID)[-1]["content"] == "_The debate on “open source” was stopped by user5._"


async def test_pause_holds_the_round_until_resume(standin: DiscordStandIn, running_bot):
    release = await held_after_the_header(standin)
    await pressed(standin, "Pause")  # the starter
    assert labels(header(standin)) == ["Stop", "Resume"]
    release.set()
    (round_,) = list(rounds_of(running_bot)._running.values())
    await standin.wait_until(lambda: round_.posted == ["header", "turn"])  # the turn under way is finished
    await asyncio.sleep(0.3)  # a round at this pace would be over by now; paused, it waits
    assert round_.posted == ["header", "turn"] and round_.outcome == "running"
    await pressed(standin, "Resume")
    assert labels(header(standin)) == ["Stop", "Pause"]
    (stored,) = await rounds_recorded(running_bot, 1)
    assert stored.round.ended_how == "finished" and buttons(header(standin)) == []


async def test_the_buttons_go_when_the_bot_shuts_down(standin: DiscordStandIn, restore_discord_globals):
    async with bot_running(standin, DEBATE_PACE_SECONDS="5"):  # slow: the round is mid-way at shutdown
        await standin.interact("debate", {"topic": TOPIC})
        await standin.wait_until(lambda: bool(standin.channel_posts(CHANNEL_ID)))
        assert labels(header(standin)) == ["Stop", "Pause"]
    assert buttons(header(standin)) == []
    assert "cut short: the bot is shutting down" in standin.channel_posts(CHANNEL_ID)[-1]["content"]


async def test_a_button_left_by_a_round_the_bot_no_longer_runs_is_answered_privately(
    standin: DiscordStandIn, running_bot
) -> None:
    """A header whose buttons were never taken away (the bot was killed mid-round, say): pressing one tells
    the member the round has ended, instead of Discord's "This interaction failed"."""
    from bot.discord_app.controls import ENDED

    row = [{"type": 1, "components": [{"type": 2, "style": 4, "label": "Stop", "custom_id": "debate:dold-stop"}]}]
    left = standin.earlier_post(CHANNEL_ID, {"content": "an old header", "components": row})
    click = await standin.click(left, "Stop")
    await standin.wait_until(lambda: click.answered)
    assert click.seen() == [(False, ENDED)]
