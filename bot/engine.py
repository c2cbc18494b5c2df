"""The rule-based engine: sourced stances, side-by-side answers, debate plans and explanations.

Every quote the engine hands out is a Position (a verbatim, cited span of an article). The engine
knows no figure by name: topics, camps, stances and reply links all come from the data.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any, NamedTuple

from . import cache
from .article import Citation
from .dataset import Dataset
from .personas import Persona, Position
from .topics import QueryAnalysis, content_stems

if TYPE_CHECKING:
    from .fastscore import FigureIndex

# A figure speaks on a topic only when its best position scores at least this much.
THRESHOLD = 0.6
# Ask for more rounds than this and the plan is capped anyway; the record rarely holds more.
MAX_ROUNDS = 6
MAX_TOPIC_LENGTH = 200
# Favour a position another speaker answers on record, so the article's own exchange gets staged.
_ANSWERED_BONUS = 1.0
# From this many positions the engine also keeps a per-figure index (bot.fastscore, numpy) for `ask`;
# a query reaching this many postings uses it. Below either, plain dicts are quicker than numpy's overhead.
_FAST_MIN_ENTRIES = 500
_FAST_MIN_POSTINGS = 256
# Queries share a few topic combinations (few topics, a few weights each), so ask keeps each combination's
# topic parts: most of its scoring is then a lookup. Bounded; cleared when full.
_TOPIC_PARTS_KEPT = 4096


_new = tuple.__new__  # builds a NamedTuple from a tuple of its fields in C, without the Python __new__

# The records made for every query are NamedTuples: as immutable as a frozen dataclass, and about
# twice as cheap to build, which matters when `ask` answers in tens of microseconds.


class Match(NamedTuple):
    """How one text scored against a topic: the parts, so `explain` can show every number."""

    score: float
    topic_score: float
    word_score: float
    # What the position carries; the overlap with the query is worked out only when someone asks.
    tags: dict[str, float]
    position: Position
    query: QueryAnalysis

    @property
    def topics(self) -> tuple[str, ...]:
        """The query's topics that the text carries."""
        return tuple(t for t in self.query.topics if t in self.tags)

    @property
    def words(self) -> tuple[str, ...]:
        """The query's stems found in the text."""
        found = set(content_stems(self.position.text))
        return tuple(s for s in self.query.stems if s in found)


class Candidate(NamedTuple):
    position: Position
    match: Match


class Stance(NamedTuple):
    """A figure's stance on a topic: the position it speaks with (None when silent) and why.

    The chosen position's score parts are kept flat rather than as a Match, so `ask` builds one record per
    figure (a large record has hundreds of figures); `match` gives the full account on demand.
    """

    figure: Persona
    topic: str
    query: QueryAnalysis
    position: Position | None
    candidates: tuple[Candidate, ...]  # matched positions, best first (kept by explain, stance and debate)
    topic_score: float  # 0.0 when silent
    word_score: float
    tags: dict[str, float] | None  # what the chosen position carries

    @classmethod
    def of(
        cls, figure: Persona, topic: str, query: QueryAnalysis, best: Match | None, candidates: tuple = ()
    ) -> Stance:
        if best is None:
            return cls(figure, topic, query, None, candidates, 0.0, 0.0, None)
        return cls(figure, topic, query, best.position, candidates, best.topic_score, best.word_score, best.tags)

    @property
    def match(self) -> Match | None:
        if self.position is None:
            return None
        score = self.topic_score + self.word_score
        return Match(score, self.topic_score, self.word_score, self.tags, self.position, self.query)  # type: ignore[arg-type]

    @property
    def status(self) -> str:
        return "stance" if self.position is not None else "no_stance"


class AskResult(NamedTuple):
    topic: str
    analysis: QueryAnalysis
    stances: tuple[Stance, ...]


@dataclass(frozen=True, slots=True)
class ArticleSpan:
    """The article's own narration (not any figure's words), cited like a quote."""

    text: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class Turn:
    round: int
    move: str  # "moderator", "opening", "rebuttal", "closing" or "pass"
    figure: Persona | None
    position: Position | None
    replying_to: Persona | None
    reason: str  # "reply_link", "opposed", "adds", "best", "nothing_left", "context"
    narration: str
    context: ArticleSpan | None = None


