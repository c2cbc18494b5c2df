"""A user's topic, read: checked, the figures it names found, split into stems, typos corrected towards the
record's words, each word weighed and given its WordNet relatives, topics found.

Nothing here knows a figure by name: names come from the personas, words from the topic rules, the texts
of the record and the lexical data.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

from . import clauses, languages, lexical
from .data.lexicon import Lexicon, Trigger
from .errors import UsageError
from .kinds import POST_HOLDERS, kind_asked, kind_asked_in
from .text import STOPWORDS, stem, stems, without_possessive, words

MAX_TOPIC_LENGTH = 200
# Typo tolerance in edits (OSA distance: a swapped pair of letters is one edit): one edit from four letters
# on, two from eight. Three-letter words are too easily another word, so they are left alone unless one
# inserted letter makes a topic trigger ("opn" -> "open").
_SHORTEST_TYPO = 3
_SHORT_WORD = 4
_LONG_WORD = 8
# A long-running bot meets words without end (typos, spam): the corrections it keeps are capped.
_CORRECTIONS_KEPT = 50_000
# A WordNet relative explains a question word at this share of the word itself: it may be another sense, so
# it counts like the topic rules' broad everyday triggers (0.6-0.7).
RELATED_SHARE = 0.7
# A trigger reached through a corrected typo counts a little less than one typed right.
_FUZZY_WEIGHT = 0.9
# A word at least this frequent in general English (Zipf 3.5: about three times in a million words) is a word
# in its own right, never a typo of a record word ("help" is not "hell", "stop" is not "step").
_COMMON_ZIPF = 3.5
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
# The words of a role that name no organisation ("Tesla and SpaceX CEO").
_ROLE_FILLER = frozenset({"and", "ai", "ceo"})
# A figure's name tolerates one edit (OSA) in a name word of at least this many letters ("sulyman").
_NAME_TYPO_LENGTH = 5


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
                    trigger = Trigger(phrase=trigger.phrase, stems=trigger.stems, weight=weight)
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
                    )
                    key = (topic, word.stem)
                    if len(trigger.stems) == 1 and (key not in found or hit.weight > found[key].weight):
                        found[key] = hit
        return list(found.values())

    def topics(self, text_stems: tuple[str, ...]) -> dict[str, float]:
        """Topic -> weight of its strongest trigger in a source text (matched exactly). Every source text of
        the record is read so at a cold start, so no TopicHit is made for it."""
        found: dict[str, float] = {}
        for _, _, topic, trigger in self._occurrences(text_stems):
            found[topic] = max(found.get(topic, 0.0), trigger.weight)
        return found


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


class NearWords:
    """Words by first letter and length: the only ones a typo of a few edits can be of, since a typo rarely
    touches both of a word's first two letters and each edit changes its length by one at most."""

    def __init__(self, known: Iterable[str]):
        self._by_start: dict[tuple[str, int], list[str]] = {}
        for word in sorted(set(known)):
            self._by_start.setdefault((word[0], len(word)), []).append(word)

    def within(self, word: str, edits: int) -> list[tuple[str, int]]:
        """(known word, OSA edits) for every known word at most ``edits`` edits from ``word``."""
        from rapidfuzz import distance, process  # only once a word is not in the record

        sizes = range(len(word) - edits, len(word) + edits + 1)
        candidates = [
            w for start in dict.fromkeys(word[:2]) for size in sizes for w in self._by_start.get((start, size), ())
        ]
        found = process.extract(word, candidates, scorer=distance.OSA.distance, score_cutoff=edits, limit=None)
        return [(known, edited) for known, edited, _ in found]


