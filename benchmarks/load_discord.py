"""The Discord load figures for docs/RELIABILITY.md: a burst through the loopback stand-in, printed.

    python -m benchmarks.load_discord [--interactions 200] [--channels 50] [--within 1.0] [--runs 3] [--rate-scale 1]

The same scenario as tests/e2e/test_load.py (mixed /ask, /stance, /debate, the real bot and
discord.py client on 127.0.0.1), run a few times, against Discord's real rate limits (the suite
scales their windows down; ``--rate-scale 1`` is Discord's own). Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import logging

from tests.e2e.harness import bot_running, discord_globals_restored
from tests.e2e.load import run_load
from tests.e2e.standin import CHANNEL_ID, OTHER_CHANNEL_ID, DiscordStandIn


async def one_run(interactions: int, channels: int, within: float, pace: str, rate_scale: float) -> list[str]:
    server = DiscordStandIn(rate_scale=rate_scale)
    await server.start()
    try:
        ids = [CHANNEL_ID, OTHER_CHANNEL_ID, *server.add_channels(max(0, channels - 2))][:channels]
        with discord_globals_restored():
            async with bot_running(server, DEBATE_PACE_SECONDS=pace) as bot:
                report = await run_load(server, bot, ids, interactions, within, rounds_timeout=300.0)
    finally:
        await server.stop()
    return report.lines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=200)
    parser.add_argument("--channels", type=int, default=50)
    parser.add_argument("--within", type=float, default=1.0, help="seconds over which the burst arrives")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pace", default="0.2", help="DEBATE_PACE_SECONDS for the rounds")
    parser.add_argument("--rate-scale", type=float, default=1.0, help="rate-limit windows x this (1 = Discord's)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the rate-limit and round warnings are expected here
    for run in range(1, args.runs + 1):
        print(f"run {run}:")
        for line in asyncio.run(one_run(args.interactions, args.channels, args.within, args.pace, args.rate_scale)):
            print("  " + line)


if __name__ == "__main__":
    main()
