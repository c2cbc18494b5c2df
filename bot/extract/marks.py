"""Quote marks: pair them within a paragraph, and mask the quoted text so cues are read in the narration only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.article import Article, sentence_breaks
from .words import ABBREVIATIONS, BOUNDARY, MASK

PAIRS = {"「": "」", "『": "』", "«": "»"}
STRAY_CLOSERS = set(PAIRS.values())
OPENERS = set(PAIRS) | {'"', "“", "‘", "'"}


@dataclass(frozen=True, slots=True)
class Mark:
    open: int | None  # absolute offset of the opening mark, None when it is missing
    close: int | None  # absolute offset of the closing mark, None when it is missing
    start: int  # the quoted text, trimmed
    end: int


DOUBLE_MARKS = '"“”'


def double_role(text: str, i: int) -> str:
    """What a double quote mark can mean here: "open", "close" or "either".

    Copy mixes straight and curly marks, even within one quotation (“… " or "… ”), so a mark is read by where it
    stands (after a space, before a word: it opens) and its shape only breaks a tie."""
    opening, closing = looks_opening(text, i), looks_closing(text, i)
    if text[i] == "“":
        return "close" if closing and not opening else "open"
    if text[i] == "”":
        return "open" if opening and not closing else "close"
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "either"


# A mark that opens a quotation: at the start of the text or after a space (a line break too) or an opening
# bracket, before a word. The pattern starts with the mark and then looks back past it at the character before, so
# a search jumps from quote mark to quote mark; led by the look back, it tried every position of the text.
SINGLE_OPENING = re.compile(r"[‘'](?<![^\s(\[{—–\-/:][‘'])(?=\S)")
DOUBLE_OPENING = re.compile(r"[\"“”「『«](?<![^\s(\[{—–\-/:][\"“”「『«])(?=\S)")


def with_wire_marks_read(text: str) -> str:
    """The text with the quotation marks of ANPA wire copy (``two backticks'' and two apostrophes, as the AP
    transmits them) read as one curly mark each and a space, so every offset stays the article's. Only in a text
    with a double backtick: elsewhere two apostrophes are two apostrophes."""
    if "``" not in text:
        return text
    return text.replace("``", " “").replace("''", "” ")


def uses_single_quotes(article: Article) -> bool:
    """True when the article quotes in single marks (British style): its body opens more quotations with ‘ or '
    than with double marks. A headline in single marks over a body in double ones does not count."""
    body = "\n".join(p.text for p in article.paragraphs if p.kind == "body")
    return len(SINGLE_OPENING.findall(body)) > len(DOUBLE_OPENING.findall(body))


# Every character find_marks acts on; the text between them is skipped in one search instead of a character at a time.
QUOTE_MARK = re.compile("[" + re.escape(DOUBLE_MARKS + "".join(PAIRS) + "".join(STRAY_CLOSERS) + "‘'") + "]")
SINGLE_CLOSER = re.compile("[’']")
INTRODUCED = re.compile(r":\s*$")


def find_marks(text: str, base: int, single: bool) -> list[Mark]:
    """Pair the quote marks of one paragraph; an unpaired mark becomes an unbalanced span."""
    pairs: list[tuple[int | None, int | None]] = []
    open_at: int | None = None  # where the double-quoted span now open began
    i, n = 0, len(text)
    while (found := QUOTE_MARK.search(text, i)) is not None:
        i = found.start()
        char = text[i]
        if char in DOUBLE_MARKS:
            if open_at == i - 1:
                # '""Tim's 13 years ...': no quotation is empty, so a mark right after an opening one doubles it.
                open_at = i
                i += 1
                continue
            role = double_role(text, i)
            if role == "either":
                role = "open" if open_at is None else "close"
            if role == "close" and open_at is None:
                pairs.append((None, i))  # a closing mark with no opening one: the quotation began earlier
            elif role == "close":
                pairs.append((open_at, i))
                open_at = None
            elif open_at is not None:
                # '"A sentence. "The next one..."': a new quotation opens without closing the last (the
                # multi-paragraph convention, paragraphs run together); end this one where the next begins.
                pairs.append((open_at, i))
                open_at = i
            else:
                open_at = i
            i += 1
            continue
        if open_at is not None:
            i += 1  # inside a quotation, other marks are part of it ('He said, ‘Let’s try this.’”')
            continue
        if char in PAIRS:
            close = matching(text, i, char, PAIRS[char])
            pairs.append((i, close))
            if close is None:
                break
            i = close + 1
            continue
        if char in STRAY_CLOSERS:
            pairs.append((None, i))
        elif (
            char in "‘'"
            and (single or INTRODUCED.search(text, max(0, i - 3), i))
            and looks_opening(text, i)
            and not apostrophe(text, i)
        ):
            # (In copy that quotes in double marks, a single one opens a quotation only after a colon: 'She added:
            # ‘I'm just not the type ...'.)
            closers = (closer.start() for closer in SINGLE_CLOSER.finditer(text, i + 1))
            close = next((j for j in closers if not apostrophe(text, j) and looks_closing(text, j)), None)
            pairs.append((i, close))
            if close is None:
                break
            i = close + 1
            continue
        i += 1
    if open_at is not None:
        pairs.append((open_at, None))
    marks: list[Mark] = []
    previous_end = 0
    for open_, close in pairs:
        start = open_ + 1 if open_ is not None else previous_end
        end = close if close is not None else n
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trimmed = chunk.strip().rstrip(",;:").rstrip()
        previous_end = (close + 1) if close is not None else n
        if not trimmed:
            continue
        marks.append(
            Mark(
                base + open_ if open_ is not None else None,
                base + close if close is not None else None,
                base + start + lead,
                base + start + lead + len(trimmed),
            )
        )
    return marks


def matching(text: str, open_index: int, opener: str, closer: str) -> int | None:
    depth = 0
    for j in range(open_index + 1, len(text)):
        if text[j] == opener and opener != closer:
            depth += 1
        elif text[j] == closer:
            if depth == 0:
                return j
            depth -= 1
    return None


def looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def mask(text: str, base: int, marks: list[Mark]) -> str:
    """The paragraph with every quotation blanked out; a final . ! ? stays to mark sentence ends."""
    chars = list(text)
    for mark in marks:
        start = (mark.open if mark.open is not None else mark.start) - base
        end = (mark.close + 1 if mark.close is not None else len(text) + base) - base
        inner_end = (mark.close if mark.close is not None else mark.end) - base
        keep = inner_end - 1 if 0 <= inner_end - 1 < len(text) and text[inner_end - 1] in ".!?。！？" else -1
        for j in range(max(0, start), min(end, len(chars))):
            if j != keep:
                chars[j] = MASK
    return "".join(chars)


# A US politician's party and state set off by commas after the name: "Sen. Ann Hale, D-Ohio, said", ", R-N.Y.,".
PARTY_TAG = re.compile(r",\s*[DRI]-[A-Z][A-Za-z.]*(?:\s[A-Z][a-z.]+)?,")


def blank_party_tags(masked: str) -> str:
    """The narration with each party-and-state tag blanked to spaces, as an aside it is: it names no one, and the
    name before it is the subject ("Sen. Ann Hale, D-Ohio, told reporters"). Every offset stays."""
    return PARTY_TAG.sub(lambda found: " " * len(found.group()), masked) if "-" in masked else masked


def masked_sentences(masked: str) -> list[tuple[int, int]]:
    """Sentences of a paragraph whose quotations are masked, so a full stop inside a quote ends nothing.

    The article model's splitter (``sentence_breaks``), with a boundary that knows masked quotations: a blanked
    quote counts as a closing mark, and a sentence must start with a capital, a digit or a quotation (with the
    article's default boundary the extractor loses 5 points of precision on tests/data)."""
    spans, start = sentence_breaks(masked, BOUNDARY, ABBREVIATIONS, initials=True)
    if start < len(masked) or not spans:
        spans.append((start, len(masked)))
    return spans
