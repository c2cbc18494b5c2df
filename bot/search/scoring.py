"""How much of a question a text answers, weighed in bits of information.

Each content word of the question weighs its information in general English (bot.lexical: "window" weighs
more than "open"); a name the record uses weighs like a rare word. A text explains a word through its own
words (its figure's role included), through a WordNet relative of the word (at RELATED_SHARE), or through a
topic it carries whose trigger the word fired (at the trigger's weight). A word the article uses only as a
name ("Whisper", "Tesla"), typed as everyday English, is explained at NAME_AS_WORD_SHARE by the first three
routes: it may be the name, or the word in its everyday sense.

What a text leaves unexplained counts against it: in full for a name the record uses (a question about Google
is not answered by a position that never names Google; a word of everyday English typed in lower case is that
word, not a name), at OFF_RECORD_SHARE for a noun the record never speaks of, in full for a word only the narration speaks of, and at ELSEWHERE_SHARE for a word another position answers and for a verb,
adjective or adverb (WordNet's dominant part of speech: how the question asks), since one question may ask
several things. A topic nearly every position carries (the record's background: open source in the seed)
explains its word in full for a text that carries the question's other theme too, and only at
BACKGROUND_TAG_SHARE for a text that carries the background alone, when the question asks about another theme. A
name says whom or what a question is about: a text explaining the question's names and nothing else of it,
and carrying none of the topics it fired, does not answer a question that asks something about them
("who sits on openai's board"), whatever the names weigh. With E the bits a
text explains and L what its unexplained words count against it, the text
answers the question when E / (E + L) reaches THRESHOLD.

That test is linear in what the text explains: each question word w of bits b and cost c (b times its share)
adds b * (1 - THRESHOLD) + c * THRESHOLD to the text's score for every route that
explains it, and the text speaks when the score reaches THRESHOLD times the question's total cost
(``Weights.bar``). So every text is scored by sums over posting lists, and the array scorer for large
records needs nothing else.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Set
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from .. import lexical
from ..data.lexicon import sided_topic, topic_of_tag
from ..query import ASKS_SOMETHING_BITS, BASELINE_BITS, QueryAnalysis, TopicHit
from .index import role_stem

if TYPE_CHECKING:
    from .index import Index

# A figure speaks on a topic only when its best position answers at least half of the question.
THRESHOLD = 0.5
# What a word the record answers elsewhere counts against a text that does not answer it, as a share of the
# word's information: a question may ask several things, and a text may answer one of them.
ELSEWHERE_SHARE = 0.5
# A topic carried by at least this share of a record's positions is its background (open source, in the seed);
# when a question asks about another theme as well, a text carrying the background tag without that theme
# explains the background's word at BACKGROUND_TAG_SHARE: less than half, so that the background alone never
# answers a question about something else ("is open source AI more dangerous than closed models?").
BACKGROUND_POSITIONS = 0.8
BACKGROUND_TAG_SHARE = 0.4
# What a noun the record never speaks of counts against a text, as a share of its information: more than all
# of it, since such a word says the question is about something else ("what was a panacea in ancient medicine").
OFF_RECORD_SHARE = 1.25
# A name the record uses weighs what a word unknown to English does, however common it is ("Google", "Meta"):
# what matters is which of the record's organisations and people the question is about.
NAME_BITS = lexical.MAX_INFORMATIVENESS - BASELINE_BITS
# What a text naming something explains of the same word typed as everyday English: the article's "Whisper"
# (a model) may or may not be the "whisper" of "how do I whisper to my baby", so it explains half.
NAME_AS_WORD_SHARE = 0.5


class Weights(NamedTuple):
    """What a question asks of a text: per topic and per stem, what a text carrying it scores."""

    topics: list[tuple[str, float]]
    words: list[tuple[str, float]]
    cost: float  # what the question's words count against a text that explains none of them
    requires: str | None = None  # the pseudo-stem of the kind of answer asked for: a text without it cannot answer
    # The background topics that explain only in part here, for a text carrying none of ``themes``, the other
    # topics the question asks about (empty when it asks about the background alone).
    background: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    # Per figure, the question's stems its role explains (the stem of "OpenAI" for the OpenAI founder).
    by_role: Mapping[str, frozenset[str]] = MappingProxyType({})  # immutable: one default for every Weights
    # The stems through which a text explains the names the question uses (the names', their relatives' and
    # the roles' pseudo-stems), and, when it asks something about them, every topic its own words fired (not
    # one reached through a WordNet relative): a text that explains the names alone and carries none of those
    # topics does not answer (``names_alone``).
    names: frozenset[str] = frozenset()
    own_topics: frozenset[str] = frozenset()
    # Whether the question asks about something besides the names it uses: a noun of it that is no name.
    asks_beyond_names: bool = False

    @property
    def asked_topics(self) -> frozenset[str] | None:
        """The topics that keep a name-only text in play, when the question uses names and asks something about
        them; None when a name-only text may answer (see names_alone)."""
        return self.own_topics if self.names and self.asks_beyond_names else None

    def topic_share(self, topic: str, tags: dict[str, float]) -> float:
        """What a text with these tags makes of the question's coefficient for ``topic``."""
        if topic in self.background and tags.keys().isdisjoint(self.themes):
            return BACKGROUND_TAG_SHARE
        return 1.0

    def background_alone(self, tags: Mapping[str, float]) -> bool:
        """Whether a text with these tags carries the background topic but none of the question's other themes.
        Explaining none of the question's words besides, such a text does not answer, however light the other
        theme's words are: the background says what the whole debate is about, not what was asked."""
        return (
            bool(self.background)
            and tags.keys().isdisjoint(self.themes)
            and not tags.keys().isdisjoint(self.background)
        )

    def names_alone(self, tags: Mapping[str, float], explains_another_word: bool) -> bool:
        """Whether a text with these tags, explaining a name of the question but no other word of it, says
        only whom or what the question is about while it asks something about them: such a text does not
        answer ("who sits on openai's board" is not answered by every position that names OpenAI)."""
        return self.asked_topics is not None and not explains_another_word and self.asked_topics.isdisjoint(tags)

    def bar(self) -> float:
        """The score a text must reach to answer enough of the question."""
        return THRESHOLD * self.cost

    def scale(self) -> float:
        """What turns a text's score into its share of the question (THRESHOLD at the bar)."""
        bar = self.bar()
        return THRESHOLD / bar if bar > 0 else math.inf

    def share(self, score: float) -> float:
        """A text's score as the share of the question it answers, THRESHOLD at the bar. Not capped at 1: a
        text that explains a word by more than one route, or explains all of it, scores past 1, and texts
        stay in the order of what they explain. The array scorer computes the same, ``score * scale``, for
        every figure at once."""
        return score * self.scale() if score > 0 else 0.0


