"""The ranker: each figure's sourced stance on a topic, side-by-side answers, explanations, narration.

A position speaks for its figure when it answers enough of the question (bot/search/scoring.py: the
question's information, word by word, that the position's words, relatives or topic tags explain). A figure
the question names is its focus: it answers on the rest of the question with any position that addresses
it, or with its positions in order when nothing else is asked. The ranker knows no figure by name: names,
topics, tags and words all come from the data.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from ..data.article import Span
from ..data.dataset import Dataset
from ..data.lexicon import SIDES, sided_topic
from ..data.personas import Persona
from ..query import ASKS_SOMETHING_BITS, QueryAnalysis, QueryReader, TopicFinder
from ..spelling import FigureNames, Vocabulary
from ..text import content_stems, stem, words
from .index import Index, TextReader, index_narration, index_positions, record_names
from .records import AskResult, Candidate, Match, Stance
from .scoring import THRESHOLD, Weights, background_topics, weigh

T = TypeVar("T")

if TYPE_CHECKING:
    from ..verify import QuoteChecker
    from .arrays import ArrayScorer, Chosen

__all__ = ["THRESHOLD", "Ranker"]

# From this many positions the ranker also keeps the array scorer (numpy) for `ask`, used for queries that
# reach this many postings: below either, walking the posting lists is quicker than numpy's overhead.
_ARRAYS_MIN_POSITIONS = 500
_ARRAYS_MIN_POSTINGS = 256
# What a text on the background alone scores at most: under the bar, so it never speaks (Weights.background_alone).
JUST_UNDER_THRESHOLD = math.nextafter(THRESHOLD, 0.0)


class Ranker:
    def __init__(self, data: Dataset):
        self.data = data
        self.lexicon = data.lexicon
        finder = TopicFinder(data.lexicon)
        reader = TextReader(data.lexicon, finder)
        # The positions' index, and each name in a figure's role -> the figures whose role has it.
        self.positions, self._roles = index_positions(data, reader)
        self.narration = index_narration(data, reader)
        # What a typo is corrected towards: the words of every text just read, and of the topic rules' triggers.
        for rule in data.lexicon.topics.values():
            for trigger in rule.triggers:
                if trigger.language is None:
                    reader.words_read.update((w, stem(w)) for w in words(trigger.phrase))
        names = FigureNames((p.id, p.name, p.aliases, p.role) for p in data.personas)
        vocabulary = Vocabulary(reader.words_read, data.lexicon.trigger_words)
        # A record names a handful of channels ("blog post", "interview"): each is read once, not per position.
        named = {q.channel for p in data.personas for q in p.positions if q.channel}
        channels = frozenset(s for channel in named for s in content_stems(channel))
        self.reader = QueryReader(
            data.lexicon, vocabulary, finder, names, spoken=frozenset(self.positions.by_stem), channels=channels
        )
        self._record_stems = self.positions.by_stem.keys() | self.narration.by_stem.keys()
        self._spoken_stems = frozenset(self.positions.by_stem)  # the figures' words, without the narration's
        self._record_names = record_names(data)
        self._background = background_topics(self.positions)
        self._first_entry: dict[int, int] = {}  # figure -> its first entry (entries are numbered by figure)
        for number, entry in enumerate(self.positions.entries):
            self._first_entry.setdefault(entry.figure, number)
        self._checker: tuple[QuoteChecker, dict[str, int]] | None = None  # made at the first quoting question
        self._arrays: ArrayScorer | None = None
        if len(self.positions.entries) >= _ARRAYS_MIN_POSITIONS:
            from .arrays import ArrayScorer  # numpy, only for records large enough to need it

            sides = {sided_topic(topic, side): topic for topic in data.lexicon.topics for side in SIDES}
            self._arrays = ArrayScorer(self.positions, len(data.personas), topic_of=sides)

    def analyse(self, topic: str) -> QueryAnalysis:
        return self.reader.analyse(topic)

    # --- queries -------------------------------------------------------------------------

    def stance(self, figure: Persona, topic: str) -> Stance:
        """One figure's stance, with every matched position kept in ``candidates``."""
        analysis = self.analyse(topic)
        number = self.data.personas.index(figure)
        ranked = self._ranked(analysis, {number})
        return _stance_of(figure, topic, analysis, ranked.get(number, ()))

    def ask(self, topic: str) -> AskResult:
        """Every figure's stance, each with only the position it speaks with."""
        analysis = self.analyse(topic)
        return AskResult(topic=topic, analysis=analysis, stances=self._speaking(analysis, topic))

    def explain(self, topic: str) -> AskResult:
        """Like ask, with every matched position and its score parts kept, so each decision can be shown."""
        analysis = self.analyse(topic)
        ranked = self._ranked(analysis)
        personas = self.data.personas
        stances = tuple(_stance_of(p, topic, analysis, ranked.get(n, ())) for n, p in enumerate(personas))
        as_words = tuple(w.word for w in analysis.asked if w.stem in self._record_names and w.everyday)
        manner = self._manner_words(analysis) if analysis.mentions else ()
        return AskResult(topic=topic, analysis=analysis, stances=stances, names_as_words=as_words, manner_words=manner)

    def context(self, topic: str) -> Span | None:
        """The article narration sentence that best sets the scene for a topic, if any answers enough of it."""
        analysis = self.analyse(topic)
        weights = self._weights(analysis)
        total = self._score(self.narration, weights)[2]
        best = min(((-score, n) for n, score in total.items()), default=None)
        if best is None or weights.share(-best[0]) < THRESHOLD:
            return None
        return self.narration.entries[best[1]].span

    # --- scoring -------------------------------------------------------------------------

    def _score(
        self, index: Index, weights: Weights, figures: set[int] | None = None
    ) -> tuple[dict[int, float], dict[int, float], dict[int, float]]:
        """The bits of the question each entry explains through topics, through words, and in all, for every
        entry sharing a topic or a word with it (of ``figures`` only, when given).

        Only the posting lists of the question's topics and stems are walked (an inverted index), so the cost
        follows the matches, not the size of the record.
        """
        entries = index.entries
        # Only a text that states the kind of answer asked for (a quantity, a date) may answer.
        stating = _stating(index, weights)
        # A figure's entries are numbered together and posting lists are in entry order, so the postings of a
        # few figures (those a question names) are a slice of each list, found by bisection.
        ranges = None if figures is None else [self._entry_range(f) for f in sorted(figures)]

        topic_part: dict[int, float] = defaultdict(float)
        for topic, bits in weights.topics:
            for number, tag_weight in _of_ranges(index.by_topic.get(topic, ()), ranges, key=_entry_number):
                if stating is None or number in stating:
                    topic_part[number] += bits * tag_weight * weights.topic_share(topic, entries[number].tags)
        word_part: dict[int, float] = defaultdict(float)
        for s, bits in weights.words:
            for number in _of_ranges(index.by_stem.get(s, ()), ranges):
                if stating is None or number in stating:
                    word_part[number] += bits
        total = {n: topic_part.get(n, 0.0) + word_part.get(n, 0.0) for n in topic_part.keys() | word_part.keys()}
        return topic_part, word_part, total

    def _entry_range(self, figure: int) -> tuple[int, int]:
        """The numbers of a figure's position entries, first to one past the last."""
        return self._first_entry[figure], self._first_entry.get(figure + 1, len(self.positions.entries))

    def _weighed(self, analysis: QueryAnalysis) -> list[tuple[QueryAnalysis, Weights]]:
        """The question and each of its asking clauses, with what a text explaining each scores."""
        whole = self._weights(analysis)
        clauses = [(part, self._weights(part)) for part in analysis.clauses]
        return [(analysis, whole), *((p, w) for p, w in clauses if self._asks_its_own(p, w, whole))]

    def _asks_its_own(self, clause: QueryAnalysis, weights: Weights, whole: Weights) -> bool:
        """Whether a clause is a question of its own. One that points back at the rest of a question about
        another theme and asks only about the background is not: "does that justify keeping it private?"
        after "training costs a fortune" asks about the costs, not open source alone."""
        background_only = not weights.themes and clause.topics.keys() <= self._background
        return not (whole.themes and background_only and clause.refers_back)

    def _weights(self, part: QueryAnalysis) -> Weights:
        return weigh(part, self._record_stems, self._record_names, self._background, self._roles, self._spoken_stems)

    def _ranked(
        self,
        analysis: QueryAnalysis,
        figures: set[int] | None = None,
        weighed: list[tuple[QueryAnalysis, Weights]] | None = None,
    ) -> dict[int, tuple[Candidate, ...]]:
        """Per figure (by its place in the dataset), every position that explains something of the question or
        of one of its asking clauses, each with its best account, best first (the lower entry number wins a
        tie); a named figure asked nothing else: all its positions. A question quoting words is answered only
        by the positions holding them."""
        named = self._named(analysis)
        asks = self._asks_something(analysis)
        holders = self._holders(analysis)
        best: dict[int, Candidate] = {}
        for part, weights in weighed or self._weighed(analysis):
            topic_part, word_part, total = self._score(self.positions, weights, figures)
            if holders is not None:
                entries = self.positions.entries
                total = {n: total.get(n, 0.0) for n in holders if figures is None or entries[n].figure in figures}
            elif not asks:
                for figure in named if figures is None else named & figures:
                    first = self._first_entry[figure]
                    end = self._first_entry.get(figure + 1, len(self.positions.entries))
                    stating = _stating(self.positions, weights)
                    total.update(
                        dict.fromkeys(
                            (n for n in range(first, end) if n not in total and (stating is None or n in stating)), 0.0
                        )
                    )
            other_words = self._explaining_other_words(weights, bool(named))
            for number in total:
                named_figure = self.positions.entries[number].figure in named
                topic_bits, word_bits = topic_part.get(number, 0.0), word_part.get(number, 0.0)
                found = self._candidate(
                    number,
                    part,
                    weights,
                    topic_bits,
                    word_bits,
                    named_figure,
                    asks,
                    quoted=holders is not None,
                    explains_other_word=other_words is None or number in other_words,
                )
                if number not in best or found.match.score > best[number].match.score:
                    best[number] = found
        ranked: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for number, found in best.items():
            ranked[self.positions.entries[number].figure].append((-found.match.score, number))
        return {figure: tuple(best[n] for _, n in sorted(keys)) for figure, keys in ranked.items()}

    def _candidate(
        self,
        number: int,
        analysis: QueryAnalysis,
        weights: Weights,
        topic_bits: float,
        word_bits: float,
        named: bool,
        asks: bool,
        quoted: bool = False,
        explains_other_word: bool = True,
    ) -> Candidate:
        """A position's account: its share of the question, split into what topics and words explain. A named
        figure's position that addresses the rest of the question at all (or any, when nothing else is
        asked) is lifted to the threshold: the question asks for that figure. So is a position holding the
        words the question quotes (``quoted``): the question asks who said them."""
        entry = self.positions.entries[number]
        explained = topic_bits + word_bits
        share = weights.share(explained)
        if not word_bits and weights.background_alone(entry.tags):
            share = min(share, JUST_UNDER_THRESHOLD)
        names_alone = (
            word_bits > 0 and not named and weights.names_alone(entry.tags, explains_another_word=explains_other_word)
        )
        if names_alone:
            share = min(share, JUST_UNDER_THRESHOLD)
        scale = share / explained if explained else 0.0
        # A named figure answers on the rest of the question when its position addresses some of it: when the rest
        # asks about something besides names, by a word of its own that is no name or role ("LeCun on world models
        # and JEPA" is not addressed by a topic a relative of "world" reached), or a topic the question's words fired.
        addresses = (
            explains_other_word or not weights.own_topics.isdisjoint(entry.tags)
            if weights.asks_beyond_names
            else explained > 0
        )
        focus = not quoted and named and share < THRESHOLD and (addresses or not asks)
        match = Match(
            score=THRESHOLD if focus or quoted and share < THRESHOLD else share,
            topic_score=topic_bits * scale,
            word_score=word_bits * scale,
            tags=entry.tags,
            position=entry.position,
            query=analysis,
            focus=focus,
            quoted=quoted,
            by_role=weights.by_role.get(self.data.personas[entry.figure].id, frozenset()),
            names_only=names_alone,
        )
        return Candidate(position=entry.position, match=match)

    def _explaining_other_words(self, weights: Weights, named: bool) -> set[int] | None:
        """The positions explaining a word of the question besides its names, when the question asks something
        besides them and uses names (Weights.names_alone) or names figures (the focus); None otherwise."""
        if not weights.asks_beyond_names or not (weights.names or named):
            return None
        by_stem = self.positions.by_stem
        return {n for s, _ in weights.words if s not in weights.names for n in by_stem.get(s, ())}

    def _asks_something(self, analysis: QueryAnalysis) -> bool:
        """Whether the question asks about anything beside the figures it names ("What did LeCun say?" does
        not; "LeCun on pizza" does), not counting the words that only say how it asks (``_manner_words``)."""
        manner = self._manner_words(analysis)
        return any(w.bits >= ASKS_SOMETHING_BITS and w.word not in manner for w in analysis.asked)

    def _manner_words(self, analysis: QueryAnalysis) -> tuple[str, ...]:
        """The question's verbs, adjectives and adverbs that no text of the record speaks of, by themselves or
        a relative, and no topic rule reads: they say how it asks ("sam altman cope", "what did altman fire
        back with"), not about what, as a noun the record never speaks of does ("musk on pizza")."""
        stems = self._record_stems
        triggered = {s for hit in analysis.hits for s in hit.stems}
        return tuple(
            w.word
            for w in analysis.asked
            if w.frame
            and w.stem not in stems
            and w.stem not in triggered
            and not any(r.stem in stems for r in w.relatives)
        )

    def _holders(self, analysis: QueryAnalysis) -> set[int] | None:
        """The positions holding the words the question quotes, as the quote check finds them (exact or close),
        when they are one figure's: "who said 'heaven into profit hell'" is for the figure who said it, not for
        every position on profit. None when the question quotes nothing the record puts in one mouth: words
        nobody said are the asker's own ("is 'keeping people safe' an excuse?"), words several said a theme."""
        if not analysis.quoted:
            return None
        checker, entry_of = self._quote_checker()
        found: set[int] = set()
        for quoted in analysis.quoted:
            matches = checker.check(quoted).matches
            if len({m.figure.id for m in matches}) == 1:
                found.update(entry_of[m.position.key] for m in matches)
        return found or None

    def _quote_checker(self) -> tuple[QuoteChecker, dict[str, int]]:
        """The quote check over every position, and each position's entry number; made when a question first
        quotes someone (most never do, so neither start-up nor the cache pays for them)."""
        if self._checker is None:
            from ..verify import QuoteChecker

            entry_of = {e.position.key: n for n, e in enumerate(self.positions.entries)}
            self._checker = (QuoteChecker(self.data.personas), entry_of)
        return self._checker

    def _named(self, analysis: QueryAnalysis) -> set[int]:
        focus = analysis.focus
        return {n for n, p in enumerate(self.data.personas) if p.id in focus} if focus else set()

    def _speaking(self, analysis: QueryAnalysis, topic: str) -> tuple[Stance, ...]:
        """Every figure's stance with only its best position, silent where that best answers too little."""
        personas = self.data.personas
        parts = self._weighed(analysis)
        if (
            self._arrays is None
            or analysis.quoted  # the few positions holding the quoted words: no need for arrays
            or max(self._reach(weights) for _, weights in parts) < _ARRAYS_MIN_POSTINGS
        ):
            ranked = self._ranked(analysis, weighed=parts)
            return tuple(_stance_of(p, topic, analysis, ranked.get(n, ()), keep=False) for n, p in enumerate(personas))
        (query, chosen), *clauses = [(part, self._arrays.winners(w, THRESHOLD)) for part, w in parts]
        queries = [query] * len(personas)
        if clauses:
            _take_better_clauses(chosen, queries, clauses)
        # One stance per figure, each a row of the scorer's columns in Stance's field order. A large record has
        # hundreds of figures, and a keyword call per figure was half of an ask at 100,000 positions; ``_make``
        # is NamedTuple's constructor for a row, and it refuses a row without every field.
        count = len(personas)
        rows = zip(
            personas,
            itertools.repeat(topic, count),
            queries,
            chosen.positions,
            chosen.topic_scores,
            chosen.word_scores,
            chosen.tags,
            itertools.repeat((), count),  # candidates: ask keeps none
            itertools.repeat(False, count),  # focus: a named figure's stance is made below
            strict=True,
        )
        stances = list(map(Stance._make, rows))
        named = self._named(analysis)
        if named:  # a named figure speaks on the rest of the question (see _candidate)
            ranked = self._ranked(analysis, named, parts)
            for number in named:
                stances[number] = _stance_of(personas[number], topic, analysis, ranked.get(number, ()), keep=False)
        return tuple(stances)

    def _reach(self, weights: Weights) -> int:
        """How many postings the plain scorer would walk."""
        by_topic, by_stem = self.positions.by_topic, self.positions.by_stem
        return sum(len(by_topic.get(t, ())) for t, _ in weights.topics) + sum(
            len(by_stem.get(s, ())) for s, _ in weights.words
        )


