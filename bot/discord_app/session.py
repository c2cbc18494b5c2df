"""Debate rounds in channels: one asyncio task per channel, paced, stoppable, never left behind.

The shape follows Red-DiscordBot's trivia sessions: the command only starts the task; the task
posts through ``channel.send`` (or a webhook), so a long round outlives the interaction token.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field

import discord
from discord import app_commands

from ..render import escape
from .payloads import Step, text_messages
from .sender import Poster, PostInDoubt

log = logging.getLogger(__name__)

# A closing line is a courtesy: it must not hold up /stop or a shutdown when Discord is slow.
CLOSING_TIMEOUT = 5.0
# A round paused longer than this ends: a forgotten pause must not hold the channel (one round per channel).
MAX_PAUSE = 10 * 60.0


class Busy(Exception):
    """A round is already running where one was asked for; the message says so to the user."""


@dataclass(eq=False)
class Round:
    channel_id: int
    guild_id: int | None
    starter_id: int
    topic: str
    nonce_prefix: str
    target_id: int | None = None  # the thread it posts in, when not the channel itself
    task: asyncio.Task | None = None
    posted: list[str] = field(default_factory=list)  # step kinds posted so far, for logs and tests
    outcome: str = "running"  # "finished", "stopped", "shut down", "channel deleted" or "failed: ..."
    stopped_by: str | None = None  # the display name of whoever used /stop
    # Tells the starter privately (an ephemeral follow-up) when the channel itself refuses posts.
    notify: Callable[[str], Awaitable[object]] | None = None
    token_expires: float | None = None  # loop time after which the interaction's token (and notify) is dead
    pace: float | None = None  # this server's seconds between posts; None: the Rounds default
    resumed: asyncio.Event = field(default_factory=asyncio.Event)  # set while running, cleared while paused
    controls: discord.ui.View | None = None  # the header's buttons; taken away when the round ends
    header: discord.Message | None = None  # the message that carries them, once posted
    on_end: Callable[[Round], Awaitable[object]] | None = None  # called once a started round has ended

    def __post_init__(self) -> None:
        self.resumed.set()

    @property
    def paused(self) -> bool:
        return not self.resumed.is_set()


class Cooldowns:
    """One round per user per ``seconds``; a /debate that does not start a round gives its turn back."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._by_user: dict[Hashable, app_commands.Cooldown] = {}

    def take(self, user_id: Hashable, seconds: float | None = None) -> None:
        """Spend the user's turn now (so two requests at once cannot both start), or raise
        CommandOnCooldown, which the tree explains to the user. ``seconds``: this server's cooldown."""
        seconds = self.seconds if seconds is None else seconds
        if seconds <= 0:
            return
        # Forget users whose wait is over, so the map holds only the last few minutes' starters.
        self._by_user = {u: c for u, c in self._by_user.items() if c.get_retry_after() > 0}
        cooldown = self._by_user.get(user_id)
        if cooldown is None or cooldown.per != seconds:  # the server changed its cooldown meanwhile
            cooldown = self._by_user[user_id] = app_commands.Cooldown(1, seconds)
        retry = cooldown.update_rate_limit()
        if retry:
            raise app_commands.CommandOnCooldown(cooldown, retry)

    def give_back(self, user_id: Hashable) -> None:
        cooldown = self._by_user.pop(user_id, None)
        if cooldown is not None:
            cooldown.reset()


class Rounds:
    """Every running round, by channel; enforces one per channel and a cap per guild."""

    def __init__(self, pace: float, per_guild: int):
        self.pace = pace
        self.per_guild = per_guild
        self._running: dict[int, Round] = {}

    def __len__(self) -> int:
        """Rounds running or reserved right now (load tests watch that the cap holds)."""
        return len(self._running)

    def find(self, channel_id: int) -> Round | None:
        """The round started from this channel or posting into it (a thread)."""
        return self._running.get(channel_id) or next(
            (r for r in self._running.values() if r.target_id == channel_id), None
        )

    def check_room(self, channel_id: int, guild_id: int | None) -> None:
        current = self._running.get(channel_id)
        if current is not None:
            raise Busy("A debate round is already running in this channel; wait for it to finish or use /stop.")
        in_guild = sum(1 for r in self._running.values() if guild_id is not None and r.guild_id == guild_id)
        if in_guild >= self.per_guild:
            raise Busy(f"This server already has {in_guild} debate round(s) running; try again when one finishes.")

    def reserve(self, round_: Round) -> None:
        """Claim the channel before any await, so two requests at once cannot both start."""
        self.check_room(round_.channel_id, round_.guild_id)
        self._running[round_.channel_id] = round_

    def release(self, round_: Round) -> None:
        """Give back a reservation whose round never started."""
        if round_.task is None and self._running.get(round_.channel_id) is round_:
            del self._running[round_.channel_id]

    def start(self, round_: Round, poster: Poster, steps: Sequence[Step]) -> Round:
        if round_.outcome != "running":
            raise RuntimeError(f"round in channel {round_.channel_id} was {round_.outcome} before it started")
        if self._running.get(round_.channel_id) is not round_:
            self.reserve(round_)
        round_.task = asyncio.create_task(self._run(round_, poster, steps), name=f"debate-{round_.channel_id}")
        return round_

    def stop(self, round_: Round, reason: str = "stopped", by: str | None = None) -> bool:
        """End a round at whatever stage it is; returns whether it had started posting.

        A round still being set up (its command awaiting Discord) is only marked: the command sees the
        outcome before it starts the task, so a stop wins at any moment. A running task is cancelled
        and posts its own closing line on the way out.
        """
        if round_.outcome != "running":
            # Already ending (a second /stop, a second press of Stop): cancelling again would cut its
            # closing line, its buttons' removal and its record short.
            return round_.task is not None
        round_.outcome, round_.stopped_by = reason, by
        if round_.task is None:
            if self._running.get(round_.channel_id) is round_:
                del self._running[round_.channel_id]
            return False
        round_.task.cancel()
        return True

    async def close(self) -> None:
        """Cancel every round (cog unload, shutdown) and wait until each task has ended."""
        for round_ in self._running.values():
            if round_.outcome == "running":
                round_.outcome = "shut down"
        tasks = [r.task for r in self._running.values() if r.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self, round_: Round, poster: Poster, steps: Sequence[Step]) -> None:
        try:
            number = 0
            for step in steps:
                if step.paced:
                    if not await _unpaused(round_):
                        round_.outcome = "paused too long"
                        await post_closing_line(round_, poster)
                        return
                    await poster.typing()
                    await asyncio.sleep(self.pace if round_.pace is None else round_.pace)
                for message in step.messages:
                    view = round_.controls if round_.header is None else None  # the round's first message
                    posted = await poster.post(message, nonce=f"{round_.nonce_prefix}{number}", view=view)
                    if view is not None:
                        round_.header = posted
                    number += 1
                round_.posted.append(step.kind)
            round_.outcome = "finished"
        except asyncio.CancelledError:
            if round_.outcome == "running":
                round_.outcome = "stopped"
            await post_closing_line(round_, poster)
            raise
        except (discord.HTTPException, PostInDoubt) as exc:
            round_.outcome = f"failed: {exc.status} {type(exc).__name__}"
            log.warning("debate round in channel %s ended early: %s", round_.channel_id, round_.outcome)
            await _tell(round_, poster, exc)
        except Exception:
            round_.outcome = "failed: internal error"
            log.exception("debate round in channel %s crashed", round_.channel_id)
            await _tell(round_, poster, None)
        finally:
            if self._running.get(round_.channel_id) is round_:
                del self._running[round_.channel_id]
            await _ended(round_)


