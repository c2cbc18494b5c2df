"""The peers: rank-bm25 (BM25Okapi) and bm25s doing the engine's job on the same positions.

The job: tokenise the topic, score every position, keep the best position per figure, abstain when that
score is not above the threshold (BM25 scores are >= 0, so the bar is "any match"). Both peers share the
per-figure step, done with numpy over the score vector so the peers are not slowed by Python loops.
"""

from __future__ import annotations

import re

import numpy as np

from bot.data.dataset import Dataset
from bot.data.personas import Position
from bot.text import STOPWORDS

THRESHOLD = 0.0
_TOKEN = re.compile(r"\w+")


def tokenise(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS]


class Peer:
    name = ""

    def __init__(self, data: Dataset):
        # Positions are grouped by figure (personas hold their own), so a figure is one slice of the scores.
        self.positions: list[Position] = [pos for p in data.personas for pos in p.positions]
        self.figures = [p for p in data.personas if p.positions]
        counts = [len(p.positions) for p in self.figures]
        self._starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        self._segment = np.repeat(np.arange(len(counts)), counts)
        self.index([tokenise(pos.text) for pos in self.positions])

    def index(self, corpus: list[list[str]]) -> None:
        raise NotImplementedError

    def scores(self, tokens: list[str]) -> np.ndarray:
        raise NotImplementedError

    def ask(self, topic: str) -> list[tuple[str, Position | None]]:
        """(figure id, best position or None) for every figure, like Engine.ask's stances."""
        scores = self.scores(tokenise(topic))
        best = np.maximum.reduceat(scores, self._starts)
        # The first position reaching its figure's best score, among figures above the bar.
        hits = np.flatnonzero((scores == best[self._segment]) & (scores > THRESHOLD))
        figures, first = np.unique(self._segment[hits], return_index=True)
        chosen = dict(zip(figures.tolist(), hits[first].tolist(), strict=True))
        return [(p.id, self.positions[chosen[i]] if i in chosen else None) for i, p in enumerate(self.figures)]

    def speakers(self, topic: str) -> set[str]:
        return {figure for figure, position in self.ask(topic) if position is not None}


class RankBM25(Peer):
    name = "rank-bm25"

    def index(self, corpus: list[list[str]]) -> None:
        from rank_bm25 import BM25Okapi

        self.bm25 = BM25Okapi(corpus)

    def scores(self, tokens: list[str]) -> np.ndarray:
        return self.bm25.get_scores(tokens)


class BM25S(Peer):
    name = "bm25s"

    def index(self, corpus: list[list[str]]) -> None:
        import bm25s

        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus, show_progress=False)

    def scores(self, tokens: list[str]) -> np.ndarray:
        return self.bm25.get_scores_from_ids(self.bm25.get_tokens_ids(tokens))


PEERS: dict[str, type[Peer]] = {"rank-bm25": RankBM25, "bm25s": BM25S}
