"""`debate-cli build`: draft persona files from an article's quotations, and keep curated files in step.

Curated files are never rewritten. For each one the build reports, as ``file:line: field: message`` lines,
positions the article gives the figure that the file lacks, and positions in the file whose text is no longer
at its place in the article. A span listed under a persona's ``ignored:`` (with a ``why``) is deliberately left
out and not reported. Speakers with no file get a drafted one that validates as it is: camp ``unsorted``, every
quotation and reported position verbatim with its citation; topics, stances and reply links are for curation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data.article import Article
from .data.lexicon import LEXICON_FILE
from .data.yamlload import LineDict, load_yaml
from .errors import Problem
from .extract import Extraction, Quote, Speaker, by_speaker, extract

DRAFT_CAMP = "unsorted"  # defined in personas/topics.yaml; a drafted figure sits here until someone curates it
_SLUG_WORDS = 5


@dataclass(frozen=True, slots=True)
class _Cited:
    """A span a persona file cites, read leniently so a stale file can still be compared."""

    article: str
    start: int
    end: int
    text: str
    line: int
    field: str


@dataclass(frozen=True, slots=True)
class PersonaFile:
    path: Path
    id: str
    names: frozenset[str]  # casefolded id, name and aliases
    positions_line: int
    positions: tuple[_Cited, ...]
    ignored: tuple[_Cited, ...]


@dataclass(frozen=True, slots=True)
class Draft:
    path: Path
    speaker: str
    quotes: tuple[Quote, ...]
    text: str  # the YAML to write


@dataclass(frozen=True, slots=True)
class BuildReport:
    article: str
    differences: tuple[Problem, ...]  # curated files out of step with the article
    drafts: tuple[Draft, ...]  # files for speakers who have none
    in_step: tuple[str, ...]  # persona files that match the article

    @property
    def clean(self) -> bool:
        return not self.differences and not self.drafts


def _cited(raw: Any, default_article: Any, field: str) -> _Cited | None:
    if not isinstance(raw, LineDict):
        return None
    article = raw.get("article", default_article)
    start, end, text = raw.get("start"), raw.get("end"), raw.get("text")
    if not (isinstance(article, str) and isinstance(start, int) and isinstance(end, int) and isinstance(text, str)):
        return None  # malformed: `validate` names it; here it just cannot cover anything
    return _Cited(article, start, end, text, raw.line_of("text"), field)


def read_persona_files(folder: Path) -> list[PersonaFile]:
    """Every persona file in a folder, read for names and cited spans only (broken YAML still raises DataError)."""
    files: list[PersonaFile] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == LEXICON_FILE:
            continue
        data = load_yaml(path)
        if not isinstance(data, LineDict):
            continue
        names = {path.stem.casefold()}
        for value in (data.get("id"), data.get("name"), *(data.get("aliases") or [])):
            if isinstance(value, str):
                names.add(value.casefold())
        default = data.get("article")
        raw_positions = data.get("positions") if isinstance(data.get("positions"), list) else []
        raw_ignored = data.get("ignored") if isinstance(data.get("ignored"), list) else []
        positions = [_cited(raw, default, f"positions[{i}]") for i, raw in enumerate(raw_positions)]
        ignored = [_cited(raw, default, f"ignored[{i}]") for i, raw in enumerate(raw_ignored)]
        files.append(
            PersonaFile(
                path,
                str(data.get("id") or path.stem),
                frozenset(names),
                data.line_of("positions"),
                tuple(p for p in positions if p is not None),
                tuple(p for p in ignored if p is not None),
            )
        )
    return files


def _overlaps(quote: Quote, span: _Cited, article: str) -> bool:
    return span.article == article and quote.start < span.end and span.start < quote.end


def _describe(quote: Quote) -> str:
    how = quote.kind + (f", {quote.cue}" if quote.cue else "")
    text = quote.text if len(quote.text) <= 90 else quote.text[:87] + "..."
    return f"paragraph {quote.paragraph} {quote.start}:{quote.end} ({how}) {text!r}"


def _match(speaker: Speaker | None, name: str, files: list[PersonaFile]) -> PersonaFile | None:
    """The persona file whose id, name or aliases name this speaker: full name first, then the article's aliases."""
    candidates = [name, *(speaker.aliases if speaker else ())]
    for candidate in candidates:
        for persona in files:
            if candidate.casefold() in persona.names:
                return persona
    return None


def _stale(persona: PersonaFile, article: Article) -> list[Problem]:
    """Positions this file cites in the article whose text is no longer at their place."""
    problems = []
    for span in persona.positions + persona.ignored:
        if span.article != article.id or article.text[span.start : span.end] == span.text:
            continue
        found = article.text.find(span.text)
        hint = f"; the text is now at start: {found}, end: {found + len(span.text)}" if found >= 0 else ""
        problems.append(
            Problem(
                str(persona.path),
                span.line,
                f"{span.field}.text",
                f"no longer found in {article.id} at {span.start}:{span.end}{hint}",
            )
        )
    return problems


