"""Everything the engine needs, loaded and validated together: articles, lexicon, personas."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from . import cache
from .article import Article, load_articles
from .errors import UsageError
from .personas import Persona, load_personas
from .topics import Lexicon, load_lexicon

_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_folder(name: str) -> Path:
    """``$DEBATE_SEEDS``/``$DEBATE_PERSONAS``, else ``./name`` if it exists, else the project's own."""
    configured = os.environ.get(f"DEBATE_{name.upper()}")
    if configured:
        return Path(configured)
    here = Path.cwd() / name
    return here if here.is_dir() else _PROJECT_ROOT / name


def _name_score(query: str, name: str, **kwargs: object) -> float:
    """Whole-string similarity first ("muks" is musk), partial matches a little below ("grok")."""
    return max(fuzz.ratio(query, name), 0.9 * fuzz.WRatio(query, name))


@dataclass(frozen=True)
class Dataset:
    articles: dict[str, Article]
    lexicon: Lexicon
    personas: tuple[Persona, ...]

    def __post_init__(self) -> None:
        names: dict[str, str] = {}
        for persona in self.personas:
            for alias in (persona.id, persona.name, *persona.aliases):
                names.setdefault(alias.casefold(), persona.id)
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_by_id", {p.id: p for p in self.personas})

    def by_id(self, figure_id: str) -> Persona:
        return self._by_id[figure_id]  # type: ignore[attr-defined]

    def suggest(self, name: str, limit: int = 3) -> list[Persona]:
        """Figures whose id, name or alias is closest to ``name`` (for autocomplete and 'did you mean')."""
        names: dict[str, str] = self._names  # type: ignore[attr-defined]
        query = " ".join(name.casefold().replace("-", " ").split())
        if not query:
            return list(self.personas[:limit])
        found = process.extract(query, list(names), scorer=_name_score, limit=limit * 4, score_cutoff=60)
        result: list[Persona] = []
        for alias, _score, _ in found:
            persona = self.by_id(names[alias])
            if persona not in result:
                result.append(persona)
        return result[:limit]

    def resolve(self, name: str) -> Persona:
        """The figure a user means by an id, name or alias; a clear UsageError otherwise."""
        names: dict[str, str] = self._names  # type: ignore[attr-defined]
        key = " ".join(name.split()).casefold()
        for candidate in (key, key.replace(" ", "-"), key.replace("-", " ")):
            if candidate in names:
                return self.by_id(names[candidate])
        close = self.suggest(name)
        hint = f"; did you mean {', '.join(p.id for p in close)}?" if close else ""
        raise UsageError(f"unknown figure {name.strip()[:80]!r}{hint}")


def load_dataset(seeds: Path | None = None, personas: Path | None = None) -> Dataset:
    """Load and validate everything; raises DataError listing every problem found."""
    seeds = seeds or default_folder("seeds")
    personas = personas or default_folder("personas")
    entry = cache.key(seeds, personas)
    if entry is not None:
        hit = cache.load(entry)
        if hit is not None:
            data, engine_state = hit
            # The engine built with this data comes along, so Engine(data) need not index it again.
            object.__setattr__(data, "_engine_state", engine_state)
            return data
    with cache.gc_paused():  # a cold load of 100k positions spent ~10% of its time in the collector
        articles = load_articles(seeds)
        lexicon = load_lexicon(personas)
        loaded = load_personas(personas, articles, lexicon)
    data = Dataset(articles, lexicon, tuple(loaded))
    object.__setattr__(data, "_cache_entry", entry)  # Engine(data) stores data and index together
    return data
