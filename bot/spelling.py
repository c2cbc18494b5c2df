"""What a misspelt word or a figure's name typed in a question was meant to be: the record's vocabulary with typo
tolerance (one index, NearWords, for words and names), and every way a question may name a figure (id, name,
aliases, roles in other words, a name spelled as it sounds)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from . import lexical
from .kinds import POST_HOLDERS
from .text import STOPWORDS, without_possessive, words

# A long-running bot meets words without end (typos, spam): the corrections it keeps are capped.
CORRECTIONS_KEPT = 50_000
# Typo tolerance in edits (OSA distance: a swapped pair of letters is one edit): one edit from four letters
# on, two from eight. Three-letter words are too easily another word, so they are left alone unless one
# inserted letter makes a topic trigger ("opn" -> "open").
_SHORTEST_TYPO = 3
_SHORT_WORD = 4
_LONG_WORD = 8
# A word at least this frequent in general English (Zipf 3.5: about three times in a million words) is a word
# in its own right, never a typo of a record word ("help" is not "hell", "stop" is not "step").
_COMMON_ZIPF = 3.5
# The words of a role that name no organisation ("Tesla and SpaceX CEO").
_ROLE_FILLER = frozenset({"and", "ai", "ceo"})
# A figure's name tolerates one edit (OSA) in a name word of at least this many letters ("sulyman").
_NAME_TYPO_LENGTH = 5


def is_common(word: str) -> bool:
    """A word of everyday English, never a typo of another (Zipf 3.5 or more)."""
    value = lexical.zipf(word)
    return value is not None and value >= _COMMON_ZIPF


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
        if len(self._corrections) < CORRECTIONS_KEPT:
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
            joined = word + following if following and word not in STOPWORDS and not is_common(following) else None
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
            if len(self._firsts_of) < CORRECTIONS_KEPT:
                self._firsts_of[word] = known
        return known

    def _name_starts(self, word: str) -> list[str]:
        bare = without_possessive(word)
        exact = [w for w in dict.fromkeys((bare, bare[:-1] if bare.endswith("s") else bare)) if w in self._by_first]
        # A word of everyday English is itself, not a typo of a name ("regulation" is not "anthropic").
        if len(bare) < _NAME_TYPO_LENGTH - 1 or is_common(bare):
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

    return OSA.distance(typed, part, score_cutoff=1) <= 1 or (not is_common(typed) and sounds_alike(typed, part))


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
