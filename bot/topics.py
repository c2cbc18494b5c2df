"""The topic lexicon and text analysis: normalise, tokenise, stem, and find topics in free text.

Stems come from snowballstemmer and typo tolerance from rapidfuzz; nothing here knows a figure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import snowballstemmer
from rapidfuzz import distance, process

from .errors import DataError, Problem
from .yamlio import LineDict, load_yaml

LEXICON_FILE = "topics.yaml"

# Words that carry no topic on their own: function words and the question frame around a topic.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any anyone are as at be because been before
    being below between both but by can could did do does doing down during each everybody few
    figure figures for from further get go going got had has have having he her here hers herself
    him himself his how i if in into is it its itself just let like many may me might more most much
    must my myself no nor not now of off on once one ones only opinion opinions or other our ours
    ourselves out over own people position re really regarding said same say says shall she should
    so some someone stance such talk tell than that the their theirs them themselves then there
    these they thing things think thinks this those through to told too under until up very view
    views was we were what what's whats when where which while who whom why will with would you your
    yours yourself yourselves
    """.split()
)

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"))
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_PLAIN_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_STEMMER = snowballstemmer.stemmer("english")
# Fuzzy matching only for words long enough that one typo does not turn them into another word.
# Typo tolerance in edits (OSA distance: a swapped pair of letters is one edit): one edit from four
# letters on, two from eight. Three-letter words are too easily another word, so they are left alone
# unless one inserted letter makes a topic trigger ("opn" -> "open").
_FUZZY_MIN_LENGTH = 4
_LONG_WORD = 8
# A long-running bot meets words and queries without end (typos, spam): the readings and analyses it
# keeps are capped. A kept analysis is about 500 bytes and a word's reading about 200, so a few MB each.
_WORDS_KEPT = 50_000
_ANALYSES_KEPT = 10_000


_SEPARATORS = re.compile(r"[-‐‑‒–—/_]+")


def normalise(text: str) -> str:
    """Case-fold and NFKC-normalise; hyphens, slashes and underscores become spaces."""
    if text.isascii():  # the common case: nothing to normalise or strip but case
        return _SEPARATORS.sub(" ", text.lower())
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).casefold()
    return _SEPARATORS.sub(" ", text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    # Possessives and contractions share a stem with the bare word ("xai's" -> "xai").
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return _STEMMER.stemWord(word)


# ASCII text: lower-cased, and everything but letters, digits and the apostrophe splits words. The
# regex's job, done by one bytes.translate (a table lookup per byte, several times quicker than str's).
_ASCII_SPLIT = bytes(c if c < 128 and (chr(c).isalnum() or c == ord("'")) else ord(" ") for c in range(256)).lower()


def words(text: str) -> list[str]:
    if not text.isascii():
        return _WORD.findall(normalise(text))
    found = text.encode().translate(_ASCII_SPLIT).decode().split()
    if "'" not in text:
        return found
    # Apostrophes join letters ("don't") but are not part of a word on their own ("'quoted'").
    return [w for token in found for w in ((token,) if _PLAIN_WORD.fullmatch(token) else _WORD.findall(token))]


def stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text))


def content_stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text) if w not in STOPWORDS)


