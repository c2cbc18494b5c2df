"""Quote check: is a claimed quote on record, whose words are they, and how does the claim differ?

Verdicts: ``exact`` (the claim is a span of a position, ignoring case, whitespace and the style of quote
marks), ``close`` (a near-copy: the real words are shown with the differences marked word by word) and
``not_found`` (nothing on record is near it; nothing is offered as its source).

Only simple attributes of the data are used (persona ``id``/``name``/``positions``; position ``text``,
``kind``, ``citation``), so this module works on whatever loads the personas.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .data.article import Citation
from .data.personas import Persona, Position
from .errors import UsageError

VERDICTS = ("exact", "close", "not_found")

# Fewer words than this are a span of many positions ("open source is") and tell nothing about who said it.
MIN_WORDS = 3
# Longer than any position and than a quote anyone pastes; a bound on the work one check does.
MAX_LENGTH = 1000
# A claim is a near-copy of a span when at least this share of its words line up with the span: one changed
# or dropped word in five (the shortest shipped position) still counts, a 3-word claim with one word changed
# does not (2 of 3 in common is 0.67: too little to pin on anyone). Inventions built from the article's own
# vocabulary stay below 0.5 (tests/test_verify.py), so the margin between the two is wide.
CLOSE_MIN = 0.7
# Below CLOSE_MIN but at least this: the nearest words are shown, under a heading saying they are not a match.
# Lower than this the nearest quote is unrelated and is not shown at all.
NEAREST_MIN = 0.5
# At most this many matches are listed (best first): the same words rarely sit in more positions.
MAX_MATCHES = 3

# Typographic quote marks and apostrophes read as their plain forms: a pasted quote keeps whatever style
# the site it came from used. One character for one, so offsets map back one to one.
_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u300c": '"',
        "\u300d": '"',
    }
)
# A word: letters and digits, with inner apostrophes ("isn't", "xai's"). A hyphen parts words: "open-source"
# and "open source" are one spelling choice, not a misquote.
_WORD = re.compile(r"\w(?:[\w']*\w)?")
_EDGES = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True, slots=True)
class _Folded:
    """A text compared loosely: case folded, quote marks plain, whitespace single spaces.

    ``origin[i]`` is where folded character ``i`` came from in the original, so a match maps back to
    verbatim offsets; None when folding changed no offset (the usual case for an article's sentence)."""

    text: str
    origin: tuple[int, ...] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of folded ``start:end``."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1

    def words(self) -> list[tuple[str, int, int]]:
        """Each word (folded, for comparing) and its offsets in the original (for showing)."""
        return [(m.group(), *self.span(m.start(), m.end())) for m in _WORD.finditer(self.text)]


def _fold(text: str) -> _Folded:
    plain = text.translate(_MARKS)
    folded = plain.casefold()
    if len(folded) == len(plain) and " ".join(plain.split()) == plain:
        return _Folded(folded, None)  # one character for one, single spaces: the offsets stay as they are
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(plain):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                origin.append(index)
            continue
        for folded in char.casefold():  # "ß" folds to "ss": both map back to the one character
            chars.append(folded)
            origin.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return _Folded("".join(chars), tuple(origin))


# rapidfuzz's opcodes turn the claim into the record: "delete" drops claim words, "insert" adds record words.
_OPS = {"equal": "equal", "replace": "changed", "delete": "added", "insert": "left_out"}


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """One step of the word-by-word comparison, as spans of the two texts: ``equal``, ``changed``, ``added``
    (words in the claim, not on record) or ``left_out`` (words on record that the claim left out)."""

    op: str
    claimed: str  # as typed ("" for left_out)
    recorded: str  # verbatim from the article ("" for added)


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A span of a position that a claim matches: the real words, cited, and how the claim differs."""

    figure: Persona
    position: Position
    quote: str  # verbatim: the article's text at ``citation``
    citation: Citation
    similarity: float  # 0..1, the share of the claim's words that line up with the quote
    diff: tuple[DiffPiece, ...]  # empty for an exact match

    @property
    def kind(self) -> str:
        return self.position.kind

    @property
    def text(self) -> str:  # the position macro of the templates shows ``.text`` under ``.citation``
        return self.quote

    @property
    def same_words(self) -> bool:
        """Every word lines up: only punctuation differs."""
        return all(piece.op == "equal" for piece in self.diff)


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    text: str
    claimed: Persona | None
    verdict: str  # one of VERDICTS
    matches: tuple[QuoteMatch, ...]  # best first; empty when not_found
    nearest: QuoteMatch | None  # not_found only: the nearest words, shown only as "not a match"

    @property
    def claimed_said_it(self) -> bool | None:
        """True when the best match is the claimed figure's, False when it is someone else's; None when no
        figure was named or nothing is on record (the record cannot tell)."""
        if self.claimed is None or not self.matches:
            return None
        return self.matches[0].figure.id == self.claimed.id

    @property
    def speaker(self) -> Persona | None:
        return self.matches[0].figure if self.matches else None


@dataclass(frozen=True, slots=True)
class _Entry:
    figure: Persona
    position: Position
    folded: _Folded
    words: tuple[tuple[str, int, int], ...]
    keys: tuple[str, ...]
    vocabulary: frozenset[str]


class QuoteChecker:
    """Checks claimed quotes against every position of the given figures (built once, checked often)."""

    def __init__(self, personas: Iterable[Persona]):
        self._entries: list[_Entry] = []
        for persona in personas:
            for position in persona.positions:
                folded = _fold(position.text)
                words = tuple(folded.words())
                keys = tuple(key for key, _, _ in words)
                self._entries.append(_Entry(persona, position, folded, words, keys, frozenset(keys)))

    def check(self, text: str, claimed: Persona | None = None) -> QuoteCheck:
        """The verdict on ``text``; raises UsageError for text too short or too long to check."""
        claim = _claim(text)
        core = _EDGES.sub("", claim.text)
        exact = [match for entry in self._entries if (match := _exact(entry, core)) is not None]
        if exact:
            return QuoteCheck(text, claimed, "exact", _best(exact, claimed), None)
        words = claim.words()
        near = [match for entry in self._entries if (match := _near(entry, text, words)) is not None]
        close = [match for match in near if match.similarity >= CLOSE_MIN]
        if close:
            return QuoteCheck(text, claimed, "close", _best(close, claimed), None)
        nearest = _best(near, claimed)[0] if near else None
        return QuoteCheck(text, claimed, "not_found", (), nearest)


def _claim(text: str) -> _Folded:
    if len(text) > MAX_LENGTH:
        raise UsageError(f"the text is {len(text)} characters long; the limit is {MAX_LENGTH}")
    claim = _fold(text)
    count = len(_WORD.findall(claim.text))
    if count < MIN_WORDS:
        raise UsageError(
            f"the text has {count} word{'s' if count != 1 else ''}; paste at least {MIN_WORDS} words of the quote"
        )
    return claim


def _cite(entry: _Entry, start: int, end: int) -> tuple[str, Citation]:
    """The verbatim words at ``start:end`` of a position's text, and their citation."""
    base = entry.position.citation
    return entry.position.text[start:end], Citation(base.article, base.paragraph, base.start + start, base.start + end)


def _exact(entry: _Entry, core: str) -> QuoteMatch | None:
    # Whole words only: "losed models" is not a span of "Closed models".
    found = re.search(rf"(?<!\w){re.escape(core)}(?!\w)", entry.folded.text)
    if found is None:
        return None
    quote, citation = _cite(entry, *entry.folded.span(found.start(), found.end()))
    return QuoteMatch(entry.figure, entry.position, quote, citation, 1.0, ())


def _joined(text: str, words: Sequence[tuple[str, int, int]]) -> str:
    """The stretch of ``text`` from the first of ``words`` to the last, punctuation and all."""
    return text[words[0][1] : words[-1][2]] if words else ""


def _near(entry: _Entry, text: str, words: list[tuple[str, int, int]]) -> QuoteMatch | None:
    """The span of a position nearest the claim ``text`` (its ``words``), word for word; None when below
    NEAREST_MIN."""
    keys = [key for key, _, _ in words]
    m = len(keys)
    # Both scores below count only claim words the position has: a position sharing too few is skipped.
    if sum(key in entry.vocabulary for key in keys) < NEAREST_MIN * m:
        return None
    window, similarity = _window(keys, entry.keys)
    if similarity < NEAREST_MIN:
        return None
    start, end = window
    recorded = entry.words[start:end]
    diff = tuple(
        DiffPiece(
            _OPS[op.tag],
            _joined(text, words[op.src_start : op.src_end]),
            _joined(entry.position.text, recorded[op.dest_start : op.dest_end]),
        )
        for op in Levenshtein.opcodes(keys, list(entry.keys[start:end]))
    )
    quote, citation = _cite(entry, recorded[0][1], recorded[-1][2])
    return QuoteMatch(entry.figure, entry.position, quote, citation, similarity, diff)


def _window(claim: Sequence[str], record: Sequence[str]) -> tuple[tuple[int, int], float]:
    """The run of ``record``'s words nearest ``claim``, and how near (0..1).

    Near in order: 1 - word edits / the longer length (rapidfuzz's Levenshtein on word lists), over runs of
    every length that could reach NEAREST_MIN (a run shorter or longer than that ratio of the claim cannot).
    Near in any order: the words two runs of the claim's length share, so a claim with its clauses swapped
    ("safety comes first, open-source isn't a panacea") is still the near-copy it is.
    A global alignment of the whole position instead would stretch the span to any stray "a" or "the"."""
    m, n = len(claim), len(record)
    shortest = max(1, math.ceil(m * NEAREST_MIN))
    longest = min(n, math.floor(m / NEAREST_MIN))
    # (similarity, in-order similarity, -|length - m|, -start): the largest wins.
    best: tuple[float, float, int, int] = (-1.0, -1.0, 0, 0)
    window = (0, min(n, m))
    for length in range(shortest, longest + 1):
        for start in range(n - length + 1):
            run = record[start : start + length]
            in_order = Levenshtein.normalized_similarity(claim, run)
            similarity = in_order
            if length == min(n, m):
                # On sorted lists the longest common subsequence is the multiset of shared words.
                similarity = max(similarity, fuzz.ratio(sorted(claim), sorted(run)) / 100)
            key = (similarity, in_order, -abs(length - m), -start)
            if key > best:
                best, window = key, (start, start + length)
    return window, max(0.0, best[0])


def _best(matches: list[QuoteMatch], claimed: Persona | None) -> tuple[QuoteMatch, ...]:
    """Best first: most similar, then the claimed figure's, the figure's own words, article order."""

    def rank(match: QuoteMatch) -> tuple:
        mine = claimed is not None and match.figure.id == claimed.id
        c = match.citation
        return (-match.similarity, not mine, match.kind != "quoted", c.article, c.start, -c.end)

    return tuple(sorted(matches, key=rank)[:MAX_MATCHES])


def quote_check_json(check: QuoteCheck) -> dict[str, Any]:
    """The shape `debate-cli verify --json` prints."""
    return {
        "text": check.text,
        "claimed_figure": check.claimed.id if check.claimed else None,
        "verdict": check.verdict,
        "claimed_figure_said_it": check.claimed_said_it,
        "matches": [
            {
                "figure": match.figure.id,
                "name": match.figure.name,
                "kind": match.kind,
                "quote": match.quote,
                "citation": match.citation.as_dict(),
                "similarity": round(match.similarity, 3),
            }
            for match in check.matches
        ],
    }
