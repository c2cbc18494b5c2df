"""The one way to load: data, ranker, planner and renderer, built together for the CLI, the bot and /reload."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .data import cache
from .data.dataset import Dataset, default_folder, load_dataset
from .debate import Planner
from .render import Renderer
from .search.ranker import Ranker


class Core(NamedTuple):
    data: Dataset
    ranker: Ranker
    planner: Planner
    render: Renderer


def load_core(seeds: Path | None = None, personas: Path | None = None) -> Core:
    """Load, validate and index a record; raises DataError listing every problem found.

    The record comes from the load cache when its inputs and the code are unchanged, and is stored there
    after a cold load.
    """
    seeds = seeds or default_folder("seeds")
    personas = personas or default_folder("personas")
    entry = cache.key(seeds, personas)
    cached = cache.load(entry) if entry is not None else None
    if cached is not None:
        data, ranker = cached
    else:
        with cache.gc_paused():  # a large record is millions of objects, none in a cycle
            data = load_dataset(seeds, personas)
            ranker = Ranker(data)
        if entry is not None:
            cache.store(entry, (data, ranker))
    return Core(data=data, ranker=ranker, planner=Planner(ranker), render=Renderer(data))