class Vocabulary:
    """The words the record uses, with their stems: what a misspelt query word is corrected towards."""

    def __init__(self, stem_of: Mapping[str, str], preferred: frozenset[str]):
        """``stem_of``: every word the record's texts use -> its stem (stop words and numbers are left out)."""
        self.stem_of = {w: s for w, s in stem_of.items() if w not in STOPWORDS and not w.isdigit()}
        self.stems = frozenset(self.stem_of.values())
        self._preferred = preferred  # trigger words: the likelier meaning when two words are as near
        # What a typo can be of: a word of the record, or a stop word ("teh", "wat"), which then counts as one.
        self._near = NearWords({*self.stem_of, *STOPWORDS})
        self._corrections: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The record's word (or stop word) a misspelt word most likely meant: the nearest (OSA edits) among
        words that start with its first or second letter (a typo rarely touches both); of those as near, the
        most frequent in general English (the likelier intent), then a trigger word, then the first
        alphabetically, so the choice never depends on the order the record was read in."""
        if word in self._corrections:
            return self._corrections[word]
        found = self._nearest(word) if len(word) >= _SHORTEST_TYPO else None
        if len(self._corrections) < _CORRECTIONS_KEPT:
            self._corrections[word] = found
        return found

    def _nearest(self, word: str) -> str | None:
        edits = 2 if len(word) >= _LONG_WORD else 1
        allowed = [
            (edited, -(lexical.zipf(known) or 0.0), known not in self._preferred, known)
            for known, edited in self._near.within(word, edits)
            if known != word and (len(word) >= _SHORT_WORD or self._short_word_may_be(word, known))
        ]
        return min(allowed)[-1] if allowed else None

    def _short_word_may_be(self, word: str, known: str) -> bool:
        """A three-letter word is too easily another word: it is only corrected by one inserted letter that
        makes a trigger word ("opn"), or to a stop word by two swapped letters ("teh"), which only takes a word
        away."""
        if known in STOPWORDS:
            return sorted(known) == sorted(word)
        return len(known) == len(word) + 1 and known in self._preferred


class FigureNames:
    """Every way a question may name a figure: its id, name and aliases (a typo of them still names it), and
    its role up to a parenthesis or comma ("Anthropic CEO"), matched exactly since a role is ordinary words."""

    def __init__(self, figures: Iterable[tuple[str, str, tuple[str, ...], str]]):
        names: dict[tuple[tuple[str, ...], str], bool] = {}
        for figure, name, aliases, role in figures:
            role = role_name(role)
            options = [(figure, True), (name, True), *((a, True) for a in aliases), (role, False)]
            options += [(other, False) for other in _role_in_other_words(role)]
            # A hyphenated name typed with its parts joined is the same name: "kaifu" for "Kai-Fu".
            options += [(option.replace("-", ""), typos) for option, typos in options if "-" in option]
            for option, typos in options:
                parts = tuple(words(option))
                if parts and not all(p in STOPWORDS for p in parts):
                    names[parts, figure] = names.get((parts, figure), False) or typos
        # Names by their first word, so a question is only checked against names that may start at a word.
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        self._name_words: dict[str, set[str]] = {}  # figure -> the words of its names that tolerate typos
        for (parts, figure), typos in names.items():
            self._by_first.setdefault(parts[0], []).append((parts, figure, typos))
            if typos:
                self._name_words.setdefault(figure, set()).update(parts)
        self.phrases = frozenset(" ".join(parts) for parts, _ in names)
        typo_firsts = [first for first in self._by_first if len(first) >= _NAME_TYPO_LENGTH]
        self._near_firsts = NearWords(typo_firsts)
        # The same first words by how they sound (Metaphone): "sulaiman" is "suleyman" spelled as it is said.
        self._firsts_by_sound: dict[str, list[str]] = {}
        for first in sorted(typo_firsts):
            self._firsts_by_sound.setdefault(sounds(first), []).append(first)
        self._firsts_of: dict[str, list[str]] = {}  # what each word typed so far may begin (capped)

    def find(self, typed: list[str]) -> dict[str, list[int]]:
        """Figure id -> the places of the question's words that name it. Longer names are found first ("xAI
        engineers" before "xAI"), and a place names one figure at most."""
        found: list[tuple[int, str, tuple[str, ...], int]] = []
        for at, word in enumerate(typed):
            for first in self._firsts(word):
                for parts, figure, typos in self._by_first[first]:
                    span = typed[at : at + len(parts)]
                    if len(span) == len(parts) and all(_names(t, p, typos) for t, p in zip(span, parts, strict=True)):
                        found.append((-len(parts), figure, parts, at))
            # A name word typed as two words is the same name ("le cun" for "LeCun"); the second is no word of
            # everyday English then, or the pair is two words ("open ai").
            following = typed[at + 1] if at + 1 < len(typed) else ""
            joined = word + following if following and word not in STOPWORDS and not _common(following) else None
            for first in self._firsts(joined) if joined else ():
                for parts, figure, typos in self._by_first[first]:
                    if len(parts) == 1 and _names(joined, parts[0], typos):
                        found.append((-2, figure, parts, at))
        named: dict[str, list[int]] = {}
        taken: set[int] = set()
        for size, figure, _, at in sorted(found):
            span = range(at, at - size)
            if taken.isdisjoint(span):
                named.setdefault(figure, []).extend(span)
                taken.update(span)
        # Beside a name that was found, a word one edit from another word of the same figure's names is part of
        # it, however short ("yan lecunn": "yan" is "yann").
        for figure, places in named.items():
            for at in (min(places) - 1, max(places) + 1):
                if 0 <= at < len(typed) and at not in taken and self._beside(typed[at], figure):
                    places.append(at)
                    taken.add(at)
        return named

    def _beside(self, word: str, figure: str) -> bool:
        if len(word) < 3 or word in STOPWORDS:
            return False
        from rapidfuzz.distance import OSA

        return any(OSA.distance(word, part, score_cutoff=1) <= 1 for part in self._name_words.get(figure, ()))

    def _firsts(self, word: str) -> list[str]:
        """The first words of names a typed word may be: itself, without a possessive or plural, or one edit
        away from a long enough one."""
        known = self._firsts_of.get(word)
        if known is None:
            known = self._name_starts(word)
            if len(self._firsts_of) < _CORRECTIONS_KEPT:
                self._firsts_of[word] = known
        return known

    def _name_starts(self, word: str) -> list[str]:
        bare = without_possessive(word)
        exact = [w for w in dict.fromkeys((bare, bare[:-1] if bare.endswith("s") else bare)) if w in self._by_first]
        # A word of everyday English is itself, not a typo of a name ("regulation" is not "anthropic").
        if len(bare) < _NAME_TYPO_LENGTH - 1 or _common(bare):
            return exact
        near = [known for known, _ in self._near_firsts.within(bare, 1)]
        alike = [first for first in self._firsts_by_sound.get(sounds(bare), ()) if sounds_alike(bare, first)]
        return list(dict.fromkeys([*exact, *near, *alike]))


