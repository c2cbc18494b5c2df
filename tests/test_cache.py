"""The load cache for large records: served when nothing changed, never stale when anything did."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import bot.core
from bot.core import load_core
from bot.data import cache
from bot.errors import DataError

from .conftest import PERSONAS, SEEDS


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """Copies of the shipped data, and a cache folder of the test's own."""
    seeds, personas, store = tmp_path / "seeds", tmp_path / "personas", tmp_path / "cache"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(PERSONAS, personas)
    monkeypatch.setenv("DEBATE_CACHE", str(store))
    return seeds, personas, store


def _answers(core: bot.core.Core, topic: str) -> list[tuple[str, str | None]]:
    return [(s.figure.id, s.position.key if s.position else None) for s in core.ranker.ask(topic).stances]


def _no_cold_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("loaded from the files, not from the cache")

    monkeypatch.setattr(bot.core, "load_dataset", refuse)


def test_a_second_load_comes_from_the_cache_and_answers_the_same(cached, monkeypatch) -> None:
    seeds, personas, store = cached
    fresh = load_core(seeds, personas)
    assert len(list(store.glob("*.pickle"))) == 1
    _no_cold_load(monkeypatch)
    again = load_core(seeds, personas)
    for article in again.data.articles.values():  # still one copy of each article's text, shared by its paragraphs
        assert all(para.article_text is article.text for para in article.paragraphs)
    for topic in ("regulation", "open source", "safety", "goverment oversight"):
        assert _answers(again, topic) == _answers(fresh, topic)
    assert again.planner.debate("open source") == fresh.planner.debate("open source")


def test_an_edited_persona_file_is_never_served_from_the_cache(cached) -> None:
    seeds, personas, _ = cached
    load_core(seeds, personas)
    path = personas / "musk.yaml"
    path.write_text(path.read_text().replace("completely closed", "completely shut", 1))
    with pytest.raises(DataError, match="does not match"):
        load_core(seeds, personas)


def test_an_edited_lexicon_changes_the_answers_after_a_cached_load(cached) -> None:
    seeds, personas, _ = cached
    before = load_core(seeds, personas)
    assert not any(s.position for s in before.ranker.ask("cooking").stances)
    lexicon = personas / "topics.yaml"
    lexicon.write_text(lexicon.read_text().replace("      - regulation\n", "      - regulation\n      - cooking\n", 1))
    after = load_core(seeds, personas)
    assert _answers(after, "cooking") == _answers(after, "regulation")


def test_any_source_file_of_the_package_is_part_of_the_key(cached, tmp_path, monkeypatch) -> None:
    seeds, personas, _ = cached
    package = tmp_path / "package"
    shutil.copytree(Path(bot.core.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache._code_digest.cache_clear()
    before = cache.key(seeds, personas)
    (package / "search" / "a_new_module.py").write_text("SCORE = 2\n")
    cache._code_digest.cache_clear()  # a new process: the code it runs is read once
    assert cache.key(seeds, personas) != before
    cache._code_digest.cache_clear()


def test_an_edited_source_file_of_the_package_changes_the_key(cached, tmp_path, monkeypatch) -> None:
    """Its size or its modification time is enough: an edit of the same length saved later, or a longer one
    with the same time (a copy that kept the time)."""
    seeds, personas, _ = cached
    package = tmp_path / "package"
    shutil.copytree(Path(bot.core.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)

    def key_after(old: str, new: str, later_ns: int) -> str | None:
        module = package / "search" / "scoring.py"
        saved = module.stat()
        module.write_text(module.read_text().replace(old, new, 1))
        os.utime(module, ns=(saved.st_atime_ns, saved.st_mtime_ns + later_ns))
        cache._code_digest.cache_clear()  # a new process: the code it runs is looked at once
        return cache.key(seeds, personas)

    before = key_after("", "", 0)
    same_length = key_after("THRESHOLD =", "THRESHOLX =", 1_000_000)
    longer = key_after("THRESHOLX =", "THRESHOLD = 0.5\nTHRESHOLD =", 0)
    cache._code_digest.cache_clear()
    assert len({before, same_length, longer}) == 3


def test_a_cache_folder_set_to_off_writes_nothing(cached, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds, personas, store = cached
    monkeypatch.setenv("DEBATE_CACHE", "off")
    assert cache.key(seeds, personas) is None  # not even hashed
    load_core(seeds, personas)
    assert not store.exists()


def test_a_persona_file_edited_to_the_same_size_is_never_served_from_the_cache(cached) -> None:
    seeds, personas, _ = cached
    load_core(seeds, personas)
    path = personas / "musk.yaml"
    text = path.read_text()
    path.write_text(text.replace("completely closed", "completely clised", 1))  # same size, new time
    assert len(path.read_text()) == len(text)
    with pytest.raises(DataError, match="does not match"):
        load_core(seeds, personas)


def test_a_folder_in_place_of_a_persona_file_reaches_the_loaders_error(cached) -> None:
    seeds, personas, _ = cached
    load_core(seeds, personas)
    (personas / "zz-draft.yaml").mkdir()
    with pytest.raises(DataError):
        load_core(seeds, personas)
