"""The machinery for large records: the load cache is never stale, and the per-figure index answers exactly
as the plain scorer does (benchmarks/ measures their speed; nothing here times anything)."""

from __future__ import annotations

import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import bot.engine as engine_module
from benchmarks.corpus import generate
from benchmarks.workload import make_topics
from bot import cache
from bot.dataset import load_dataset
from bot.engine import Engine
from bot.errors import DataError

from .conftest import PERSONAS, SEEDS


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """Copies of the shipped data, cached however small, into a cache folder of the test's own."""
    seeds, personas, store = tmp_path / "seeds", tmp_path / "personas", tmp_path / "cache"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(PERSONAS, personas)
    monkeypatch.setenv("DEBATE_CACHE", str(store))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    return seeds, personas, store


def _answers(engine: Engine, topic: str) -> list[tuple[str, str | None]]:
    return [(s.figure.id, s.position.key if s.position else None) for s in engine.ask(topic).stances]


def test_a_second_load_comes_from_the_cache_and_answers_the_same(cached) -> None:
    seeds, personas, store = cached
    fresh = Engine(load_dataset(seeds, personas))
    assert len(list(store.glob("*.pickle"))) == 1
    data = load_dataset(seeds, personas)
    assert "_engine_state" in data.__dict__  # served from the cache, index included
    for article in data.articles.values():  # still one copy of each article's text, shared by its paragraphs
        assert all(para.article_text is article.text for para in article.paragraphs)
    again = Engine(data)
    for topic in ("regulation", "open source", "safety", "goverment oversight"):
        assert _answers(again, topic) == _answers(fresh, topic)
    assert again.debate("open source") == fresh.debate("open source")


def test_an_edited_persona_file_is_never_served_from_the_cache(cached) -> None:
    seeds, personas, _ = cached
    Engine(load_dataset(seeds, personas))
    path = personas / "musk.yaml"
    path.write_text(path.read_text().replace("completely closed", "completely shut", 1))
    with pytest.raises(DataError, match="does not match"):
        load_dataset(seeds, personas)


def test_an_edited_lexicon_changes_the_answers_after_a_cached_load(cached) -> None:
    seeds, personas, _ = cached
    before = Engine(load_dataset(seeds, personas))
    assert not any(s.position for s in before.ask("cooking").stances)
    lexicon = personas / "topics.yaml"
    lexicon.write_text(lexicon.read_text().replace("      - regulation\n", "      - regulation\n      - cooking\n", 1))
    after = Engine(load_dataset(seeds, personas))
    assert _answers(after, "cooking") == _answers(after, "regulation")


def test_a_cache_folder_set_to_off_writes_nothing(cached, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds, personas, store = cached
    monkeypatch.setenv("DEBATE_CACHE", "off")
    assert cache.key(seeds, personas) is None  # not even hashed
    Engine(load_dataset(seeds, personas))
    assert not store.exists()


def test_the_per_figure_index_answers_exactly_as_the_plain_scorer(tmp_path: Path, monkeypatch) -> None:
    seeds, personas = generate(2_500, seed=3, root=tmp_path / "corpus")
    monkeypatch.setenv("DEBATE_CACHE", "off")
    monkeypatch.setattr(engine_module, "_FAST_MIN_POSTINGS", 0)  # every query takes the indexed way
    engine = Engine(load_dataset(seeds, personas))
    assert engine._fast is not None
    topics = make_topics(engine.data, 300, seed=11) + ["regulation", "open source safety", "nothing at all"]
    # Four topics and more: views built on first use, not with the index.
    topics += ["open source safety regulation profit", "mission competition innovation training data safety"]
    indexed = [engine.ask(topic) for topic in topics]
    engine._fast = None
    plain = [engine.ask(topic) for topic in topics]
    assert indexed == plain  # same figures, positions, scores and score parts
    assert sum(s.position is not None for result in plain for s in result.stances) > 100


def test_records_pickle_by_their_fields_and_come_back_equal(data) -> None:
    article = next(iter(data.articles.values()))
    back = pickle.loads(pickle.dumps((data.personas, article), protocol=pickle.HIGHEST_PROTOCOL))
    assert back == (data.personas, article)
    assert all(para.article_text is back[1].text for para in back[1].paragraphs)

    @cache.pickled_by_fields
    @dataclass(frozen=True, slots=True)
    class One:
        only: int

    assert One(3).__reduce__() == (One, (3,))
