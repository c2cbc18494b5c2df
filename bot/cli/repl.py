"""`debate-cli repl`: the query commands at an interactive prompt, over one loaded record."""

from __future__ import annotations

import argparse
import shlex
from typing import TextIO

from ..core import Core
from ..errors import UsageError

EXIT_OK = 0


def run(core: Core, parser: argparse.ArgumentParser, out: TextIO) -> int:
    out.write(
        "debate-cli repl: try 'ask regulation', 'stance musk safety', 'debate open source', 'source 7'; 'help', 'quit'.\n"
    )
    while True:
        try:
            line = input("debate> ")
        except (EOFError, KeyboardInterrupt):
            out.write("\n")
            return EXIT_OK
        words = _split(line)
        if not words:
            continue
        if words[0] in {"quit", "exit"}:
            return EXIT_OK
        if words[0] == "help":
            parser.print_help(out)
            continue
        try:
            args = parser.parse_args(_join_topic(words))
            args.handler(core, args, out)
        except SystemExit:
            continue  # argparse already printed the problem
        except UsageError as exc:
            out.write(f"error: {exc}\n")


def _split(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


def _join_topic(words: list[str]) -> list[str]:
    """Multi-word topics need no quotes at the prompt: "ask open source" means the topic "open source"."""
    command, rest = words[0], words[1:]
    options = [w for w in rest if w.startswith("--")]
    plain = [w for w in rest if not w.startswith("--")]
    if command in {"ask", "explain", "debate"} and len(plain) > 1 and not options:
        return [command, " ".join(plain)]
    if command == "stance" and len(plain) > 2 and not options:
        return [command, plain[0], " ".join(plain[1:])]
    return words
