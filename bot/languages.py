"""Questions written in another language than English: which language, its function words, its stems.

The topic rules may give triggers and generic words in other languages (``languages:`` in topics.yaml). A
question is read in such a language when at least two of its words are that language's function words (the
``stop-words`` package's lists) and not English ones, or, for Chinese and Japanese, when it is written in
their script. Its words then match that language's triggers through that language's Snowball stems; its
function words count for nothing, like English ones. A word no trigger reads cannot be told a verb from a
noun, so it counts as a verb or adjective does in English (it may say how the question asks), unless it is
capitalised inside the question (a name, or a German noun: what the question is about). Its question words
for an amount or a date ask for that kind of answer, as English openings do (``bot.kinds``).

Chinese and Japanese are written without spaces, and no segmenter ships here: a run of their characters is
read as the known terms found in it (triggers, generic words, names; the longest first), and each stretch
between them as one word nobody can read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import Stemmer

from . import lexical
from .kinds import FOREIGN_KIND_TERMS
from .text import STOPWORDS, stem, words

# Language code -> the name the stop-words package and the Snowball stemmers know it by.
SPACED = {
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "pt": "portuguese",
    "it": "italian",
    "nl": "dutch",
}
UNSPACED = {"zh": "chinese", "ja": "japanese"}
LANGUAGES = {**SPACED, **UNSPACED}

# Two function words say which language a question is written in; one may be a loan ("a la carte").
_FUNCTION_WORDS_NEEDED = 2
_KANA = re.compile(r"[\u3040-\u30ff]")


@cache
def _cjk_runs() -> re.Pattern[str]:
    """Runs of kana and CJK ideographs (with their extension A and compatibility blocks). Compiled on first
    use: only a question outside ASCII needs it, and compiling these ranges takes a few ms at every start."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


# A French or Italian article or pronoun elided before a vowel ("l'IA", "qu'est", "dell'IA").
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|dell|all|dall|nell|sull)['’](?=\w)")


@cache
def function_words(code: str) -> frozenset[str]:
    """The language's function words (the stop-words package's list), case-folded, each also without its
    accents ("cual" for "cuál")."""
    from stop_words import get_stop_words  # only questions that may be in another language need it

    found = {w.casefold() for w in get_stop_words(LANGUAGES[code])}
    return frozenset(found | {_without_accents(w) for w in found})


def is_function_word(code: str, word: str) -> bool:
    return word in function_words(code) or _without_accents(word) in function_words(code)


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@cache
def _stemmer(code: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(SPACED[code])


def stem_in(code: str, word: str) -> str:
    """A word's stem in a language, marked with the language so it never meets an English stem. Accents are
    dropped first: people often type "codigo" for "código"."""
    if code in UNSPACED:
        return f"{code}:{word}"
    return f"{code}:{_stemmer(code).stemWord(_without_accents(word))}"


def without_elision(word: str) -> str:
    """A word without the article or pronoun elided onto it ("l'innovation" -> "innovation")."""
    return _ELISION.sub("", word)


class ForeignReader:
    """Reads the words of a question written in another language, for the query reader."""

    def __init__(
        self,
        terms: dict[str, frozenset[str]],
        names: set[str],
        record_stems: frozenset[str],
        other_names: dict[str, str],
    ):
        self.terms = terms  # language -> the phrases the topic rules give in it
        self.names = frozenset(names)  # the figures' names written in Chinese or Japanese characters
        # The stems of the words the record uses, and of the other names the topic rules give (the query
        # reader's own, shared): such a word is read as English.
        self.record_stems = record_stems
        self.other_names = other_names
        self.stems = {code: {stem_in(code, w) for t in found for w in words(t)} for code, found in terms.items()}

    def language_of(self, query: str, typed: list[str]) -> str | None:
        """The other language the question is written in, if any. Only a question with a letter outside ASCII
        or a word unknown to English is looked at: the others are English."""
        if query.isascii() and all(lexical.zipf(w) is not None for w in typed):
            return None
        return language_of(query, typed, STOPWORDS)

    def words(self, typed: list[str], language: str) -> list[str]:
        """The question's words as that language writes them: without elided articles ("l'IA"), or, in
        Chinese and Japanese, its runs of characters cut into the terms the rules, the function words and
        the figures' names know."""
        if language not in UNSPACED:
            return [without_elision(w) for w in typed]
        known = (
            self.terms.get(language, frozenset())
            | function_words(language)
            | self.names
            | FOREIGN_KIND_TERMS.get(language, frozenset())
        )
        found = []
        for word in typed:
            for piece in split_script(word):
                found += segment(piece, known) if is_unspaced(piece) else [piece]
        return found

    def read(self, language: str, word: str) -> tuple[str, bool] | None:
        """A word read in the question's language: its stem there and whether it is a content word; None for
        a word read as English (one the record uses, unless the rules give it in this language too; Latin
        letters in Chinese)."""
        if language in UNSPACED and not is_unspaced(word):
            return None
        found = stem_in(language, word)
        if is_function_word(language, word):
            return found, False
        english = stem(word) in self.record_stems or stem(word) in self.other_names
        if english and found not in self.stems.get(language, ()):
            return None
        return found, True


def language_of(text: str, typed: Iterable[str], english_function_words: frozenset[str]) -> str | None:
    """The language other than English a question is written in, or None for English (or unknown)."""
    if _cjk_runs().search(text):
        return "ja" if _KANA.search(text) else "zh"
    typed_bare = {_without_accents(without_elision(w)) for w in typed}
    bare = typed_bare - english_function_words
    counts = {code: len(bare & function_words(code)) for code in SPACED}
    code = max(counts, key=counts.get)
    # English's own function words outvoting the other language's say the question is English with a few
    # words that happen to be function words elsewhere ("should the EU force ..." has French "eu", "force").
    english = len(typed_bare & english_function_words)
    return code if counts[code] >= _FUNCTION_WORDS_NEEDED and counts[code] > english else None


def split_script(word: str) -> list[str]:
    """A typed token cut where it changes between Chinese or Japanese characters and other letters
    ("开源ai" -> "开源", "ai")."""
    pieces, at = [], 0
    for run in _cjk_runs().finditer(word):
        pieces += [word[at : run.start()], run.group()]
        at = run.end()
    return [p for p in [*pieces, word[at:]] if p]


def segment(run: str, terms: frozenset[str]) -> list[str]:
    """A run of Chinese or Japanese characters as the known terms in it, longest first from the left, and
    the stretches between them."""
    longest = max(map(len, terms), default=0)
    found, unread, at = [], "", 0
    while at < len(run):
        term = next(
            (run[at : at + n] for n in range(min(longest, len(run) - at), 0, -1) if run[at : at + n] in terms), ""
        )
        if term:
            found += [unread, term] if unread else [term]
            unread, at = "", at + len(term)
        else:
            unread, at = unread + run[at], at + 1
    return found + ([unread] if unread else [])


def is_unspaced(word: str) -> bool:
    return bool(_cjk_runs().match(word))