@dataclass(frozen=True, slots=True)
class Trigger:
    phrase: str
    stems: tuple[str, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class TopicRule:
    id: str
    label: str
    triggers: tuple[Trigger, ...]


@dataclass(frozen=True, slots=True)
class Axis:
    id: str
    label: str
    plus: str
    zero: str
    minus: str

    def describe(self, value: int) -> str:
        return self.plus if value > 0 else self.minus if value < 0 else self.zero


@dataclass(frozen=True, slots=True)
class Camp:
    id: str
    label: str
    colour: int


class TopicHit(NamedTuple):
    """One topic found in a query: which trigger fired, how, and how strongly."""

    topic: str
    trigger: str
    how: str  # "exact" or "fuzzy:<query word>"
    weight: float
    stems: tuple[str, ...]  # the trigger's stems, which the query contains


class QueryAnalysis(NamedTuple):
    """A query, read: made once per distinct query text, so a cheap immutable tuple."""

    text: str
    stems: tuple[str, ...]  # distinct content stems after typo correction, in query order
    corrections: tuple[tuple[str, str], ...]  # (query word, vocabulary word) pairs
    hits: tuple[TopicHit, ...]
    topics: dict[str, float]  # topic -> weight of its strongest hit


class Lexicon:
    """Topic rules, axes and camps, plus the vocabulary used to correct typos."""

    def __init__(
        self,
        topics: dict[str, TopicRule],
        axes: dict[str, Axis],
        camps: dict[str, Camp],
        generic: frozenset[str] = frozenset(),
    ):
        self.generic = generic  # stems that never count as content on their own
        self.topics = topics
        self.axes = axes
        self.camps = camps
        # Triggers by their first stem, each as the hit it makes when matched exactly, after its rule's place
        # in the lexicon (hits are reported in that order).
        self._by_first_stem: dict[str, list[tuple[int, TopicHit]]] = {}
        for rule_number, rule in enumerate(topics.values()):
            for trigger in rule.triggers:
                hit = TopicHit(rule.id, trigger.phrase, "exact", trigger.weight, trigger.stems)
                self._by_first_stem.setdefault(trigger.stems[0], []).append((rule_number, hit))
        self._trigger_starts = frozenset(self._by_first_stem)
        self._vocabulary: dict[str, str] = {}  # surface word -> stem
        self._known_stems: set[str] = set()
        self._by_start: dict[tuple[str, int], list[str]] = {}
        self._by_deletion: dict[str, list[str]] | None = None  # see _one_edit
        # Source-text word -> its stem, and that stem again if it counts as content ("" if not).
        self._stem_of: dict[str, str] = {}
        self._content_of: dict[str, str] = {}
        self._trigger_words = {w for rule in topics.values() for t in rule.triggers for w in words(t.phrase)}
        self._words: dict[str, tuple[str, str | None, bool]] = {}
        for rule in topics.values():
            for trigger in rule.triggers:
                self.add_vocabulary(trigger.phrase)
        self._cache: dict[str, QueryAnalysis] = {}

    def add_vocabulary(self, text: str) -> None:
        """Words the engine can match; typos are corrected towards these."""
        self._add_words(words(text))

    def _add_words(self, found: list[str]) -> None:
        vocabulary = self._vocabulary
        added = False
        for word in found:
            if word not in vocabulary and word not in STOPWORDS and not word.isdigit():
                vocabulary[word] = stem(word)
                self._known_stems.add(vocabulary[word])
                added = True
        if added:  # what was read or corrected before may read differently now
            self._by_start = {}
            self._by_deletion = None
            self._cache = {}
            self._words = {}

    def read(self, text: str) -> tuple[frozenset[str], dict[str, float]]:
        """A source text (a quote, a sentence of narration), read once: its words join the vocabulary;
        returns its content stems and the topics its own words trigger (exactly, no typo tolerance).

        A large record is 100,000s of texts, so the per-word work happens once per distinct word, and a
        text is read with C loops (map, set operations) over the words' readings.
        """
        found = words(text)
        try:
            all_stems = tuple(map(self._stem_of.__getitem__, found))
        except KeyError:  # words never read before
            self._learn(found)
            all_stems = tuple(map(self._stem_of.__getitem__, found))
        content = set(map(self._content_of.__getitem__, found))
        content.discard("")
        return frozenset(content), self._text_topics(all_stems)

    def _learn(self, found: list[str]) -> None:
        """Add a text's new words to the vocabulary, with their stems and whether they count as content."""
        unseen = sorted(set(found).difference(self._stem_of))  # the same order on every run
        self._add_words(unseen)
        for word in unseen:
            word_stem = self._stem_of[word] = stem(word)
            counts = word not in STOPWORDS and word_stem not in self.generic
            self._content_of[word] = word_stem if counts else ""

    def _text_topics(self, text_stems: tuple[str, ...]) -> dict[str, float]:
        """Each topic a text's stems trigger, at its strongest trigger's weight: what _find_topics gives,
        without a pass over every stem (only the triggers starting with one of the text's stems are tried)."""
        found: dict[str, float] = {}
        present: set[str] | None = None
        for start in self._trigger_starts.intersection(text_stems):
            for _, hit in self._by_first_stem[start]:
                if hit.weight <= found.get(hit.topic, 0.0):
                    continue
                if len(hit.stems) > 1:  # a phrase: its stems must be there, and in a row
                    present = set(text_stems) if present is None else present
                    if not present.issuperset(hit.stems) or not _contains(text_stems, hit.stems):
                        continue
                found[hit.topic] = hit.weight
        return found

    def correct(self, word: str) -> str | None:
        """The vocabulary word a misspelt query word most likely meant, if any."""
        if len(word) < _FUZZY_MIN_LENGTH - 1:
            return None
        near = self._one_edit(word)
        if near is not None or len(word) < _LONG_WORD:
            return near  # nothing at two edits can beat one at one edit
        scorer = distance.OSA.distance
        found = process.extract(word, self._candidates(word, 2), scorer=scorer, score_cutoff=2, limit=None)
        return self._preferred(found) if found else None

    def index_vocabulary(self) -> dict[str, list[str]]:
        """The indexes behind typo correction (by deletion, and by first letter and length); made on first
        use, or ahead of time by whoever loads a record. Returns the first."""
        if self._by_deletion is None:
            self._by_deletion = {}
            for known in self._vocabulary:
                for variant in {known, *_deletions(known)}:
                    self._by_deletion.setdefault(variant, []).append(known)
        if not self._by_start:
            for known in self._vocabulary:
                self._by_start.setdefault((known[0], len(known)), []).append(known)
        return self._by_deletion

    def _one_edit(self, word: str) -> str | None:
        """The vocabulary word one edit from ``word`` that ``correct`` prefers, found without a scan.

        Two words are one edit apart (OSA: a letter inserted, dropped, changed, or two neighbours swapped)
        only if deleting at most one letter from each gives the same string, so an index from every such
        deletion to its words finds them all (the SymSpell idea). They are then held to the rules of the
        two-edit scan (a candidate starts with the word's first or second letter, as in ``_candidates``), a
        three-letter word only reaches a trigger word one letter longer, and the choice is ``_preferred``'s:
        trigger words first, then alphabetical.
        """
        by_deletion = self.index_vocabulary()
        found: set[str] = set()
        for variant in (word, *_deletions(word)):  # loops, not comprehensions: see Engine._weights
            found.update(by_deletion.get(variant, ()))
        best: tuple[bool, str] | None = None
        for known in found:
            if known[0] not in word[:2] or distance.OSA.distance(word, known, score_cutoff=1) > 1:
                continue
            if len(word) < _FUZZY_MIN_LENGTH and (len(known) != len(word) + 1 or known not in self._trigger_words):
                continue  # "opn": only a trigger word one letter longer
            rank = (known not in self._trigger_words, known)
            if best is None or rank < best:
                best = rank
        return best[1] if best else None

    def _candidates(self, word: str, edits: int) -> list[str]:
        """Vocabulary words within ``edits`` letters of the word's length that start with its first or second
        letter (a typo rarely touches both), in no particular order."""
        self.index_vocabulary()  # (first letter, length) -> words, rebuilt after the vocabulary grows
        lengths = range(len(word) - edits, len(word) + edits + 1)
        return [
            w for start in dict.fromkeys(word[:2]) for size in lengths for w in self._by_start.get((start, size), ())
        ]

    def _preferred(self, found: list[tuple[str, float, int]]) -> str:
        """Of extract's matches, the nearest; on a tie a trigger word (the likelier meaning), then the first
        alphabetically, so the choice never depends on the vocabulary's order."""
        return min(found, key=lambda match: (match[1], match[0] not in self._trigger_words, match[0]))[0]

    def _word(self, word: str) -> tuple[str, str | None, bool]:
        """(stem after typo correction, the vocabulary word it was corrected to, counts as content)."""
        known = self._words.get(word)
        if known is None:
            word_stem, fixed = stem(word), None
            if word_stem not in self._known_stems and word not in STOPWORDS:
                fixed = self.correct(word)
                if fixed is not None:
                    word_stem = self._vocabulary[fixed]
            known = (word_stem, fixed, word not in STOPWORDS and word_stem not in self.generic)
            if len(self._words) < _WORDS_KEPT:
                self._words[word] = known
        return known

    def analyse(self, query: str) -> QueryAnalysis:
        cached = self._cache.get(query)
        if cached is not None:
            return cached
        all_stems: list[str] = []
        content: list[str] = []
        corrections: list[tuple[str, str]] = []
        fuzzy_stems: dict[str, str] = {}
        known_words = self._words
        for word in words(query):
            word_stem, fixed, is_content = known_words.get(word) or self._word(word)
            if fixed is not None:
                corrections.append((word, fixed))
                fuzzy_stems[word_stem] = word
            all_stems.append(word_stem)
            if is_content:
                content.append(word_stem)
        hits = tuple(self._find_topics(tuple(all_stems), fuzzy_stems))
        weights = {}
        for hit in hits:  # a loop, not a comprehension: see Engine._weights
            weights[hit.topic] = hit.weight
        # Made in C (tuple.__new__, all fields given), not through the NamedTuple's Python-level __new__.
        result = tuple.__new__(QueryAnalysis, (query, tuple(dict.fromkeys(content)), tuple(corrections), hits, weights))
        if len(self._cache) < _ANALYSES_KEPT:
            self._cache[query] = result
        return result

    def _find_topics(self, query_stems: tuple[str, ...], fuzzy: dict[str, str]) -> list[TopicHit]:
        """Every topic whose trigger occurs in the query as a run of stems; the strongest trigger wins."""
        if self._trigger_starts.isdisjoint(query_stems):
            return []
        best: dict[int, TopicHit] = {}  # by rule number
        for at, first in enumerate(query_stems):
            for rule_number, exact in self._by_first_stem.get(first, ()):
                run = exact.stems
                if len(run) > 1 and query_stems[at : at + len(run)] != run:
                    continue  # a phrase, not there in full
                hit = exact
                if fuzzy:
                    for s in run:
                        if s in fuzzy:  # a trigger reached through a corrected typo counts a little less
                            hit = TopicHit(exact.topic, exact.trigger, f"fuzzy:{fuzzy[s]}", exact.weight * 0.9, run)
                            break
                held = best.get(rule_number)
                if held is None or hit.weight > held.weight:
                    best[rule_number] = hit
        if len(best) < 2:
            return list(best.values())
        # Report hits in the lexicon's order, so output does not depend on word order in the query.
        ordered = []
        for rule_number in sorted(best):  # a loop, not a comprehension: see Engine._weights
            ordered.append(best[rule_number])
        return ordered


def _contains(stems: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Whether ``run`` occurs in ``stems`` as consecutive items (its first item is known to be there)."""
    at = stems.index(run[0])
    while True:
        if stems[at : at + len(run)] == run:
            return True
        try:
            at = stems.index(run[0], at + 1)
        except ValueError:
            return False


def _deletions(word: str) -> set[str]:
    """Every string made by deleting one letter of ``word``."""
    found = set()
    for i in range(len(word)):
        found.add(word[:i] + word[i + 1 :])
    return found


def _colour(value: object) -> int | None:
    if isinstance(value, str) and re.fullmatch(r"#?[0-9A-Fa-f]{6}", value):
        return int(value.lstrip("#"), 16)
    return None


def load_lexicon(folder: Path) -> Lexicon:
    path = folder / LEXICON_FILE
    if not path.exists():
        raise DataError.single(path, 1, "topics", "topic lexicon file not found")
    data = load_yaml(path)
    file = str(path)
    if not isinstance(data, LineDict):
        raise DataError.single(path, 1, "topics", "must be a mapping with axes, camps and topics")
    problems: list[Problem] = []

    def section(name: str) -> LineDict:
        value = data.get(name)
        if not isinstance(value, LineDict) or not value:
            problems.append(Problem(file, data.line_of(name), name, "must be a non-empty mapping"))
            return LineDict()
        return value

    axes: dict[str, Axis] = {}
    for axis_id, spec in section("axes").items():
        if not isinstance(spec, LineDict) or not all(
            isinstance(spec.get(k), str) for k in ("label", "plus", "zero", "minus")
        ):
            problems.append(
                Problem(
                    file,
                    getattr(spec, "line", data.line),
                    f"axes.{axis_id}",
                    "needs label, plus, zero and minus as text",
                )
            )
            continue
        axes[axis_id] = Axis(axis_id, spec["label"], spec["plus"], spec["zero"], spec["minus"])

    camps: dict[str, Camp] = {}
    for camp_id, spec in section("camps").items():
        colour = _colour(spec.get("colour")) if isinstance(spec, LineDict) else None
        if not isinstance(spec, LineDict) or not isinstance(spec.get("label"), str) or colour is None:
            problems.append(
                Problem(
                    file,
                    getattr(spec, "line", data.line),
                    f"camps.{camp_id}",
                    'needs a label and a colour like "#2E9E5B"',
                )
            )
            continue
        camps[camp_id] = Camp(camp_id, spec["label"], colour)

    topics: dict[str, TopicRule] = {}
    for topic_id, spec in section("topics").items():
        where = f"topics.{topic_id}"
        if not isinstance(spec, LineDict) or not isinstance(spec.get("triggers"), list) or not spec["triggers"]:
            problems.append(
                Problem(file, getattr(spec, "line", data.line), where, "needs a label and a list of triggers")
            )
            continue
        triggers = []
        for raw in spec["triggers"]:
            phrase, weight = (raw.get("phrase"), raw.get("weight", 1.0)) if isinstance(raw, LineDict) else (raw, 1.0)
            if (
                not isinstance(phrase, str)
                or not stems(phrase)
                or not isinstance(weight, (int, float))
                or not 0 < weight <= 1
            ):
                line = raw.line if isinstance(raw, LineDict) else spec.line_of("triggers")
                problems.append(
                    Problem(
                        file, line, f"{where}.triggers", f"bad trigger {raw!r}: text, or {{phrase: text, weight: 0..1}}"
                    )
                )
                continue
            triggers.append(Trigger(phrase, stems(phrase), float(weight)))
        topics[topic_id] = TopicRule(topic_id, str(spec.get("label") or topic_id.replace("_", " ")), tuple(triggers))
    generic_raw = data.get("generic", [])
    if not isinstance(generic_raw, list) or not all(isinstance(g, str) for g in generic_raw):
        problems.append(Problem(file, data.line_of("generic"), "generic", "must be a list of words"))
        generic_raw = []
    unknown = sorted(set(data) - {"axes", "camps", "topics", "generic"})
    problems += [
        Problem(file, data.line_of(k), k, "unknown section (expected axes, camps, topics, generic)") for k in unknown
    ]
    if problems:
        raise DataError(problems)
    generic = frozenset(s for phrase in generic_raw for s in stems(phrase))
    return Lexicon(topics, axes, camps, generic)
