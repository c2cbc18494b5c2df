"""Best position per figure for large records, with numpy, giving exactly the answers of the plain scorer.

The plain scorer (``Ranker._score``, the reference the tests hold this to) walks posting lists in Python;
a common topic reaches a third of a large record, so that walk costs milliseconds. Here positions sit in *slots*, numbered by figure and then by
tie-break order (so among equal scores the lowest slot wins), and a query scores only two kinds of slot:

- a slot's topic part depends only on the weights its tag set gives the query's topics. For each set of
  query topics a *view* keeps, per figure, the first slot of each distinct combination of those weights:
  no other slot can be a figure's best on the topics alone. A view depends on the data alone; the views
  for one to three topics are built with the index, others on first use, and all are kept;
- only a slot carrying a query word can beat those, so the slots of the query's words are the rest.

Both kinds go through one pass of ``ufunc.at`` (per figure: the top score, then the lowest slot reaching
it), so a query costs about the size of the view plus the postings of its words, not the record's size.
Every sum happens in the plain scorer's order (topics in query order, then words in query order, then
topic part + word part), and numpy's float64 arithmetic is IEEE like Python's, so the scores are the same
numbers, not close ones (tests/search/test_arrays.py compares the two on hundreds of topics).
"""

from __future__ import annotations

import itertools
import math
import threading
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from ..data.personas import Position
from .index import Index
from .scoring import BACKGROUND_TAG_SHARE, Weights

# Views for this many topic sets at most; past it the oldest goes (only a lexicon of many topics gets there).
_MAX_VIEWS = 4096
# Views built with the index, for the likeliest topic sets (a view costs a few ms on 100,000 positions): every
# set of one to three topics a question can ask together (a topic or one side of it, never both), for a lexicon
# of 15 topics of which one names a side, as the shipped one (681 sets), so no common question builds one.
_PREBUILT_VIEWS = 800


class Winners(NamedTuple):
    """For every figure: its best slot if that scores at least the minimum, else the index's size (no
    slot: one past the last), that slot's tag set (the number of tag sets where there is none) and its
    score parts (0.0 where there is none)."""

    slots: np.ndarray
    sets: np.ndarray
    topic_scores: np.ndarray
    word_scores: np.ndarray


class Chosen(NamedTuple):
    """Every figure's answer, one list entry per figure: its position (None when it abstains), that position's
    tags, its share's topic and word parts (0.0 when it abstains) and its entry number (the record's size when
    it abstains). In columns, so that the ranker makes each figure's stance in one pass; the entry numbers stay
    an array, since only a question's asking clauses compare them."""

    positions: list[Position | None]
    tags: list[dict[str, float] | None]
    topic_scores: list[float]
    word_scores: list[float]
    entries: np.ndarray


