"""Best position per figure for large records, with numpy, giving exactly the answers of the plain scorer.

The plain scorer (``Engine._score``) walks every posting of the query's topics and stems. On a large record a
common topic matches a third of it, so the walk grows with the record. Here each posting list also keeps, per
figure, its top weight and the first position (in tie-break order) that has it. For a query that gives:

- every figure's upper bound: the sum, over the query's topics and stems, of coefficient x top weight;
- a few candidates per figure (the first position at the top of each list) scored exactly;
- a figure whose best candidate reaches its bound is settled: no position can score more, and any that
  ties has the top weight in every list, so it sits at or after the candidate in tie-break order.

Only the figures left over are scored over their own postings. Sums run in the plain scorer's order and
numpy's float64 arithmetic is IEEE like Python's, so the scores are the same numbers, not close ones.
Slots number the positions by figure, then by tie-break order, so "lowest slot" means "wins a tie".
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class _Postings(NamedTuple):
    slots: np.ndarray  # sorted slots that carry the term
    weights: np.ndarray | None  # the tag weight at each slot (topics); None for stems, which weigh 1
    figures: np.ndarray  # figures with at least one slot, ascending
    top: np.ndarray  # each of those figures' top weight
    first: np.ndarray  # each of those figures' first slot at its top weight


class Best(NamedTuple):
    figure: int
    slot: int
    topic_score: float
    word_score: float


class FigureIndex:
    def __init__(
        self,
        figure_of_slot: list[int],
        figures: int,
        by_topic: dict[str, list[tuple[int, float]]],
        by_stem: dict[str, list[int]],
    ):
        self.figure_of_slot = np.asarray(figure_of_slot, dtype=np.int64)
        self.figures = figures
        bounds = np.searchsorted(self.figure_of_slot, np.arange(figures + 1))
        self.start, self.end = bounds[:-1], bounds[1:]
        self.topics = {t: self._postings(*zip(*sorted(pairs), strict=True)) for t, pairs in by_topic.items()}
        self.stems = {s: self._postings(sorted(slots), None) for s, slots in by_stem.items()}

    def _postings(self, slots: tuple[int, ...] | list[int], weights: tuple[float, ...] | None) -> _Postings:
        slot_array = np.asarray(slots, dtype=np.int64)
        owners = self.figure_of_slot[slot_array]
        if weights is None:
            figures, first = np.unique(owners, return_index=True)  # slots ascend, so the first is the best
            return _Postings(slot_array, None, figures, np.ones(len(figures)), slot_array[first])
        weight_array = np.asarray(weights, dtype=np.float64)
        order = np.lexsort((slot_array, -weight_array, owners))  # per figure: heaviest, then lowest slot
        figures, first = np.unique(owners[order], return_index=True)
        return _Postings(slot_array, weight_array, figures, weight_array[order][first], slot_array[order][first])

    def best(self, topics: list[tuple[str, float]], words: list[tuple[str, float]]) -> list[Best]:
        """The best slot of every figure that any query term reaches, with its score parts."""
        terms = [(self.topics[t], c) for t, c in topics if t in self.topics]
        terms_w = [(self.stems[s], c) for s, c in words if s in self.stems]
        n_topics = len(terms)
        terms += terms_w
        if not terms:
            return []
        bound_t, bound_w = np.zeros(self.figures), np.zeros(self.figures)
        reached = np.zeros(self.figures, dtype=bool)
        for i, (p, c) in enumerate(terms):
            (bound_t if i < n_topics else bound_w)[p.figures] += c * p.top
            reached[p.figures] = True
        bound = bound_t + bound_w
        candidates = np.unique(np.concatenate([p.first for p, _ in terms]))
        found = self._scores(candidates, terms, n_topics)
        settled = self._pick(candidates, *found)
        figures, slots, part_t, part_w = settled
        done = np.zeros(self.figures, dtype=bool)
        exact = (part_t + part_w) == bound[figures]
        done[figures[exact]] = True
        results = [settled_part[exact] for settled_part in settled]
        left = reached & ~done
        if left.any():
            results = [np.concatenate(pair) for pair in zip(results, self._dense(terms, n_topics, left), strict=True)]
        return [Best(*row) for row in zip(*(r.tolist() for r in results), strict=True)]

    def _dense(
        self, terms: list[tuple[_Postings, float]], n_topics: int, wanted: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every wanted figure's best over all its postings, with whole-record arrays."""
        size = len(self.figure_of_slot)
        part_t, part_w = np.zeros(size), np.zeros(size)
        touched = np.zeros(size, dtype=bool)
        for i, (p, c) in enumerate(terms):
            if i < n_topics:
                part_t[p.slots] += c * p.weights  # type: ignore[operator]
            else:
                part_w[p.slots] += c
            touched[p.slots] = True
        score = part_t + part_w
        score[~touched] = -1.0  # below any real score, so untouched slots never win
        top = np.maximum.reduceat(score, self.start)  # every figure owns at least one slot
        winners = np.flatnonzero((score == top[self.figure_of_slot]) & touched & wanted[self.figure_of_slot])
        owners = self.figure_of_slot[winners]
        first = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]]) if len(owners) else owners
        slots = winners[first]
        return owners[first], slots, part_t[slots], part_w[slots]

    @staticmethod
    def _scores(
        slots: np.ndarray, terms: list[tuple[_Postings, float]], n_topics: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Topic and word parts of these slots' scores, summed in the plain scorer's order."""
        part_t, part_w = np.zeros(len(slots)), np.zeros(len(slots))
        for i, (p, c) in enumerate(terms):
            at = np.searchsorted(p.slots, slots)
            hit = at < len(p.slots)
            hit[hit] = p.slots[at[hit]] == slots[hit]
            if i < n_topics:
                part_t[hit] += c * p.weights[at[hit]]  # type: ignore[index]
            else:
                part_w[hit] += c
        return part_t, part_w

    def _pick(
        self, slots: np.ndarray, part_t: np.ndarray, part_w: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per figure, the slot with the highest score, the lowest slot among equals."""
        owners = self.figure_of_slot[slots]
        order = np.lexsort((slots, -(part_t + part_w), owners))
        figures, first = np.unique(owners[order], return_index=True)
        chosen = order[first]
        return figures, slots[chosen], part_t[chosen], part_w[chosen]
