"""debate-cli: run the engine and templates locally, so persona authors can test without Discord."""

from __future__ import annotations

import argparse
import importlib
import json
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from .dataset import Dataset, load_dataset
from .engine import MAX_ROUNDS, MAX_TOPIC_LENGTH, THRESHOLD, Engine
from .errors import DataError, UsageError
from .render import Renderer
from .serialize import ask_json, debate_json, explain_json, stance_json

# Modules that add their own subcommands through ``register(subparsers)``.
COMMAND_MODULES: list[str] = ["bot.cli_build"]

EXIT_OK, EXIT_BAD_INPUT = 0, 2


class Session:
    """The loaded data, engine and renderer, shared by every command in one run (and by the REPL)."""

    def __init__(self, seeds: Path | None, personas: Path | None):
        self.data: Dataset = load_dataset(seeds, personas)
        self.engine = Engine(self.data)
        self.render = Renderer(self.data)


def check_topic(topic: str) -> str:
    text = " ".join(topic.split())
    if not text:
        raise UsageError("the topic is empty; say what the debate is about, e.g. 'regulation'")
    if len(text) > MAX_TOPIC_LENGTH:
        raise UsageError(f"the topic is {len(text)} characters long; the limit is {MAX_TOPIC_LENGTH}")
    return text


def _emit(out: TextIO, args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    if getattr(args, "json", False):
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        out.write(text)


def cmd_figures(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    payload = {
        "figures": [
            {
                "figure": p.id,
                "name": p.name,
                "role": p.role,
                "camp": p.camp,
                "aliases": list(p.aliases),
                "positions": len(p.positions),
            }
            for p in session.data.personas
        ]
    }
    _emit(out, args, payload, session.render.figures())
    return EXIT_OK


def cmd_stance(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    figure = session.data.resolve(args.figure)
    stance = session.engine.stance(figure, check_topic(args.topic))
    _emit(out, args, {"topic": stance.topic, "stances": [stance_json(stance)]}, session.render.stance(stance))
    return EXIT_OK


def cmd_ask(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    if args.batch:
        return _ask_batch(session, Path(args.batch), out)
    if args.topic is None:
        raise UsageError("ask needs a TOPIC or --batch FILE")
    result = session.engine.ask(check_topic(args.topic))
    _emit(out, args, ask_json(result), session.render.ask(result))
    return EXIT_OK


def _ask_batch(session: Session, path: Path, out: TextIO) -> int:
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
            out.write(json.dumps(ask_json(session.engine.ask(check_topic(line))), ensure_ascii=False) + "\n")
        except UsageError as exc:
            print(f"{path}:{number}: topic: {exc}", file=sys.stderr)
            status = EXIT_BAD_INPUT
    return status


def cmd_debate(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    figures = None
    if args.figures:
        figures = [session.data.resolve(name) for name in args.figures.split(",") if name.strip()]
    if not 1 <= args.rounds <= MAX_ROUNDS:
        raise UsageError(f"--rounds must be between 1 and {MAX_ROUNDS}")
    plan = session.engine.debate(check_topic(args.topic), figures, args.rounds, moderator=not args.no_moderator)
    _emit(out, args, debate_json(plan), session.render.debate(plan))
    return EXIT_OK


def cmd_source(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    articles = session.data.articles
    article_id = args.article or next(iter(articles))
    if article_id not in articles:
        raise UsageError(f"unknown article {article_id!r}; known: {', '.join(articles)}")
    article = articles[article_id]
    if not 1 <= args.paragraph <= len(article.paragraphs):
        raise UsageError(f"paragraph must be between 1 and {len(article.paragraphs)} in {article_id}")
    para = article.paragraph(args.paragraph)
    payload = {
        "article": article.id,
        "paragraph": para.index,
        "start": para.start,
        "end": para.end,
        "text": para.text,
        "positions": [
            {"figure": p.id, "position": pos.id, "kind": pos.kind, "citation": pos.citation.as_dict()}
            for p in session.data.personas
            for pos in p.positions
            if pos.citation.article == article.id and pos.citation.paragraph == para.index
        ],
    }
    _emit(out, args, payload, session.render.source(article, para.index))
    return EXIT_OK


def cmd_explain(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    result = session.engine.explain(check_topic(args.topic))
    _emit(out, args, explain_json(result, THRESHOLD), session.render.explain(result, THRESHOLD))
    return EXIT_OK


def cmd_validate(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    positions = sum(len(p.positions) for p in session.data.personas)
    out.write(
        f"ok: {len(session.data.articles)} article(s), {len(session.data.personas)} personas, {positions} positions, every quote verbatim at its offsets\n"
    )
    return EXIT_OK


def cmd_repl(session: Session, args: argparse.Namespace, out: TextIO) -> int:
    parser = build_parser(prog="", repl=True)
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
        # Multi-word topics need no quotes here: "ask open source" means the topic "open source".
        words = _join_topic(words)
        try:
            sub_args = parser.parse_args(words)
            sub_args.handler(session, sub_args, out)
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
    command, rest = words[0], words[1:]
    options = [w for w in rest if w.startswith("--")]
    plain = [w for w in rest if not w.startswith("--")]
    if command in {"ask", "explain", "debate"} and len(plain) > 1 and not options:
        return [command, " ".join(plain)]
    if command == "stance" and len(plain) > 2 and not options:
        return [command, plain[0], " ".join(plain[1:])]
    return words


Handler = Callable[[Session, argparse.Namespace, TextIO], int]


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line (argparse alone prints the whole usage first)."""

    def error(self, message: str) -> NoReturn:
        hint = "; a topic that starts with '-' goes after '--'" if "unrecognized arguments: -" in message else ""
        # The message may echo what was typed: show control characters escaped, keep one line.
        message = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}{hint} (see --help)\n")


def build_parser(prog: str = "debate-cli", repl: bool = False) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description="Stage a debate from what public figures actually said, every quote cited to its article.",
    )
    if not repl:
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
        add("repl", cmd_repl, "an interactive prompt over the same commands", json_flag=False)
        for module in COMMAND_MODULES:
            importlib.import_module(module).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed on one line
        return int(exc.code or 0)
    try:
        # Commands from COMMAND_MODULES set ``func(args)`` and load what they need themselves.
        if hasattr(args, "func"):
            return int(args.func(args) or 0)
        session = Session(args.seeds, args.personas)
        return int(args.handler(session, args, out) or 0)
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


if __name__ == "__main__":
    sys.exit(main())
