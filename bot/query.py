"""A user's topic, read: checked, the figures it names found, split into stems, typos corrected towards the
record's words, each word weighed and given its WordNet relatives, topics found.

Nothing here knows a figure by name: names come from the personas, words from the topic rules, the texts
of the record and the lexical data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from . import clauses, languages, lexical
from .data.lexicon import Lexicon, Trigger
from .errors import UsageError
from .kinds import kind_asked, kind_asked_in
from .spelling import CORRECTIONS_KEPT, FigureNames, Vocabulary, is_common
from .text import STOPWORDS, stem, stems, words

MAX_TOPIC_LENGTH = 200
# A WordNet relative explains a question word at this share of the word itself: it may be another sense, so
# it counts like the topic rules' broad everyday triggers (0.6-0.7).
RELATED_SHARE = 0.7
# A trigger reached through a corrected typo counts a little less than one typed right.
_FUZZY_WEIGHT = 0.9
# Information is counted above that of a word met once in a thousand (Zipf 6, about 10 bits): words that
# common ("take", "good", "make") say how a question is asked rather than what it is about.
BASELINE_BITS = 10.0
# What a word of another language weighs: an everyday content word's information (Zipf 4), since how rare it
# is in English says nothing of how rare it is in its own language.
FOREIGN_BITS = (9.0 - 4.0) * math.log2(10) - BASELINE_BITS
# What is left of a question beside a figure's name asks something when a word carries at least this much.
ASKS_SOMETHING_BITS = 1.0
# Words in quote marks ("who said 'open-source heaven into profit hell'"); an apostrophe inside a word
# ("who's") opens and closes nothing.
_QUOTED = re.compile(r"(?<!\w)[\"“”'‘’«„](?P<words>[^\"“”‘’«»„]+?)[\"“”'’»](?!\w)")
# Fewer quoted words are a span of many positions: the quote check's own bound (bot.verify.MIN_WORDS, not
# imported: `ask` leaves the quote checker unloaded until a question quotes someone).
QUOTED_MIN_WORDS = 3
# A question for who said something: "who said ...", "whose line is ...", "who tweeted it".
_WHO_SAID = re.compile(
    r"\b(?:whose|who(?:['’]s)?\b.*\b(?:said|says|say|saying|wrote|writes|tweeted|posted|claimed|quoted|line))\b",
    re.IGNORECASE,
)
# A contraction typed without its apostrophe ("isnt", "dont") is the contraction, unless the bare form is a
# word of its own that WordNet knows ("well", "ill", "cant").
_BARE_CONTRACTIONS = {w.replace("'", "").replace("’", ""): w for w in sorted(STOPWORDS) if "'" in w or "’" in w}


def check_topic(topic: str) -> str:
    """The topic as the engine takes it (whitespace collapsed), or a UsageError a user can act on."""
    text = " ".join(topic.split())
    if not text:
        raise UsageError("the topic is empty; say what the debate is about, e.g. 'regulation'")
    if len(text) > MAX_TOPIC_LENGTH:
        raise UsageError(f"the topic is {len(text)} characters long; the limit is {MAX_TOPIC_LENGTH}")
    return text


# A question's reading is made for every query, so its records are NamedTuples like the ranker's answers
# (bot/search/records.py): immutable like a frozen dataclass, cheaper to build and to define at import.


class TopicHit(NamedTuple):
    """One topic found in a text: which trigger fired, how, and how strongly."""

    topic: str
    trigger: str
    how: str  # "exact", "fuzzy:<query word>" or "related:<query word>~<its relative>"
    weight: float
    stems: tuple[str, ...]  # the trigger's stems, which the text contains in a row
    side: str | None = None  # the side of the topic's axis the trigger names ("minus" for "closed"), if any


class Relative(NamedTuple):
    """A word related to a question word, as a stem that can be found in a text, and where it comes from."""

    stem: str
    relation: lexical.Relation
    share: float = RELATED_SHARE  # what explaining the word through it is worth, of the word itself


class AskedWord(NamedTuple):
    """A content word of the question (beside any figure's name): what it weighs and what else may explain it."""

    word: str  # as read: the record's word where a typo was corrected
    stem: str
    bits: float  # its information above BASELINE_BITS, from general-English frequencies
    relatives: tuple[Relative, ...]  # its WordNet relatives' stems, other than the question's own
    frame: bool = False  # a verb, adjective or adverb: how the question asks ("ignoring", "strongest") more
    # than what it is about, which a noun says
    everyday: bool = False  # a word of everyday English typed in lower case: that word, even where the
    # record uses it as a name ("how do I whisper to my baby" is not about OpenAI's Whisper)


class Mention(NamedTuple):
    """A figure the question names, and the words that name it."""

    figure: str
    words: tuple[str, ...]
    bits: float  # the information of those words


class QueryAnalysis(NamedTuple):
    text: str
    stems: tuple[str, ...]  # distinct content stems after typo correction, in query order, names left out
    corrections: tuple[tuple[str, str], ...]  # (query word, vocabulary word) pairs
    hits: tuple[TopicHit, ...]  # in the order of the topic rules
    topics: dict[str, float]  # topic -> weight of its strongest hit
    asked: tuple[AskedWord, ...] = ()  # the content words, once each, names left out
    mentions: tuple[Mention, ...] = ()  # figures named, in the order the question names them
    clauses: tuple[QueryAnalysis, ...] = ()  # each clause that asks something, read alone, when there are several
    wants: str | None = None  # the kind of answer asked for (QUANTITY, DATE, MEANING, HOLDER), which a text must state
    language: str | None = None  # the other language than English the question is read in ("es")
    quoted: tuple[str, ...] = ()  # words in quote marks (three or more) of a question asking who said them
    refers_back: bool = False  # a clause whose subject points back at the rest of the question ("is that fair?")

    @property
    def parts(self) -> tuple[QueryAnalysis, ...]:
        """What a text may answer: the whole question, or one of the clauses that ask something."""
        return (self, *self.clauses)

    @property
    def focus(self) -> frozenset[str]:
        return frozenset(m.figure for m in self.mentions)

    @property
    def sides(self) -> dict[str, str]:
        """Topic -> the one side of its axis the question names, where every trigger of it that fired names that
        side ("LeCun on closed models"; not "open vs closed", nor "closed" beside "open source")."""
        named: dict[str, set[str | None]] = {}
        for hit in self.hits:
            named.setdefault(hit.topic, set()).add(hit.side)
        return {topic: next(iter(sides)) for topic, sides in named.items() if len(sides) == 1 and None not in sides}


class TopicFinder:
    """Finds the topic rules whose trigger phrases occur in a run of stems."""

    def __init__(self, lexicon: Lexicon):
        # Triggers of one topic that stem alike keep the lower weight: a stem shared with a broad word is
        # as broad ("openness" must not make "open" count fully).
        weakest: dict[tuple[str, tuple[str, ...]], float] = {}
        for rule in lexicon.topics.values():
            for trigger in rule.triggers:
                key = (rule.id, trigger.stems)
                weakest[key] = min(weakest.get(key, trigger.weight), trigger.weight)
        self._by_first_stem: dict[str, list[tuple[int, str, Trigger]]] = {}
        for number, rule in enumerate(lexicon.topics.values()):
            for trigger in rule.triggers:
                weight = weakest[rule.id, trigger.stems]
                if weight < trigger.weight:
                    trigger = trigger._replace(weight=weight)
                self._by_first_stem.setdefault(trigger.stems[0], []).append((number, rule.id, trigger))

    def find(self, text_stems: tuple[str, ...], fuzzy: dict[str, str] | None = None) -> list[TopicHit]:
        """Every trigger that occurs in order, at most _GAP stems apart (the strongest of a topic's triggers that stem
        alike), in rule order, then text order: each names a part of the question its topic explains.
        ``fuzzy`` maps stems reached through a corrected typo to the word that was typed."""
        best: dict[tuple[int, tuple[str, ...]], tuple[int, TopicHit]] = {}
        for at, number, topic, trigger in self._occurrences(text_stems):
            run = trigger.stems
            typed = next((fuzzy[s] for s in run if s in fuzzy), None) if fuzzy else None
            hit = TopicHit(
                topic=topic,
                trigger=trigger.phrase,
                how="exact" if typed is None else f"fuzzy:{typed}",
                weight=trigger.weight if typed is None else trigger.weight * _FUZZY_WEIGHT,
                stems=run,
                side=trigger.side,
            )
            key = (number, run)
            if key not in best or hit.weight > best[key][1].weight:
                best[key] = (at, hit)
        return [best[key][1] for key in sorted(best, key=lambda key: (key[0], best[key][0]))]

    def _occurrences(self, text_stems: tuple[str, ...]) -> Iterator[tuple[int, int, str, Trigger]]:
        """Each trigger occurring in order, at most _GAP stems apart: (where it starts, its rule's number, topic, trigger)."""
        for at, first in enumerate(text_stems):
            for number, topic, trigger in self._by_first_stem.get(first, ()):
                if _in_order(trigger.stems, text_stems, at):
                    yield at, number, topic, trigger

    def through_relatives(self, asked: Iterable[AskedWord], taken: set[str]) -> list[TopicHit]:
        """Topics a question word reaches through a WordNet relative that is a one-word trigger ("concentrated"
        ~ concentration), at the relative's share of the trigger's weight, for words no trigger of their own took."""
        found: dict[tuple[str, str], TopicHit] = {}
        for word in asked:
            if word.stem in taken:
                continue
            for relative in word.relatives:
                for _, topic, trigger in self._by_first_stem.get(relative.stem, ()):
                    hit = TopicHit(
                        topic=topic,
                        trigger=trigger.phrase,
                        how=f"related:{word.word}~{relative.relation.word}",
                        weight=trigger.weight * relative.share,
                        stems=(word.stem,),
                        side=trigger.side,
                    )
                    key = (topic, word.stem)
                    if len(trigger.stems) == 1 and (key not in found or hit.weight > found[key].weight):
                        found[key] = hit
        return list(found.values())

    def topics(self, text_stems: tuple[str, ...]) -> tuple[dict[str, float], frozenset[tuple[str, str]]]:
        """Topic -> weight of its strongest trigger in a source text (matched exactly), and the (topic, side)
        pairs of the sides its triggers name. Every source text of the record is read so at a cold start, so
        no TopicHit is made for it."""
        found: dict[str, float] = {}
        sides: set[tuple[str, str]] = set()
        for _, _, topic, trigger in self._occurrences(text_stems):
            found[topic] = max(found.get(topic, 0.0), trigger.weight)
            if trigger.side:
                sides.add((topic, trigger.side))
        return found, frozenset(sides)


# A trigger's words may have one other word between them: people qualify a phrase ("a few big companies",
# "share AI freely"). The word between still counts as asked.
_GAP = 1


def _in_order(run: tuple[str, ...], text: tuple[str, ...], at: int) -> bool:
    """Whether the stems of ``run`` follow ``text[at]`` in order, each at most _GAP stems after the last."""
    here = at + 1
    for wanted in run[1:]:
        window = text[here : here + 1 + _GAP]
        if wanted not in window:
            return False
        here += window.index(wanted) + 1
    return True


class QueryReader:
    """Reads a user's topic against the topic rules, the record's vocabulary and its figures' names."""

    def __init__(
        self,
        lexicon: Lexicon,
        vocabulary: Vocabulary,
        finder: TopicFinder,
        names: FigureNames,
        spoken: frozenset[str] = frozenset(),
        channels: frozenset[str] = frozenset(),
    ):
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.finder = finder
        self.names = names
        # Where the figures said what they said ("posted on Weibo", "on X"; "Twitter", another name of X): how a
        # question asks for a position ("kaifu lee weibo post"), never what it is about.
        self.channels = channels | {s for s, name in lexicon.other_names.items() if stem(name) in channels}
        # Another name stands for what it names only where no figure uses it: a question about Grok is
        # answered by the positions that name Grok, not once more by every position naming xAI.
        self.other_names = {s: name for s, name in lexicon.other_names.items() if s not in spoken}
        self.foreign = languages.ForeignReader(
            lexicon.foreign_terms,
            {p for p in names.phrases if languages.is_unspaced(p)},
            record_stems=vocabulary.stems,
            other_names=self.other_names,
        )

    def analyse(self, query: str) -> QueryAnalysis:
        """The question read whole and, when it asks several things, each clause that asks something read
        alone ("..., or does that just create more risk for everyone?")."""
        query = query[:MAX_TOPIC_LENGTH]
        # The language is the whole question's: a short clause may hold too few function words to tell.
        language = self.foreign.language_of(query, _typed(query))
        whole = self._read(query, language)
        quoted = tuple(
            found["words"].strip()
            for found in _QUOTED.finditer(query)
            if len(words(found["words"])) >= QUOTED_MIN_WORDS
        )
        if quoted and _WHO_SAID.search(_QUOTED.sub(" ", query)):
            whole = whole._replace(quoted=quoted)
        parts = clauses.split(query)
        if len(parts) < 2:
            return whole
        asking = [self._read(text, language)._replace(refers_back=back) for text, back in clauses.asking(query)]
        asking = [c for c in asking if c.asked]
        # The question asks for the kind of answer its first clause asks for ("what does panacea mean? my
        # teacher used it" asks for a meaning, however it goes on).
        wants = whole.wants or kind_asked([_with_apostrophe(w) for w in words(parts[0])])
        return whole._replace(clauses=tuple(asking), wants=wants)

    def _read(self, query: str, language: str | None) -> QueryAnalysis:
        typed = _typed(query)
        if language is not None:
            typed = self.foreign.words(typed, language)
        capitalised = {w.casefold() for w in re.findall(r"\b[A-Z][\w'’]*", query)}
        # In another language, a word capitalised after the first is a name or (in German) a noun: what the
        # question is about. Any other word no trigger reads may as well be a verb or an adjective, which say
        # how it asks ("Brauchen wir strengere Gesetze?"): it counts as one (AskedWord.frame).
        inner_capitals = _capitalised_after_first(query) if language is not None else frozenset()
        named = self.names.find([self._as_named(w) for w in typed])
        name_places = {at for places in named.values() for at in places}
        all_stems: list[str] = []
        corrections: list[tuple[str, str]] = []
        fuzzy: dict[str, str] = {}  # stem reached through a correction -> the word typed
        asked: dict[str, AskedWord] = {}
        held_back: dict[str, str] = {}  # stop words, by stem, as read: content only where a trigger holds them
        places: dict[str, int] = {}  # where each stem is first typed
        for at, word in enumerate(typed):
            if at in name_places:
                all_stems.append("")  # a name is not a matching word, and no trigger runs across it
                continue
            foreign = self.foreign.read(language, word) if language is not None else None
            if foreign is not None:  # a word of the question's own language: only its triggers explain it
                foreign_stem, content = foreign
                all_stems.append(foreign_stem)
                places.setdefault(foreign_stem, at)
                if content and len(word) > 1 and foreign_stem not in self.lexicon.generic and foreign_stem not in asked:
                    asked[foreign_stem] = AskedWord(
                        word=word, stem=foreign_stem, bits=FOREIGN_BITS, relatives=(), frame=word not in inner_capitals
                    )
                continue
            word_stem, read = stem(word), word
            known = word_stem in self.vocabulary.stems or word_stem in self.other_names
            # A word WordNet knows is that word, however rare, not a typo of a record word ("moat", "spitting").
            if not known and word not in STOPWORDS and not is_common(word) and lexical.part_of_speech(word) is None:
                fixed = self.vocabulary.correct(word)
                if fixed is not None:
                    word_stem, read = stem(fixed), fixed
                    corrections.append((word, fixed))
                    fuzzy[word_stem] = word
            all_stems.append(word_stem)
            # A single letter ("r u sure") is no topic; nor is a stop word or a word too common in the record; nor
            # a noun of an amount before "of", which says how many as "few" does ("a handful of big firms").
            quantity = typed[at + 1 : at + 2] == ["of"] and lexical.is_quantity(read)
            content = (
                not quantity
                and read not in STOPWORDS
                and len(read) > 1
                and word_stem not in self.lexicon.generic
                and word_stem not in self.channels
            )
            if word_stem not in asked and word_stem not in held_back:
                if content:
                    asked[word_stem] = self._asked(
                        read, word_stem, everyday=is_common(read) and read not in capitalised
                    )
                elif len(read) > 1 and word_stem not in self.lexicon.generic:
                    held_back[word_stem] = read
            places.setdefault(word_stem, at)
        hits = self.finder.find(tuple(all_stems), fuzzy)
        # A stop word is content where a topic's trigger holds it: "AI for everyone" asks about access for all.
        in_triggers = {s for hit in hits for s in hit.stems}
        for word_stem, read in held_back.items():
            if word_stem in in_triggers:
                asked[word_stem] = self._asked(read, word_stem, everyday=True)
        asked = dict(sorted(asked.items(), key=lambda item: places[item[0]]))  # in the question's order
        own = set(asked)
        kept = tuple(_without_own_relatives(w, own) for w in asked.values())
        hits = tuple(hits + self.finder.through_relatives(kept, {s for hit in hits for s in hit.stems}))
        topics: dict[str, float] = {}
        for hit in hits:
            topics[hit.topic] = max(topics.get(hit.topic, 0.0), hit.weight)
        return QueryAnalysis(
            text=query,
            stems=tuple(asked),
            corrections=tuple(corrections),
            hits=hits,
            topics=topics,
            asked=kept,
            wants=kind_asked(typed) if language is None else kind_asked_in(language, typed),
            language=language,
            mentions=tuple(
                Mention(figure=figure, words=tuple(typed[i] for i in places), bits=_bits_of(typed[i] for i in places))
                for figure, places in sorted(named.items(), key=lambda item: min(item[1]))
            ),
        )

    def _as_named(self, word: str) -> str:
        """Another name of an organisation, read as its name where figures are named: "Zuck's AI chief" is
        the Meta AI head."""
        name = self.lexicon.other_names.get(stem(word))
        return words(name)[0] if name is not None else word

    def _asked(self, word: str, word_stem: str, everyday: bool) -> AskedWord:
        """The word with its WordNet relatives and, when the topic rules give it as another name for
        something the article names ("ChatGPT" for OpenAI), that name first."""
        asked = _asked(word, word_stem, everyday)
        name = self.other_names.get(word_stem)
        if name is None:
            return asked
        relation = lexical.Relation(
            word=name, kind="other name", via=f"{word} -> {name}", stems=stems(name), source="topics.yaml"
        )
        # Another name is the same thing named: it explains the word in full.
        relatives = tuple(Relative(stem=s, relation=relation, share=1.0) for s in relation.stems)
        return asked._replace(relatives=relatives + asked.relatives)


def _capitalised_after_first(query: str) -> frozenset[str]:
    """The words a question capitalises after its first one, case-folded."""
    return frozenset(w.casefold() for w in re.findall(r"[^\W\d_][\w'’]*", query)[1:] if w[0].isupper())


def _typed(query: str) -> list[str]:
    # A percent sign is the word "percent": "what % of models" asks for a quantity.
    return [_with_apostrophe(w) for w in words(query.replace("%", " percent "))]


def _with_apostrophe(word: str) -> str:
    contraction = _BARE_CONTRACTIONS.get(word)
    return contraction if contraction is not None and lexical.part_of_speech(word) is None else word


# A word's weight, part of speech and WordNet relatives are general English, the same in every question: each
# word is read once (up to as many words as the corrections kept), not once per question that uses it.
@lru_cache(maxsize=CORRECTIONS_KEPT)
def _asked(word: str, word_stem: str, everyday: bool) -> AskedWord:
    relatives = tuple(
        Relative(stem=s, relation=relation)
        for relation in lexical.related(word)
        for s in relation.stems
        if s != word_stem
    )
    return AskedWord(
        word=word, stem=word_stem, bits=_bits(word), relatives=relatives, frame=_frame(word), everyday=everyday
    )


def _without_own_relatives(word: AskedWord, own: set[str]) -> AskedWord:
    """A relative that is itself a word of the question explains nothing more: that word counts already."""
    kept = tuple(r for r in word.relatives if r.stem not in own)
    if len(kept) == len(word.relatives):
        return word
    return word._replace(relatives=kept)


def _frame(word: str) -> bool:
    """A verb, adjective or adverb by its dominant part of speech (lexical.part_of_speech); a noun or a word
    WordNet does not know (a name, mostly) says what the question is about."""
    return lexical.part_of_speech(word) not in (None, "n")


def _bits(word: str) -> float:
    """What a word weighs in a question: its information above the baseline."""
    return max(0.0, lexical.informativeness(word) - BASELINE_BITS)


def _bits_of(found: Iterable[str]) -> float:
    return sum(_bits(w) for w in found if w not in STOPWORDS)
