"""The debate planner: openings, rebuttals, closings and a summary, from the ranker's sourced stances.

Every turn's words are a Position (verbatim and cited) or the article's own narration; the planner only
chooses the order and writes the narrator's connecting lines, which never go under a figure's name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from .data.article import Span
from .data.personas import Persona, Position
from .query import QueryAnalysis
from .search.index import tie_break
from .search.ranker import THRESHOLD, Ranker
from .search.records import Candidate, Stance

# Ask for more rounds than this and the plan is capped anyway; the record rarely holds more.
MAX_ROUNDS = 6
# Favour a position another speaker answers on record, so the article's own exchange gets staged.
_ANSWERED_BONUS = 1.0
_LABEL_LENGTH = 80

# A plan is made for every debate asked for, so its records are NamedTuples like the ranker's answers
# (bot/search/records.py): immutable like a frozen dataclass, cheaper to build and to define at import.


class Turn(NamedTuple):
    round: int
    move: str  # "moderator", "opening", "rebuttal", "closing" or "pass"
    figure: Persona | None
    position: Position | None
    replying_to: Persona | None
    reason: str  # "reply_link", "opposed", "adds", "best", "nothing_left", "context"
    narration: str
    context: Span | None = None


class SummaryEntry(NamedTuple):
    figure: Persona
    axis: str
    value: int | None  # -1/0/+1, None when the positions used carry no stance on the axis
    label: str
    position: Position | None  # the position that sets the value


class DebatePlan(NamedTuple):
    topic: str
    analysis: QueryAnalysis
    participants: tuple[Persona, ...]
    abstainers: tuple[Persona, ...]
    turns: tuple[Turn, ...]
    summary: tuple[SummaryEntry, ...]
    rounds_requested: int
    rounds_played: int


@dataclass
class _Stage:
    """What each turn of one debate is chosen against: who speaks, how narration names the topic, the
    axis of the summary and of set-against rebuttals, and the positions already said."""

    speakers: set[str]
    label: str
    axis: str
    used: set[str]


class Planner:
    def __init__(self, ranker: Ranker):
        self.ranker = ranker
        self.lexicon = ranker.lexicon
        self._answered_by: dict[str, list[Position]] = defaultdict(list)
        for persona in ranker.data.personas:
            for position in persona.positions:
                if position.replies_to:
                    self._answered_by[position.replies_to].append(position)

    def debate(
        self, topic: str, figures: list[Persona] | None = None, rounds: int = 3, moderator: bool = True
    ) -> DebatePlan:
        rounds = max(1, min(rounds, MAX_ROUNDS))
        asked = self.ranker.explain(topic)
        chosen = {p.id for p in figures} if figures else None
        stances = [s for s in asked.stances if chosen is None or s.figure.id in chosen]
        # Figures the question names open, in the order it names them ("Altman vs Musk").
        named = [m.figure for m in asked.analysis.mentions]
        stances.sort(key=lambda s: named.index(s.figure.id) if s.figure.id in named else len(named))
        speakers = [s for s in stances if s.position is not None]
        abstainers = tuple(s.figure for s in stances if s.position is None)
        label = _topic_label(asked.topic)
        relevant = {s.figure.id: [c for c in s.candidates if c.match.score >= THRESHOLD] for s in speakers}
        used: list[Position] = []
        used_keys: set[str] = set()
        turns: list[Turn] = []
        speaker_ids = {s.figure.id for s in speakers}
        axis = self.lexicon.axis_for(
            asked.analysis.hits, (c.position for options in relevant.values() for c in options)
        )
        stage = _Stage(speakers=speaker_ids, label=label, axis=axis, used=used_keys)

        if moderator and speakers:
            scene = self.ranker.context(topic)
            if scene is not None:
                turns.append(
                    Turn(
                        round=0,
                        move="moderator",
                        figure=None,
                        position=None,
                        replying_to=None,
                        reason="context",
                        narration="From the article's own reporting:",
                        context=scene,
                    )
                )

        def take(position: Position) -> None:
            used.append(position)
            used_keys.add(position.key)

        for stance in speakers:  # round 1: openings
            options = relevant[stance.figure.id]
            # A named figure may open with its reply to what another named figure just said: the exchange
            # the question asks for comes first.
            said = used_keys if stance.figure.id in named else set()
            opening = min(options, key=lambda c: self._turn_rank(c, speaker_ids, used_keys, opening=True, said=said))
            turns.append(self._spoken_turn(1, "opening", stance.figure, opening.position, turns, label))
            take(opening.position)

        moves = ["rebuttal"] * max(0, rounds - 2) + (["closing"] if rounds >= 2 else [])
        played = 1
        for number, move in enumerate(moves, start=2):
            round_turns: list[Turn] = []
            for s in speakers:  # each speaker sees what was said earlier in the same round
                options = relevant[s.figure.id]
                turn = self._next_turn(number, move, s.figure, options, turns + round_turns, stage)
                round_turns.append(turn)
            if all(t.move == "pass" for t in round_turns):
                break  # the record has run out: stop rather than fill rounds with passes
            for turn in round_turns:
                if turn.position is not None:
                    take(turn.position)
            turns.extend(round_turns)
            played = number
        return DebatePlan(
            topic=topic,
            analysis=asked.analysis,
            participants=tuple(s.figure for s in speakers),
            abstainers=abstainers,
            turns=tuple(turns),
            summary=self._summary(speakers, used, axis),
            rounds_requested=rounds,
            rounds_played=played if speakers else 0,
        )

    def _turn_rank(
        self,
        candidate: Candidate,
        speakers: set[str],
        used: set[str],
        opening: bool = False,
        said: set[str] = frozenset(),
    ) -> tuple:
        """Best first; a position another speaker answers on record gets a bonus so the reply can follow."""
        position = candidate.position
        # Openings keep replies back for the rebuttals, where the position they answer has been said (unless
        # it has been, in ``said``).
        waiting = opening and position.replies_to is not None and position.replies_to not in said
        answered = any(
            p.figure in speakers and p.figure != position.figure and p.key not in used
            for p in self._answered_by[position.key]
        )
        return (waiting, -(candidate.match.score + (_ANSWERED_BONUS if answered else 0.0)), *tie_break(position))

    def _spoken_turn(
        self, number: int, move: str, figure: Persona, position: Position, turns: list[Turn], label: str
    ) -> Turn:
        """A turn for a position already chosen; narrated as a reply when the article says it is one."""
        target = next(
            (t for t in reversed(turns) if t.position is not None and t.position.key == position.replies_to), None
        )
        if target is not None and target.figure is not None:
            cue = f" ({position.cue})" if position.cue else ""
            return Turn(
                round=number,
                move=move,
                figure=figure,
                position=position,
                replying_to=target.figure,
                reason="reply_link",
                narration=f"Reply from {figure.name} to {target.figure.name}: the article presents it as a reply{cue}.",
            )
        narration = {"opening": f"Opening from {figure.name} on {label}.", "closing": f"Closing from {figure.name}."}
        return Turn(
            round=number,
            move=move,
            figure=figure,
            position=position,
            replying_to=None,
            reason="best",
            narration=narration.get(move, f"Further from {figure.name} on {label}."),
        )

    def _next_turn(
        self,
        number: int,
        move: str,
        figure: Persona,
        options: list[Candidate],
        turns: list[Turn],
        stage: _Stage,
    ) -> Turn:
        used, speakers, label, axis = stage.used, stage.speakers, stage.label, stage.axis
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
                round=number,
                move="pass",
                figure=figure,
                position=None,
                replying_to=None,
                reason="nothing_left",
                narration=f"Nothing further on record from {figure.name} about {label}.",
            )
        position = min(unused, key=lambda c: self._turn_rank(c, speakers, used)).position
        if move == "closing":
            return self._spoken_turn(number, move, figure, position, turns, label)
        mine = _stance_value(axis, position, [t.position for t in said if t.figure.id == figure.id])
        target, distance = None, 0
        for turn in reversed(said):  # most recent first, so ties go to the latest speaker
            theirs = turn.position.stance_on(axis)
            if (
                turn.figure.id != figure.id
                and mine is not None
                and theirs is not None
                and abs(mine - theirs) > distance
            ):
                target, distance = turn.figure, abs(mine - theirs)
        if target is None:
            return self._spoken_turn(number, move, figure, position, turns, label)
        return Turn(
            round=number,
            move=move,
            figure=figure,
            position=position,
            replying_to=target,
            reason="opposed",
            narration=f"Rebuttal from {figure.name}, set against {target.name} (the article does not present it as a direct reply).",
        )

    def _summary(self, speakers: list[Stance], used: list[Position], axis_id: str) -> tuple[SummaryEntry, ...]:
        entries = []
        axis = self.lexicon.axes[axis_id]
        for stance in speakers:
            mine = [p for p in used if p.figure == stance.figure.id]
            with_stance = [p for p in mine if p.stance_on(axis.id) is not None]
            values = {p.stance_on(axis.id) for p in with_stance}
            if not values:
                entry = SummaryEntry(
                    figure=stance.figure,
                    axis=axis.id,
                    value=None,
                    label="no stance on this axis in what was said",
                    position=None,
                )
            elif len(values) == 1:
                value = values.pop()
                entry = SummaryEntry(
                    figure=stance.figure, axis=axis.id, value=value, label=axis.describe(value), position=with_stance[0]
                )
            else:
                entry = SummaryEntry(
                    figure=stance.figure,
                    axis=axis.id,
                    value=0,
                    label="mixed across what was said",
                    position=with_stance[0],
                )
            entries.append(entry)
        return tuple(entries)


def _stance_value(axis: str, position: Position, earlier: list[Position]) -> int | None:
    """Where a speaker stands: the position about to be said, else what they said before."""
    for candidate in (position, *reversed(earlier)):
        value = candidate.stance_on(axis)
        if value is not None:
            return value
    return None


def _topic_label(topic: str) -> str:
    """How narration names the topic: the user's words, trimmed."""
    text = " ".join(topic.split())
    return text if len(text) <= _LABEL_LENGTH else text[: _LABEL_LENGTH - 3] + "..."
