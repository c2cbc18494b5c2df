"""A burst of interactions through the stand-in, with the figures a reader of docs/RELIABILITY.md wants.

Used by tests/e2e/test_load.py (which asserts only protocol rules: every interaction acknowledged
within Discord's 3 seconds, the per-guild round cap) and by benchmarks/load_discord.py (which prints).
The bot and the stand-in share one event loop, so the lag measured is the bot's plus the stand-in's.
"""

from __future__ import annotations

import asyncio
import random
import statistics
from dataclasses import dataclass, field

import discord

from .standin import USER_ID, DiscordStandIn, Interaction

TOPICS = ["open source", "regulation", "safety", "monopoly", "training data", "Llama", "what about AGI?"]
FIGURES = ["musk", "altman", "lecun", "amodei", "suleyman", "kai-fu-lee"]
LAG_TICK = 0.005  # the monitor asks to wake every 5 ms; anything later is time the loop was busy


@dataclass
class LoadReport:
    interactions: int
    channels: int
    arrival_seconds: float = 0.0  # first to last INTERACTION_CREATE
    acknowledged: int = 0
    late: int = 0  # answered after the 3-second deadline (Discord would have shown "did not respond")
    ack_seconds: list[float] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    rounds_started: int = 0
    round_seconds: list[float] = field(default_factory=list)  # first post to last, per round
    rate_limited: int = 0  # 429s the stand-in's buckets gave (the bot is meant to wait before them)
    round_refusals: int = 0  # /debate answered with the per-guild or per-channel notice
    max_concurrent_rounds: int = 0
    lag_seconds: list[float] = field(default_factory=list)

    def lines(self) -> list[str]:
        acks, lag = sorted(self.ack_seconds) or [0.0], sorted(self.lag_seconds) or [0.0]
        kinds = ", ".join(f"{n} /{k}" for k, n in sorted(self.kinds.items()))
        return [
            f"interactions: {self.interactions} over {self.channels} channels in {self.arrival_seconds:.2f} s ({kinds})",
            f"acknowledged within 3 s: {self.acknowledged}/{self.interactions} (late: {self.late})",
            f"time to acknowledge: median {statistics.median(acks) * 1000:.0f} ms, "
            f"p95 {_pct(acks, 95) * 1000:.0f} ms, max {acks[-1] * 1000:.0f} ms",
            f"debate rounds: {self.rounds_started} started, {self.round_refusals} refused with a notice, "
            f"at most {self.max_concurrent_rounds} at once",
            f"round length (first post to transcript): {', '.join(f'{s:.1f} s' for s in self.round_seconds) or '-'}; "
            f"429s from the rate limits: {self.rate_limited}",
            f"event-loop lag: median {statistics.median(lag) * 1000:.1f} ms, p99 {_pct(lag, 99) * 1000:.1f} ms, "
            f"max {lag[-1] * 1000:.1f} ms over {len(self.lag_seconds)} ticks",
        ]


def _pct(ordered: list[float], pct: int) -> float:
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


async def _watch(bot: discord.Client, report: LoadReport, stop: asyncio.Event) -> None:
    """Event-loop lag and concurrent rounds, sampled every tick until stopped."""
    loop = asyncio.get_running_loop()
    rounds = bot.cogs["DebateCog"].rounds  # type: ignore[attr-defined]
    while not stop.is_set():
        asked = loop.time()
        await asyncio.sleep(LAG_TICK)
        report.lag_seconds.append(max(0.0, loop.time() - asked - LAG_TICK))
        report.max_concurrent_rounds = max(report.max_concurrent_rounds, len(rounds))


def _command(rng: random.Random, number: int) -> tuple[str, dict]:
    kind = ("ask", "stance", "debate")[number % 3]
    topic = rng.choice(TOPICS)
    if kind == "stance":
        return kind, {"figure": rng.choice(FIGURES), "topic": topic}
    return kind, {"topic": topic}


async def run_load(
    server: DiscordStandIn,
    bot: discord.Client,
    channels: list[int],
    count: int = 200,
    within: float = 1.0,
    rounds_timeout: float = 30.0,
) -> LoadReport:
    """Send ``count`` mixed commands spread evenly over ``within`` seconds, then wait for every answer
    and for the rounds to end (``rounds_timeout``: at Discord's real rate limits a round takes ~30 s)."""
    rng = random.Random(6)
    report = LoadReport(count, len(channels))
    stop = asyncio.Event()
    watcher = asyncio.create_task(_watch(bot, report, stop))
    loop = asyncio.get_running_loop()
    sent: list[tuple[str, Interaction]] = []
    start = loop.time()
    for number in range(count):
        await asyncio.sleep(max(0.0, start + number * within / count - loop.time()))
        kind, options = _command(rng, number)
        # A user per two requests: the per-user cooldowns stay out of the way of what is measured.
        user = USER_ID + 1 + number // 2
        sent.append(
            (kind, await server.interact(kind, options, user_id=user, channel_id=channels[number % len(channels)]))
        )
        report.kinds[kind] = report.kinds.get(kind, 0) + 1
    report.arrival_seconds = loop.time() - start
    try:
        await server.wait_until(lambda: all(i.answered or i.late for _, i in sent), timeout=30.0)
        rounds = bot.cogs["DebateCog"].rounds  # type: ignore[attr-defined]
        await server.wait_until(lambda: len(rounds) == 0, timeout=rounds_timeout)
    finally:
        stop.set()
        await watcher
    report.rate_limited = len(server.rate_limits.limited)
    for channel_id in channels:
        posted = [c.at for c in server.requests("POST", rf"/channels/{channel_id}/messages") if c.status == 200]
        if posted:
            report.round_seconds.append(posted[-1] - posted[0])
    for kind, interaction in sent:
        report.late += interaction.late
        if interaction.answered and interaction.answered_at is not None:
            report.acknowledged += 1
            report.ack_seconds.append(interaction.answered_at - interaction.dispatched_at)
        if kind == "debate":
            refused = _refusal(server, interaction)
            report.round_refusals += refused
            report.rounds_started += interaction.answered and not refused
    return report


def _refusal(server: DiscordStandIn, interaction: Interaction) -> bool:
    callbacks = server.requests("POST", rf"/interactions/{interaction.id}/[^/]+/callback")
    data = (callbacks[0].body.get("data") or {}) if callbacks else {}
    return "debate round" in (data.get("content") or "") and bool(data.get("flags", 0) & 64)
