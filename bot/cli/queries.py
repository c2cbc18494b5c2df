"""The query commands of debate-cli: what a persona author asks of the record, as Markdown or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from ..core import Core
from ..debate import MAX_ROUNDS
from ..errors import UsageError
from ..query import check_topic
from ..search.ranker import THRESHOLD
from ..serialize import ask_json, debate_json, explain_json, figures_json, source_json, stance_json

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _emit(out: TextIO, args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    if getattr(args, "json", False):
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        out.write(text)


def cmd_figures(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    _emit(out, args, figures_json(core.data.personas), core.render.figures())
    return EXIT_OK


def cmd_stance(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    figure = core.data.resolve(args.figure)
    stance = core.ranker.stance(figure, check_topic(args.topic))
    _emit(out, args, {"topic": stance.topic, "stances": [stance_json(stance)]}, core.render.stance(stance))
    return EXIT_OK


def cmd_ask(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    if args.batch:
        return _ask_batch(core, Path(args.batch), out)
    if args.topic is None:
        raise UsageError("ask needs a TOPIC or --batch FILE")
    result = core.ranker.ask(check_topic(args.topic))
    _emit(out, args, ask_json(result), core.render.ask(result))
    return EXIT_OK


def _ask_batch(core: Core, path: Path, out: TextIO) -> int:
    """One topic per line in, one JSON object per line out; a bad line is reported, not fatal."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the batch file: {getattr(exc, 'strerror', None) or exc}") from None
    status = EXIT_OK
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.write(json.dumps(ask_json(core.ranker.ask(check_topic(line))), ensure_ascii=False) + "\n")
        except UsageError as exc:
            print(f"{path}:{number}: topic: {exc}", file=sys.stderr)
            status = EXIT_BAD_INPUT
    return status


def cmd_debate(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    figures = None
    if args.figures:
        figures = [core.data.resolve(name) for name in args.figures.split(",") if name.strip()]
    if not 1 <= args.rounds <= MAX_ROUNDS:
        raise UsageError(f"--rounds must be between 1 and {MAX_ROUNDS}")
    plan = core.planner.debate(check_topic(args.topic), figures, args.rounds, moderator=not args.no_moderator)
    _emit(out, args, debate_json(plan), core.render.debate(plan))
    return EXIT_OK


def cmd_source(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    article = core.data.article(args.article)
    number = core.data.paragraph_number(article, args.paragraph)
    _emit(out, args, source_json(core.data.personas, article, number), core.render.source(article, number))
    return EXIT_OK


def cmd_explain(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    result = core.ranker.explain(check_topic(args.topic))
    _emit(out, args, explain_json(result, THRESHOLD), core.render.explain(result, THRESHOLD))
    return EXIT_OK


def cmd_validate(core: Core, args: argparse.Namespace, out: TextIO) -> int:
    data = core.data
    positions = sum(len(p.positions) for p in data.personas)
    out.write(
        f"ok: {len(data.articles)} article(s), {len(data.personas)} personas, {positions} positions, every quote verbatim at its offsets\n"
    )
    return EXIT_OK


def register(add: Any, repl: bool) -> None:
    """Add the query commands through ``add(name, handler, help, json_flag=True)``, which returns the subparser."""
    add("figures", cmd_figures, "list the figures with role and camp")
    stance = add("stance", cmd_stance, "one figure's sourced stance on a topic")
    stance.add_argument("figure", help="id, name or alias (musk, 'Kai Fu Lee', Lecun...)")
    stance.add_argument("topic")
    ask = add("ask", cmd_ask, "every figure's sourced stance on a topic, side by side")
    ask.add_argument("topic", nargs="?")
    ask.add_argument("--batch", metavar="FILE", help="one topic per line; prints one JSON object per line")
    debate = add("debate", cmd_debate, "plan and print a debate: openings, rebuttals, closings, summary")
    debate.add_argument("topic")
    debate.add_argument("--figures", help="comma-separated figures to invite (default: everyone with a stance)")
    debate.add_argument(
        "--rounds", type=int, default=3, help=f"rounds to plan, 1..{MAX_ROUNDS} (default 3; capped by the record)"
    )
    debate.add_argument("--no-moderator", action="store_true", help="leave out the article's scene-setting narration")
    source = add("source", cmd_source, "an article paragraph with the quoted spans marked")
    source.add_argument("paragraph", type=int)
    source.add_argument("--article", help="article id (default: the first article)")
    explain = add("explain", cmd_explain, "which rules fired and every score, for each figure")
    explain.add_argument("topic")
    if not repl:
        add("validate", cmd_validate, "check every persona against its article; exit 2 on any problem", json_flag=False)
