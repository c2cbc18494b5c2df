"""The ranker: each figure's sourced stance on a topic, side-by-side answers, explanations, narration.

A position scores a topic part (the query's topics it is tagged with) plus a word part (the query's stems it
uses, weighted by how rare they are in the record). A figure speaks only when its best position reaches
THRESHOLD. The ranker knows no figure by name: topics, tags and words all come from the data.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

from ..data.article import Span
from ..data.dataset import Dataset
from ..data.personas import Persona
from ..query import QueryAnalysis, QueryReader, TopicFinder, Vocabulary
from .index import Index, TextReader, index_narration, index_positions
from .records import AskResult, Candidate, Match, Stance

if TYPE_CHECKING:
    from .arrays import ArrayScorer

# A figure speaks on a topic only when its best position scores at least this much.
THRESHOLD = 0.6
# From this many positions the ranker also keeps the array scorer (numpy) for `ask`, used for queries that
# reach this many postings: below either, walking the posting lists is quicker than numpy's overhead.
_ARRAYS_MIN_POSITIONS = 500
_ARRAYS_MIN_POSTINGS = 256

Weights = list[tuple[str, float]]


class Ranker:
    def __init__(self, data: Dataset):
        self.data = data
        self.lexicon = data.lexicon
        finder = TopicFinder(data.lexicon)
        reader = TextReader(data.lexicon, finder)
        self.positions = index_positions(data, reader)
        self.narration = index_narration(data, reader)
        texts = [t.phrase for rule in data.lexicon.topics.values() for t in rule.triggers]
        texts += [e.position.text for e in self.positions.entries]
        texts += [e.span.text for e in self.narration.entries]
        self.reader = QueryReader(data.lexicon, Vocabulary(texts, data.lexicon.trigger_words), finder)
        self._record_stems = self.positions.idf.keys() | self.narration.idf.keys()
        self._arrays: ArrayScorer | None = None
        if len(self.positions.entries) >= _ARRAYS_MIN_POSITIONS:
            from .arrays import ArrayScorer  # numpy, only for records large enough to need it

            self._arrays = ArrayScorer(self.positions, len(data.personas))

    def analyse(self, topic: str) -> QueryAnalysis:
        return self.reader.analyse(topic)

    # --- queries -------------------------------------------------------------------------

    def stance(self, figure: Persona, topic: str) -> Stance:
        """One figure's stance, with every matched position kept in ``candidates``."""
        analysis = self.analyse(topic)
        return _stance_of(figure, topic, analysis, self._ranked(analysis).get(figure.id, ()))

    def ask(self, topic: str) -> AskResult:
        """Every figure's stance, each with only the position it speaks with."""
        analysis = self.analyse(topic)
        return AskResult(topic=topic, analysis=analysis, stances=self._speaking(analysis, topic))

    def explain(self, topic: str) -> AskResult:
        """Like ask, with every matched position and its score parts kept, so each decision can be shown."""
        analysis = self.analyse(topic)
        ranked = self._ranked(analysis)
        stances = tuple(_stance_of(p, topic, analysis, ranked.get(p.id, ())) for p in self.data.personas)
        return AskResult(topic=topic, analysis=analysis, stances=stances)

    def context(self, topic: str) -> Span | None:
        """The article narration sentence that best sets the scene for a topic, if any clears the bar."""
        total = self._score(self.narration, self.analyse(topic))[2]
        best = min(((-score, n) for n, score in total.items()), default=None)
        if best is None or -best[0] < THRESHOLD:
            return None
        return self.narration.entries[best[1]].span

    # --- scoring -------------------------------------------------------------------------

    def weights(self, index: Index, analysis: QueryAnalysis) -> tuple[Weights, Weights]:
        """What each query topic and stem adds to a text that carries it."""
        query_stems, query_topics = analysis.stems, analysis.topics
        if not query_stems and not query_topics:
            return [], []
        # Query stems are distinct; a trigger's stems count as known even where the record never uses them.
        trigger_stems = {s for hit in analysis.hits for s in hit.stems}
        known = sum(1 for s in query_stems if s in self._record_stems or s in trigger_stems)
        # How much of the query the record can speak to at all ("regulation of cooking" is half-known).
        # The square root keeps a paraphrase with one unknown filler word ("step in") above the bar.
        explained = math.sqrt(known / len(query_stems)) if query_stems else 1.0
        topics = [(topic, explained * weight / len(query_topics)) for topic, weight in query_topics.items()]
        rarity = [index.idf.get(s, index.unseen_idf) for s in query_stems]
        total = sum(rarity) or 1.0
        return topics, [(s, weight / total) for s, weight in zip(query_stems, rarity, strict=True)]

    def _score(
        self, index: Index, analysis: QueryAnalysis
    ) -> tuple[dict[int, float], dict[int, float], dict[int, float]]:
        """Topic part, word part and total of every entry sharing a topic or a word with the query.

        Only the posting lists of the query's topics and stems are walked (an inverted index), so the cost
        follows the matches, not the size of the record.
        """
        topics, words = self.weights(index, analysis)
        topic_part: dict[int, float] = defaultdict(float)
        for topic, scale in topics:
            for number, tag_weight in index.by_topic.get(topic, ()):
                topic_part[number] += scale * tag_weight
        word_part: dict[int, float] = defaultdict(float)
        for s, share in words:
            for number in index.by_stem.get(s, ()):
                word_part[number] += share
        total = {n: topic_part.get(n, 0.0) + word_part.get(n, 0.0) for n in topic_part.keys() | word_part.keys()}
        return topic_part, word_part, total

    def _match(self, number: int, analysis: QueryAnalysis, topic_part: dict, word_part: dict) -> Match:
        return self.positions.entries[number].match(topic_part.get(number, 0.0), word_part.get(number, 0.0), analysis)

    def _ranked(self, analysis: QueryAnalysis) -> dict[str, tuple[Candidate, ...]]:
        """Every matched position per figure, best first (the lower entry number wins a tie)."""
        topic_part, word_part, total = self._score(self.positions, analysis)
        ranked: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for number, score in total.items():
            ranked[self.positions.entries[number].figure].append((-score, number))
        personas = self.data.personas
        return {
            personas[figure].id: tuple(
                Candidate(position=match.position, match=match)
                for match in (self._match(n, analysis, topic_part, word_part) for _, n in sorted(keys))
            )
            for figure, keys in ranked.items()
        }

    def _speaking(self, analysis: QueryAnalysis, topic: str) -> tuple[Stance, ...]:
        """Every figure's stance with only its best position, silent where that best is under the threshold."""
        if self._arrays is not None:
            topics, words = self.weights(self.positions, analysis)
            if self._reach(topics, words) >= _ARRAYS_MIN_POSTINGS:
                return self._arrays.stances(self.data.personas, topic, analysis, topics, words, THRESHOLD)
        topic_part, word_part, total = self._score(self.positions, analysis)
        best: dict[int, tuple[float, int]] = {}  # per figure: (-score, entry number), the smallest wins
        for number, score in total.items():
            figure, key = self.positions.entries[number].figure, (-score, number)
            if figure not in best or key < best[figure]:
                best[figure] = key
        stances = []
        entries = self.positions.entries
        for figure, persona in enumerate(self.data.personas):
            negative_score, number = best.get(figure, (0.0, -1))
            if -negative_score >= THRESHOLD:
                scores = topic_part.get(number, 0.0), word_part.get(number, 0.0)
                stances.append(entries[number].stance(persona, topic, analysis, *scores))
            else:
                stances.append(Stance(figure=persona, topic=topic, query=analysis))
        return tuple(stances)

    def _reach(self, topics: Weights, words: Weights) -> int:
        """How many postings the plain scorer would walk; 0 where a coefficient is 0.0, which the array
        scorer does not take (it relies on every coefficient being positive)."""
        if any(coefficient <= 0 for _, coefficient in (*topics, *words)):
            return 0
        by_topic, by_stem = self.positions.by_topic, self.positions.by_stem
        return sum(len(by_topic.get(t, ())) for t, _ in topics) + sum(len(by_stem.get(s, ())) for s, _ in words)


def _stance_of(figure: Persona, topic: str, analysis: QueryAnalysis, candidates: tuple[Candidate, ...]) -> Stance:
    if not candidates or candidates[0].match.score < THRESHOLD:
        return Stance(figure=figure, topic=topic, query=analysis, candidates=candidates)
    best = candidates[0].match
    return Stance(
        figure=figure,
        topic=topic,
        query=analysis,
        position=best.position,
        topic_score=best.topic_score,
        word_score=best.word_score,
        tags=best.tags,
        candidates=candidates,
    )
