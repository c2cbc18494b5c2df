"""Command callbacks and the round runner with mocked interactions and channels: what the user is told."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands

from bot.discord_app import autocomplete
from bot.discord_app import cog as cog_module
from bot.discord_app.cog import DebateCog
from bot.discord_app.cog_query import QueryCog
from bot.discord_app.loaded import load
from bot.discord_app.payloads import MessageSpec, Step
from bot.discord_app.sender import Poster
from bot.discord_app.session import Busy, Round, Rounds
from bot.discord_app.settings import Settings
from bot.discord_app.store import GuildSettings
from bot.discord_app.tree import explain_error
from bot.errors import DataError, Problem, UsageError


def interaction(user_id: int = 1, manage_messages: bool = False) -> MagicMock:
    inter = MagicMock(spec=discord.Interaction)
    inter.user = SimpleNamespace(id=user_id, display_name="Ann")
    inter.permissions = discord.Permissions(manage_messages=manage_messages)
    inter.channel_id = 10
    inter.response = MagicMock()
    inter.response.is_done.return_value = False
    inter.response.send_message = AsyncMock()
    # Once deferred, later messages go out as follow-ups, as in discord.py.
    inter.response.defer = AsyncMock(side_effect=lambda **_: inter.response.is_done.configure_mock(return_value=True))
    inter.followup = MagicMock()
    inter.followup.send = AsyncMock()
    return inter


def sent_text(inter: MagicMock) -> str:
    calls = inter.response.send_message.await_args_list + inter.followup.send.await_args_list
    return "\n".join(c.kwargs.get("content", "") for c in calls)


def fake_bot() -> SimpleNamespace:
    return SimpleNamespace(
        settings=Settings(token=None, pace=0),
        loaded=load(),
        is_owner=AsyncMock(return_value=True),
        store=None,
        guild_settings=AsyncMock(return_value=GuildSettings()),
    )


@pytest.fixture
def cog() -> DebateCog:
    return DebateCog(fake_bot())  # type: ignore[arg-type]


@pytest.fixture
def query() -> QueryCog:
    return QueryCog(fake_bot())  # type: ignore[arg-type]


def http_error(kind: type[discord.HTTPException], status: int) -> discord.HTTPException:
    return kind(SimpleNamespace(status=status, reason="x"), {"message": "x", "code": 0})


def channel_failing_on(post: int, error: discord.HTTPException) -> MagicMock:
    channel = MagicMock()
    channel.typing = AsyncMock()
    results = [MagicMock()] * post + [error] + [MagicMock()] * 5
    channel.send = AsyncMock(side_effect=results)
    return channel


STEPS = [Step("turn", (MessageSpec(content=f"turn {i}"),)) for i in range(4)]


@pytest.mark.parametrize(
    ("error", "told"),
    [
        (http_error(discord.DiscordServerError, 503), "This debate round stopped early: Discord answered 503"),
        (http_error(discord.Forbidden, 403), None),  # the channel refuses posts: only the log line
    ],
)
async def test_a_failed_post_ends_the_round_with_one_message(error, told) -> None:
    rounds = Rounds(pace=0, per_guild=2)
    channel = channel_failing_on(2, error)
    round_ = rounds.start(Round(10, 1, 1, "x", "n-"), Poster(channel), STEPS)
    await asyncio.wait_for(round_.task, 5)
    texts = [c.kwargs["content"] for c in channel.send.await_args_list]
    assert texts[:3] == ["turn 0", "turn 1", "turn 2"]
    assert texts[3:] == ([f"_{told}._"] if told else [])
    assert round_.outcome.startswith("failed") and rounds.find(10) is None


async def test_one_round_per_channel_and_a_cap_per_guild() -> None:
    rounds = Rounds(pace=0, per_guild=2)
    rounds.reserve(Round(10, 1, 1, "x", "a-"))
    with pytest.raises(Busy, match="already running in this channel"):
        rounds.reserve(Round(10, 1, 2, "y", "b-"))
    rounds.reserve(Round(11, 1, 2, "y", "b-"))
    with pytest.raises(Busy, match="already has 2"):
        rounds.reserve(Round(12, 1, 3, "z", "c-"))


async def test_stop_cancels_the_task_and_frees_the_channel(cog: DebateCog) -> None:
    channel = MagicMock(typing=AsyncMock(), send=AsyncMock())
    slow = Rounds(pace=60, per_guild=2)
    cog.rounds = slow
    round_ = slow.start(Round(10, 1, 1, "open source", "n-"), Poster(channel), STEPS)
    await asyncio.sleep(0)
    with pytest.raises(UsageError, match="Manage Messages"):
        await cog.stop.callback(cog, interaction(user_id=2))
    inter = interaction(user_id=2, manage_messages=True)
    await cog.stop.callback(cog, inter)
    await asyncio.wait_for(asyncio.gather(round_.task, return_exceptions=True), 5)
    assert round_.outcome == "stopped" and slow.find(10) is None
    assert sent_text(inter) == "Stopped the debate on “open source”."
    # The channel reads one closing line, posted by the round itself.
    assert channel.send.await_args.kwargs["content"] == "_The debate on “open source” was stopped by Ann._"


async def test_reload_keeps_the_old_data_and_says_why(cog: DebateCog, monkeypatch) -> None:
    before = cog.bot.loaded
    problem = Problem("personas/musk.yaml", 12, "positions[0].text", "not found in the article")
    monkeypatch.setattr(cog_module, "load", MagicMock(side_effect=DataError([problem])))
    inter = interaction()
    await cog.reload.callback(cog, inter)
    assert cog.bot.loaded is before
    assert "Kept the current data" in sent_text(inter) and "personas/musk.yaml:12" in sent_text(inter)
    assert inter.followup.send.await_args.kwargs["ephemeral"] is True


async def test_reload_swaps_in_valid_data(cog: DebateCog) -> None:
    before = cog.bot.loaded
    inter = interaction()
    await cog.reload.callback(cog, inter)
    assert cog.bot.loaded is not before and "Reloaded:" in sent_text(inter)


async def test_unknown_figure_becomes_a_short_did_you_mean(query: QueryCog) -> None:
    with pytest.raises(UsageError) as caught:
        await query.stance.callback(query, interaction(), "muks", "regulation")
    error = app_commands.CommandInvokeError(MagicMock(), caught.value)
    told = explain_error(error)
    assert "did you mean" in told and "musk" in told


def test_cooldowns_and_permissions_are_explained() -> None:
    cooldown = app_commands.CommandOnCooldown(app_commands.Cooldown(1, 30), 12.4)
    assert explain_error(cooldown) == "Slow down: you can use this command again in 12 s."
    missing = app_commands.BotMissingPermissions(["embed_links", "attach_files"])
    assert explain_error(missing) == "I need these permissions here: Embed Links, Attach Files."
    assert explain_error(app_commands.AppCommandError("bug")) is None  # logged, generic reply


def test_a_replaced_record_is_freed_after_reload() -> None:
    """Reported: gc.freeze() on every load kept each replaced record for good (about 1 MiB per /reload)."""
    import gc
    import weakref

    first = load()
    kept = [weakref.ref(first.data), weakref.ref(first.payloads)]
    del first
    load()
    gc.collect()
    assert all(ref() is None for ref in kept)


@pytest.mark.parametrize("paragraph", [0, -3, 23])
async def test_source_bounds_come_from_the_article(query: QueryCog, paragraph: int) -> None:
    """Reported: paragraph 0 or a negative one (outside Discord's min_value) raised IndexError."""
    with pytest.raises(UsageError, match="paragraph must be between 1 and 22"):
        await query.source.callback(query, interaction(), paragraph)


def test_the_synced_paragraph_range_is_the_articles(query: QueryCog) -> None:
    (option,) = [o for o in query.source.to_dict(MagicMock())["options"] if o["name"] == "paragraph"]
    assert (option["min_value"], option["max_value"]) == (1, 22)


def test_the_pace_has_an_upper_bound() -> None:
    """A slow round must end well within the 15 minutes its interaction token lives."""
    from bot.discord_app.settings import MAX_PACE, load_settings

    with pytest.raises(UsageError, match=f"DEBATE_PACE_SECONDS must be at most {MAX_PACE:g}"):
        load_settings({"DEBATE_PACE_SECONDS": "600"})


async def test_a_failure_notice_is_not_sent_once_the_token_has_expired(caplog) -> None:
    notify = AsyncMock()
    rounds = Rounds(pace=0, per_guild=2)
    round_ = Round(10, 1, 1, "x", "n-", notify=notify, token_expires=0.0)  # long past, on the loop's clock
    channel = channel_failing_on(0, http_error(discord.Forbidden, 403))
    rounds.start(round_, Poster(channel), STEPS)
    await asyncio.wait_for(round_.task, 5)
    notify.assert_not_awaited()
    assert any("token has expired" in r.getMessage() for r in caplog.records)


async def test_figure_autocomplete_leaves_out_names_already_chosen(cog: DebateCog) -> None:
    """Reported: "musk," offered musk again ("musk,musk")."""
    inter = interaction()
    inter.client = cog.bot
    choices = await autocomplete.figures(inter, "musk,")
    assert choices and all(not c.value.endswith(",musk") for c in choices)
    assert all(c.value.startswith("musk,") for c in choices)


def test_a_cooldown_is_held_while_a_round_sets_up_and_given_back_if_it_never_starts() -> None:
    from bot.discord_app.session import Cooldowns

    cooldowns = Cooldowns(30)
    cooldowns.take(1)
    with pytest.raises(app_commands.CommandOnCooldown):
        cooldowns.take(1)  # a second /debate at the same moment, in another channel
    cooldowns.take(2)  # other users are not affected
    cooldowns.give_back(1)  # the first never started
    cooldowns.take(1)


async def test_a_forgotten_pause_ends_the_round_and_frees_the_channel(monkeypatch) -> None:
    """One round per channel: a pause nobody lifts must not hold the channel for good."""
    from bot.discord_app import session

    monkeypatch.setattr(session, "MAX_PAUSE", 0.01)
    channel = MagicMock(typing=AsyncMock(), send=AsyncMock())
    rounds = Rounds(pace=0, per_guild=2)
    ended: list[str] = []
    round_ = Round(10, 1, 1, "open source", "n-", on_end=AsyncMock(side_effect=lambda r: ended.append(r.outcome)))
    round_.resumed.clear()  # paused before its first paced post
    rounds.start(round_, Poster(channel), STEPS)
    await asyncio.wait_for(round_.task, 5)
    assert round_.outcome == "paused too long" and rounds.find(10) is None and ended == ["paused too long"]
    assert channel.send.await_args.kwargs["content"].startswith("_The debate on “open source” ended: it was paused")


async def test_stance_maps_are_drawn_one_at_a_time_and_a_repeated_one_not_again(monkeypatch) -> None:
    """Reported while wiring the maps: 67 /ask at once, each drawing in its own thread, held the GIL so long
    that unrelated commands took about a second to be acknowledged."""
    import threading
    import time

    from bot.discord_app import pictures
    from bot.stancemap import StanceMap

    drawn: list[str] = []
    busy = threading.Lock()

    def draw(stance_map: StanceMap) -> bytes:
        assert busy.acquire(blocking=False), "two pictures drawn at once"
        time.sleep(0.01)
        drawn.append(stance_map.topic)
        busy.release()
        return stance_map.topic.encode()

    monkeypatch.setattr(pictures.stancemap, "draw", draw)

    def a_map(topic: str) -> StanceMap:
        return StanceMap(topic, "open vs closed", "closed", "neither", "open", (), (), "Source: x")

    drawer = pictures.Pictures()
    got = await asyncio.gather(*(drawer.png(a_map(t)) for t in ["a", "b", "a", "c", "a"]))
    assert got == [b"a", b"b", b"a", b"c", b"a"] and sorted(drawn) == ["a", "b", "c"]


async def test_a_second_stop_does_not_cut_the_first_ones_ending_short() -> None:
    """Two moderators pressing Stop at once: the round still posts its closing line and is recorded."""
    closing, posted = asyncio.Event(), []

    async def send(**kwargs):
        if kwargs.get("content", "").startswith("_The debate"):
            await closing.wait()  # the closing line is slow to post
            posted.append(kwargs["content"])
        return MagicMock()

    channel = MagicMock(typing=AsyncMock(), send=AsyncMock(side_effect=send))
    rounds = Rounds(pace=60, per_guild=2)
    ended = AsyncMock()
    round_ = rounds.start(Round(10, 1, 1, "open source", "n-", on_end=ended), Poster(channel), STEPS)
    await asyncio.sleep(0)
    assert rounds.stop(round_, by="Ann") is True
    await asyncio.sleep(0.01)  # the round is posting its closing line now
    assert rounds.stop(round_, by="Bob") is True
    closing.set()
    await asyncio.wait_for(asyncio.gather(round_.task, return_exceptions=True), 5)
    assert posted == ["_The debate on “open source” was stopped by Ann._"]
    ended.assert_awaited_once()
