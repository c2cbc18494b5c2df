"""Shared fixtures: the shipped data, loaded once, and a copy of it that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.dataset import Dataset, load_dataset
from bot.engine import Engine
from bot.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PERSONAS = ROOT / "personas"
SEED_ID = "winzheng-open-source-2026"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def data() -> Dataset:
    return load_dataset(SEEDS, PERSONAS)


@pytest.fixture(scope="session")
def engine(data: Dataset) -> Engine:
    return Engine(data)


@pytest.fixture(scope="session")
def renderer(data: Dataset) -> Renderer:
    return Renderer(data)


@pytest.fixture
def data_copy(tmp_path: Path) -> tuple[Path, Path]:
    """Writable copies of seeds/ and personas/ for tests that corrupt them."""
    seeds, personas = tmp_path / "seeds", tmp_path / "personas"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(PERSONAS, personas)
    return seeds, personas
