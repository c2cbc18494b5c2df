"""Stems are part of every answer: the C stemmer (PyStemmer, a dependency for speed) must give exactly the
stems of snowballstemmer's own Python code, so answers never depend on which one is installed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from snowballstemmer.english_stemmer import EnglishStemmer

from bot.topics import stem

from .conftest import SEEDS

Stemmer = pytest.importorskip("Stemmer")
CORPUS = Path(__file__).parent / "data" / "corpus"


def _vocabulary() -> set[str]:
    texts = [*SEEDS.glob("*.txt"), *CORPUS.glob("*.txt")]
    return {w for path in texts for w in re.findall(r"[^\W_]+", path.read_text(encoding="utf-8").lower())}


def test_the_c_stemmer_gives_the_python_stems_for_every_word_of_the_articles() -> None:
    words = _vocabulary()
    assert len(words) > 2500  # the seed and 21 news articles
    c_stemmer, python_stemmer = Stemmer.Stemmer("english"), EnglishStemmer()
    differ = [w for w in words if c_stemmer.stemWord(w) != python_stemmer.stemWord(w)]
    assert differ == []


def test_the_engine_stems_possessives_like_the_bare_word() -> None:
    assert stem("openai's") == stem("openai") and stem("regulators") == stem("regulator")
