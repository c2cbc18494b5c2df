"""Best position per figure for large records, with numpy, giving exactly the answers of the plain scorer.

The plain scorer (``Engine._score``) walks posting lists in Python; a common topic reaches a third of a large
record, so that walk costs milliseconds. Here positions sit in *slots*, numbered by figure and then by
tie-break order (so among equal scores the lowest slot wins), and a query costs about the number of distinct
(figure, tag set) pairs plus the number of slots that carry a query word:

- a slot's topic part depends only on its tag set, and the engine shares one tag set among many positions;
  so each tag set is scored once, and a figure's best on the topics alone is the first slot of its
  best-scoring tag set;
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
    """Per figure scoring at least the minimum: best slot and that slot's score parts."""

    slots: list[int]
    topic_scores: list[float]
    word_scores: list[float]


class FigureIndex:
    def __init__(
        self,
        figure_of_slot: list[int],
        figures: int,
        tag_set_of_slot: list[int],
        tag_sets: list[dict[str, float]],
        by_stem: dict[str, list[int]],
    ):
        self.size = len(figure_of_slot)
        self.figures = figures
        self.figure_of_slot = np.asarray(figure_of_slot, dtype=np.int64)
        self.tag_set_of_slot = np.asarray(tag_set_of_slot, dtype=np.int64)
        self.tag_sets = tag_sets
        topic_ids = sorted({topic for tags in tag_sets for topic in tags})
        self.set_weights = {t: np.asarray([tags.get(t, 0.0) for tags in tag_sets]) for t in topic_ids}
        # The first slot of each (figure, tag set): slots ascend within a figure, so the first seen is lowest.
        first: dict[tuple[int, int], int] = {}
        for slot, pair in enumerate(zip(figure_of_slot, tag_set_of_slot, strict=True)):
            first.setdefault(pair, slot)
        pairs = sorted((figure, slot, tag_set) for (figure, tag_set), slot in first.items())
        self.pair_figure = np.asarray([p[0] for p in pairs], dtype=np.int64)
        self.pair_slot = np.asarray([p[1] for p in pairs], dtype=np.int64)
        self.pair_set = np.asarray([p[2] for p in pairs], dtype=np.int64)
        starts = np.flatnonzero(np.diff(self.pair_figure, prepend=-1))
        self.pair_starts, self.pair_counts = starts, np.diff(np.append(starts, len(pairs)))
        self.stem_slots = {s: np.asarray(sorted(slots), dtype=np.int64) for s, slots in by_stem.items()}

    def best(self, topics: list[tuple[str, float]], words: list[tuple[str, float]], minimum: float) -> Winners:
        """Every figure's best slot where it scores at least ``minimum`` (> 0). Coefficients must be > 0."""
        set_score = self._set_scores(topics)
        base_score, base_slot = self._topic_only(set_score)

        # Slots carrying a query word: the only ones that can beat their figure's topic-only best.
        word_terms = [(self.stem_slots[s], c) for s, c in words if s in self.stem_slots]
        topic_of: dict[int, float] = {}
        word_of: dict[int, float] = {}
        if word_terms:
            touched = self._union([slots for slots, _ in word_terms])
            word_u = np.zeros(len(touched))
            for slots, coefficient in word_terms:
                word_u[np.searchsorted(touched, slots)] += coefficient
            topic_u = set_score[self.tag_set_of_slot[touched]]
            score_u = topic_u + word_u
            owners_u = self.figure_of_slot[touched]
            first = self._first_at_top(score_u, owners_u)
            figures_u, slots_u = owners_u[first], touched[first]
            # A word slot wins over the topic-only best when higher, or equal and earlier in tie-break order.
            held = base_score[figures_u]
            wins = (score_u[first] > held) | ((score_u[first] == held) & (slots_u < base_slot[figures_u]))
            base_score[figures_u[wins]] = score_u[first][wins]
            base_slot[figures_u[wins]] = slots_u[wins]
            topic_of = dict(zip(slots_u[wins].tolist(), topic_u[first][wins].tolist(), strict=True))
            word_of = dict(zip(slots_u[wins].tolist(), word_u[first][wins].tolist(), strict=True))

        chosen = base_slot[(base_score >= minimum) & (base_slot >= 0)]
        slots = chosen.tolist()
        topic_parts = set_score[self.tag_set_of_slot[chosen]].tolist()
        return Winners(
            slots,
            [topic_of.get(s, t) for s, t in zip(slots, topic_parts, strict=True)],
            [word_of.get(s, 0.0) for s in slots],
        )

    def _set_scores(self, topics: list[tuple[str, float]]) -> np.ndarray:
        """Each tag set's topic part, summed in query order as the plain scorer sums it (c x 0.0 adds 0.0)."""
        total = np.zeros(len(self.tag_sets))
        for topic, coefficient in topics:
            weights = self.set_weights.get(topic)
            if weights is not None:
                total = total + coefficient * weights
        return total

    def _topic_only(self, set_score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per figure: the best score on the topics alone and its slot (-1 where no topic reaches it)."""
        base_score, base_slot = np.zeros(self.figures), np.full(self.figures, -1, dtype=np.int64)
        score = set_score[self.pair_set]
        first = self._first_at_top(score, self.pair_figure, self.pair_starts, self.pair_counts)
        reached = score[first] > 0.0
        owners = self.pair_figure[first][reached]
        base_score[owners] = score[first][reached]
        base_slot[owners] = self.pair_slot[first][reached]
        return base_score, base_slot

    @staticmethod
    def _first_at_top(
        score: np.ndarray, owners: np.ndarray, starts: np.ndarray | None = None, counts: np.ndarray | None = None
    ) -> np.ndarray:
        """Per run of equal owners (owners ascend): the index of the first element with the run's top score."""
        if starts is None or counts is None:
            starts = np.flatnonzero(np.diff(owners, prepend=-1))
            counts = np.diff(np.append(starts, len(score)))
        top = np.maximum.reduceat(score, starts)
        at_top = np.flatnonzero(score == np.repeat(top, counts))
        return at_top[np.flatnonzero(np.diff(owners[at_top], prepend=-1))]

    def _union(self, lists: list[np.ndarray]) -> np.ndarray:
        """The sorted union of sorted slot lists (a mark per slot beats sorting when the lists are long)."""
        if len(lists) == 1:
            return lists[0]
        marks = np.zeros(self.size, dtype=bool)
        for slots in lists:
            marks[slots] = True
        return np.flatnonzero(marks)
