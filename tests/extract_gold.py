"""Gold labels for quote extraction and the scoring the tests and the benchmark share.

A predicted (quote, speaker) pair is right when its span overlaps a labelled quotation in the same paragraph
and its speaker is the labelled speaker (or a name the article itself uses for them). Unattributed predictions
are not pairs; labels marked ``optional`` count neither way; a label with ``speaker: null`` (the article names
nobody) counts for no recall, and any speaker predicted for it is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.data.article import Article, load_article, parse_paragraphs
from bot.extract import QUOTED, REPORTED, Quote, extract_quotes

ROOT = Path(__file__).resolve().parent.parent
# Titles a predicted name may carry by issue 13's name rule (as the shared scorer, shared/eval/score_extract.py).
_TITLES = frozenset(
    """mr mrs ms miss dr doctor prof professor sir dame lord lady sister brother father rev reverend cardinal bishop
    pope senator sen rep representative gov governor president mayor judge justice gen general col colonel capt
    captain lt sgt officer detective chief minister secretary chancellor prince princess king queen the""".split()
)
GOLD_DIR = ROOT / "tests" / "data" / "gold"


@dataclass(frozen=True, slots=True)
class Label:
    paragraph: int
    start: int
    end: int
    names: frozenset[str]  # casefolded speaker name and aliases; empty when the article names no speaker
    optional: bool

    @property
    def unattributed(self) -> bool:
        """A quotation the article gives no named speaker: any speaker a prediction gives it is wrong."""
        return not self.names

    def named_by(self, speaker: str, as_the_issue_names: bool = False) -> bool:
        """Whether a predicted speaker is this label's: one of its names exactly, or, by issue 13's rule, a name
        using only words of one of them (titles aside) and keeping its last word ("Kreuzberg" for "Ludwig
        Kreuzberg", never "Sarah Gille" for "Ellen Gille")."""
        if speaker.casefold() in self.names:
            return True
        if not as_the_issue_names:
            return False
        typed = [w for w in re.findall(r"\w+", speaker.casefold()) if w not in _TITLES]
        return any(
            typed and set(typed) <= set(full) and typed[-1] == full[-1]
            for full in (re.findall(r"\w+", name) for name in self.names)
        )

    def overlaps(self, quote: Quote) -> bool:
        return quote.paragraph == self.paragraph and quote.start < self.end and self.start < quote.end


@dataclass(frozen=True, slots=True)
class Gold:
    article: Article
    quotes: tuple[Label, ...]
    reported: tuple[Label, ...]


@dataclass(slots=True)
class Score:
    right: int = 0  # predicted pairs that are right
    predicted: int = 0  # predicted pairs (attributed, not on an optional label)
    found: int = 0  # labels matched by a right pair
    labelled: int = 0  # labels that count
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.right += other.right
        self.predicted += other.predicted
        self.found += other.found
        self.labelled += other.labelled
        self.wrong += other.wrong
        self.missed += other.missed

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0


def _labels(article: Article, raw: list[dict], path: Path) -> tuple[Label, ...]:
    labels = []
    for item in raw:
        para = article.paragraph(item["paragraph"])
        at = para.text.find(item["text"])
        if at < 0:
            raise ValueError(f"{path}: {item['text']!r} is not in paragraph {item['paragraph']}")
        speaker = item.get("speaker")
        names = frozenset(n.casefold() for n in [speaker, *item.get("aliases", [])]) if speaker else frozenset()
        start = para.start + at
        labels.append(Label(item["paragraph"], start, start + len(item["text"]), names, bool(item.get("optional"))))
    return tuple(labels)


def load_gold(path: Path) -> Gold:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    article = load_article(ROOT / data["article"])
    return Gold(article, _labels(article, data["quotes"], path), _labels(article, data.get("reported", []), path))


def all_gold() -> list[Gold]:
    return [load_gold(path) for path in sorted(GOLD_DIR.glob("*.yaml"))]


ROUNDS_DIR = ROOT / "tests" / "data" / "rounds"


def load_round(folder: Path) -> list[Gold]:
    """A labelled round in the public dev corpus's layout: articles beside one ``gold.yaml`` that maps each file
    name to its quotations (shared/eval/extract_gold.yaml's format)."""
    path = folder / "gold.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    golds = []
    for name, entries in data.items():
        found = load_article(folder / name)
        golds.append(Gold(found, _labels(found, entries, path), ()))
    return golds


def score(
    labels: tuple[Label, ...], quotes: list[Quote], kind: str = QUOTED, as_the_issue_names: bool = False
) -> Score:
    result = Score()
    pairs = [q for q in quotes if q.kind == kind and q.speaker is not None]
    matched: set[int] = set()
    for quote in pairs:
        hits = [i for i, label in enumerate(labels) if label.overlaps(quote)]
        if any(labels[i].optional for i in hits):
            continue
        result.predicted += 1
        good = [i for i in hits if labels[i].named_by(quote.speaker, as_the_issue_names)]
        if good:
            result.right += 1
            matched.update(good)
        else:
            result.wrong.append(f"p{quote.paragraph} {quote.speaker}: {quote.text[:60]!r}")
    for i, label in enumerate(labels):
        if label.optional or label.unattributed:
            continue
        result.labelled += 1
        if i in matched:
            result.found += 1
        else:
            result.missed.append(f"p{label.paragraph} {sorted(label.names)[0]}")
    return result


def score_reported(gold: Gold, quotes: list[Quote]) -> Score:
    """Recall of the labelled reported positions (reported spans are not all labelled, so no precision)."""
    result = score(gold.reported, quotes, REPORTED)
    result.right, result.predicted = result.found, result.labelled
    return result


# Small texts for pattern tests: an article made of a string, its quotations, and who said each.
def article(text: str, article_id: str = "test") -> Article:
    return Article(article_id, "Test", "Test publisher", None, None, text, parse_paragraphs(text))


def quoted(text: str) -> list[Quote]:
    return [q for q in extract_quotes(article(text)) if q.kind == QUOTED]


def who_said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in quoted(text)}
