"""How long a user waits for `debate-cli ask regulation`, beside a bare `python -c pass`, in one run.

    python -m benchmarks.cli_start [--runs 21]

Beside them, `python -c "import jinja2"`: the floor of any start that renders through the templates. The
commands take turns, so a slow spell of the shared machine falls on all; the first ask (which fills the load
cache and writes the bytecode, as a user's first run does) is not counted. All run without
PYTHONDONTWRITEBYTECODE, which a developer's shell may set: a user's installed package has its bytecode, and
without it every start compiles the package's sources again. Prints the medians and their ratio; never
asserts anything.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .corpus import PROJECT


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("debate-cli")
    return [str(script)] if script.exists() else [shutil.which("debate-cli") or "debate-cli"]


_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, cwd=PROJECT, env=_ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - started


def measure(runs: int = 21) -> dict:
    """The medians of the three commands, taking turns. ``python -c "import jinja2"`` is the floor any CLI that
    renders through jinja2 templates stands on: importing the template engine alone."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import jinja2'": [sys.executable, "-c", "import jinja2"],
        "debate-cli ask regulation": [*_cli(), "ask", "regulation"],
    }
    _wall(
        commands["debate-cli ask regulation"]
    )  # fills the load cache and the compiled templates, as any first run does
    times: dict[str, list[float]] = {name: [] for name in commands}
    order = list(commands.items())
    for number in range(runs):
        for name, command in order[number % len(order) :] + order[: number % len(order)]:
            times[name].append(_wall(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    bare = medians["python -c pass"]
    return {
        "runs": runs,
        "median_s": medians,
        "ratio": medians["debate-cli ask regulation"] / bare,
        "jinja2_ratio": medians["python -c 'import jinja2'"] / bare,
    }


def describe(result: dict) -> str:
    medians = result["median_s"]
    bare, ask = medians["python -c pass"], medians["debate-cli ask regulation"]
    jinja = medians["python -c 'import jinja2'"]
    return (
        f"CLI start ({result['runs']} runs each, taking turns): debate-cli ask regulation {ask * 1000:.0f} ms, "
        f"python -c pass {bare * 1000:.0f} ms: {result['ratio']:.1f}x "
        f"(importing jinja2 alone: {jinja * 1000:.0f} ms, {result['jinja2_ratio']:.1f}x)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.runs)
    print(json.dumps(result) if args.json else describe(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