def build(article: Article, folder: Path) -> BuildReport:
    """Compare an article's extracted positions with the persona files in ``folder``; nothing is written."""
    extraction = extract(article)
    files = read_persona_files(folder)
    ignored = [span for persona in files for span in persona.ignored]
    differences: list[Problem] = []
    in_step: list[str] = []
    unmatched: dict[str, list[Quote]] = {}
    grouped: dict[PersonaFile, list[Quote]] = {}
    for name, quotes in by_speaker(extraction.quotes).items():
        quotes = [q for q in quotes if not any(_overlaps(q, span, article.id) for span in ignored)]
        if not quotes:
            continue
        persona = _match(extraction.speaker(name), name, files)
        if persona is None:
            unmatched[name] = quotes
        else:
            grouped.setdefault(persona, []).extend(quotes)
    for persona in files:
        problems = _stale(persona, article)
        for quote in grouped.get(persona, []):
            if not any(_overlaps(quote, span, article.id) for span in persona.positions):
                problems.append(
                    Problem(
                        str(persona.path),
                        persona.positions_line,
                        "positions",
                        f"missing {_describe(quote)}; add it as a position, or list it under ignored: with a why",
                    )
                )
        differences += problems
        if not problems and any(span.article == article.id for span in persona.positions):
            in_step.append(str(persona.path))
    drafts = _drafts(article, extraction, unmatched, folder, files)
    return BuildReport(article.id, tuple(differences), tuple(drafts), tuple(in_step))


# --- drafting ------------------------------------------------------------------------------------


def slug(text: str, words: int = _SLUG_WORDS) -> str:
    parts = re.findall(r"[a-z0-9]+", text.casefold().replace("'", "").replace("’", ""))
    return "-".join(parts[:words])


def _drafts(
    article: Article, extraction: Extraction, unmatched: dict[str, list[Quote]], folder: Path, files: list[PersonaFile]
) -> list[Draft]:
    owned = {name for persona in files for name in persona.names}
    drafts = []
    for number, (name, quotes) in enumerate(unmatched.items(), 1):
        base = slug(name, 6) or f"speaker-{number}"
        figure_id, suffix = base, 2
        while (folder / f"{figure_id}.yaml").exists() or figure_id in owned:
            figure_id, suffix = f"{base}-{suffix}", suffix + 1
        speaker = extraction.speaker(name)
        aliases = [a for a in (speaker.aliases if speaker else ()) if a.casefold() not in owned]
        owned |= {figure_id, name.casefold(), *(a.casefold() for a in aliases)}
        role = (speaker.role if speaker else None) or f"quoted in {article.title}"
        path = folder / f"{figure_id}.yaml"
        drafts.append(Draft(path, name, tuple(quotes), _draft_yaml(article, figure_id, name, role, aliases, quotes)))
    return drafts


def _scalar(value: object) -> str:
    # JSON strings and numbers are valid YAML scalars, and escape whatever the text holds.
    return json.dumps(value, ensure_ascii=False)


def _draft_yaml(article: Article, figure_id: str, name: str, role: str, aliases: list[str], quotes: list[Quote]) -> str:
    lines = [
        f"# {name}: drafted by `debate-cli build` from {article.id}. Every position is verbatim and cited;",
        "# curate it: pick a camp (with evidence), add topics, stances and reply links, drop what is not a position",
        "# (or move it under ignored: with a why).",
        f"id: {figure_id}",
        f"name: {_scalar(name)}",
        f"role: {_scalar(role)}",
        f"aliases: [{', '.join(_scalar(a) for a in [name, *aliases])}]",
        f"article: {_scalar(article.id)}",
        "",
        "camp:",
        f"  id: {DRAFT_CAMP}",
        "",
        "positions:",
    ]
    used: set[str] = set()
    for number, quote in enumerate(quotes, 1):
        base = slug(quote.text) or f"position-{number}"
        position_id, suffix = base, 2
        while position_id in used:
            position_id, suffix = f"{base}-{suffix}", suffix + 1
        used.add(position_id)
        lines += [
            f"  - id: {position_id}",
            f"    kind: {quote.kind}",
            f"    paragraph: {quote.paragraph}",
            f"    start: {quote.start}",
            f"    end: {quote.end}",
            f"    text: {_scalar(quote.text)}",
        ]
        lines += [
            f"    {key}: {_scalar(value)}" for key, value in (("cue", quote.cue), ("channel", quote.channel)) if value
        ]
    return "\n".join(lines) + "\n"


def write_drafts(report: BuildReport) -> list[Path]:
    """Write drafted files; a file that already exists is never touched."""
    written = []
    for draft in report.drafts:
        if draft.path.exists():
            continue
        draft.path.parent.mkdir(parents=True, exist_ok=True)
        draft.path.write_text(draft.text, encoding="utf-8")
        written.append(draft.path)
    return written
