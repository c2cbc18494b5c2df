"""The topic rules (``personas/topics.yaml``): topics and their triggers, stance axes, camps, generic words, and
the other names a question may use for what the article names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple, Protocol

from ..errors import DataError, Problem
from ..languages import LANGUAGES, stem_in
from ..text import normalise, stems, words
from .yamlload import LineDict, load_yaml

LEXICON_FILE = "topics.yaml"


class TopicHitLike(Protocol):
    topic: str
    weight: float


class PositionLike(Protocol):
    def stance_on(self, axis: str) -> int | None: ...


_SECTIONS = ("axes", "camps", "topics", "generic", "other_names", "languages")


# The sides of a stance axis a trigger may name ("closed" names the minus side of open vs closed source).
SIDES = ("plus", "minus")


class Trigger(NamedTuple):
    phrase: str
    stems: tuple[str, ...]
    weight: float
    language: str | None = None  # a trigger in another language than English (its stems are that language's)
    side: str | None = None  # the side of its topic's axis it names ("plus", "minus"), if it names one


def sided_topic(topic: str, side: str) -> str:
    """The tag a text carries when it speaks of one side of a topic's axis, or its figure takes that side."""
    return f"{topic}:{side}"


def topic_of_tag(tag: str) -> str:
    """The topic a tag stands for: itself, or the topic whose side it is (``sided_topic``)."""
    return tag.partition(":")[0]


class TopicRule(NamedTuple):
    id: str
    label: str
    triggers: tuple[Trigger, ...]
    axis: str | None = None  # the stance axis a debate on this topic is summed up on, if it has its own


class Axis(NamedTuple):
    id: str
    label: str
    plus: str
    zero: str
    minus: str

    def describe(self, value: int) -> str:
        return self.plus if value > 0 else self.minus if value < 0 else self.zero


class Camp(NamedTuple):
    id: str
    label: str
    colour: int


class Lexicon(NamedTuple):
    """Topic rules, axes and camps as the topic file gives them; nothing here changes after loading."""

    topics: dict[str, TopicRule]
    axes: dict[str, Axis]
    camps: dict[str, Camp]
    generic: frozenset[str]  # stems that never count as content on their own ("ai", "model")
    # stem of another name -> the name it stands for ("chatgpt" -> "OpenAI"): a product for its maker
    other_names: Mapping[str, str] = MappingProxyType({})  # immutable: one default for every Lexicon
    # language code -> every phrase the rules give in it (its triggers and generic words), for reading a
    # question written without spaces
    foreign_terms: Mapping[str, frozenset[str]] = MappingProxyType({})

    def axis_for(self, hits: Iterable[TopicHitLike], positions: Iterable[PositionLike]) -> str:
        """The axis a debate (or a picture of answers) is summed up on: that of the strongest matched topic
        with an axis of its own on which one of ``positions`` takes a side; else the first axis."""
        positions = list(positions)
        for hit in sorted(hits, key=lambda hit: -hit.weight):  # stable: rule order breaks a tie
            axis = self.topics[hit.topic].axis
            if axis is not None and any(p.stance_on(axis) is not None for p in positions):
                return axis
        return next(iter(self.axes))

    @property
    def trigger_words(self) -> frozenset[str]:
        """Every word of every trigger phrase: typo correction prefers these on a tie."""
        return frozenset(
            w for rule in self.topics.values() for t in rule.triggers if t.language is None for w in words(t.phrase)
        )


def _colour(value: object) -> int | None:
    if isinstance(value, str) and re.fullmatch(r"#?[0-9A-Fa-f]{6}", value):
        return int(value.lstrip("#"), 16)
    return None