@dataclass(frozen=True, slots=True)
class SummaryEntry:
    figure: Persona
    axis: str
    value: int | None  # -1/0/+1, None when the positions used carry no stance on the axis
    label: str
    position: Position | None  # the position that sets the value


@dataclass(frozen=True, slots=True)
class DebatePlan:
    topic: str
    analysis: QueryAnalysis
    participants: tuple[Persona, ...]
    abstainers: tuple[Persona, ...]
    turns: tuple[Turn, ...]
    summary: tuple[SummaryEntry, ...]
    rounds_requested: int
    rounds_played: int


class _Entry(NamedTuple):
    """An indexed text: a position or a narration sentence, with its topic tags.

    Its stems live only in the index's posting lists: a set per text would cost more than the text.
    A large record has 100,000s of entries: a NamedTuple is quicker to make than a frozen dataclass.
    """

    tags: dict[str, float]  # shared between entries with the same tags
    position: Position | None = None
    span: ArticleSpan | None = None
    figure: int = -1  # the speaker's place in the dataset's personas; -1 for narration

    @property
    def text(self) -> str:
        return self.position.text if self.position is not None else self.span.text  # type: ignore[union-attr]


class _Slots(NamedTuple):
    """Per slot of the figure index, and None one past the last (numpy object arrays, so a query's
    winners are gathered in one step)."""

    position: Any
    tags: Any


@dataclass
class _Index:
    entries: list[_Entry] = field(default_factory=list)
    by_stem: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_topic: dict[str, list[tuple[int, float]]] = field(default_factory=lambda: defaultdict(list))
    idf: dict[str, float] = field(default_factory=dict)
    unseen_idf: float = 1.0

    def add(self, entry: _Entry, stems: frozenset[str]) -> None:
        number = len(self.entries)
        self.entries.append(entry)
        for value in stems:
            self.by_stem[value].append(number)
        for topic, weight in entry.tags.items():
            self.by_topic[topic].append((number, weight))

    def finish(self) -> None:
        total = max(1, len(self.entries))
        self.idf = {s: math.log(1 + total / len(ids)) for s, ids in self.by_stem.items()}
        # A query word the record never uses weighs more than any word it does use.
        self.unseen_idf = math.log(1 + 2 * total)


