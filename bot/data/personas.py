"""Personas: one YAML file per figure, every position verbatim and cited, validated against the articles."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import DataError, Problem
from .article import Article, Citation, Span
from .lexicon import LEXICON_FILE, Lexicon
from .yamlload import LineDict, load_yaml

KINDS = ("quoted", "reported")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PERSONA_FIELDS = {"id", "name", "role", "aliases", "article", "camp", "positions", "ignored"}
_OFFSET_FIELDS = ("paragraph", "start", "end")
_SPAN_FIELDS = {"article", "text", *_OFFSET_FIELDS}
_POSITION_FIELDS = _SPAN_FIELDS | {"id", "kind", "cue", "channel", "topics", "stance", "replies_to"}


class Position(NamedTuple):
    figure: str
    id: str
    kind: str  # "quoted" (the figure's own words) or "reported" (the article's words about them)
    text: str
    citation: Citation
    cue: str | None
    channel: str | None
    topics: tuple[str, ...]
    stance: tuple[tuple[str, int], ...]  # (axis, -1/0/+1) pairs
    replies_to: str | None  # "figure/position" key

    @property
    def key(self) -> str:
        return f"{self.figure}/{self.id}"

    def stance_on(self, axis: str) -> int | None:
        return next((value for name, value in self.stance if name == axis), None)


class Persona(NamedTuple):
    id: str
    name: str
    role: str
    aliases: tuple[str, ...]
    camp: str
    camp_evidence: Span | None
    positions: tuple[Position, ...]
    ignored: tuple[Span, ...]  # article spans deliberately left out (for `debate-cli build --check`)
    file: str


class _Checker:
    """Collects every problem in one persona file, each with its line."""

    def __init__(self, path: Path, articles: dict[str, Article], lexicon: Lexicon):
        self.file = str(path)
        self.articles = articles
        self.lexicon = lexicon
        self.problems: list[Problem] = []

    def fail(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, field, message))

    def text(self, data: LineDict, key: str, where: str, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(data.line, f"{where}{key}", "missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(data.line_of(key), f"{where}{key}", "must be non-empty text")
            return None
        return value

    def unknown_fields(self, data: LineDict, allowed: set[str], where: str) -> None:
        for key in sorted(set(data) - allowed):
            self.fail(
                data.line_of(key), f"{where}{key}", f"unknown field (expected one of: {', '.join(sorted(allowed))})"
            )

    def span(self, data: LineDict, where: str, default_article: str | None) -> Span | None:
        citation = self.cite(data, where, default_article)
        return None if citation is None else Span(text=data["text"], citation=citation)

    def offsets(self, data: LineDict, where: str) -> tuple[int, int, int] | None:
        """paragraph, start and end; None after reporting each that is not a whole number (a bool is not one)."""
        offsets = data.get("paragraph"), data.get("start"), data.get("end")
        whole = True
        for key, value in zip(_OFFSET_FIELDS, offsets, strict=True):
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(data.line_of(key), f"{where}{key}", "missing" if value is None else "must be a whole number")
                whole = False
        return offsets if whole else None

    def cite(self, data: LineDict, where: str, default_article: str | None) -> Citation | None:
        """The citation of a span's text (``data["text"]``), checked against the article; None after a problem."""
        article_id = data.get("article", default_article)
        if not isinstance(article_id, str):
            self.fail(data.line_of("article"), f"{where}article", "missing (set it here or at the top of the file)")
            return None
        article = self.articles.get(article_id)
        if article is None:
            known = ", ".join(sorted(self.articles)) or "none"
            self.fail(data.line_of("article"), f"{where}article", f"unknown article {article_id!r} (known: {known})")
            return None
        text = self.text(data, "text", where)
        offsets = self.offsets(data, where)
        if text is None or offsets is None:
            return None
        number, start, end = offsets
        if not 1 <= number <= len(article.paragraphs):
            self.fail(
                data.line_of("paragraph"),
                f"{where}paragraph",
                f"{number} is out of range 1..{len(article.paragraphs)} of {article_id}",
            )
            return None
        para = article.paragraphs[number - 1]
        if not (para.start <= start < end <= para.end and article.text[start:end] == text):
            found = para.text.find(text)
            if found >= 0:
                hint = f"; the text is at start: {para.start + found}, end: {para.start + found + len(text)}"
            else:
                elsewhere = article.text.find(text)
                hint = (
                    f"; it is in paragraph {article.paragraph_at(elsewhere).index}"
                    if elsewhere >= 0
                    else "; the text is not in this article (it must be copied verbatim)"
                )
            self.fail(
                data.line_of("text"),
                f"{where}text",
                f"does not match {article_id} paragraph {number} at {start}:{end}{hint}",
            )
            return None
        return Citation(article=article.id, paragraph=number, start=start, end=end)