async def _unpaused(round_: Round) -> bool:
    """Wait while the round is paused; False when the pause outlasted MAX_PAUSE."""
    if not round_.paused:
        return True
    # asyncio.wait, not wait_for: on Python < 3.12 wait_for can swallow a /stop's cancellation.
    waiter = asyncio.ensure_future(round_.resumed.wait())
    try:
        done, _ = await asyncio.wait({waiter}, timeout=MAX_PAUSE)
    finally:
        waiter.cancel()
    return bool(done)


async def _ended(round_: Round) -> None:
    """However a started round ended: its buttons go (the header edited with none), then it is recorded."""
    if round_.controls is not None:
        round_.controls.stop()
    if round_.header is not None and round_.outcome != "channel deleted":
        try:
            await asyncio.wait_for(round_.header.edit(view=None), CLOSING_TIMEOUT)
        except (discord.HTTPException, asyncio.TimeoutError) as exc:
            log.warning("could not take the buttons off the round in channel %s: %s", round_.channel_id, exc)
    if round_.on_end is not None:
        try:
            await round_.on_end(round_)
        except Exception:  # recording is a courtesy: it must never break the round's clean-up
            log.exception("could not record the round in channel %s", round_.channel_id)


def closing_line(round_: Round) -> str | None:
    """What the channel reads when a round is cut short (nothing when the channel itself is gone)."""
    topic = escape(round_.topic)
    if round_.outcome == "stopped":
        by = f" by {escape(round_.stopped_by)}" if round_.stopped_by else ""
        return f"_The debate on “{topic}” was stopped{by}._"
    if round_.outcome == "shut down":
        return f"_The debate on “{topic}” was cut short: the bot is shutting down._"
    if round_.outcome == "paused too long":
        return f"_The debate on “{topic}” ended: it was paused for over {MAX_PAUSE / 60:.0f} minutes._"
    return None


async def post_closing_line(round_: Round, poster: Poster) -> None:
    """The round's last word where it runs, bounded in time; a failure is only logged."""
    line = closing_line(round_)
    if line is None:
        return
    try:
        await asyncio.wait_for(poster.post(text_messages(line)[0]), CLOSING_TIMEOUT)
    except (discord.HTTPException, asyncio.TimeoutError) as exc:
        log.warning("could not post the closing line in channel %s: %s", round_.channel_id, exc)


def _token_dead(round_: Round) -> bool:
    return round_.token_expires is not None and asyncio.get_running_loop().time() >= round_.token_expires


async def _tell(round_: Round, poster: Poster, exc: discord.HTTPException | PostInDoubt | None) -> None:
    """One clear message: in the channel while it accepts posts, else privately to whoever started the round."""
    why = f"Discord answered {exc.status}" if exc is not None else "an internal error (logged)"
    with contextlib.suppress(discord.HTTPException):
        if not isinstance(exc, discord.Forbidden | discord.NotFound):
            await poster.post(text_messages(f"_This debate round stopped early: {why}._")[0])
        elif round_.notify is not None and _token_dead(round_):
            log.warning(
                "the round in channel %s failed after its token has expired; nobody could be told", round_.channel_id
            )
        elif round_.notify is not None:
            # A channel message would fail the same way; the interaction's follow-up still reaches the starter.
            gone = "the channel or its webhook is gone" if exc.status == 404 else "I may no longer post there"
            topic = escape(round_.topic)
            await round_.notify(
                f"_The debate round on “{topic}” stopped early: {gone} ({why}, {exc.text or 'no detail'})._"
            )
