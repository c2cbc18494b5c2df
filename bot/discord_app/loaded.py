"""The data the bot serves, loaded and validated as one unit so /reload can swap it atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..dataset import Dataset, load_dataset
from ..engine import Engine
from ..render import Renderer
from .payloads import Payloads


@dataclass(frozen=True, slots=True)
class Loaded:
    data: Dataset
    engine: Engine
    render: Renderer
    payloads: Payloads


def load(seeds: Path | None = None, personas: Path | None = None) -> Loaded:
    """Raises DataError (every problem, one line each) when the seeds or personas are invalid."""
    data = load_dataset(seeds, personas)
    render = Renderer(data)
    # No gc.freeze(): it would keep every record a /reload replaces (its cycles are never collected).
    return Loaded(data, Engine(data), render, Payloads(render))
