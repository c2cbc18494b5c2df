"""Per-query cost of `ask`, load time and peak memory, for the engine and its peers, at several corpus sizes.

    python -m benchmarks [--quick] [--topics 1000] [--seed 7] [--json benchmarks/results/bench.json]

Also the wall time of a `debate-cli ask` beside `python -c pass` (benchmarks/cli_start.py).
Sizes: the shipped data ("seed"), then synthetic corpora of about 20, 1,000, 10,000 and 100,000 positions
(``--quick`` stops at 10,000 and uses fewer topics). Each (size, system) loads in its own process so the
peak memory is that system's alone. The per-query costs come from one process holding every system: per
topic each answers in turn, the same fixed batch of topics, so a slow spell of this shared machine falls on
all of them and the ratios hold. Also measures the memory of a ``debate-bot`` process with the shipped data.
Prints a table, writes JSON; never asserts times (tests don't time anything).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.core import load_core
from bot.data.dataset import Dataset, load_dataset
from bot.search.ranker import Ranker

from . import cli_start
from .corpus import PROJECT, generate, info
from .workload import examples_right, make_topics, percentile, time_batch

SIZES = {"seed": 0, "20": 20, "1k": 1_000, "10k": 10_000, "100k": 100_000}
QUICK_SIZES = ("seed", "20", "1k", "10k")
SYSTEMS = ("engine", "bm25s", "rank-bm25")
WARMUP = 200
# rank-bm25 scores every position in Python: its topic batch is cut so a size takes seconds, not minutes.
_RANK_BM25_BUDGET = 3_000_000  # positions scored per size


def _peak_mb() -> float:
    """This process's own peak: VmHWM resets at exec, ru_maxrss keeps the parent's high-water mark."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _folders(size: str, seed: int) -> tuple[Path, Path]:
    if size == "seed":
        return PROJECT / "seeds", PROJECT / "personas"
    return generate(SIZES[size], seed)


def prime(seeds: Path, personas: Path) -> dict:
    """A cold load (parse and validate, then index) timed part by part, then the cache write that fills the
    load cache for the measured runs (a first run with the cache on pays it once, after the engine is built).
    The load runs with the cyclic collector paused, as load_core runs it: the cold start that debate-cli and
    debate-bot pay."""
    from bot.data import cache
    from bot.search.ranker import Ranker

    with cache.gc_paused():
        started = time.perf_counter()
        data = load_dataset(seeds, personas)
        loaded = time.perf_counter()
        ranker = Ranker(data)
        built = time.perf_counter()
    entry = cache.key(seeds, personas)
    if entry is not None:
        cache.store(entry, (data, ranker))
    return {
        "cold_load_s": loaded - started,
        "cold_index_s": built - loaded,
        "cache_write_s": time.perf_counter() - built,
    }


def child(system: str, seeds: Path, personas: Path) -> dict:
    """One system on one corpus in a fresh process: load time and peak memory, that system's alone."""
    started = time.perf_counter()
    if system == "engine":
        core = load_core(seeds, personas)  # as debate-cli and debate-bot load: from the cache when large
        data, loaded = core.data, started
        speakers = _systems(data, [system], core.ranker)[system][1]
    else:
        data = load_dataset(seeds, personas)
        loaded = time.perf_counter()
        speakers = _systems(data, [system])[system][1]
    ready = time.perf_counter()
    result = {
        "system": system,
        "positions": sum(len(p.positions) for p in data.personas),
        "figures": len(data.personas),
        "articles": len(data.articles),
        # The engine's figure is load + validation + index (from the cache when the record is large enough);
        # a peer's is its index over the loaded positions.
        "load_s": ready - loaded,
        "peak_mb": _peak_mb(),
    }
    if seeds == PROJECT / "seeds":
        result["examples_right"] = examples_right(speakers)
    return result


