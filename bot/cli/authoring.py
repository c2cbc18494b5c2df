"""The `extract` and `build` subcommands of debate-cli: the persona author's tools over the quote extractor.

The extractor is imported inside the commands, so the query commands never load it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..data.article import ARTICLE_SUFFIX, Article, load_article
from ..data.dataset import default_folder
from ..errors import Problem, UsageError

EXIT_DIFFERS = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    article_help = f"an article file ({ARTICLE_SUFFIX}) or the id of an article in the seeds folder"
    extract = subparsers.add_parser(
        "extract",
        help="every quotation and reported position in an article, with speaker, cue and citation",
        description="List every direct quotation and reported position in an article, with speaker and citation.",
    )
    extract.add_argument("article", metavar="ARTICLE", help=article_help)
    extract.add_argument("--json", action="store_true", help="print JSON instead of text")
    extract.add_argument(
        "--why", action="store_true", help="under each quotation, the rule that gave it its speaker (or why none)"
    )
    extract.set_defaults(func=cmd_extract)

    build_cmd = subparsers.add_parser(
        "build",
        help="draft persona files for new speakers; report curated ones out of step with the article",
        description=(
            "Draft a persona file for every speaker in ARTICLE who has none, and report positions the article gives "
            "a curated figure that its file lacks, or that the file cites but the article no longer has. "
            "Curated files are never rewritten."
        ),
    )
    build_cmd.add_argument("article", metavar="ARTICLE", help=article_help)
    build_cmd.add_argument(
        "--personas", dest="build_personas", type=Path, metavar="DIR", help="persona folder (default: ./personas)"
    )
    build_cmd.add_argument(
        "--check", action="store_true", help="write nothing; exit 2 if any file is missing or out of step"
    )
    build_cmd.set_defaults(func=cmd_build)


def resolve_article(spec: str, seeds: Path | None = None) -> Article:
    """ARTICLE as a path to a text file, else as an article id in the seeds folder."""
    path = Path(spec)
    if path.suffix == ARTICLE_SUFFIX or path.is_file():
        if not path.is_file():
            raise UsageError(f"article file not found: {spec}")
        return load_article(path)
    folder = seeds or default_folder("seeds")
    candidate = folder / f"{spec}{ARTICLE_SUFFIX}"
    if candidate.is_file():
        return load_article(candidate)
    known = ", ".join(sorted(p.stem for p in folder.glob(f"*{ARTICLE_SUFFIX}"))) if folder.is_dir() else ""
    raise UsageError(f"unknown article {spec!r}: not a file, nor an article id in {folder} (known: {known or 'none'})")


def cmd_extract(args: argparse.Namespace) -> int:
    article = resolve_article(args.article, getattr(args, "seeds", None))
    from ..extract import extract_quotes

    quotes = extract_quotes(article)
    if args.json:
        json.dump(
            {"article": article.id, "quotes": [q.as_dict() for q in quotes]}, sys.stdout, ensure_ascii=False, indent=2
        )
        print()
        return 0
    print(
        f"{article.id}: {sum(q.kind == 'quoted' for q in quotes)} quotations, {sum(q.kind == 'reported' for q in quotes)} reported positions"
    )
    for quote in quotes:
        how = ", ".join(x for x in (quote.cue, f"on {quote.channel}" if quote.channel else None) if x)
        who = quote.speaker or "(unattributed)"
        print(
            f"¶{quote.paragraph} {quote.start}:{quote.end} {quote.kind:8} {who}{f' [{how}]' if how else ''}: {quote.text!r}"
        )
        if getattr(args, "why", False) and (quote.rule or quote.why):
            print(f"    why: {quote.rule or quote.why}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    folder = args.build_personas or getattr(args, "personas", None) or default_folder("personas")
    if not folder.is_dir():
        raise UsageError(f"persona folder not found: {folder}")
    article = resolve_article(args.article, getattr(args, "seeds", None))
    from ..build import build, write_drafts

    report = build(article, folder)
    for problem in report.differences:
        print(problem)
    if args.check:
        for draft in report.drafts:
            print(
                Problem(
                    str(draft.path),
                    1,
                    "persona",
                    f"missing: {draft.speaker} has {len(draft.quotes)} positions in {article.id} and no persona file; "
                    "run build without --check to draft it",
                )
            )
        if report.clean:
            print(f"{article.id}: every persona file is in step ({len(report.in_step)} checked)")
            return 0
        return EXIT_DIFFERS
    for path in write_drafts(report):
        print(f"drafted {path} (camp: unsorted; curate topics, stances and camp)")
    seeds = getattr(args, "seeds", None) or default_folder("seeds")
    if report.drafts and not (seeds / f"{article.id}{ARTICLE_SUFFIX}").is_file():
        print(f"note: {article.id} is not in {seeds}; copy it there (with its .yaml metadata) so validate finds it")
    if not report.differences and not report.drafts:
        print(f"{article.id}: every persona file is in step ({len(report.in_step)} checked)")
    return 0
