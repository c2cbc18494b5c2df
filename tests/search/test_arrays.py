"""The array scorer for large records answers exactly as the plain scorer, its reference."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus import generate
from benchmarks.workload import make_topics
from bot.data.dataset import load_dataset
from bot.search import ranker as ranker_module
from bot.search.ranker import Ranker


def test_the_array_scorer_answers_exactly_as_the_plain_scorer(tmp_path: Path, monkeypatch) -> None:
    seeds, personas = generate(2_500, seed=3, root=tmp_path / "corpus")
    monkeypatch.setattr(ranker_module, "_ARRAYS_MIN_POSTINGS", 0)  # every query takes the array way
    ranker = Ranker(load_dataset(seeds, personas))
    assert ranker._arrays is not None
    topics = make_topics(ranker.data, 300, seed=11) + ["regulation", "open source safety", "nothing at all"]
    # Four topics and more: views built on first use, not with the index.
    topics += ["open source safety regulation profit", "mission competition innovation training data safety"]
    # Questions of several asking clauses: each clause is scored too, and the best of them kept.
    topics += [f"{a}, or is it {b}?" for a, b in zip(topics[:40], topics[40:80], strict=True)]
    topics += ["is it about regulation? what about safety", "does profit matter, or does innovation?"]
    with_arrays = [ranker.ask(topic) for topic in topics]
    ranker._arrays = None
    plain = [ranker.ask(topic) for topic in topics]
    assert with_arrays == plain  # same figures, positions, scores and score parts
    assert sum(s.position is not None for result in plain for s in result.stances) > 100
