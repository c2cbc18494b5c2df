"""The array scorer for large records answers exactly as the plain scorer, its reference."""

from __future__ import annotations

import itertools
from pathlib import Path

from benchmarks.corpus import generate
from benchmarks.workload import make_topics
from bot.data.dataset import Dataset, load_dataset
from bot.kinds import kinds_stated
from bot.search import ranker as ranker_module
from bot.search.arrays import ArrayScorer
from bot.search.ranker import Ranker


def test_the_array_scorer_answers_exactly_as_the_plain_scorer(tmp_path: Path, monkeypatch) -> None:
    seeds, personas = generate(2_500, seed=3, root=tmp_path / "corpus")
    monkeypatch.setattr(ranker_module, "_ARRAYS_MIN_POSTINGS", 0)  # every query takes the array way
    ranker = Ranker(load_dataset(seeds, personas))
    assert ranker._arrays is not None
    # Every set of up to three of the lexicon's topics has its view before the first question (none is built
    # mid-question, where it would cost a few ms on a large record).
    topic_ids = sorted(ranker.data.lexicon.topics)
    views = ranker._arrays.index._views
    assert all(frozenset(c) in views for k in (1, 2, 3) for c in itertools.combinations(topic_ids, k))
    topics = make_topics(ranker.data, 300, seed=11) + ["regulation", "open source safety", "nothing at all"]
    # One side of open vs closed alone, and with another theme: only texts on that side count the topic.
    topics += ["closed models", "is keeping it secret about safety", "proprietary regulation profit"]
    # Four topics and more: views built on first use, not with the index.
    topics += ["open source safety regulation profit", "mission competition innovation training data safety"]
    # Questions of several asking clauses: each clause is scored too, and the best of them kept.
    topics += [f"{a}, or is it {b}?" for a, b in zip(topics[:40], topics[40:80], strict=True)]
    topics += ["is it about regulation? what about safety", "does profit matter, or does innovation?"]
    # Questions asking for a quantity or a date: only positions stating one may answer, on both paths.
    kinds = [f"how much {t}" for t in topics[:30]] + [f"when was {t}" for t in topics[30:60]]
    topics += kinds
    with_arrays = [ranker.ask(topic) for topic in topics]
    ranker._arrays = None
    plain = [ranker.ask(topic) for topic in topics]
    assert with_arrays == plain  # same figures, positions, scores and score parts
    assert sum(s.position is not None for result in plain for s in result.stances) > 100


def test_both_scorers_let_only_a_text_stating_a_date_or_quantity_answer_for_one(data, monkeypatch) -> None:
    # A date states a fact only in a figure's own words: Musk's reported "sued OpenAI in 2023" is made a
    # quotation here, so that one shipped position states a date (the generated corpus states none).
    personas = tuple(
        p._replace(
            positions=tuple(q._replace(kind="quoted") if q.id == "sued-for-betrayal" else q for q in p.positions),
        )
        for p in data.personas
    )
    data = Dataset.of(data.articles, data.lexicon, personas)
    topics = ["when did musk sue openai", "When was OpenAI founded?", "how many people back open source", "when"]
    topics += ["how much does training cost", "what year did the lawsuit start", "so when is open source safe"]
    plain = _asked_both_ways(data, topics, monkeypatch)
    answered = [(s.figure.id, s.position.id) for result in plain for s in result.stances if s.position]
    assert ("musk", "sued-for-betrayal") in answered
    assert all(kinds_stated(s.position.text) for result in plain for s in result.stances if s.position)


def test_both_scorers_keep_a_text_explaining_only_the_names_silent(data, monkeypatch) -> None:
    topics = ["who sits on openai's board", "what gpu does xAI use", "openai", "Did OpenAI go back on its word?"]
    topics += ["does Grok run on a laptop", "xAI and OpenAI", "is Microsoft's stake in OpenAI growing"]
    plain = _asked_both_ways(data, topics, monkeypatch)
    assert not [s for s in plain[0].stances if s.position]  # the board question: nobody


def _asked_both_ways(data: Dataset, topics: list[str], monkeypatch) -> list:
    """Each topic asked of the shipped record on the plain path and on the array path, which must agree; the
    plain path's answers."""
    monkeypatch.setattr(ranker_module, "_ARRAYS_MIN_POSTINGS", 0)
    ranker = Ranker(data)
    plain = [ranker.ask(topic) for topic in topics]
    ranker._arrays = ArrayScorer(ranker.positions, len(data.personas))
    assert [ranker.ask(topic) for topic in topics] == plain
    return plain