def race(seeds: Path, personas: Path, topics: int, seed: int) -> dict:
    """Every system in one process answering the same topics in turn, so a slow spell of a shared machine
    falls on all of them alike: per topic, each system answers once, the first to answer rotating."""
    core = load_core(seeds, personas)
    data = core.data
    systems = _systems(data, SYSTEMS, core.ranker)
    gc.freeze()  # as debate-bot does once its record is loaded (bot/discord_app/loaded.py)
    positions = sum(len(p.positions) for p in data.personas)
    batch = make_topics(data, topics, seed)
    # rank-bm25 scores every position in Python: it answers only the first topics, so a size takes seconds.
    limit = {name: len(batch) for name in SYSTEMS}
    limit["rank-bm25"] = max(50, min(topics, _RANK_BM25_BUDGET // max(1, positions)))
    warmup = make_topics(data, WARMUP, seed + 1)  # other topics, so the measured ones are not cached
    for name, (ask, _) in systems.items():
        time_batch(ask, warmup[: limit[name]])
    costs: dict[str, list[float]] = {name: [] for name in SYSTEMS}
    for number, topic in enumerate(batch):
        turn = number % len(SYSTEMS)
        for name in SYSTEMS[turn:] + SYSTEMS[:turn]:
            if number < limit[name]:
                costs[name] += time_batch(systems[name][0], [topic])
    return {
        name: {
            "topics": len(values),
            "median_us": statistics.median(values) * 1e6,
            "p99_us": percentile(values, 0.99) * 1e6,
            "mean_us": statistics.fmean(values) * 1e6,
        }
        for name, values in costs.items()
    }


def _systems(
    data: Dataset, names: Sequence[str], ranker: Ranker | None = None
) -> dict[str, tuple[Callable[[str], object], Callable[[str], set[str]]]]:
    """Each system's ask (what is timed) and the figures it lets speak on a topic."""
    systems = {}
    for name in names:
        if name == "engine":
            ranker = ranker or Ranker(data)

            def speakers(topic: str, ranker: Ranker = ranker) -> set[str]:
                return {s.figure.id for s in ranker.ask(topic).stances if s.position}

            systems[name] = (ranker.ask, speakers)
        else:
            from .peers import PEERS

            peer = PEERS[name](data)
            systems[name] = (peer.ask, peer.speakers)
    return systems


def bot_memory() -> dict:
    """Peak memory of a debate-bot process with the shipped data: built, never logged in."""
    started = time.perf_counter()
    try:
        from bot.discord_app.client import make_bot
        from bot.discord_app.loaded import load
        from bot.discord_app.settings import Settings
    except Exception as exc:  # noqa: BLE001 - the Discord layer is someone else's work in progress
        return {"error": f"bot.discord_app not importable: {type(exc).__name__}: {exc}"}
    loaded = load()
    bot = make_bot(Settings(token=None), loaded)
    for topic in ("regulation", "open source", "safety"):
        loaded.payloads.debate_steps(loaded.core.planner.debate(topic))
    return {"peak_mb": _peak_mb(), "ready_s": time.perf_counter() - started, "bot": type(bot).__name__}


CACHE = PROJECT / "benchmarks" / "results" / "cache"


def _spawn(*args: str) -> dict:
    command = [sys.executable, "-m", "benchmarks.run", "--child", *args]
    env = {**os.environ, "DEBATE_CACHE": str(CACHE)}  # git-ignored, and dropped with results/
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT, check=False, env=env)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cold(row: dict) -> str:
    """The engine's load with nothing cached (parse + validate + index); peers have none."""
    if "cold_load_s" not in row:
        return "-"
    return f"{row['cold_load_s'] + row['cold_index_s']:.2f}"


def _table(rows: list[dict], bot: dict) -> str:
    head = f"{'size':>6} {'positions':>9} {'figures':>7} {'system':>9} {'topics':>6} {'median µs':>10} {'p99 µs':>9} {'load s':>7} {'cold s':>7} {'peak MB':>8}"
    lines = [head, "-" * len(head)]
    for row in rows:
        if "error" in row:
            lines.append(f"{row['size']:>6} {row['system']:>26}  ERROR {row['error']}")
            continue
        lines.append(
            f"{row['size']:>6} {row['positions']:>9,} {row['figures']:>7} {row['system']:>9} {row['topics']:>6} "
            f"{row['median_us']:>10.1f} {row['p99_us']:>9.1f} {row['load_s']:>7.2f} {_cold(row):>7} {row['peak_mb']:>8.1f}"
        )
    lines.append("")
    for size in dict.fromkeys(r["size"] for r in rows):
        by = {r["system"]: r for r in rows if r["size"] == size and "error" not in r}
        if "engine" not in by:
            continue
        ours = by["engine"]
        ratios = [
            f"{peer} {by[peer]['median_us'] / ours['median_us']:.2f} (median), {by[peer]['p99_us'] / ours['p99_us']:.2f} (p99)"
            for peer in SYSTEMS[1:]
            if peer in by
        ]
        lines.append(f"{size:>6}: peer's time per ask / engine's (above 1: engine faster): " + "; ".join(ratios))
        if "cold_load_s" in ours:
            lines.append(
                f"{'':>6}  engine start with nothing cached: {ours['cold_load_s']:.2f} s parse + validate, "
                f"{ours['cold_index_s']:.2f} s index; then {ours.get('cache_write_s', 0.0):.2f} s cache write "
                f"(first run only); from the cache: {ours['load_s']:.2f} s"
            )
    engines = {r["size"]: r for r in rows if r["system"] == "engine" and "error" not in r}
    if "1k" in engines and "100k" in engines:
        growth = engines["100k"]["p99_us"] / engines["1k"]["p99_us"]
        median_growth = engines["100k"]["median_us"] / engines["1k"]["median_us"]
        lines.append(f"engine cost growth 1k -> 100k positions: median {median_growth:.1f}x, p99 {growth:.1f}x")
    if "error" in bot:
        lines.append(f"debate-bot memory: {bot['error']}")
    else:
        lines.append(f"debate-bot process with the shipped data: peak {bot['peak_mb']:.1f} MB (built, not logged in)")
    seed = [r for r in rows if r["size"] == "seed" and "examples_right" in r]
    if seed:
        lines.append(
            "issue examples answered right (of 7): " + ", ".join(f"{r['system']} {r['examples_right']}" for r in seed)
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 10,000 positions and 300 topics")
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), help="run only these sizes")
    parser.add_argument("--topics", type=int, help="topics per size (default 1000, --quick 300)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=PROJECT / "benchmarks" / "results" / "bench.json")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        if args.child[0] == "bot":
            result = bot_memory()
        elif args.child[0] == "prime":
            result = prime(Path(args.child[1]), Path(args.child[2]))
        elif args.child[0] == "race":
            _, seeds, personas, topics = args.child
            result = race(Path(seeds), Path(personas), int(topics), args.seed)
        else:
            system, seeds, personas = args.child
            result = child(system, Path(seeds), Path(personas))
        print(json.dumps(result))
        return 0

    sizes = args.sizes or (QUICK_SIZES if args.quick else tuple(SIZES))
    topics = args.topics or (300 if args.quick else 1000)
    started = time.perf_counter()
    rows = []
    for size in sizes:
        built = time.perf_counter()
        seeds, personas = _folders(size, args.seed)
        if size != "seed":
            print(f"corpus {size}: {info(seeds)} ready in {time.perf_counter() - built:.1f}s", flush=True)
        shutil.rmtree(CACHE, ignore_errors=True)  # the cold load below must really be cold
        cold = _spawn("prime", str(seeds), str(personas))
        timed = _spawn("race", str(seeds), str(personas), str(topics), "--seed", str(args.seed))
        for system in SYSTEMS:
            row = {"size": size, "system": system, **_spawn(system, str(seeds), str(personas))}
            row.update(timed.get(system, {"error": timed.get("error", "not timed")}))
            if system == "engine":
                row.update(cold)
            rows.append(row)
            shown = row.get("error") or f"median {row['median_us']:.1f} µs, p99 {row['p99_us']:.1f} µs"
            print(f"  {size:>5} {system:>9}: {shown}", flush=True)
    bot = _spawn("bot")
    start = cli_start.measure()
    table = _table(rows, bot) + "\n" + cli_start.describe(start)
    print()
    print(table)
    elapsed = time.perf_counter() - started
    print(f"\n{len(rows)} runs in {elapsed:.0f}s on {os.cpu_count()} cores, Python {platform.python_version()}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    machine = {"python": platform.python_version(), "cpus": os.cpu_count(), "seconds": elapsed}
    report = {"command": " ".join(["python -m benchmarks", *(argv if argv is not None else sys.argv[1:])])}
    figures = {**report, "machine": machine, "rows": rows, "bot": bot, "cli_start": start}
    args.json.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