class _Reader:
    """Reads one topic file, collecting every problem with its line."""

    def __init__(self, path: Path, data: LineDict):
        self.file = str(path)
        self.data = data
        self.problems: list[Problem] = []

    def fail(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, field, message))

    def section(self, name: str) -> LineDict:
        value = self.data.get(name)
        if not isinstance(value, LineDict) or not value:
            self.fail(self.data.line_of(name), name, "must be a non-empty mapping")
            return LineDict()
        return value

    def line(self, spec: object) -> int:
        return getattr(spec, "line", self.data.line)

    def axes(self) -> dict[str, Axis]:
        axes = {}
        for axis_id, spec in self.section("axes").items():
            fields = ("label", "plus", "zero", "minus")
            if not isinstance(spec, LineDict) or not all(isinstance(spec.get(k), str) for k in fields):
                self.fail(self.line(spec), f"axes.{axis_id}", "needs label, plus, zero and minus as text")
                continue
            axes[axis_id] = Axis(
                id=axis_id, label=spec["label"], plus=spec["plus"], zero=spec["zero"], minus=spec["minus"]
            )
        return axes

    def camps(self) -> dict[str, Camp]:
        camps = {}
        for camp_id, spec in self.section("camps").items():
            colour = _colour(spec.get("colour")) if isinstance(spec, LineDict) else None
            if not isinstance(spec, LineDict) or not isinstance(spec.get("label"), str) or colour is None:
                self.fail(self.line(spec), f"camps.{camp_id}", 'needs a label and a colour like "#2E9E5B"')
                continue
            camps[camp_id] = Camp(id=camp_id, label=spec["label"], colour=colour)
        return camps

    def topics(self, axes: dict[str, Axis]) -> dict[str, TopicRule]:
        topics = {}
        for topic_id, spec in self.section("topics").items():
            where = f"topics.{topic_id}"
            if not isinstance(spec, LineDict) or not isinstance(spec.get("triggers"), list) or not spec["triggers"]:
                self.fail(self.line(spec), where, "needs a label and a list of triggers")
                continue
            triggers = [self.trigger(raw, spec, where) for raw in spec["triggers"]]
            axis = spec.get("axis")
            if axis is not None and axis not in axes:
                self.fail(spec.line_of("axis"), f"{where}.axis", f"unknown axis {axis!r} (known: {', '.join(axes)})")
                axis = None
            if axis is None and any(t is not None and t.side for t in triggers):
                self.fail(self.line(spec), f"{where}.triggers", "a trigger names a side, but the topic has no axis")
            topics[topic_id] = TopicRule(
                id=topic_id,
                label=str(spec.get("label") or topic_id.replace("_", " ")),
                triggers=tuple(t for t in triggers if t is not None),
                axis=axis,
            )
        return topics

    def trigger(self, raw: object, spec: LineDict, where: str, language: str | None = None) -> Trigger | None:
        fields = raw if isinstance(raw, LineDict) else {"phrase": raw}
        phrase, weight, side = fields.get("phrase"), fields.get("weight", 1.0), fields.get("side")
        if (
            isinstance(phrase, str)
            and stems(phrase)
            and isinstance(weight, (int, float))
            and 0 < weight <= 1
            and (side is None or side in SIDES)
            and set(fields) <= {"phrase", "weight", "side"}
        ):
            found = stems(phrase) if language is None else tuple(stem_in(language, w) for w in words(phrase))
            return Trigger(phrase=phrase, stems=found, weight=float(weight), language=language, side=side)
        line = raw.line if isinstance(raw, LineDict) else spec.line_of("triggers")
        shape = "text, or {phrase: text, weight: 0..1, side: plus or minus}"
        self.fail(line, f"{where}.triggers", f"bad trigger {raw!r}: {shape}")
        return None

    def generic(self) -> frozenset[str]:
        raw = self.data.get("generic", [])
        if not isinstance(raw, list) or not all(isinstance(g, str) for g in raw):
            self.fail(self.data.line_of("generic"), "generic", "must be a list of words")
            return frozenset()
        return frozenset(s for phrase in raw for s in stems(phrase))

    def other_names(self) -> dict[str, str]:
        raw = self.data.get("other_names", {})
        found: dict[str, str] = {}
        if not isinstance(raw, LineDict):
            self.fail(self.data.line_of("other_names"), "other_names", "must map a name to its other names")
            return found
        for name, others in raw.items():
            where = f"other_names.{name}"
            if not isinstance(others, list) or not others or not all(isinstance(o, str) for o in others):
                self.fail(raw.line_of(name), where, "must be a list of other names, one word each")
                continue
            for other in others:
                other_stems = stems(other)
                if len(other_stems) != 1 or not stems(str(name)):
                    self.fail(raw.line_of(name), where, f"{other!r}: an other name is one word")
                else:
                    found[other_stems[0]] = str(name)
        return found

    def languages(self, topics: dict[str, TopicRule]) -> tuple[dict[str, list[Trigger]], frozenset[str], dict]:
        """Triggers and generic words in other languages: per topic its foreign triggers, the generic words'
        stems, and per language every phrase it gives."""
        raw = self.data.get("languages", LineDict())
        triggers: dict[str, list[Trigger]] = {}
        generic: set[str] = set()
        terms: dict[str, frozenset[str]] = {}
        if not isinstance(raw, LineDict):
            self.fail(self.data.line_of("languages"), "languages", "must map a language code to its words")
            return triggers, frozenset(), terms
        for code, spec in raw.items():
            where = f"languages.{code}"
            if code not in LANGUAGES or not isinstance(spec, LineDict):
                known = ", ".join(LANGUAGES)
                self.fail(raw.line_of(code), where, f"a language code ({known}) with its generic words and topics")
                continue
            phrases = spec.get("generic", [])
            if not isinstance(phrases, list) or not all(isinstance(g, str) for g in phrases):
                self.fail(spec.line_of("generic"), f"{where}.generic", "must be a list of words")
                phrases = []
            generic.update(stem_in(code, w) for g in phrases for w in words(g))
            by_topic = spec.get("topics", LineDict())
            if not isinstance(by_topic, LineDict):
                self.fail(spec.line_of("topics"), f"{where}.topics", "must map a topic to its triggers")
                by_topic = LineDict()
            for topic_id, entries in by_topic.items():
                if topic_id not in topics or not isinstance(entries, list):
                    self.fail(by_topic.line_of(topic_id), f"{where}.topics.{topic_id}", "a known topic with a list")
                    continue
                found = [self.trigger(e, by_topic, f"{where}.topics.{topic_id}", code) for e in entries]
                triggers.setdefault(topic_id, []).extend(t for t in found if t is not None)
                phrases += [t.phrase for t in found if t is not None]
            terms[code] = frozenset(normalise(p) for p in phrases)
        return triggers, frozenset(generic), terms

    def unknown_sections(self) -> None:
        for key in sorted(set(self.data) - set(_SECTIONS)):
            expected = ", ".join(_SECTIONS)
            self.fail(self.data.line_of(key), key, f"unknown section (expected {expected})")


def load_lexicon(folder: Path) -> Lexicon:
    """The topic file in a persona folder; raises DataError listing every problem."""
    path = folder / LEXICON_FILE
    if not path.exists():
        raise DataError.single(path, 1, "topics", "topic lexicon file not found")
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise DataError.single(path, 1, "topics", "must be a mapping with axes, camps and topics")
    reader = _Reader(path, data)
    axes = reader.axes()
    camps, topics, generic = reader.camps(), reader.topics(axes), reader.generic()
    foreign, foreign_generic, terms = reader.languages(topics)
    for topic_id, triggers in foreign.items():
        topics[topic_id] = topics[topic_id]._replace(triggers=topics[topic_id].triggers + tuple(triggers))
    lexicon = Lexicon(
        topics=topics,
        axes=axes,
        camps=camps,
        generic=generic | foreign_generic,
        other_names=reader.other_names(),
        foreign_terms=terms,
    )
    reader.unknown_sections()
    if reader.problems:
        raise DataError(reader.problems)
    return lexicon