def _string_list(checker: _Checker, data: LineDict, key: str, where: str) -> tuple[str, ...]:
    if key not in data:
        return ()
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        checker.fail(data.line_of(key), f"{where}{key}", "must be a list of text")
        return ()
    return tuple(value)


def _position(checker: _Checker, figure: str, raw: Any, index: int, default_article: str | None) -> Position | None:
    where = f"positions[{index}]."
    if not isinstance(raw, LineDict):
        checker.fail(getattr(raw, "line", 1), f"positions[{index}]", "must be a mapping")
        return None
    checker.unknown_fields(raw, _POSITION_FIELDS, where)
    position_id = checker.text(raw, "id", where)
    if position_id is not None and not _ID.match(position_id):
        checker.fail(raw.line_of("id"), f"{where}id", "use lower-case words joined by hyphens, like call-on-regulators")
    kind = raw.get("kind")
    if kind not in KINDS:
        checker.fail(raw.line_of("kind"), f"{where}kind", f"must be one of {', '.join(KINDS)}, not {kind!r}")
    citation = checker.cite(raw, where, default_article)
    topics = _string_list(checker, raw, "topics", where)
    for topic in topics:
        if topic not in checker.lexicon.topics:
            checker.fail(
                raw.line_of("topics"), f"{where}topics", f"unknown topic {topic!r} (defined in {LEXICON_FILE})"
            )
    stance_raw = raw.get("stance") or {}
    stance: list[tuple[str, int]] = []
    if not isinstance(stance_raw, dict):
        checker.fail(raw.line_of("stance"), f"{where}stance", "must be a mapping like {open_source: 1}")
    else:
        for axis, value in stance_raw.items():
            if axis not in checker.lexicon.axes:
                checker.fail(raw.line_of("stance"), f"{where}stance", f"unknown axis {axis!r}")
            elif value not in (-1, 0, 1) or isinstance(value, bool):
                checker.fail(raw.line_of("stance"), f"{where}stance", f"{axis} must be -1, 0 or 1, not {value!r}")
            else:
                stance.append((axis, int(value)))
    replies_to = raw.get("replies_to")
    if replies_to is not None and not isinstance(replies_to, str):
        checker.fail(raw.line_of("replies_to"), f"{where}replies_to", "must be figure/position-id")
        replies_to = None
    if replies_to is not None and "/" not in replies_to:
        replies_to = f"{figure}/{replies_to}"
    cue = checker.text(raw, "cue", where, required=False)
    channel = checker.text(raw, "channel", where, required=False)
    if position_id is None or kind not in KINDS or citation is None:
        return None
    return Position(
        figure=figure,
        id=position_id,
        kind=kind,
        text=raw["text"],
        citation=citation,
        cue=cue,
        channel=channel,
        topics=topics,
        stance=tuple(stance),
        replies_to=replies_to,
    )


