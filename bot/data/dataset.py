"""Everything the engine needs, loaded and validated together: articles, lexicon, personas."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from .article import Article, load_articles
from .lexicon import Lexicon, load_lexicon
from .personas import Persona, load_personas

_PROJECT_ROOT = Path(__file__).resolve().parents[2]


def default_folder(name: str) -> Path:
    """``$DEBATE_SEEDS``/``$DEBATE_PERSONAS``, else ``./name`` if it exists, else the project's own."""
    configured = os.environ.get(f"DEBATE_{name.upper()}")
    if configured:
        return Path(configured)
    here = Path.cwd() / name
    return here if here.is_dir() else _PROJECT_ROOT / name


def _name_score(query: str, name: str, **kwargs: object) -> float:
    """Whole-string similarity first ("muks" is musk), partial matches a little below ("grok")."""
    from rapidfuzz import fuzz

    return max(fuzz.ratio(query, name), 0.9 * fuzz.WRatio(query, name))


@dataclass(frozen=True)
class Dataset:
    """Everything loaded and validated: the articles, the topic rules and the personas."""

    articles: dict[str, Article]
    lexicon: Lexicon
    personas: tuple[Persona, ...]
    # Every id, name and alias, case-folded, to the figure's id: what users may type for a figure.
    names: dict[str, str] = field(repr=False, compare=False)
    by_id: dict[str, Persona] = field(repr=False, compare=False)

    @classmethod
    def of(cls, articles: dict[str, Article], lexicon: Lexicon, personas: tuple[Persona, ...]) -> Dataset:
        names: dict[str, str] = {}
        for persona in personas:
            for alias in (persona.id, persona.name, *persona.aliases):
                names.setdefault(alias.casefold(), persona.id)
        by_id = {p.id: p for p in personas}
        return cls(articles=articles, lexicon=lexicon, personas=personas, names=names, by_id=by_id)

    def suggest(self, name: str, limit: int = 3) -> list[Persona]:
        """Figures whose id, name or alias is closest to ``name`` (for autocomplete and 'did you mean')."""
        query = " ".join(name.casefold().replace("-", " ").split())
        if not query:
            return list(self.personas[:limit])
        from rapidfuzz import process  # only for a name that is not an id, name or alias

        found = process.extract(query, list(self.names), scorer=_name_score, limit=limit * 4, score_cutoff=60)
        result: list[Persona] = []
        for alias, _score, _ in found:
            persona = self.by_id[self.names[alias]]
            if persona not in result:
                result.append(persona)
        return result[:limit]

    def resolve(self, name: str) -> Persona:
        """The figure a user means by an id, name or alias; a clear UsageError otherwise."""
        key = " ".join(name.split()).casefold()
        for candidate in (key, key.replace(" ", "-"), key.replace("-", " ")):
            if candidate in self.names:
                return self.by_id[self.names[candidate]]
        close = self.suggest(name)
        hint = f"; did you mean {', '.join(p.id for p in close)}?" if close else ""
        raise UsageError(f"unknown figure {name.strip()[:80]!r}{hint}")

    def article(self, article_id: str | None = None) -> Article:
        """An article by id (the first when none is given); a clear UsageError for an unknown one."""
        chosen = self.articles.get(article_id or next(iter(self.articles)))
        if chosen is None:
            raise UsageError(f"unknown article {article_id!r}; known: {', '.join(self.articles)}")
        return chosen

    def paragraph_number(self, article: Article, number: int) -> int:
        """``number`` if the article has such a paragraph; a clear UsageError otherwise."""
        if not 1 <= number <= len(article.paragraphs):
            raise UsageError(f"paragraph must be between 1 and {len(article.paragraphs)} in {article.id}")
        return number


def load_dataset(seeds: Path | None = None, personas: Path | None = None) -> Dataset:
    """Load and validate everything; raises DataError listing every problem found."""
    seeds = seeds or default_folder("seeds")
    personas = personas or default_folder("personas")
    articles = load_articles(seeds)
    lexicon = load_lexicon(personas)
    return Dataset.of(articles, lexicon, tuple(load_personas(personas, articles, lexicon)))