def weigh(
    analysis: QueryAnalysis,
    record_stems: Set[str],
    record_names: Set[str],
    background: Set[str] = frozenset(),
    roles: Mapping[str, tuple[str, ...]] | None = None,
    spoken_stems: Set[str] | None = None,
) -> Weights:
    """The question's words as what texts explaining them score: a word of a topic trigger that fired through
    the tag of the strongest topic it triggers, any other through the word itself or a relative (and the
    topic a relative triggers, if one does). ``record_stems`` are the stems of every text of the record,
    ``spoken_stems`` those of the figures' positions (all of the record's when not given); ``background``
    holds the topics nearly every text carries; ``roles`` the figures whose role has a name (the stem of
    "OpenAI" -> "altman")."""
    spoken_stems = record_stems if spoken_stems is None else spoken_stems
    roles = roles or {}
    # A figure's role explains the name of the organisation it speaks for, unless the question names another
    # figure: "did musk quit openai" is about Musk, and OpenAI's founder does not answer it by his title.
    named = analysis.focus
    topics: dict[str, float] = defaultdict(float)
    words: dict[str, float] = defaultdict(float)
    cost = 0.0
    by_role: dict[str, set[str]] = defaultdict(set)
    name_stems: set[str] = set()
    asks_beyond_names = False
    # A word of a trigger that fired is explained once, through the strongest topic it triggers: a text with
    # the word carries the tag. A word that reached a topic only through a relative is explained by that
    # topic, and by the word itself or a relative as well, since a text with it carries no tag.
    by_stem = _strongest_hits(analysis)
    strongest = {w.stem: by_stem.get(w.stem) for w in analysis.asked}
    # A topic asked about on one side of its axis alone is explained through that side's tag: by the texts that
    # speak of that side or whose figure takes it ("LeCun on closed models" is not answered by "open source
    # promotes global competition"), not by every text on the topic.
    sides = analysis.sides
    tag_of = {topic: sided_topic(topic, side) for topic, side in sides.items()}
    # A question that asks about another theme besides the background topic: the background tag alone says
    # what the debate is about, not what was asked ("can you have openness and safety at the same time").
    themes = frozenset(
        hit.topic
        for hit in strongest.values()
        if hit and not hit.how.startswith("related:") and hit.topic not in background
    )
    for word in analysis.asked:
        name = word.stem in record_names and not word.everyday
        bits = max(word.bits, NAME_BITS) if name else word.bits
        # A name is what the question is about: only a text naming it explains it, never a topic its name is a
        # trigger of ("how will the EU AI Act be enforced" is not answered by every call for regulation).
        hit = None if name else strongest[word.stem]
        known = hit is not None or word.stem in record_stems or any(r.stem in record_stems for r in word.relatives)
        spoken = hit is not None or word.stem in spoken_stems or any(r.stem in spoken_stems for r in word.relatives)
        # A word another position answers, or a verb, adjective or adverb (how the question asks), may be
        # another part of the question than the one a text answers; a name the record uses, a word only the
        # narration speaks of (a fact it reports: "Which Chinese companies ...?") or a noun the record never
        # speaks of is the question itself.
        side_part = (spoken and not name) or word.frame
        own_cost = bits * ELSEWHERE_SHARE if side_part else bits * (1.0 if known or name else OFF_RECORD_SHARE)
        cost += own_cost
        gain = bits * (1 - THRESHOLD) + own_cost * THRESHOLD
        if hit is not None:
            topics[tag_of.get(hit.topic, hit.topic)] += gain * hit.weight
        if not name and not word.frame and word.bits >= ASKS_SOMETHING_BITS:
            asks_beyond_names = True
        if hit is None or hit.how.startswith("related:"):
            if word.stem in record_names and word.everyday:
                gain *= NAME_AS_WORD_SHARE  # by the text's words, a relative or a role alike
            explaining = [(word.stem, gain), *((r.stem, gain * r.share) for r in word.relatives)]
            for found, share in ((word.stem, 1.0), *((r.stem, r.share) for r in word.relatives)):
                for figure in roles.get(found, ()):
                    if not named or figure in named:
                        explaining.append((role_stem(figure, found), gain * share))
                        by_role[figure].add(word.stem)
            for found, score in explaining:
                words[found] += score
            if name:
                name_stems.update(found for found, _ in explaining)
    return Weights(
        topics=[(t, score) for t, score in topics.items() if score > 0],
        words=[(s, score) for s, score in words.items() if score > 0],
        cost=cost,
        requires=analysis.wants,
        background=frozenset(background) | {tag_of[t] for t in background if t in tag_of} if themes else frozenset(),
        themes=themes,
        by_role={figure: frozenset(found) for figure, found in by_role.items()},
        names=frozenset(name_stems),
        own_topics=frozenset(h.topic for h in analysis.hits if not h.how.startswith("related:")),
        asks_beyond_names=asks_beyond_names,
    )


def _strongest_hits(analysis: QueryAnalysis) -> dict[str, TopicHit]:
    """Per stem, the strongest topic hit on it: its own triggers before those reached through a relative,
    then the highest weight, then the first in the question's order of hits. One pass over the hits."""
    strongest: dict[str, tuple[tuple[bool, float], TopicHit]] = {}
    for hit in analysis.hits:
        rank = (not hit.how.startswith("related:"), hit.weight)
        for word_stem in hit.stems:
            held = strongest.get(word_stem)
            if held is None or rank > held[0]:
                strongest[word_stem] = (rank, hit)
    return {word_stem: hit for word_stem, (_, hit) in strongest.items()}


def background_topics(positions: Index) -> frozenset[str]:
    """The topics at least BACKGROUND_POSITIONS of the positions carry: what the whole debate is about. A side's
    tag is not a topic of its own: it is background where its topic is (weigh)."""
    total = len(positions.entries)
    return frozenset(
        topic
        for topic, tagged in positions.by_topic.items()
        if total
        and topic_of_tag(topic) == topic
        and len({number for number, _ in tagged}) >= BACKGROUND_POSITIONS * total
    )
