"""What the ranker answers with: stances, their scores, and the article's own narration."""

from __future__ import annotations

from typing import NamedTuple

from ..data.personas import Persona, Position
from ..query import AskedWord, QueryAnalysis, Relative
from ..text import content_stems
from .scoring import THRESHOLD

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
    focus: bool = False  # lifted to the threshold: its figure is named in the question
    quoted: bool = False  # lifted to the threshold: it holds the words the question quotes
    by_role: frozenset[str] = frozenset()  # the question's stems its figure's role explains ("tesla": Musk's)
    names_only: bool = False  # kept under the threshold: it explains the question's names, nothing asked of them

    @property
    def topics(self) -> tuple[str, ...]:
        """The query's topics that the text carries."""
        return tuple(t for t in self.query.topics if t in self.tags)

    @property
    def words(self) -> tuple[str, ...]:
        """The query's stems found in the text."""
        found = set(content_stems(self.position.text))
        return tuple(s for s in self.query.stems if s in found)

    @property
    def relations(self) -> tuple[tuple[str, Relative], ...]:
        """(question word, the relative in the text that explains it), for words the text lacks itself."""
        found = set(content_stems(self.position.text))
        return tuple(
            (w.word, next(r for r in w.relatives if r.stem in found))
            for w in self.query.asked
            if w.stem not in found and any(r.stem in found for r in w.relatives)
        )

    @property
    def role_words(self) -> tuple[str, ...]:
        """The question's words that the text's figure's role explains, as the question has them."""
        return tuple(w.word for w in self.query.asked if w.stem in self.by_role)

    @property
    def unexplained(self) -> tuple[AskedWord, ...]:
        """The question's words that nothing explains: not the text's words, a relative, a topic it carries,
        or its figure's role."""
        found = set(content_stems(self.position.text)) | self.by_role
        by_topic = {s for hit in self.query.hits if hit.topic in self.tags for s in hit.stems}
        return tuple(
            w
            for w in self.query.asked
            if w.stem not in found and w.stem not in by_topic and not any(r.stem in found for r in w.relatives)
        )


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
    focus: bool = False  # speaks because the question names the figure

    @property
    def match(self) -> Match | None:
        """The chosen position's full account, made when someone asks for it."""
        if self.position is None:
            return None
        return Match(
            score=self.score,
            topic_score=self.topic_score,
            word_score=self.word_score,
            tags=self.tags,
            position=self.position,
            query=self.query,
            focus=self.focus,
        )

    @property
    def score(self) -> float:
        return THRESHOLD if self.focus else self.topic_score + self.word_score

    @property
    def status(self) -> str:
        return "stance" if self.position is not None else "no_stance"


class AskResult(NamedTuple):
    topic: str
    analysis: QueryAnalysis
    stances: tuple[Stance, ...]
    # The question's words the article uses only as names, typed as everyday English: they explain half.
    names_as_words: tuple[str, ...] = ()
    # Beside a named figure, the words that only say how the question asks: nothing else is asked of it.
    manner_words: tuple[str, ...] = ()
