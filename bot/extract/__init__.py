"""Quote extraction and attribution: article -> direct quotations and reported positions, each with a speaker.

Rules only (quote-mark pairing, speech-verb lists, name and pronoun tracking); no model, no download.
The modules, in the order the pipeline uses them:

- ``words``: the lexical data (speech verbs, titles, organisation and group words, the name pattern);
- ``marks``: pair quote marks in a paragraph and mask the quoted text, so cues and names are looked for in
  the narration only;
- ``names``: who a capitalised run, a surname, "Mr X" or a pronoun refers to;
- ``cues``: speech cues ("said", "wrote", "according to", "X's tweet:") and the speaker each names;
- ``attribution``: give each quotation the cue right after it, else the one before it, else one in its
  sentence, else (for a whole-sentence quote) the paragraph's running speaker; short phrases with no cue are
  scare quotes, one-word terms, titles of works and labels ('a "so what" attitude') are not quotations at all;
- ``reported``: reported positions ("X emphasized that <clause>", "accusing Y of <clause>", ...);
- ``records``: the output records; each quotation says which rule gave it its speaker (``rule``) or why it has
  none (``why``), so a persona author can check it.

Precision comes first: when two people could be meant, or the speaker is someone the article does not name, the
quotation is kept with ``speaker`` None and a ``why``, and ``build`` drafts nothing from it.

Every span is a slice of ``article.text``: ``quote.text == article.text[quote.start:quote.end]``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..data.article import Article
from .attribution import Analyser
from .records import QUOTED, REPORTED, Extraction, Quote, Speaker

__all__ = ["QUOTED", "REPORTED", "Extraction", "Quote", "Speaker", "by_speaker", "extract", "extract_quotes"]


def extract(article: Article) -> Extraction:
    """Every direct quotation and reported position in the article, with speakers."""
    return Analyser(article).run()


def extract_quotes(article: Article) -> list[Quote]:
    return list(extract(article).quotes)


def by_speaker(quotes: Iterable[Quote]) -> dict[str, list[Quote]]:
    """Attributed quotes grouped by speaker, in the order the article first quotes each."""
    grouped: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker is not None:
            grouped.setdefault(quote.speaker, []).append(quote)
    return grouped
