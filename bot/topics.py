"""The topic lexicon and text analysis: normalise, tokenise, stem, and find topics in free text.

Stems come from snowballstemmer and typo tolerance from rapidfuzz; nothing here knows a figure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from rapidfuzz import fuzz, process

from .errors import DataError, Problem
from .yamlio import LineDict, load_yaml

LEXICON_FILE = "topics.yaml"

# Words that carry no topic on their own: function words and the question frame around a topic.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "think",
        "thinks",
        "say",
        "says",
        "said",
        "view",
        "views",
        "stance",
        "position",
        "opinion",
        "opinions",
        "tell",
        "told",
        "talk",
        "about",
        "regarding",
        "re",
        "on",
        "what's",
        "whats",
        "does",
        "do",
        "is",
        "are",
        "should",
        "shall",
        "must",
        "might",
        "may",
        "anyone",
        "someone",
        "everybody",
        "people",
        "one",
        "ones",
        "thing",
        "things",
        "really",
        "much",
        "many",
        "get",
        "got",
        "go",
        "going",
        "also",
        "like",
        "figure",
        "figures",
    ]
)

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"))
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("english")
# Fuzzy matching only for words long enough that one typo does not turn them into another word.
_FUZZY_MIN_LENGTH = 5
_FUZZY_CUTOFF = 84.0


def normalise(text: str) -> str:
    """Case-fold and NFKC-normalise; hyphens, slashes and underscores become spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).casefold()
    return re.sub(r"[-‐‑‒–—/_]+", " ", text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    # Possessives and contractions share a stem with the bare word ("xai's" -> "xai").
    word = re.sub(r"['’]s$", "", word)
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


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


@dataclass(frozen=True, slots=True)
class TopicHit:
    """One topic found in a query: which trigger fired, how, and how strongly."""

    topic: str
    trigger: str
    how: str  # "exact" or "fuzzy:<query word>"
    weight: float


@dataclass(frozen=True, slots=True)
class QueryAnalysis:
    text: str
    stems: tuple[str, ...]  # content stems after typo correction
    corrections: tuple[tuple[str, str], ...]  # (query word, vocabulary word) pairs
    hits: tuple[TopicHit, ...]

    @property
    def topics(self) -> dict[str, float]:
        best: dict[str, float] = {}
        for hit in self.hits:
            best[hit.topic] = max(best.get(hit.topic, 0.0), hit.weight)
        return best


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
        self._vocabulary: dict[str, str] = {}  # surface word -> stem
        self._known_stems: set[str] = set()
        for rule in topics.values():
            for trigger in rule.triggers:
                self.add_vocabulary(trigger.phrase)
        self._cache: dict[str, QueryAnalysis] = {}

    def add_vocabulary(self, text: str) -> None:
        """Words the engine can match; typos are corrected towards these."""
        for word in words(text):
            if word not in STOPWORDS and not word.isdigit():
                self._vocabulary.setdefault(word, stem(word))
                self._known_stems.add(stem(word))
        self._cache = {}
        self._choices: list[str] = sorted(w for w in self._vocabulary if len(w) >= _FUZZY_MIN_LENGTH - 1)

    def correct(self, word: str) -> str | None:
        """The vocabulary word a misspelt query word most likely meant, if any."""
        if len(word) < _FUZZY_MIN_LENGTH or not self._choices:
            return None
        found = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        return found[0] if found else None

    def analyse(self, query: str) -> QueryAnalysis:
        cached = self._cache.get(query)
        if cached is not None:
            return cached
        all_stems: list[str] = []
        content: list[str] = []
        corrections: list[tuple[str, str]] = []
        for word in words(query):
            word_stem = stem(word)
            if word_stem not in self._known_stems and word not in STOPWORDS:
                fixed = self.correct(word)
                if fixed is not None:
                    corrections.append((word, fixed))
                    word_stem = self._vocabulary[fixed]
            all_stems.append(word_stem)
            if word not in STOPWORDS and word_stem not in self.generic:
                content.append(word_stem)
        fuzzy_stems = {self._vocabulary[fixed]: original for original, fixed in corrections}
        hits = tuple(self._find_topics(tuple(all_stems), fuzzy_stems))
        result = QueryAnalysis(query, tuple(content), tuple(corrections), hits)
        if len(self._cache) < 100_000:
            self._cache[query] = result
        return result

    def _find_topics(self, query_stems: tuple[str, ...], fuzzy: dict[str, str]) -> list[TopicHit]:
        hits = []
        for rule in self.topics.values():
            best: TopicHit | None = None
            for trigger in rule.triggers:
                at = _find_run(query_stems, trigger.stems)
                if at < 0:
                    continue
                typo = [fuzzy[s] for s in trigger.stems if s in fuzzy]
                how = f"fuzzy:{typo[0]}" if typo else "exact"
                weight = trigger.weight * (0.9 if typo else 1.0)
                if best is None or weight > best.weight:
                    best = TopicHit(rule.id, trigger.phrase, how, weight)
            if best is not None:
                hits.append(best)
        return hits


def _find_run(haystack: tuple[str, ...], needle: tuple[str, ...]) -> int:
    if not needle or len(needle) > len(haystack):
        return -1
    first = needle[0]
    for i, value in enumerate(haystack):
        if value == first and haystack[i : i + len(needle)] == needle:
            return i
    return -1


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
