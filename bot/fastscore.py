"""Best position per figure for large records, with numpy, giving exactly the answers of the plain scorer.

The plain scorer (``Engine._score``) walks posting lists in Python; a common topic reaches a third of a large
record, so that walk costs milliseconds. Here positions sit in *slots*, numbered by figure and then by
tie-break order (so among equal scores the lowest slot wins), and a query costs about the number of figures
plus the number of slots that carry a query word:

- with one topic, a figure's best position on the topic alone is known in advance (its heaviest tag, first
  slot); with several, the topic parts are summed over whole arrays in C;
- only the slots that carry a query word can beat that, so they alone are scored again, topic part plus
  word part, and compared with their figure's topic-only best.

Every sum happens in the plain scorer's order (topics in query order, then words in query order, then
topic part + word part), and numpy's float64 arithmetic is IEEE like Python's, so the scores are the same
numbers, not close ones.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Winners(NamedTuple):
    """Per reached figure (at or above ``minimum``): best slot and that slot's score parts."""

    slots: list[int]
    topic_scores: list[float]
    word_scores: list[float]


class _Topic(NamedTuple):
    dense: np.ndarray  # tag weight at every slot (0.0 where the topic is absent)
    top_weight: np.ndarray  # per figure: its heaviest tag weight (0.0 if none)
    top_slot: np.ndarray  # per figure: the first slot with that weight (-1 if none)


class FigureIndex:
    def __init__(
        self,
        figure_of_slot: list[int],
        figures: int,
        by_topic: dict[str, list[tuple[int, float]]],
        by_stem: dict[str, list[int]],
    ):
        self.size = len(figure_of_slot)
        self.figures = figures
        self.figure_of_slot = np.asarray(figure_of_slot, dtype=np.int64)
        counts = np.bincount(self.figure_of_slot, minlength=figures)
        present = counts > 0  # reduceat needs non-empty segments: only figures with positions
        self.segment_figures = np.flatnonzero(present)
        self.segment_counts = counts[present]
        self.starts = np.concatenate(([0], np.cumsum(self.segment_counts)[:-1]))
        self.topics = {topic: self._topic(pairs) for topic, pairs in by_topic.items()}
        self.stem_slots = {s: np.asarray(sorted(slots), dtype=np.int64) for s, slots in by_stem.items()}

    def _topic(self, pairs: list[tuple[int, float]]) -> _Topic:
        slots = np.asarray([slot for slot, _ in pairs], dtype=np.int64)
        weights = np.asarray([weight for _, weight in pairs], dtype=np.float64)
        dense = np.zeros(self.size)
        dense[slots] = weights
        owners = self.figure_of_slot[slots]
        order = np.lexsort((slots, -weights, owners))  # per figure: heaviest first, then lowest slot
        first = np.flatnonzero(np.diff(owners[order], prepend=-1))
        top_weight, top_slot = np.zeros(self.figures), np.full(self.figures, -1, dtype=np.int64)
        top_weight[owners[order][first]] = weights[order][first]
        top_slot[owners[order][first]] = slots[order][first]
        return _Topic(dense, top_weight, top_slot)

    def best(self, topics: list[tuple[str, float]], words: list[tuple[str, float]], minimum: float) -> Winners:
        """Every figure's best slot where it scores at least ``minimum`` (> 0). Coefficients must be > 0."""
        terms = [(self.topics[t], c) for t, c in topics if t in self.topics]
        base_score, base_slot, topic_part = self._topic_only(terms)

        # Slots carrying a query word: the only ones that can beat their figure's topic-only best.
        word_terms = [(self.stem_slots[s], c) for s, c in words if s in self.stem_slots]
        if word_terms:
            touched = self._union([slots for slots, _ in word_terms])
            word_u = np.zeros(len(touched))
            for slots, coefficient in word_terms:
                word_u[np.searchsorted(touched, slots)] += coefficient
            topic_u = self._topic_part_at(terms, topic_part, touched)
            score_u = topic_u + word_u
            owners_u = self.figure_of_slot[touched]
            starts_u = np.flatnonzero(np.diff(owners_u, prepend=-1))
            top_u = np.maximum.reduceat(score_u, starts_u)
            at_top = np.flatnonzero(score_u == np.repeat(top_u, np.diff(np.append(starts_u, len(touched)))))
            first = at_top[np.flatnonzero(np.diff(owners_u[at_top], prepend=-1))]  # lowest slot at the top
            figures_u, slots_u = owners_u[first], touched[first]
            # A word slot wins over the topic-only best when higher, or equal and earlier in tie-break order.
            held = base_score[figures_u]
            wins = (score_u[first] > held) | ((score_u[first] == held) & (slots_u < base_slot[figures_u]))
            base_score[figures_u[wins]] = score_u[first][wins]
            base_slot[figures_u[wins]] = slots_u[wins]
            topic_of = dict(zip(slots_u[wins].tolist(), topic_u[first][wins].tolist(), strict=True))
            word_of = dict(zip(slots_u[wins].tolist(), word_u[first][wins].tolist(), strict=True))
        else:
            topic_of, word_of = {}, {}

        chosen = np.flatnonzero((base_score >= minimum) & (base_slot >= 0))
        slots = base_slot[chosen].tolist()
        fallback_topic = self._topic_part_at(terms, topic_part, base_slot[chosen]).tolist()
        return Winners(
            slots,
            [topic_of.get(s, t) for s, t in zip(slots, fallback_topic, strict=True)],
            [word_of.get(s, 0.0) for s in slots],
        )

    def _union(self, lists: list[np.ndarray]) -> np.ndarray:
        """The sorted union of sorted slot lists (a mark per slot beats sorting when the lists are long)."""
        if len(lists) == 1:
            return lists[0]
        marks = np.zeros(self.size, dtype=bool)
        for slots in lists:
            marks[slots] = True
        return np.flatnonzero(marks)

    def _topic_only(self, terms: list[tuple[_Topic, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Per figure: best score and slot on the topics alone; with several topics, the summed array too."""
        if not terms:
            return np.zeros(self.figures), np.full(self.figures, -1, dtype=np.int64), None
        if len(terms) == 1:
            topic, coefficient = terms[0]
            return coefficient * topic.top_weight, topic.top_slot.copy(), None
        topic_part = terms[0][1] * terms[0][0].dense
        for topic, coefficient in terms[1:]:
            topic_part = topic_part + coefficient * topic.dense
        top = np.maximum.reduceat(topic_part, self.starts)
        top[top <= 0.0] = -1.0  # a figure no topic reaches: none of its slots equals -1.0
        winners = np.flatnonzero(topic_part == np.repeat(top, self.segment_counts))
        first = winners[np.flatnonzero(np.diff(self.figure_of_slot[winners], prepend=-1))]
        score, slot = np.zeros(self.figures), np.full(self.figures, -1, dtype=np.int64)
        score[self.figure_of_slot[first]] = topic_part[first]
        slot[self.figure_of_slot[first]] = first
        return score, slot, topic_part

    @staticmethod
    def _topic_part_at(
        terms: list[tuple[_Topic, float]], topic_part: np.ndarray | None, slots: np.ndarray
    ) -> np.ndarray:
        """The topic part of the score at some slots, summed in query order."""
        if topic_part is not None:
            return topic_part[slots]
        if not terms:
            return np.zeros(len(slots))
        topic, coefficient = terms[0]
        return coefficient * topic.dense[slots]