class FigureIndex:
    """Slots, per-slot figure and tag set, per-topic tag-set weights, views and word postings."""

    def __init__(
        self,
        *,
        figure_of_slot: list[int],
        figures: int,
        tag_set_of_slot: list[int],
        tag_sets: list[dict[str, float]],
        by_stem: dict[str, np.ndarray],
        topic_of: Mapping[str, str] | None = None,
    ):
        """``topic_of`` maps a side's tag to its topic (``lexicon.sided_topic``): a question asks about a topic
        or one side of it, never both, so no view is built ahead for a set holding both."""
        self.size = len(figure_of_slot)
        self.figures = figures
        self.figure_of_slot = np.asarray(figure_of_slot, dtype=np.int64)
        self.tag_set_of_slot = np.asarray(tag_set_of_slot, dtype=np.int64)
        self.tag_sets = tag_sets
        topic_ids = sorted({topic for tags in tag_sets for topic in tags})
        # Per topic, each tag set's weight, and 0.0 for one more set that stands for "no slot" (see best()).
        self.set_weights = {t: np.asarray([*(tags.get(t, 0.0) for tags in tag_sets), 0.0]) for t in topic_ids}
        self._tag_set_or_none = np.append(self.tag_set_of_slot, len(tag_sets))
        # The first slot of each (figure, tag set): slots ascend by figure, then tie-break order.
        _, first = np.unique(self.figure_of_slot * len(tag_sets) + self.tag_set_of_slot, return_index=True)
        first.sort()
        self._pair_figure, self._pair_slot = self.figure_of_slot[first], first
        self._pair_set = self.tag_set_of_slot[first]
        # Each stem's slots, with their figures and tag sets alongside so a query gathers nothing for them:
        # three flat arrays and each stem's range in them (one array per stem would pickle 10,000s of them).
        self._posting_range: dict[str, tuple[int, int]] = {}
        end = 0
        for stem, slots in by_stem.items():
            self._posting_range[stem] = (end, end + len(slots))
            end += len(slots)
        flat = np.concatenate([np.sort(slots) for slots in by_stem.values()]) if by_stem else np.zeros(0, np.int64)
        # One 3-row array (slot, figure, tag set): a stem's columns are one slice, several stems one concatenate.
        self._postings = np.stack((flat, self.figure_of_slot[flat], self.tag_set_of_slot[flat]))
        self._views: dict[frozenset[str], np.ndarray | None] = {}
        # Queries name one to three topics: those views are built now, not mid-query (larger sets are rare,
        # and so are lexicons with so many topics that the triples would pass the cap).
        topic_of = topic_of or {}
        for size in (1, 2, 3):
            combinations = [
                c for c in itertools.combinations(topic_ids, size) if len({topic_of.get(t, t) for t in c}) == size
            ]
            if len(self._views) + len(combinations) > _PREBUILT_VIEWS:
                break
            for topics in combinations:
                self._view(frozenset(topics))
        self._scratch = threading.local()

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        del state["_scratch"]  # per-thread buffers, made again on first use
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({name: _with_numpy_dtypes(value) for name, value in state.items()})
        self._scratch = threading.local()

    def best(
        self,
        topics: list[tuple[str, float]],
        words: list[tuple[str, float]],
        minimum: float,
        requires: str | None = None,
        background: frozenset[str] = frozenset(),
        themes: frozenset[str] = frozenset(),
        names: frozenset[str] = frozenset(),
        asked_topics: frozenset[str] | None = None,
    ) -> Winners:
        """Every figure's best slot where it scores at least ``minimum`` (> 0), among the slots carrying the
        stem ``requires`` when one is given. Coefficients must be > 0; a ``background`` topic's counts at
        BACKGROUND_TAG_SHARE for a tag set without one of ``themes`` (see scoring.Weights.topic_share).

        The candidates are the view's slots scored on the topics alone, and the slots carrying a query
        word scored on both. A slot in both comes twice, its topic-only score under its full one: it
        can only reach its figure's top with the full score, so each figure's top is right, and so is
        the lowest slot reaching it. With ``asked_topics``, a slot explaining only words of ``names`` and
        carrying none of those topics stays under ``minimum`` (scoring.Weights.names_alone).
        """
        set_score = self._set_scores(topics, background, themes)
        view = self._view(frozenset(topic for topic, _ in topics if topic in self.set_weights))
        parts = [] if view is None else [view]
        terms = []
        for s, coefficient in words:
            if s in self._posting_range:
                posting = self._posting(s)
                parts.append(posting)
                terms.append((posting[0], coefficient, s in names))
        if not parts:
            nobody = np.full(self.figures, self.size, dtype=np.int64)
            no_set = np.full(self.figures, len(self.tag_sets), dtype=np.int64)
            return Winners(nobody, no_set, np.zeros(self.figures), np.zeros(self.figures))
        if len(parts) == 1:
            slots, owners, sets = parts[0]
        else:
            slots, owners, sets = np.concatenate(parts, axis=1)
        score = set_score[sets]
        if view is not None and background and themes:
            # A slot scored on its topics alone that carries the background without a theme stays under the bar
            # (scoring.Weights.background_alone).
            carrying = view.shape[1]
            alone = (self._carries(background) & ~self._carries(themes))[sets[:carrying]]
            score[:carrying] = np.where(
                alone, np.minimum(score[:carrying], np.nextafter(minimum, 0.0)), score[:carrying]
            )
        # Only a query word's postings read the scratch array of word parts: the view's slots keep their
        # topic part alone (those carrying a query word come again among the postings, after the view).
        sums = self._sums() if terms else None
        try:
            if sums is not None:
                for word_slots, coefficient, _ in terms:  # each slot's word part, summed in query order
                    sums[word_slots] += coefficient
                carrying = 0 if view is None else view.shape[1]
                score[carrying:] += sums[slots[carrying:]]
                if asked_topics is not None:
                    self._keep_names_alone_under(
                        score[carrying:], slots[carrying:], sets[carrying:], terms, asked_topics, minimum
                    )
            chosen = self._lowest_at_top(score, slots, owners, minimum, requires)
            # The scratch array's extra last element, for "no slot", stays 0.0.
            word_part = np.zeros(self.figures) if sums is None else sums[chosen]
        finally:
            for word_slots, _, _ in terms:
                sums[word_slots] = 0.0  # clean for the next query
        chosen_sets = self._tag_set_or_none[chosen]
        return Winners(chosen, chosen_sets, set_score[chosen_sets], word_part)

    def _keep_names_alone_under(
        self,
        score: np.ndarray,
        slots: np.ndarray,
        sets: np.ndarray,
        terms: list[tuple[np.ndarray, float, bool]],
        asked_topics: frozenset[str],
        minimum: float,
    ) -> None:
        """In place: the scores of the posting slots that explain names alone, kept under ``minimum``."""
        other = self._marks()
        others = [word_slots for word_slots, _, is_name in terms if not is_name]
        try:
            for word_slots in others:
                other[word_slots] = True
            alone = ~other[slots] & ~self._carries(asked_topics)[sets]
        finally:
            for word_slots in others:
                other[word_slots] = False  # clean for the next query
        np.minimum(score, np.nextafter(minimum, 0.0), out=score, where=alone)

    def _lowest_at_top(
        self, score: np.ndarray, slots: np.ndarray, owners: np.ndarray, minimum: float, requires: str | None
    ) -> np.ndarray:
        """Per figure, the lowest of its candidate slots reaching its top score, or "no slot" (the index's
        size) where that top is under ``minimum``."""
        if requires is not None:  # a slot without the required stem cannot answer
            required = self._posting(requires)[0] if requires in self._posting_range else np.zeros(0, np.int64)
            score = np.where(np.isin(slots, required), score, 0.0)
        top = np.zeros(self.figures)
        np.maximum.at(top, owners, score)
        at = (score == top[owners]).nonzero()[0]
        # Per figure, "no slot"; then the lowest slot reaching its top, and none under the bar.
        chosen = np.full(self.figures, self.size, dtype=np.int64)
        np.minimum.at(chosen, owners[at], slots[at])
        chosen[top < minimum] = self.size
        return chosen

    def _posting(self, stem: str) -> np.ndarray:
        """A stem's slots (ascending), their figures and their tag sets."""
        start, end = self._posting_range[stem]
        return self._postings[:, start:end]

    def _set_scores(
        self, topics: list[tuple[str, float]], background: frozenset[str], themes: frozenset[str]
    ) -> np.ndarray:
        """Each tag set's topic part, summed in query order as the plain scorer sums it (c x 0.0 adds 0.0);
        a background topic's part is (coefficient x weight) x its share, in the plain scorer's order too."""
        total = None
        for topic, coefficient in topics:
            weights = self.set_weights.get(topic)
            if weights is None:
                continue
            part = coefficient * weights
            if topic in background:
                part = part * self._background_shares(themes)
            if total is None:
                total = part  # exactly 0.0 + that: no array of zeros to add it to
            else:
                total += part
        return np.zeros(len(self.tag_sets) + 1) if total is None else total

    def _background_shares(self, themes: frozenset[str]) -> np.ndarray:
        """Per tag set, what a background topic's part is worth: all of it beside one of the question's other
        themes, BACKGROUND_TAG_SHARE without (see scoring.Weights.topic_share)."""
        return np.where(self._carries(themes), 1.0, BACKGROUND_TAG_SHARE)

    def _carries(self, topics: frozenset[str]) -> np.ndarray:
        """Per tag set, whether it carries one of these topics."""
        carries = np.zeros(len(self.tag_sets) + 1, dtype=bool)
        for topic in topics:
            if topic in self.set_weights:
                carries |= self.set_weights[topic] > 0
        return carries

    def _view(self, topics: frozenset[str]) -> np.ndarray | None:
        """For one set of query topics, the slots that can be a figure's best on those topics alone: a
        3-row array of slot, figure and tag set, as a stem's postings are."""
        try:
            return self._views[topics]
        except KeyError:
            pass
        view = self._views[topics] = self._make_view(topics) if topics else None
        if len(self._views) > _MAX_VIEWS:
            del self._views[next(iter(self._views))]
        return view

    def _make_view(self, topics: frozenset[str]) -> np.ndarray | None:
        # Tag sets giving these topics the same weights are of one kind: alike for these queries.
        weights = np.stack([self.set_weights[t] for t in sorted(topics)], axis=1)
        kind = _kinds(weights)
        kinds = int(kind.max()) + 1
        pairs = np.flatnonzero(weights.any(axis=1)[self._pair_set])  # pairs these topics reach at all
        if not len(pairs):
            return None
        # The first pair of each (figure, kind): pairs ascend by (figure, slot), so it has the lowest slot.
        first = np.full(self.figures * kinds, len(self._pair_set), dtype=np.int64)
        np.minimum.at(first, self._pair_figure[pairs] * kinds + kind[self._pair_set[pairs]], pairs)
        first = first[first < len(self._pair_set)]
        return np.stack((self._pair_slot[first], self._pair_figure[first], self._pair_set[first]))

    def _marks(self) -> np.ndarray:
        """False, one per slot and one for "no slot", per thread and reused, as _sums is."""
        scratch = self._scratch
        if not hasattr(scratch, "marks"):
            scratch.marks = np.zeros(self.size + 1, dtype=bool)
        return scratch.marks

    def _sums(self) -> np.ndarray:
        """Zeros, one per slot and one for "no slot", per thread and reused: allocating them costs more than a
        query does. best() puts each query's word parts in and takes them out again."""
        scratch = self._scratch
        if not hasattr(scratch, "sums"):
            scratch.sums = np.zeros(self.size + 1)
        return scratch.sums


