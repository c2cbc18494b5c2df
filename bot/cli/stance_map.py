"""`debate-cli map TOPIC --out FILE.png`: the stance map of a debate on TOPIC, as a picture.

The picture module is imported inside the command, so the other commands never load it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import UsageError
from ..query import check_topic

if TYPE_CHECKING:
    from ..core import Core

EXIT_OK = 0


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "map",
        help="a picture of who stands where on TOPIC, each figure placed by a cited stance",
        description=(
            "Draw the stance map of a debate on TOPIC (the same data as its 'Who stands where' summary) as a PNG: "
            "each figure placed on the axis by a cited stance, those without one listed apart."
        ),
    )
    command.add_argument("topic", metavar="TOPIC")
    command.add_argument("--out", type=Path, required=True, metavar="FILE.png", help="where to write the picture")
    command.add_argument("--figures", help="comma-separated figures to include (default: everyone)")
    command.set_defaults(handler=cmd_map)


def cmd_map(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    from .. import stancemap

    figures = [core.data.resolve(name) for name in args.figures.split(",") if name.strip()] if args.figures else None
    plan = core.planner.debate(check_topic(args.topic), figures)
    lexicon = core.data.lexicon
    picture = stancemap.from_debate(
        plan, lexicon.axes, lexicon.camps, stancemap.credit_line(core.data.articles.values())
    )
    try:
        args.out.write_bytes(stancemap.draw(picture))
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot write the picture: {exc.strerror or exc}") from None
    out.write(
        f"wrote {args.out}: {len(picture.placed)} figure(s) placed on {picture.axis}, "
        f"{len(picture.unplaced)} without a sourced stance\n"
    )
    return EXIT_OK
