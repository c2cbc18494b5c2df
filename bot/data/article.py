"""Articles: the seed texts, their paragraphs, sentences and character offsets.

A paragraph is a non-empty line of the article file, numbered from 1 (headings count).
Offsets are character offsets into the decoded text, so ``article.text[start:end]`` is the span.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from ..errors import DataError, Problem
from .yamlload import LineDict, load_yaml, read_text

ARTICLE_SUFFIX = ".txt"
METADATA_SUFFIX = ".yaml"
UNKNOWN_PUBLISHER = "unknown publisher"  # only for ad-hoc files given to `extract`; seeds must name one

_SENTENCE_END = ".!?。！？"
_CLOSERS = "\"'”’»」』)]"
# A sentence ends at terminal punctuation (plus closing quotes/brackets) followed by space, or at a CJK
# one followed by anything. One branch point after the first character: the regex engine then skips
# ahead to candidate characters itself, twice as fast as with two whole alternatives.
_BOUNDARY = re.compile(rf"[{re.escape(_SENTENCE_END)}](?:[{re.escape(_CLOSERS)}]*(?=\s+\S)|(?<=[。！？])(?=\S))")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_HEADING_MAX_WORDS = 12
_SENTENCE_LIKE_ENDS = _SENTENCE_END + _CLOSERS + ":;,"
_FOOTER_MARKS = ("©", "(c)", "copyright")


class Citation(NamedTuple):
    """Where a span sits: article id, 1-based paragraph, and character offsets into the article text."""

    article: str
    paragraph: int
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        return {"article": self.article, "paragraph": self.paragraph, "start": self.start, "end": self.end}


class Span(NamedTuple):
    """A verbatim span of an article: the text and where it sits."""

    text: str
    citation: Citation


class Paragraph(NamedTuple):
    index: int  # 1-based among the non-empty lines (shadows tuple.index, which nothing calls on a paragraph)
    start: int
    end: int
    # The whole article text, shared: a copy of every paragraph's text doubled the memory of the seeds.
    article_text: str
    kind: str  # "heading", "body" or "footer"
    section: str | None  # text of the heading this paragraph sits under

    @property
    def text(self) -> str:
        return self.article_text[self.start : self.end]

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    def __repr__(self) -> str:
        return (
            f"Paragraph(index={self.index!r}, start={self.start!r}, end={self.end!r}, text={self.text!r}, "
            f"kind={self.kind!r}, section={self.section!r})"
        )


class Article(NamedTuple):
    id: str
    title: str
    publisher: str
    url: str | None
    reprint_notice: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str = ""

    def paragraph(self, index: int) -> Paragraph:
        if not 1 <= index <= len(self.paragraphs):
            raise IndexError(f"paragraph {index} is out of range 1..{len(self.paragraphs)}")
        return self.paragraphs[index - 1]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for para in self.paragraphs:
            if para.start <= offset < para.end:
                return para
        return None

    def sentences(self, index: int) -> tuple[tuple[int, int], ...]:
        """Sentence spans (absolute offsets) of one paragraph. Not kept: the narration index asks once per
        paragraph, at a cold load, and a kept copy only made the load cache larger."""
        para = self.paragraph(index)
        return tuple((para.start + s, para.start + e) for s, e in split_sentences(para.text))

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The smallest run of whole sentences that covers ``start:end``."""
        para = self.paragraph_at(start)
        if para is None:
            return start, end
        spans = self.sentences(para.index)
        first = next((s for s, e in spans if s <= start < e), start)
        last = next((e for s, e in spans if s < end <= e), end)
        return first, last

    def cite(self, start: int, end: int) -> Citation:
        para = self.paragraph_at(start)
        if para is None or end > para.end:
            raise ValueError(f"span {start}:{end} does not sit inside one paragraph of {self.id}")
        return Citation(self.id, para.index, start, end)

    @property
    def credit(self) -> str:
        return self.publisher

    @property
    def has_publisher(self) -> bool:
        return self.publisher != UNKNOWN_PUBLISHER


_INITIAL = re.compile(r"(?:[A-Z]\.){0,2}[A-Z]")  # "M." of "Brian M. Good", "J.D." of "J.D. Vance"


def _word_before(text: str, start: int, stop: int) -> str:
    """The run of letters, digits, underscores and dots ending at ``stop``, from ``start`` on.

    Scanned backwards from the full stop: a regex search would walk the whole sentence for it."""
    at = stop
    while at > start and (text[at - 1].isalnum() or text[at - 1] in "._"):
        at -= 1
    return text[at:stop]