def _entry_number(posting: tuple[int, float]) -> int:
    return posting[0]


def _of_ranges(postings: Sequence[T], ranges: list[tuple[int, int]] | None, key=None) -> Iterable[T]:
    """The postings whose entry numbers fall in the ranges (all of them when ``ranges`` is None)."""
    if ranges is None:
        return postings
    return itertools.chain.from_iterable(
        postings[bisect_left(postings, first, key=key) : bisect_left(postings, end, key=key)] for first, end in ranges
    )


def _stating(index: Index, weights: Weights) -> set[int] | None:
    """The entries that state the kind of answer the question asks for, or None when it asks for no kind."""
    return None if weights.requires is None else set(index.by_stem.get(weights.requires, ()))


def _take_better_clauses(
    chosen: Chosen, queries: list[QueryAnalysis], clauses: list[tuple[QueryAnalysis, Chosen]]
) -> None:
    """Per figure, the best of what the whole question (``chosen``, ``queries``) and each asking clause find:
    the highest share, and of equal shares the lower entry (as on the plain path). In place."""
    for part, other in clauses:
        for number, position in enumerate(other.positions):
            if position is not None and (
                chosen.positions[number] is None or _rank(other, number) > _rank(chosen, number)
            ):
                for column, better in zip(chosen, other, strict=True):
                    column[number] = better[number]
                queries[number] = part


def _rank(chosen: Chosen, number: int) -> tuple[float, int]:
    return chosen.topic_scores[number] + chosen.word_scores[number], -chosen.entries[number]


def _stance_of(
    figure: Persona, topic: str, analysis: QueryAnalysis, candidates: tuple[Candidate, ...], keep: bool = True
) -> Stance:
    """The figure's stance from its candidates, best first; ``keep`` keeps them all (explain, stance)."""
    kept = candidates if keep else ()
    if not candidates or candidates[0].match.score < THRESHOLD:
        return Stance(figure=figure, topic=topic, query=analysis, candidates=kept)
    best = candidates[0].match
    return Stance(
        figure=figure,
        topic=topic,
        query=best.query,  # the question, or the clause of it that the position answers
        position=best.position,
        topic_score=best.topic_score,
        word_score=best.word_score,
        tags=best.tags,
        candidates=kept,
        focus=best.focus,
    )