def _kinds(weights: np.ndarray) -> np.ndarray:
    """Each row's kind: equal rows share one, numbered in the rows' lexicographic order, as np.unique(axis=0)
    numbers them, but column by column (each column's values as codes, then the codes so far as one number),
    which is a few times quicker than sorting whole rows."""
    kind = np.zeros(len(weights), dtype=np.int64)
    for column in weights.T:
        values, codes = np.unique(column, return_inverse=True)
        _, kind = np.unique(kind * len(values) + codes, return_inverse=True)
    return kind


def _with_numpy_dtypes(value: object) -> object:
    """An unpickled array (or a dict's) viewed with numpy's own dtype: unpickling gives each array a dtype
    object of its own, and ufunc.at takes a path several times slower for an array whose dtype is not
    numpy's shared one (numpy issue 32298), as does every array taken from it by indexing."""
    if isinstance(value, np.ndarray):
        return value.view(np.dtype(value.dtype.str))
    if isinstance(value, dict):
        return {key: _with_numpy_dtypes(item) for key, item in value.items()}
    return value


def _objects(values: list) -> np.ndarray:
    """A one-dimensional object array of ``values``, however sequence-like they are (tuples stay whole)."""
    return np.fromiter(values, dtype=object, count=len(values))


class ArrayScorer:
    """The ranker's `ask` for large records: each figure's best position through a FigureIndex."""

    def __init__(self, positions: Index, figures: int, topic_of: Mapping[str, str] | None = None):
        entries = positions.entries
        by_stem = {s: np.asarray(ids, dtype=np.int64) for s, ids in positions.by_stem.items()}
        # Tag dicts are shared per tag set (see TextReader), so the dict's identity names the set.
        tag_sets = list({id(e.tags): e.tags for e in entries}.values())
        set_number = {id(tags): i for i, tags in enumerate(tag_sets)}
        # Entries are numbered by figure, then tie-break order (see index_positions): the order the index
        # wants its slots in, so a slot is an entry.
        self.index = FigureIndex(
            figure_of_slot=[e.figure for e in entries],
            figures=figures,
            tag_set_of_slot=[set_number[id(e.tags)] for e in entries],
            tag_sets=tag_sets,
            by_stem=by_stem,
            topic_of=topic_of,
        )
        # One more slot than there are positions, and one more tag set, holding None: where best() points
        # for a silent figure. Tags are taken by tag set: a table of thousands, not one entry per position.
        self.position_at_slot = _objects([*(e.position for e in entries), None])
        self.tags_of_set = _objects([*tag_sets, None])

    def winners(self, weights: Weights, threshold: float) -> Chosen:
        """Per figure, its best position if that position's share of the question, ``score * scale`` as
        Weights.share has it, reaches ``threshold``, else none (see Chosen); only positions carrying the stem
        ``weights.requires`` may answer, when one is given."""
        scale = weights.scale()
        # A hair under the bar, so that rounding never keeps out a position whose share reaches the threshold;
        # the share decides below, as it does on the plain path.
        minimum = threshold / scale * (1 - 1e-9)
        won = self.index.best(
            weights.topics,
            weights.words,
            minimum,
            weights.requires,
            weights.background,
            weights.themes,
            weights.names,
            weights.asked_topics,
        )
        explained = won.topic_scores + won.word_scores
        # A question that weighs nothing a text could explain (an infinite scale) is answered by nobody.
        share = explained * scale if math.isfinite(scale) else np.zeros(len(explained))
        # A figure with no slot explains nothing (share 0.0), and one that speaks explains more than nothing:
        # the threshold is above 0.
        speaks = share >= threshold
        ratio = np.divide(share, explained, out=np.zeros(len(share)), where=speaks)
        slots = np.where(speaks, won.slots, self.index.size)
        sets = np.where(speaks, won.sets, len(self.index.tag_sets))
        return Chosen(
            positions=self.position_at_slot[slots].tolist(),
            tags=self.tags_of_set[sets].tolist(),
            topic_scores=(won.topic_scores * ratio).tolist(),
            word_scores=(won.word_scores * ratio).tolist(),
            entries=slots,
        )