def sentence_breaks(
    text: str,
    boundary: re.Pattern[str] = _BOUNDARY,
    abbreviations: frozenset[str] = _ABBREVIATIONS,
    initials: bool = False,
) -> tuple[list[tuple[int, int]], int]:
    """Sentence spans ending at each ``boundary`` match, skipping a full stop after an abbreviation
    (or, with ``initials``, after a single capital: "Brian M. Good"). Also returns where the rest starts."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in boundary.finditer(text):
        end = match.end()
        if text[match.start()] == ".":
            word = _word_before(text, start, match.start())
            if word and (word.lower() in abbreviations or (initials and _INITIAL.fullmatch(word))):
                continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    return spans, start


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split a paragraph into (start, end) sentence spans, relative to the paragraph."""
    spans, start = sentence_breaks(text)
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def _paragraph_kind(line: str) -> str:
    # Lower-case only the head: the marks are at most 9 characters long (and ASCII).
    if line[:9].lower().startswith(_FOOTER_MARKS):
        return "footer"
    stripped = line.rstrip()
    ends_like_sentence = stripped[-1] in _SENTENCE_LIKE_ENDS
    if not ends_like_sentence and len(stripped.split()) <= _HEADING_MAX_WORDS:
        return "heading"
    return "body"


def parse_paragraphs(text: str) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    offset = 0
    section: str | None = None
    for raw_line in text.split("\n"):
        line_start = offset
        offset += len(raw_line) + 1
        content = raw_line.rstrip("\r \t\u3000")
        body = content.lstrip()
        if not body:
            continue
        start = line_start + len(content) - len(body)
        kind = _paragraph_kind(body)
        if kind == "heading":
            section = body
        paragraphs.append(Paragraph(len(paragraphs) + 1, start, start + len(body), text, kind, section))
    return tuple(paragraphs)


def _metadata(path: Path) -> LineDict:
    if not path.exists():
        return LineDict()
    data = load_yaml(path)
    if data is None:
        return LineDict()
    if not isinstance(data, LineDict):
        raise DataError.single(path, 1, "metadata", "must be a mapping of field: value")
    problems = []
    for key in ("title", "publisher", "reprint_notice", "url", "language"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(str(path), data.line_of(key), key, "must be text"))
    url = data.get("url")
    if isinstance(url, str) and url.strip() and not re.fullmatch(r"https?://[^\s<>]+", url.strip()):
        # Shown to every reader as the source link: only a web address, never a script or a stray word.
        problems.append(Problem(str(path), data.line_of("url"), "url", "must be an http(s) link, e.g. https://…"))
    unknown = sorted(set(data) - {"title", "publisher", "reprint_notice", "url", "language"})
    problems += [Problem(str(path), data.line_of(k), k, "unknown field") for k in unknown]
    if problems:
        raise DataError(problems)
    return data


def load_article(path: Path) -> Article:
    """Load one article file and the metadata file beside it (same stem, ``.yaml``)."""
    text = read_text(path)
    # Normalise only the Unicode form a reader cannot see; offsets are into this exact string.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    paragraphs = parse_paragraphs(text)
    if not paragraphs:
        raise DataError.single(path, 1, "text", "the article is empty")
    meta = _metadata(path.with_suffix(METADATA_SUFFIX))
    footer = next((p.text for p in reversed(paragraphs) if p.kind == "footer"), None)
    first_heading = next((p.text for p in paragraphs if p.kind == "heading"), path.stem)
    return Article(
        id=path.stem,
        title=meta.get("title") or first_heading,
        publisher=meta.get("publisher") or UNKNOWN_PUBLISHER,
        url=meta.get("url") or None,
        reprint_notice=meta.get("reprint_notice") or footer,
        text=text,
        paragraphs=paragraphs,
        path=str(path),
    )


def load_articles(folder: Path) -> dict[str, Article]:
    """Every ``*.txt`` article in a folder, keyed by id (the file stem), in name order."""
    if not folder.is_dir():
        raise DataError.single(folder, 1, "seeds", "folder not found")
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob(f"*{ARTICLE_SUFFIX}")):
        try:
            article = load_article(path)
        except DataError as exc:
            problems += exc.problems
            continue
        if not article.has_publisher:
            # Every citation names the publisher (the reprint terms ask for it): no seed without one.
            meta = path.with_suffix(METADATA_SUFFIX)
            problems.append(
                Problem(
                    str(meta), 1, "publisher", f"missing: every citation names the publisher; add it to {meta.name}"
                )
            )
            continue
        articles[article.id] = article
    if problems:
        raise DataError(problems)
    if not articles:
        raise DataError.single(folder, 1, "seeds", f"no {ARTICLE_SUFFIX} article files found")
    return articles
