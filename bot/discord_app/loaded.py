"""The data the bot serves, loaded and validated as one unit so /reload can swap it atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core import Core, load_core
from ..data.dataset import Dataset
from ..verify import QuoteChecker
from .payloads import Payloads


@dataclass(frozen=True, slots=True)
class Loaded:
    core: Core
    payloads: Payloads
    checker: QuoteChecker  # built once per load: /verify checks against it often

    @property
    def data(self) -> Dataset:
        return self.core.data


def load(seeds: Path | None = None, personas: Path | None = None) -> Loaded:
    """Raises DataError (every problem, one line each) when the seeds or personas are invalid."""
    core = load_core(seeds, personas)
    # No gc.freeze(): it would keep every record a /reload replaces (its cycles are never collected).
    return Loaded(core=core, payloads=Payloads(core.render), checker=QuoteChecker(core.data.personas))
