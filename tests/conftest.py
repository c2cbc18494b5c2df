"""Shared fixtures: the shipped data, loaded once, and a copy of it that a test may break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.core import Core, load_core
from bot.data.dataset import Dataset
from bot.debate import Planner
from bot.render import Renderer
from bot.search.ranker import Ranker

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PERSONAS = ROOT / "personas"
SEED_ID = "winzheng-open-source-2026"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The load cache of this test run, not the user's (subprocesses inherit it through the environment)."""
    os.environ["DEBATE_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def core() -> Core:
    return load_core(SEEDS, PERSONAS)


@pytest.fixture(scope="session")
def data(core: Core) -> Dataset:
    return core.data


@pytest.fixture(scope="session")
def ranker(core: Core) -> Ranker:
    return core.ranker


@pytest.fixture(scope="session")
def planner(core: Core) -> Planner:
    return core.planner


@pytest.fixture(scope="session")
def renderer(core: Core) -> Renderer:
    return core.render


@pytest.fixture
def data_copy(tmp_path: Path) -> tuple[Path, Path]:
    """Writable copies of seeds/ and personas/ for tests that corrupt them."""
    seeds, personas = tmp_path / "seeds", tmp_path / "personas"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(PERSONAS, personas)
    return seeds, personas
