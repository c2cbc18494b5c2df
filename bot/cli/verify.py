"""`debate-cli verify TEXT [--figure F] [--json]`: check a claimed quote against the record."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..core import Core

EXIT_OK = 0  # any verdict, not_found included, is an answer


def register(subparsers: argparse._SubParsersAction) -> None:
    verify = subparsers.add_parser(
        "verify",
        help="did they really say that? check a quote against the record",
        description=(
            "Check a claimed quote against every figure's positions: exact (word for word), close (a near-copy, "
            "with the differences marked) or not_found."
        ),
    )
    verify.add_argument(
        "text", metavar="TEXT", help="a few words of the quote as you saw it (case and quote marks do not matter)"
    )
    verify.add_argument("--figure", help="who it is attributed to: id, name or alias")
    verify.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    verify.set_defaults(handler=cmd_verify)


def cmd_verify(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    from ..verify import QuoteChecker, quote_check_json  # rapidfuzz loads only for this command

    claimed = core.data.resolve(args.figure) if args.figure else None
    check = QuoteChecker(core.data.personas).check(args.text, claimed)
    if args.json:
        out.write(json.dumps(quote_check_json(check), ensure_ascii=False) + "\n")
    else:
        out.write(core.render.verify(check))
    return EXIT_OK