class Engine:
    def __init__(self, data: Dataset):
        cached = data.__dict__.pop("_engine_state", None)
        if cached is not None:
            self.__dict__.update(cached)  # the same data object: data and index were cached together
            return
        self._build(data)
        entry = data.__dict__.pop("_cache_entry", None)
        if entry is not None:
            cache.store(entry, (data, self.__dict__))

    def _build(self, data: Dataset) -> None:
        self.data = data
        self.lexicon = data.lexicon
        self._positions = _Index()
        self._narration = _Index()
        self._tag_sets: dict[frozenset[tuple[str, float]], dict[str, float]] = {}
        quoted_spans: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)  # by paragraph
        # Entries are numbered by figure, then tie-break order: of two equal scores the lower number wins.
        for figure_number, persona in enumerate(data.personas):
            for position in sorted(persona.positions, key=_order):
                c = position.citation
                tags, stems = self._read(position.text, position.topics)
                self._positions.add(_Entry(tags, position, None, figure_number), stems)
                quoted_spans[c.article, c.paragraph].append((c.start, c.end))
        self._positions.finish()
        self._figure_of = [entry.figure for entry in self._positions.entries]
        self._topic_parts_kept: dict[tuple[tuple[str, float], ...], tuple[dict[int, float], _Best]] = {}
        for article in data.articles.values():
            for para in article.paragraphs:
                if para.kind != "body":
                    continue
                quoted = quoted_spans.get((article.id, para.index), ())
                for start, end in article.sentences(para.index):
                    if quoted and any(s < end and start < e for s, e in quoted):
                        continue  # a sentence that carries a figure's words is theirs, not the narrator's
                    text = article.text[start:end]
                    span = ArticleSpan(text, Citation(article.id, para.index, start, end))
                    tags, stems = self._read(text, ())
                    self._narration.add(_Entry(tags, span=span), stems)
        self._narration.finish()
        self.lexicon.index_vocabulary()  # now that every text has been read: no query waits for it
        self._record_stems = self._positions.idf.keys() | self._narration.idf.keys()
        self._fast = self._figure_index() if len(self._positions.entries) >= _FAST_MIN_ENTRIES else None
        self._answered_by: dict[str, list[Position]] = defaultdict(list)
        for persona in data.personas:
            for position in persona.positions:
                if position.replies_to:
                    self._answered_by[position.replies_to].append(position)

    def _figure_index(self) -> tuple[FigureIndex, _Slots]:
        """The per-figure index, and what sits at each of its slots. Entries are numbered by figure, then
        tie-break order (see _build), which is the order the index wants its slots in: a slot is an entry."""
        import numpy as np  # only where the record is large enough to need it

        from .fastscore import FigureIndex, objects

        entries = self._positions.entries
        by_stem = {s: np.asarray(ids, dtype=np.int64) for s, ids in self._positions.by_stem.items()}
        # Tag dicts are shared per tag set (see _read), so the dict's identity names the set.
        tag_sets = list({id(tags): tags for tags in self._tag_sets.values()}.values())
        set_number = {id(tags): i for i, tags in enumerate(tag_sets)}
        tag_set_of_slot = [set_number[id(e.tags)] for e in entries]
        figures = [e.figure for e in entries]
        index = FigureIndex(figures, len(self.data.personas), tag_set_of_slot, tag_sets, by_stem)
        # One more slot than there are positions, holding None: where best() points for a silent figure.
        positions, tags = objects([*(e.position for e in entries), None]), objects([*(e.tags for e in entries), None])
        return index, _Slots(positions, tags)

    def _read(self, text: str, curated: tuple[str, ...]) -> tuple[dict[str, float], frozenset[str]]:
        """A text's topic tags and content stems. Curated tags count fully; a trigger found in the
        text's own words counts at its weight."""
        stems, tags = self.lexicon.read(text)
        if curated:
            triggered, tags = tags, dict.fromkeys(curated, 1.0)
            for topic, weight in triggered.items():
                tags[topic] = max(tags.get(topic, 0.0), weight)
        # Most texts share one of a few tag sets: keep one dict per set, not one per text.
        return self._tag_sets.setdefault(frozenset(tags.items()), tags), stems

    # --- scoring -------------------------------------------------------------------------

    def _weights(
        self, index: _Index, analysis: QueryAnalysis
    ) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
        """What each query topic and stem adds to a text that carries it, in the order they are summed."""
        query_stems = analysis.stems
        query_topics = analysis.topics
        if not query_stems and not query_topics:
            return [], []
        # Plain loops, not comprehensions, on the per-query path: on Python 3.11 each comprehension is a
        # function made and called, which costs more than its few items (measured in the benchmark).
        # Query stems are distinct; a trigger's stems count as known even where the record never uses them.
        known = len(self._record_stems.intersection(query_stems))
        if analysis.hits and known < len(query_stems):
            trigger_stems: set[str] = set()
            for hit in analysis.hits:
                trigger_stems.update(hit.stems)
            known += len(trigger_stems.difference(self._record_stems).intersection(query_stems))
        # How much of the query the record can speak to at all ("regulation of cooking" is half-known).
        # The square root keeps a paraphrase with one unknown filler word ("step in") above the bar.
        explained = math.sqrt(known / len(query_stems)) if query_stems else 1.0
        count = len(query_topics)
        topics = []
        for topic, weight in query_topics.items():
            topics.append((topic, explained * weight / count))
        idf, unseen_idf = index.idf, index.unseen_idf
        weights = []
        total_weight = 0.0
        for s in query_stems:
            weight = idf.get(s, unseen_idf)
            weights.append(weight)
            total_weight += weight
        total_weight = total_weight or 1.0
        words = []
        for s, weight in zip(query_stems, weights):  # noqa: B905 (one list made from the other)
            words.append((s, weight / total_weight))
        return topics, words

    def _score(
        self,
        index: _Index,
        analysis: QueryAnalysis,
        weights: tuple[list[tuple[str, float]], list[tuple[str, float]]] | None = None,
    ) -> tuple[dict[int, float], dict[int, float], dict[int, float]]:
        """Topic part, word part and total score of every entry sharing a topic or a word with the query.

        Only the posting lists of the query's topics and stems are walked (an inverted index), so
        the cost follows the matches, not the size of the record.
        """
        topics, words = weights or self._weights(index, analysis)
        topic_part, word_part = _topic_parts(index, topics), _word_parts(index, words)
        total = topic_part.copy()  # an entry without query words scores its topic part exactly
        total.update(_totals(topic_part, word_part))
        return topic_part, word_part, total

    def _ranked(self, analysis: QueryAnalysis) -> dict[str, tuple[Candidate, ...]]:
        """Every matched position per figure, best first, each with the full account of its score."""
        topic_part, word_part, total = self._score(self._positions, analysis)
        ranked: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for number, score in total.items():
            ranked[self._figure_of[number]].append((-score, number))  # the lower number wins a tie (see _build)
        personas = self.data.personas
        return {
            personas[figure].id: tuple(self._candidate(n, analysis, topic_part, word_part) for _, n in sorted(keys))
            for figure, keys in ranked.items()
        }

    def _speaking(self, analysis: QueryAnalysis, topic: str) -> tuple[Stance, ...]:
        """Every figure's stance with only its best position, silent where that best is under the threshold."""
        topics, words = self._weights(self._positions, analysis)
        if self._fast is not None and self._reach(topics, words) >= _FAST_MIN_POSTINGS:
            return self._speaking_fast(analysis, topic, topics, words)
        topic_part, best = self._topic_parts_and_best(topics)
        word_part = _word_parts(self._positions, words)
        if word_part:
            # Query words only add (their shares are positive), so a figure's best is its best on topics
            # alone or one of the entries the words reach.
            best = _best_by_figure(best.copy(), self._figure_of, word_part, topic_part)
        entries = self._positions.entries
        stances = []  # one call per figure: for a handful of figures, quicker than _speaking_fast's map over zip
        for figure, persona in enumerate(self.data.personas):
            key = best.get(figure)
            if key is None or -key[0] < THRESHOLD:
                stances.append(_new(Stance, (persona, topic, analysis, None, (), 0.0, 0.0, None)))
                continue
            number = key[1]
            entry = entries[number]
            topic_score, word_score = topic_part.get(number, 0.0), word_part.get(number, 0.0)
            stances.append(
                _new(Stance, (persona, topic, analysis, entry.position, (), topic_score, word_score, entry.tags))
            )
        return tuple(stances)

    def _reach(self, topics: list[tuple[str, float]], words: list[tuple[str, float]]) -> int:
        """How many postings the plain scorer would walk; 0 where a coefficient is 0.0, which the array
        scorer does not take (it relies on every coefficient being positive)."""
        index = self._positions
        reach = 0
        for weighted, postings in ((topics, index.by_topic), (words, index.by_stem)):
            for key, coefficient in weighted:  # loops, not generators: see _weights
                if coefficient <= 0:
                    return 0
                reach += len(postings.get(key, ()))
        return reach

    def _topic_parts_and_best(self, topics: list[tuple[str, float]]) -> tuple[dict[int, float], _Best]:
        """The topic part of each position's score, and each figure's best position on topics alone (kept:
        see _TOPIC_PARTS_KEPT). Neither is changed by a caller."""
        key = tuple(topics)
        found = self._topic_parts_kept.get(key)
        if found is None:
            topic_part = _topic_parts(self._positions, topics)
            found = topic_part, _best_by_figure({}, self._figure_of, topic_part, {})
            if len(self._topic_parts_kept) >= _TOPIC_PARTS_KEPT:
                self._topic_parts_kept.clear()
            self._topic_parts_kept[key] = found
        return found

    def _speaking_fast(
        self, analysis: QueryAnalysis, topic: str, topics: list[tuple[str, float]], words: list[tuple[str, float]]
    ) -> tuple[Stance, ...]:
        """As _speaking, from the per-figure index. Hundreds of figures may speak at once, so the records
        are built by C loops (map over zip) rather than one Python call each."""
        fast, at_slot = self._fast
        won = fast.best(topics, words, THRESHOLD)
        records = zip(
            self.data.personas,
            repeat(topic),
            repeat(analysis),
            at_slot.position[won.slots].tolist(),  # None past the last slot: a silent figure
            repeat(()),
            won.topic_scores.tolist(),
            won.word_scores.tolist(),
            at_slot.tags[won.slots].tolist(),
        )
        return tuple(map(_new, repeat(Stance), records))

    def _candidate(
        self, number: int, analysis: QueryAnalysis, topic_part: dict[int, float], word_part: dict[int, float]
    ) -> Candidate:
        """A position with the full account of its score, built only for positions someone will see."""
        entry = self._positions.entries[number]
        topic_score, word_score = topic_part.get(number, 0.0), word_part.get(number, 0.0)
        match = Match(topic_score + word_score, topic_score, word_score, entry.tags, entry.position, analysis)
        return Candidate(entry.position, match)  # type: ignore[arg-type]

    def analyse(self, topic: str) -> QueryAnalysis:
        return self.lexicon.analyse(topic[:MAX_TOPIC_LENGTH])

    # --- queries -------------------------------------------------------------------------

    def stance(self, figure: Persona, topic: str) -> Stance:
        """One figure's stance, with every matched position kept in ``candidates``."""
        analysis = self.analyse(topic)
        return self._stance_of(figure, topic, analysis, self._ranked(analysis).get(figure.id, ()))

    def ask(self, topic: str, detail: bool = False) -> AskResult:
        """Every figure's stance. ``detail`` keeps every matched position in ``candidates`` (for
        explain and debates); without it ``candidates`` is empty and a stance carries only the position
        it speaks with, if any."""
        analysis = self.analyse(topic)
        if detail:
            ranked = self._ranked(analysis)
            stances = tuple(self._stance_of(p, topic, analysis, ranked.get(p.id, ())) for p in self.data.personas)
            return AskResult(topic, analysis, stances)
        return _new(AskResult, (topic, analysis, self._speaking(analysis, topic)))

    @staticmethod
    def _stance_of(figure: Persona, topic: str, analysis: QueryAnalysis, candidates: tuple[Candidate, ...]) -> Stance:
        best = candidates[0].match if candidates and candidates[0].match.score >= THRESHOLD else None
        return Stance.of(figure, topic, analysis, best, candidates)

    def explain(self, topic: str) -> AskResult:
        """Like ask, with every candidate and its score parts kept, so each decision can be shown."""
        return self.ask(topic, detail=True)

    def context(self, topic: str) -> ArticleSpan | None:
        """The article narration sentence that best sets the scene for a topic, if any clears the bar."""
        total = self._score(self._narration, self.analyse(topic))[2]
        best = min(((-score, n) for n, score in total.items()), default=None)
        if best is None or -best[0] < THRESHOLD:
            return None
        return self._narration.entries[best[1]].span

    # --- debates -------------------------------------------------------------------------

    def debate(
        self, topic: str, figures: list[Persona] | None = None, rounds: int = 3, moderator: bool = True
    ) -> DebatePlan:
        rounds = max(1, min(rounds, MAX_ROUNDS))
        asked = self.ask(topic, detail=True)
        chosen = {p.id for p in figures} if figures else None
        stances = [s for s in asked.stances if chosen is None or s.figure.id in chosen]
        speakers = [s for s in stances if s.position is not None]
        abstainers = tuple(s.figure for s in stances if s.position is None)
        label = _topic_label(asked)
        relevant = {s.figure.id: [c for c in s.candidates if c.match.score >= THRESHOLD] for s in speakers}
        used: list[Position] = []
        used_keys: set[str] = set()
        turns: list[Turn] = []
        speaker_ids = {s.figure.id for s in speakers}

        if moderator and speakers:
            scene = self.context(topic)
            if scene is not None:
                turns.append(
                    Turn(0, "moderator", None, None, None, "context", "From the article's own reporting:", scene)
                )

        def take(position: Position) -> None:
            used.append(position)
            used_keys.add(position.key)

        # Round 1: openings.
        for stance in speakers:
            options = relevant[stance.figure.id]
            opening = min(options, key=lambda c: self._turn_rank(c, speaker_ids, used_keys, opening=True))
            turns.append(self._spoken_turn(1, "opening", stance.figure, opening.position, turns, label))
            take(opening.position)

        moves = ["rebuttal"] * max(0, rounds - 2) + (["closing"] if rounds >= 2 else [])
        played = 1
        for number, move in enumerate(moves, start=2):
            round_turns: list[Turn] = []
            for s in speakers:  # each speaker sees what was said earlier in the same round
                round_turns.append(
                    self._next_turn(
                        number,
                        move,
                        s.figure,
                        relevant[s.figure.id],
                        turns + round_turns,
                        used_keys,
                        speaker_ids,
                        label,
                    )
                )
            if all(t.move == "pass" for t in round_turns):
                break  # the record has run out: stop rather than fill rounds with passes
            for turn in round_turns:
                if turn.position is not None:
                    take(turn.position)
            turns.extend(round_turns)
            played = number
        summary = self._summary(speakers, used)
        return DebatePlan(
            topic,
            asked.analysis,
            tuple(s.figure for s in speakers),
            abstainers,
            tuple(turns),
            summary,
            rounds,
            played if speakers else 0,
        )

    def _turn_rank(self, candidate: Candidate, speakers: set[str], used: set[str], opening: bool = False) -> tuple:
        """Best first; a position another speaker answers on record gets a bonus so the reply can follow."""
        position = candidate.position
        # Openings keep replies back for the rebuttals, where the position they answer has been said.
        waiting = opening and position.replies_to is not None
        answered = any(
            p.figure in speakers and p.figure != position.figure and p.key not in used
            for p in self._answered_by[position.key]
        )
        return (waiting, -(candidate.match.score + (_ANSWERED_BONUS if answered else 0.0)), *_rank(candidate)[1:])

    def _spoken_turn(
        self, number: int, move: str, figure: Persona, position: Position, turns: list[Turn], label: str
    ) -> Turn:
        """A turn for a position already chosen; narrated as a reply when the article says it is one."""
        target = next(
            (t for t in reversed(turns) if t.position is not None and t.position.key == position.replies_to), None
        )
        if target is not None and target.figure is not None:
            cue = f" ({position.cue})" if position.cue else ""
            narration = f"Reply from {figure.name} to {target.figure.name}: the article presents it as a reply{cue}."
            return Turn(number, move, figure, position, target.figure, "reply_link", narration)
        narration = {"opening": f"Opening from {figure.name} on {label}.", "closing": f"Closing from {figure.name}."}
        return Turn(
            number, move, figure, position, None, "best", narration.get(move, f"Further from {figure.name} on {label}.")
        )

    def _next_turn(
        self,
        number: int,
        move: str,
        figure: Persona,
        options: list[Candidate],
        turns: list[Turn],
        used: set[str],
        speakers: set[str],
        label: str,
    ) -> Turn:
        said = [t for t in turns if t.position is not None and t.figure is not None]
        said_keys = {t.position.key for t in said}
        # Reply links reach past the matched topic: the article itself ties them to what was said.
        linked = [p for p in figure.positions if p.key not in used and p.replies_to in said_keys]
        if linked:
            latest = {t.position.key: i for i, t in enumerate(said)}
            answer = max(linked, key=lambda p: latest[p.replies_to])  # answer the most recent point first
            return self._spoken_turn(number, move, figure, answer, turns, label)
        unused = [c for c in options if c.position.key not in used]
        if not unused:
            return Turn(
                number,
                "pass",
                figure,
                None,
                None,
                "nothing_left",
                f"Nothing further on record from {figure.name} about {label}.",
            )
        position = min(unused, key=lambda c: self._turn_rank(c, speakers, used)).position
        if move == "closing":
            return self._spoken_turn(number, move, figure, position, turns, label)
        mine = _stance_value(self._axis, position, [t.position for t in said if t.figure.id == figure.id])
        target, distance = None, 0
        for turn in reversed(said):  # most recent first, so ties go to the latest speaker
            theirs = turn.position.stance_on(self._axis)
            if (
                turn.figure.id != figure.id
                and mine is not None
                and theirs is not None
                and abs(mine - theirs) > distance
            ):
                target, distance = turn.figure, abs(mine - theirs)
        if target is None:
            return self._spoken_turn(number, move, figure, position, turns, label)
        narration = f"Rebuttal from {figure.name}, set against {target.name} (the article does not present it as a direct reply)."
        return Turn(number, move, figure, position, target, "opposed", narration)

    @property
    def _axis(self) -> str:
        return next(iter(self.lexicon.axes))

    def _summary(self, speakers: list[Stance], used: list[Position]) -> tuple[SummaryEntry, ...]:
        entries = []
        axis = self.lexicon.axes[self._axis]
        for stance in speakers:
            mine = [p for p in used if p.figure == stance.figure.id]
            with_stance = [p for p in mine if p.stance_on(axis.id) is not None]
            values = {p.stance_on(axis.id) for p in with_stance}
            if not values:
                entries.append(
                    SummaryEntry(stance.figure, axis.id, None, "no stance on this axis in what was said", None)
                )
                continue
            value, label = (values.pop(), None) if len(values) == 1 else (0, "mixed across what was said")
            entries.append(SummaryEntry(stance.figure, axis.id, value, label or axis.describe(value), with_stance[0]))
        return tuple(entries)


