"""The inverted indexes the ranker scores against: every position, and every sentence of narration.

A text is read once: its content stems go into posting lists and its topic tags (curated ones at full
weight, triggers found in its own words at their weight) into per-topic lists.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from ..data.article import Citation, Span
from ..data.dataset import Dataset
from ..data.lexicon import Lexicon, sided_topic
from ..data.personas import Persona, Position
from ..kinds import POST_HOLDERS, kinds_stated, word_kind
from ..query import TopicFinder
from ..spelling import role_name
from ..text import STOPWORDS, content_stems, stem, words


class Entry(NamedTuple):
    """An indexed text: a position (with its speaker's place in the dataset) or a narration sentence."""

    tags: dict[str, float]
    position: Position | None = None
    span: Span | None = None
    figure: int = -1  # the speaker's place in the dataset's personas; -1 for narration


@dataclass
class Index:
    entries: list[Entry] = field(default_factory=list)
    by_stem: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_topic: dict[str, list[tuple[int, float]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, entry: Entry, stems: frozenset[str]) -> None:
        number = len(self.entries)
        self.entries.append(entry)
        for value in stems:
            self.by_stem[value].append(number)
        for topic, weight in entry.tags.items():
            self.by_topic[topic].append((number, weight))


class TextReader:
    """A source text's content stems and topic tags."""

    def __init__(self, lexicon: Lexicon, finder: TopicFinder):
        self.generic = lexicon.generic
        self.finder = finder
        # Per topic whose triggers name sides of its axis, that axis and the sides named: a text carrying the topic
        # carries those of its sides it speaks of or its figure takes too (read).
        self.sides_named = {
            topic: (rule.axis, frozenset(t.side for t in rule.triggers if t.side))
            for topic, rule in lexicon.topics.items()
            if rule.axis and any(t.side for t in rule.triggers)
        }
        # Most texts share one of a few tag sets: one dict per set, not one per text.
        self._tag_sets: dict[frozenset[tuple[str, float]], dict[str, float]] = {}
        self.words_read: dict[str, str] = {}  # every word of the texts read -> its stem: the record's vocabulary
        self._content: dict[str, str] = {}  # those of them that are content words -> their stem
        self._kinds: dict[str, str] = {}  # those that state a kind of answer on their own -> the kind (word_kind)

    def read(
        self,
        text: str,
        curated: tuple[str, ...] = (),
        states_facts: bool = True,
        stance: tuple[tuple[str, int], ...] = (),
    ) -> tuple[dict[str, float], frozenset[str]]:
        """A text's tags and content stems; with ``states_facts``, the pseudo-stems of the kinds of answer it
        states too (a quantity, a date). A text carrying a topic with an axis carries that topic's side too
        (``sided_topic``, at the topic's weight) where its triggers name the side or its ``stance`` takes it:
        a question about one side alone is answered through the topic by those texts only."""
        found = words(text)
        # A record of 100,000 texts has some 20,000 distinct words: each is stemmed and classified once.
        for word in found:
            if word not in self.words_read:
                self._learn(word)
        all_stems = tuple(self.words_read[w] for w in found)
        content = frozenset(self._content[w] for w in found if w in self._content)
        if states_facts:
            # pseudo-stems: what a question asking for a quantity or date needs
            content |= kinds_stated(text, [self._kinds[w] for w in found if w in self._kinds])
        tags = dict.fromkeys(curated, 1.0)
        weights, spoken = self.finder.topics(all_stems)
        for topic, weight in weights.items():
            tags[topic] = max(tags.get(topic, 0.0), weight)
        for topic, side in spoken | self._sides_taken(stance):
            if topic in tags:
                tags[sided_topic(topic, side)] = tags[topic]
        return self._tag_sets.setdefault(frozenset(tags.items()), tags), content

    def _sides_taken(self, stance: tuple[tuple[str, int], ...]) -> set[tuple[str, str]]:
        """The (topic, side) pairs a figure's stance takes, of the sides the topic rules name."""
        taken = dict(stance)
        found = set()
        for topic, (axis, named) in self.sides_named.items():
            value = taken.get(axis, 0)
            side = "plus" if value > 0 else "minus" if value < 0 else None
            if side in named:
                found.add((topic, side))
        return found

    def _learn(self, word: str) -> None:
        """A word met for the first time: its stem, whether it is a content word, the kind of answer it states."""
        self.words_read[word] = word_stem = stem(word)
        if word not in STOPWORDS and word_stem not in self.generic:
            self._content[word] = word_stem
        kind = word_kind(word)
        if kind is not None:
            self._kinds[word] = kind


def tie_break(position: Position) -> tuple:
    """After the score: a figure's own words before reported ones, then article order."""
    return position.kind != "quoted", position.citation.article, position.citation.start


def role_stem(figure: str, name_stem: str) -> str:
    """The pseudo-stem a figure's positions carry for a name in its role: its own, so that a question can
    reach one figure's positions through its role and not another's."""
    return f"@{figure}:{name_stem}"


def role_names(data: Dataset, spoken: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """The stem of each name in a figure's role -> the figures whose role has it. ``spoken``: each figure's
    stems, the words of its positions."""
    found: dict[str, list[str]] = defaultdict(list)
    used = frozenset().union(*spoken.values())
    for persona in data.personas:
        for s in _role_name_stems(persona, data.lexicon, spoken[persona.id], used):
            found[s].append(persona.id)
    return {s: tuple(figures) for s, figures in found.items()}


def _role_name_stems(persona: Persona, lexicon: Lexicon, own: frozenset[str], used: frozenset[str]) -> frozenset[str]:
    """The names in a figure's role, and the other names the topic rules give them that other figures use but
    this one never does (Grok, xAI's model, for the critics of xAI): a question about Grok asks the critics of
    xAI, while Musk, who names Grok, answers with the words that name it. (An other name nobody uses, like
    ChatGPT, stands for its organisation in every question already: see query.QueryReader.)"""
    names = _names_in_role(persona.role, lexicon.generic)
    others = {
        other
        for other, name in lexicon.other_names.items()
        if other in used and other not in own and not names.isdisjoint(content_stems(name))
    }
    return names | others


def _names_in_role(role: str, generic: frozenset[str]) -> frozenset[str]:
    """The stems of the names in a role ("OpenAI" of "OpenAI founder"; not "AI", too common to name anyone, nor
    a title however it is written: "CEO" says what the figure is, not whom a question is about)."""
    names = " ".join(w for w in role_name(role).split() if not w.islower() and w.casefold() not in POST_HOLDERS)
    return frozenset(content_stems(names)) - generic


def index_positions(data: Dataset, reader: TextReader) -> tuple[Index, dict[str, tuple[str, ...]]]:
    """Entries numbered by figure, then tie-break order, so of two equal scores the lower number wins; and the
    names in the figures' roles (see role_names).

    A position is also indexed under the names in its figure's role ("OpenAI" of "OpenAI founder"), as that
    figure's own pseudo-stems (``role_stem``): what Altman says, the OpenAI founder says, so a question about
    OpenAI reaches it, unless it names another figure (see scoring.weigh). The role's title words
    ("founder", "head", "expert") name the figure only as a whole (see query.FigureNames), never a topic: a
    question "heading for an arms race" is not about the Meta AI head."""
    index = Index()
    # Which other names a figure's role takes depends on every figure's words: each figure's stems are
    # gathered as its texts are read, so no text is read twice.
    spoken: dict[int, set[str]] = defaultdict(set)
    for figure_number, persona in enumerate(data.personas):
        for position in sorted(persona.positions, key=tie_break):
            # A date or an amount in a reported position ("sued OpenAI in 2023") is the article's account of
            # what the figure did, not the figure's words: a question asking for one is for the narration.
            tags, stems = reader.read(
                position.text, position.topics, states_facts=position.kind == "quoted", stance=position.stance
            )
            index.add(Entry(tags=tags, position=position, figure=figure_number), stems)
            spoken[figure_number] |= stems
    roles = role_names(data, {p.id: frozenset(spoken[n]) for n, p in enumerate(data.personas)})
    entries_of: dict[int, list[int]] = defaultdict(list)
    for number, entry in enumerate(index.entries):
        entries_of[entry.figure].append(number)
    for figure_number, persona in enumerate(data.personas):
        for name_stem, figures in roles.items():
            if persona.id in figures:
                index.by_stem[role_stem(persona.id, name_stem)] = list(entries_of[figure_number])
    return index, roles


# A capitalised word inside a sentence: after a word (or a comma) and a space, not after a sentence's end.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,] )[^\W\d_a-z][\w'’-]*")
_LOWER_CASE_WORD = re.compile(r"\b[^\W\d_A-Z][\w'’-]*")


def record_names(data: Dataset) -> frozenset[str]:
    """The stems of the names the record's articles use: words written capitalised inside a sentence and
    never in lower case ("Google", "OpenAI", "ChatGPT"; not "Open" at the start of a sentence)."""
    capitalised, lower = set(), set()
    for article in data.articles.values():
        for para in article.paragraphs:
            if para.kind != "body":
                continue  # headings capitalise every word
            capitalised.update(_MID_SENTENCE_CAPITAL.findall(para.text))
            lower.update(_LOWER_CASE_WORD.findall(para.text))
    names = set()
    for word in {w.lower() for w in capitalised} - {w.lower() for w in lower}:
        names.update(stem(w) for w in words(word) if not w.isdigit())
    return frozenset(names)


def index_narration(data: Dataset, reader: TextReader) -> Index:
    """Every body sentence that carries no figure's words: the article's own voice, for a moderator."""
    quoted: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)  # by paragraph
    for persona in data.personas:
        for position in persona.positions:
            c = position.citation
            quoted[c.article, c.paragraph].append((c.start, c.end))
    index = Index()
    for article in data.articles.values():
        for para in article.paragraphs:
            if para.kind != "body":
                continue
            spans = quoted.get((article.id, para.index), ())
            for start, end in article.sentences(para.index):
                if any(s < end and start < e for s, e in spans):
                    continue  # a sentence that carries a figure's words is theirs, not the narrator's
                span = Span(
                    text=article.text[start:end],
                    citation=Citation(article=article.id, paragraph=para.index, start=start, end=end),
                )
                tags, stems = reader.read(span.text)
                index.add(Entry(tags=tags, span=span), stems)
    return index
