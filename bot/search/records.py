"""What the ranker answers with: stances, their scores, and the article's own narration."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.personas import Persona, Position
from ..query import QueryAnalysis
from ..text import content_stems


@dataclass(frozen=True, slots=True)
class Match:
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


@dataclass(frozen=True, slots=True)
class Candidate:
    position: Position
    match: Match


@dataclass(frozen=True, slots=True)
class Stance:
    """A figure's stance on a topic: the position it speaks with (None when silent) and why."""

    figure: Persona
    topic: str
    query: QueryAnalysis
    match: Match | None  # the chosen position and its score parts; None when silent
    candidates: tuple[Candidate, ...] = ()  # matched positions, best first (kept by explain, stance and debate)

    @property
    def position(self) -> Position | None:
        return None if self.match is None else self.match.position

    @property
    def status(self) -> str:
        return "stance" if self.match is not None else "no_stance"


@dataclass(frozen=True, slots=True)
class AskResult:
    topic: str
    analysis: QueryAnalysis
    stances: tuple[Stance, ...]