# Per figure, (-score, entry number) of its best entry: the smallest key wins.
_Best = dict[int, tuple[float, int]]


def _topic_parts(index: _Index, topics: list[tuple[str, float]]) -> dict[int, float]:
    """What the query's weighted topics add to each entry that carries one of them."""
    part: dict[int, float] = {}
    for topic, scale in topics:
        for number, tag_weight in index.by_topic.get(topic, ()):
            part[number] = part.get(number, 0.0) + scale * tag_weight
    return part


def _word_parts(index: _Index, words: list[tuple[str, float]]) -> dict[int, float]:
    """What the query's weighted stems add to each entry that uses one of them."""
    part: dict[int, float] = {}
    for s, share in words:
        for number in index.by_stem.get(s, ()):
            part[number] = part.get(number, 0.0) + share
    return part


def _totals(topic_part: dict[int, float], word_part: dict[int, float]) -> dict[int, float]:
    """The total score of each entry the words reach."""
    total = {}
    for number, word_score in word_part.items():  # a loop, not a comprehension: see Engine._weights
        total[number] = topic_part.get(number, 0.0) + word_score
    return total


def _best_by_figure(best: _Best, figure_of: list[int], parts: dict[int, float], added_to: dict[int, float]) -> _Best:
    """``best`` updated with each entry of ``parts`` at its score: its part, plus what ``added_to`` holds for
    it. On equal scores the lower number wins (see Engine._build)."""
    for number, part in parts.items():
        key = (-(added_to.get(number, 0.0) + part), number)
        figure = figure_of[number]
        held = best.get(figure)
        if held is None or key < held:
            best[figure] = key
    return best


def _order(position: Position) -> tuple:
    """Tie-break after the score: a figure's own words before reported ones, then article order."""
    return position.kind != "quoted", position.citation.article, position.citation.start


def _rank(candidate: Candidate) -> tuple:
    """Best first: score, then the figure's own words over reported ones, then article order."""
    return (-candidate.match.score, *_order(candidate.position))


def _stance_value(axis: str, position: Position, earlier: list[Position]) -> int | None:
    """Where a speaker stands: the position about to be said, else what they said before."""
    for candidate in (position, *reversed(earlier)):
        value = candidate.stance_on(axis)
        if value is not None:
            return value
    return None


def _topic_label(asked: AskResult) -> str:
    """How narration names the topic: the user's words, trimmed."""
    text = " ".join(asked.topic.split())
    return text if len(text) <= 80 else text[:77] + "..."
