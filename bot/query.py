"""A user's topic, read: checked, split into stems, typos corrected towards the record's words, topics found.

Nothing here knows a figure by name; the words come from the topic rules and the texts of the record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .data.lexicon import Lexicon
from .errors import UsageError
from .text import STOPWORDS, stem, words

MAX_TOPIC_LENGTH = 200
# Typo tolerance in edits (OSA distance: a swapped pair of letters is one edit): one edit from four letters
# on, two from eight. Three-letter words are too easily another word, so they are left alone unless one
# inserted letter makes a topic trigger ("opn" -> "open").
_SHORTEST_TYPO = 3
_SHORT_WORD = 4
_LONG_WORD = 8
# A long-running bot meets words without end (typos, spam): the corrections it keeps are capped.
_CORRECTIONS_KEPT = 50_000
# A trigger reached through a corrected typo counts a little less than one typed right.
_FUZZY_WEIGHT = 0.9


def check_topic(topic: str) -> str:
    """The topic as the engine takes it (whitespace collapsed), or a UsageError a user can act on."""
    text = " ".join(topic.split())
    if not text:
        raise UsageError("the topic is empty; say what the debate is about, e.g. 'regulation'")
    if len(text) > MAX_TOPIC_LENGTH:
        raise UsageError(f"the topic is {len(text)} characters long; the limit is {MAX_TOPIC_LENGTH}")
    return text


@dataclass(frozen=True, slots=True)
class TopicHit:
    """One topic found in a text: which trigger fired, how, and how strongly."""

    topic: str
    trigger: str
    how: str  # "exact" or "fuzzy:<query word>"
    weight: float
    stems: tuple[str, ...]  # the trigger's stems, which the text contains in a row


@dataclass(frozen=True, slots=True)
class QueryAnalysis:
    text: str
    stems: tuple[str, ...]  # distinct content stems after typo correction, in query order
    corrections: tuple[tuple[str, str], ...]  # (query word, vocabulary word) pairs
    hits: tuple[TopicHit, ...]  # in the order of the topic rules
    topics: dict[str, float]  # topic -> weight of its strongest hit


class TopicFinder:
    """Finds the topic rules whose trigger phrases occur in a run of stems."""

    def __init__(self, lexicon: Lexicon):
        self._by_first_stem: dict[str, list[tuple[int, str, object]]] = {}
        for number, rule in enumerate(lexicon.topics.values()):
            for trigger in rule.triggers:
                self._by_first_stem.setdefault(trigger.stems[0], []).append((number, rule.id, trigger))

    def find(self, text_stems: tuple[str, ...], fuzzy: dict[str, str] | None = None) -> list[TopicHit]:
        """Each topic whose trigger occurs as consecutive stems, at its strongest trigger, in rule order.
        ``fuzzy`` maps stems reached through a corrected typo to the word that was typed."""
        best: dict[int, TopicHit] = {}
        for at, first in enumerate(text_stems):
            for number, topic, trigger in self._by_first_stem.get(first, ()):
                run = trigger.stems
                if text_stems[at : at + len(run)] != run:
                    continue
                typed = next((fuzzy[s] for s in run if s in fuzzy), None) if fuzzy else None
                hit = TopicHit(
                    topic=topic,
                    trigger=trigger.phrase,
                    how="exact" if typed is None else f"fuzzy:{typed}",
                    weight=trigger.weight if typed is None else trigger.weight * _FUZZY_WEIGHT,
                    stems=run,
                )
                if number not in best or hit.weight > best[number].weight:
                    best[number] = hit
        return [best[number] for number in sorted(best)]

    def topics(self, text_stems: tuple[str, ...]) -> dict[str, float]:
        """Topic -> weight of its strongest trigger in a source text (matched exactly)."""
        return {hit.topic: hit.weight for hit in self.find(text_stems)}


class Vocabulary:
    """The words the record uses, with their stems: what a misspelt query word is corrected towards."""

    def __init__(self, texts: Iterable[str], preferred: frozenset[str]):
        self.stem_of: dict[str, str] = {}
        for text in texts:
            for word in words(text):
                if word not in self.stem_of and word not in STOPWORDS and not word.isdigit():
                    self.stem_of[word] = stem(word)
        self.stems = frozenset(self.stem_of.values())
        self._preferred = preferred  # trigger words: the likelier meaning when two words are as near
        # By first letter and length: the words a typo can be of (see _nearest).
        self._by_start: dict[tuple[str, int], list[str]] = {}
        for word in sorted(self.stem_of):
            self._by_start.setdefault((word[0], len(word)), []).append(word)
        self._corrections: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The record's word a misspelt word most likely meant: the nearest (OSA edits) among words that start
        with its first or second letter (a typo rarely touches both), then a trigger word, then the first
        alphabetically, so the choice never depends on the order the record was read in."""
        if word in self._corrections:
            return self._corrections[word]
        found = self._nearest(word) if len(word) >= _SHORTEST_TYPO else None
        if len(self._corrections) < _CORRECTIONS_KEPT:
            self._corrections[word] = found
        return found

    def _nearest(self, word: str) -> str | None:
        from rapidfuzz import distance, process  # only once a word is not in the record

        edits = 2 if len(word) >= _LONG_WORD else 1
        # Words that start with the typo's first or second letter and are at most ``edits`` letters longer
        # or shorter: the only ones a typo of that many edits can be of.
        sizes = range(len(word) - edits, len(word) + edits + 1)
        candidates = [
            w for start in dict.fromkeys(word[:2]) for size in sizes for w in self._by_start.get((start, size), ())
        ]
        found = process.extract(word, candidates, scorer=distance.OSA.distance, score_cutoff=edits, limit=None)
        allowed = [
            (edited, known not in self._preferred, known)
            for known, edited, _ in found
            if len(word) >= _SHORT_WORD or self._lengthens_to_trigger(word, known)
        ]
        return min(allowed)[2] if allowed else None

    def _lengthens_to_trigger(self, word: str, known: str) -> bool:
        """A three-letter word is only corrected by one inserted letter that makes a trigger word."""
        return len(known) == len(word) + 1 and known in self._preferred


class QueryReader:
    """Reads a user's topic against the topic rules and the record's vocabulary."""

    def __init__(self, lexicon: Lexicon, vocabulary: Vocabulary, finder: TopicFinder):
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.finder = finder

    def analyse(self, query: str) -> QueryAnalysis:
        query = query[:MAX_TOPIC_LENGTH]
        all_stems: list[str] = []
        content: list[str] = []
        corrections: list[tuple[str, str]] = []
        fuzzy: dict[str, str] = {}  # stem reached through a correction -> the word typed
        for word in words(query):
            word_stem = stem(word)
            if word_stem not in self.vocabulary.stems and word not in STOPWORDS:
                fixed = self.vocabulary.correct(word)
                if fixed is not None:
                    word_stem = self.vocabulary.stem_of[fixed]
                    corrections.append((word, fixed))
                    fuzzy[word_stem] = word
            all_stems.append(word_stem)
            if word not in STOPWORDS and word_stem not in self.lexicon.generic:
                content.append(word_stem)
        hits = tuple(self.finder.find(tuple(all_stems), fuzzy))
        return QueryAnalysis(
            text=query,
            stems=tuple(dict.fromkeys(content)),
            corrections=tuple(corrections),
            hits=hits,
            topics={hit.topic: hit.weight for hit in hits},
        )