def load_persona(
    path: Path, articles: dict[str, Article], lexicon: Lexicon
) -> tuple[Persona | None, list[Problem], dict[str, int]]:
    """Parse and check one persona file. Returns the persona (None if broken), problems, and reply-link lines."""
    checker = _Checker(path, articles, lexicon)
    try:
        data = load_yaml(path)
    except DataError as exc:
        return None, exc.problems, {}
    if not isinstance(data, LineDict):
        checker.fail(
            1,
            "persona",
            "the file must be a mapping with id, name, role, camp and positions"
            if data is not None
            else "the file is empty",
        )
        return None, checker.problems, {}
    checker.unknown_fields(data, _PERSONA_FIELDS, "")
    persona_id = checker.text(data, "id", "")
    if persona_id is not None and persona_id != path.stem:
        checker.fail(data.line_of("id"), "id", f"{persona_id!r} must match the file name {path.stem!r}")
    name = checker.text(data, "name", "")
    role = checker.text(data, "role", "")
    aliases = _string_list(checker, data, "aliases", "")
    default_article = data.get("article")
    if default_article is not None and not isinstance(default_article, str):
        checker.fail(data.line_of("article"), "article", "must be an article id")
        default_article = None

    camp_id, evidence = "", None
    camp = data.get("camp")
    if not isinstance(camp, LineDict):
        checker.fail(data.line_of("camp"), "camp", "missing: a mapping with id and evidence")
    else:
        checker.unknown_fields(camp, {"id", "evidence"}, "camp.")
        camp_id = checker.text(camp, "id", "camp.") or ""
        if camp_id and camp_id not in lexicon.camps:
            checker.fail(camp.line_of("id"), "camp.id", f"unknown camp {camp_id!r} (known: {', '.join(lexicon.camps)})")
        if isinstance(camp.get("evidence"), LineDict):
            checker.unknown_fields(camp["evidence"], _SPAN_FIELDS, "camp.evidence.")
            evidence = checker.span(camp["evidence"], "camp.evidence.", default_article)
        elif "evidence" in camp:
            checker.fail(camp.line_of("evidence"), "camp.evidence", "must be a span: paragraph, start, end, text")

    raw_positions = data.get("positions")
    positions: list[Position] = []
    reply_lines: dict[str, int] = {"aliases": data.line_of("aliases")}
    if not isinstance(raw_positions, list) or not raw_positions:
        checker.fail(data.line_of("positions"), "positions", "must be a non-empty list")
    else:
        seen: set[str] = set()
        for index, raw in enumerate(raw_positions):
            position = _position(checker, persona_id or path.stem, raw, index, default_article)
            if position is None:
                continue
            if position.id in seen:
                checker.fail(raw.line_of("id"), f"positions[{index}].id", f"duplicate position id {position.id!r}")
                continue
            seen.add(position.id)
            positions.append(position)
            if position.replies_to:
                reply_lines[position.key] = raw.line_of("replies_to")

    ignored: list[Span] = []
    raw_ignored = data.get("ignored", [])
    if not isinstance(raw_ignored, list):
        checker.fail(data.line_of("ignored"), "ignored", "must be a list of spans")
    else:
        for index, raw in enumerate(raw_ignored):
            where = f"ignored[{index}]."
            if not isinstance(raw, LineDict):
                checker.fail(data.line_of("ignored"), f"ignored[{index}]", "must be a span mapping")
                continue
            checker.unknown_fields(raw, _SPAN_FIELDS | {"why"}, where)
            checker.text(raw, "why", where)
            span = checker.span(raw, where, default_article)
            if span is not None:
                ignored.append(span)

    if checker.problems or persona_id is None or name is None or role is None:
        return None, checker.problems, reply_lines
    persona = Persona(
        id=persona_id,
        name=name,
        role=role,
        aliases=aliases,
        camp=camp_id,
        camp_evidence=evidence,
        positions=tuple(positions),
        ignored=tuple(ignored),
        file=str(path),
    )
    return persona, [], reply_lines


def load_personas(folder: Path, articles: dict[str, Article], lexicon: Lexicon) -> list[Persona]:
    """Load and cross-check every persona file; raises DataError listing every problem."""
    if not folder.is_dir():
        raise DataError.single(folder, 1, "personas", "folder not found")
    personas: list[Persona] = []
    problems: list[Problem] = []
    reply_lines: dict[str, tuple[str, int]] = {}
    broken: set[str] = set()  # figures whose file failed: links into them are not reported twice
    for path in sorted(folder.glob("*.yaml")):
        if path.name == LEXICON_FILE:
            continue
        persona, found, lines = load_persona(path, articles, lexicon)
        problems += found
        lines = {(f"{path.stem}:{key}" if key == "aliases" else key): line for key, line in lines.items()}
        reply_lines.update({key: (str(path), line) for key, line in lines.items()})
        if persona is not None:
            personas.append(persona)
        elif found:
            broken.add(path.stem)
    if not personas and not problems:
        problems.append(Problem(str(folder), 1, "personas", "no persona files (*.yaml) found"))

    # Cross-file checks: an id or name belongs to its figure; an alias may not claim another's.
    owner: dict[str, str] = {}
    for persona in personas:
        for name in (persona.id, persona.name):
            owner.setdefault(name.casefold(), persona.id)
    for persona in personas:
        for alias in persona.aliases:
            key = alias.casefold()
            if owner.setdefault(key, persona.id) != persona.id:
                line = reply_lines.get(f"{persona.id}:aliases", (persona.file, 1))[1]
                problems.append(Problem(persona.file, line, "aliases", f"{alias!r} also names {owner[key]!r}"))
    keys = {p.key for persona in personas for p in persona.positions}
    for persona in personas:
        for position in persona.positions:
            target = position.replies_to
            if target and target not in keys and target.split("/")[0] not in broken:
                file, line = reply_lines.get(position.key, (persona.file, 1))
                problems.append(Problem(file, line, "replies_to", f"{target!r} is not a known figure/position"))
    if problems:
        raise DataError(problems)
    # Figures in the order the articles first cite them, so debates follow the story.
    return sorted(personas, key=lambda p: (min((x.citation.article, x.citation.start) for x in p.positions), p.id))
