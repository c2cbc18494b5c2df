"""debate-cli: run the engine and templates locally, so persona authors can test without Discord."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from ..core import Core, load_core
from ..errors import DataError, UsageError
from . import authoring, queries, stance_map, verify

EXIT_OK, EXIT_BAD_INPUT = 0, 2

Handler = Callable[[Core, argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line (argparse alone prints the whole usage first)."""

    def error(self, message: str) -> NoReturn:
        hint = "; a topic that starts with '-' goes after '--'" if "unrecognized arguments: -" in message else ""
        # The message may echo what was typed: show control characters escaped, keep one line.
        message = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}{hint} (see --help)\n")


def build_parser(prog: str = "debate-cli", for_repl: bool = False) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description="Stage a debate from what public figures actually said, every quote cited to its article.",
    )
    if not for_repl:
        parser.add_argument(
            "--seeds", type=Path, help="folder of article .txt files and their .yaml metadata (default: ./seeds)"
        )
        parser.add_argument(
            "--personas", type=Path, help="folder of persona .yaml files and topics.yaml (default: ./personas)"
        )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, handler: Handler, help_text: str, json_flag: bool = True) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        if json_flag:
            command.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
        command.set_defaults(handler=handler)
        return command

    queries.register(add, for_repl)
    if not for_repl:
        add("repl", _cmd_repl, "an interactive prompt over the same commands", json_flag=False)
        authoring.register(sub)
        verify.register(sub)
        stance_map.register(sub)
    return parser


def _cmd_repl(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    from . import repl  # and shlex: only the prompt reads command lines

    return repl.run(core, build_parser(prog="", for_repl=True), out)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed on one line
        return int(exc.code or 0)
    try:
        # The authoring commands (extract, build) set ``func(args)`` and read the files they need themselves.
        if hasattr(args, "func"):
            return int(args.func(args) or 0)
        return int(args.handler(load_core(args.seeds, args.personas), args, out) or 0)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
