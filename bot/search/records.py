"""What the ranker answers with: stances, their scores, and the article's own narration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..data.personas import Persona, Position
from ..query import QueryAnalysis
from ..text import content_stems

# Records made for every query are NamedTuples: immutable like a frozen dataclass, and half the cost to build,
# which counts when a large record's `ask` makes one per figure (hundreds) for every question.


class Match(NamedTuple):
    """How one text scored against a topic: the parts, so `explain` can show every number."""

    score: float
    topic_score: float
    word_score: float
    tags: dict[str, float]  # the topics the position carries, with their weights
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
    """A figure's stance on a topic: the position it speaks with (None when silent), and its score parts."""

    figure: Persona
    topic: str
    query: QueryAnalysis
    position: Position | None = None
    topic_score: float = 0.0
    word_score: float = 0.0
    tags: dict[str, float] | None = None  # what the chosen position carries
    candidates: tuple[Candidate, ...] = ()  # matched positions, best first (kept by explain and stance)

    @property
    def match(self) -> Match | None:
        """The chosen position's full account, made when someone asks for it."""
        if self.position is None:
            return None
        return Match(
            score=self.topic_score + self.word_score,
            topic_score=self.topic_score,
            word_score=self.word_score,
            tags=self.tags,
            position=self.position,
            query=self.query,
        )

    @property
    def status(self) -> str:
        return "stance" if self.position is not None else "no_stance"


@dataclass(frozen=True, slots=True)
class AskResult:
    topic: str
    analysis: QueryAnalysis
    stances: tuple[Stance, ...]