def role_name(role: str) -> str:
    """A role as a name for its figure: up to a parenthesis or comma ("Anthropic CEO (former ...)")."""
    return role.split("(")[0].split(",")[0]


def _role_in_other_words(role: str) -> list[str]:
    """A role said the way people say it: the organisation it opens with, before a word for whoever holds a
    post there ("Anthropic CEO": "anthropic boss", "the anthropic ai chief"; "Tesla and SpaceX CEO")."""
    opening = list(itertools.takewhile(lambda w: w[:1].isupper() or w == "and", role.split()))
    organisations = [w for w in opening if w.casefold() not in _ROLE_FILLER]
    return [f"{o} {ai}{holder}" for o in organisations for ai in ("", "ai ") for holder in POST_HOLDERS]


def _names(typed: str, part: str, typos: bool) -> bool:
    """Whether a typed word is a name word: the same, possessive or plural ("amodei's", "musks"), or, for a
    long enough name word, one edit away ("suleman")."""
    typed = without_possessive(typed)
    if typed in (part, part + "s"):
        return True
    if not typos or len(part) < _NAME_TYPO_LENGTH:
        return False
    from rapidfuzz.distance import OSA

    return OSA.distance(typed, part, score_cutoff=1) <= 1 or (not _common(typed) and sounds_alike(typed, part))


def sounds_alike(word: str, name: str) -> bool:
    """Whether a word of Latin letters sounds like a name word, by their Metaphone keys: a name misspelled the
    way it is said keeps its key ("sulaiman" and "suleyman" are both SLMN). A key of fewer than three sounds
    ("kaifu", KF) says too little to tell names apart."""
    key = sounds(word)
    return word.isascii() and word.isalpha() and len(key) >= 3 and key == sounds(name)


def sounds(word: str) -> str:
    """How a word sounds: its Metaphone key (jellyfish's)."""
    import jellyfish  # only once a word may be a name's typo

    return jellyfish.metaphone(word)


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
            if not known and word not in STOPWORDS and not _common(word) and lexical.part_of_speech(word) is None:
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
                    asked[word_stem] = self._asked(read, word_stem, everyday=_common(read) and read not in capitalised)
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


def _common(word: str) -> bool:
    value = lexical.zipf(word)
    return value is not None and value >= _COMMON_ZIPF


# A word's weight, part of speech and WordNet relatives are general English, the same in every question: each
# word is read once (up to as many words as the corrections kept), not once per question that uses it.
@lru_cache(maxsize=_CORRECTIONS_KEPT)
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
