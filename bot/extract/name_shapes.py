"""What a capitalised run is by its shape and its neighbours: a person's name or an organisation's, a title
before a name, a sentence's first word, a run beside a number; and the spellings a name word is matched by."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from ..lexical import part_of_speech
from .given_names import is_given_name
from .words import (
    ARABIC_ARTICLE,
    DESCRIBING_NOUNS,
    INITIAL,
    INNER_CAPITAL,
    LEADING,
    ORG_WORDS,
    PARTICLE,
    PERSON_NOUNS,
    POST_NOMINALS,
    PREPOSITIONS,
    TITLES,
    TRANSLITERATIONS,
)

PARTICLE_WORD = re.compile(PARTICLE)
# The Arabic article leading a surname: "al-Assad" is also "Assad".
ARTICLE_BEFORE_SURNAME = re.compile(rf"{ARABIC_ARTICLE}(?=[A-Z])")


@lru_cache(maxsize=4096)  # pure, and articles repeat their names: a word is folded once
def fold(token: str) -> frozenset[str]:
    """The spellings a name word may be matched by: "Brünner" is "brunner" or "bruenner", "Māori" is "maori"; a
    surname after the Arabic article ("al-Assad", "el-Sisi") is also the name without it, as copy writes it
    ("Assad said")."""
    spellings = {anyascii(token).casefold(), anyascii(token.translate(TRANSLITERATIONS)).casefold()}
    article = ARTICLE_BEFORE_SURNAME.match(token)
    if article is not None:
        spellings |= fold(token[article.end() :])
    return frozenset(spellings)


def same_words(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(fold(x) & fold(y) for x, y in zip(a, b, strict=True))


# What follows a title whose holder the same phrase goes on to name: "Minister| in the Ministry of Finance Brian
# Manning", "Secretary| of State Marco Rubio".
TITLE_PHRASE = re.compile(r"[ \u00a0](?:of|for|in|at)[ \u00a0](?:the[ \u00a0])?[A-Z]")
# A name made an adjective by a hyphen and a lowercase word: "Savile Row-tailored", "Amazon-owned" (a
# person's double name keeps its capitals: "Montoya-Lewis").
ADJECTIVE_FROM_NAME = re.compile(r"-(?P<word>[a-z]+)$")


def adjective_from_name(token: str) -> bool:
    """A name made an adjective by a hyphen and a word of English ("Row-tailored", "Obama-era"), not a given
    name romanised in hyphenated syllables ("Hoi-yan", "Jae-myung", "Jong-un"), whose second part is no word."""
    found = ADJECTIVE_FROM_NAME.search(token)
    return found is not None and part_of_speech(found["word"]) is not None


# A dateline opening a paragraph, up to its dash: "THOUSAND OAKS, Calif. – ", "WASHINGTON (AP) — ".
DATELINE = re.compile(r"(?:^|\n)[A-Z][A-Z .,'’()\-]*[A-Z.)](?:,\s+[A-Z][\w.]*)?\s*[–—\-]+\s*$")


def sentence_initial(text: str, start: int) -> bool:
    """True when ``start`` opens a sentence: the text before it ends a sentence or a quotation, or a dateline, or
    is empty."""
    before = text[max(0, start - 3) : start].rstrip(" \u00a0\x00")
    if before and before[-1] in "–—-":
        return DATELINE.search(text, max(0, start - 60), start) is not None
    return not before or before[-1] in '.!?:\n"”’»」)' or before[-1] == "\x00"


# Up to two lowercase words, a lowercase noun and a capital after a run (see before_title), compiled once: the
# function runs for every capitalised run of an article.
TITLE_AFTER = re.compile(r"((?:\s+[a-z][\w\-]*){0,2}?)\s+([a-z][\w\-]*)\s+[A-Z]")


def before_title(text: str, end: int) -> bool:
    """True when a capitalised run is followed by a lowercase title and another name: "Liberal Democrat leader
    Charles Kennedy", "Praja Front working president M. Srinivas Rao" (the run is the organisation of a role), or
    by a noun for one of a group: "Sharp-eyed Reddit user Tomas Brandt" (the run only describes her)."""
    match = TITLE_AFTER.match(text, end, end + 60)
    # (Not "Rachel Hale and shadow chancellor Owen Pryce": a joining word means the run is a name of its own.)
    return bool(match) and match.group(2) in PERSON_NOUNS and not set(match.group(1).split()) & (LEADING | PREPOSITIONS)


def name_after_the(text: str, match: re.Match[str]) -> str | None:
    """The name a capitalised run gives when the article writes it with "the" ("The Liberal Democrat" ->
    "Liberal Democrat", "the Ohio River" -> "Ohio River"), else None."""
    tokens = match.group().split()
    if tokens[0].casefold() == "the":
        return " ".join(tokens[1:]) or None
    return match.group() if text[max(0, match.start() - 4) : match.start()].casefold() == "the " else None


def strip_possessive(token: str) -> str:
    return token[:-2] if len(token) > 3 and token.endswith(("'s", "’s")) else token


def is_person_token(token: str) -> bool:
    token = strip_possessive(token)
    article = ARTICLE_BEFORE_SURNAME.match(token)
    if article is not None:
        token = token[article.end() :]  # "al-Assad" is as much a surname as "Assad"
    return bool(INITIAL.fullmatch(token)) or (
        len(token) > 1
        and token[0].isupper()
        and not token.isupper()
        and not any(c.isdigit() for c in token)
        and token.casefold() not in ORG_WORDS
        and token.casefold() not in LEADING
    )


def person_name(tokens: list[str]) -> bool:
    """Every word a person's name can have: "Lotte van der Meulen" (particles only between its other words)."""
    return bool(tokens) and all(
        is_person_token(t) or (0 < i < len(tokens) - 1 and PARTICLE_WORD.fullmatch(t)) for i, t in enumerate(tokens)
    )


def org_word(word: str) -> bool:
    """A word only an organisation's name is: capitals ("NASA") or a capital inside ("PepsiCo")."""
    return (len(word) > 1 and word.isupper()) or INNER_CAPITAL.fullmatch(word) is not None


def looks_org(tokens: list[str]) -> bool:
    """An organisation's name: one with an organisation's word after its first ("Lindi Municipal Council"), or one
    word in capitals ("NASA") or with a capital inside ("ConocoPhillips")."""
    if len(tokens) == 1:
        return org_word(strip_possessive(tokens[0]))
    return any(strip_possessive(t).casefold() in ORG_WORDS for t in tokens[1:])


def drop_post_nominals(tokens: list[str]) -> list[str]:
    """Post-nominal letters after a full name are no part of it, nor a title: "Nora Vale SC" is Nora Vale."""
    while len(tokens) > 2 and strip_possessive(tokens[-1]) in POST_NOMINALS and is_person_token(tokens[-2]):
        tokens = tokens[:-1]
    return tokens


def split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """('Anthropic CEO Dario Amodei') -> (['Dario', 'Amodei'], ['Anthropic', 'CEO']). A title stands before a
    name: one that ends the run after a given name is a surname ("Gayle King", "John Major")."""
    tokens = drop_post_nominals(tokens)
    cut = 0
    for index, token in enumerate(tokens):
        bare = strip_possessive(token)
        acronym = bare.isupper() and len(bare) > 1 and not INITIAL.fullmatch(bare)
        title = bare.casefold() in TITLES and not _surname_after_given_name(tokens, index)
        if acronym or title or token.endswith(("'s", "’s")):
            cut = index + 1
    # "the Ministry of Finance Brian Manning": the body's name, then the person's, from his given name on; and
    # "Taoiseach Leo Varadkar": a first word that is no given name, before one that is, is a title.
    cut = next((i for i in range(cut + 1, len(tokens) - 1) if _ends_before_given_name(tokens, i)), cut)
    return tokens[cut:], tokens[:cut]


def body_then_person(tokens: list[str]) -> bool:
    """Whether a run is a body's name and then a person's: "Ministry of Finance Brian Manning"."""
    return any(_ends_before_given_name(tokens, i, first_word=False) for i in range(1, len(tokens) - 1))


def _ends_before_given_name(tokens: list[str], index: int, first_word: bool = True) -> bool:
    """Whether what comes before a person's name ends before ``tokens[index]``: a given name, after a word that is
    none. That word is an English one ("Finance Brian Manning"), or, as the run's first word (with
    ``first_word``), any capitalised word: a title no dictionary has ("Taoiseach Leo Varadkar"). A later
    non-English word keeps the name whole ("Te Kaurinui Robert Parata")."""
    word, given = tokens[index - 1], tokens[index]
    if not (given[:1].isupper() and is_given_name(given)) or is_given_name(word):
        return False
    title = first_word and index == 1 and word[:1].isupper() and word.isalpha()
    return title or part_of_speech(word.casefold()) is not None


def _surname_after_given_name(tokens: list[str], index: int) -> bool:
    if index == 0 or index != len(tokens) - 1:
        return False
    given = tokens[index - 1]
    return given.casefold() not in TITLES and is_given_name(given)


# A number right before a capitalised run: what follows is an era, a unit or a thing's name ("500 BC", "21st
# Century Fox"), never a person.
AFTER_NUMBER = re.compile(r"\b\d+(?:st|nd|rd|th)?[ \u00a0]$")
# ... and a number right after one: "Teamsters Local 90", "Channel 4" (not a score: "Federer 6-4").
BEFORE_NUMBER = re.compile(r"[ \u00a0]\d+\b(?![\-–:.,/]\d)")


def beside_number(text: str, start: int, end: int) -> bool:
    """Whether the run at ``text[start:end]`` follows or precedes a number, and so names no person."""
    return bool(AFTER_NUMBER.search(text, max(0, start - 8), start) or BEFORE_NUMBER.match(text, end))


# "a" or "an" right before a capitalised run: it describes someone ("an Oklahoma Republican", "a Harvard
# economist"), it is not their name.
INDEFINITE_BEFORE = re.compile(r"(?<![\w’'\-])[Aa]n?\s+$")


def common_phrase(tokens: list[str]) -> bool:
    """Words of English that name a kind of people, not a person: an adjective and a plural noun ("Indigenous
    Peoples", "Local Residents"), with no given name among them (a sentence's first word may come before:
    "Granting Indigenous Peoples")."""
    if len(tokens) < 2 or any(is_given_name(t) for t in tokens):
        return False
    *rest, adjective, plural = (strip_possessive(t).casefold() for t in tokens)
    return (
        part_of_speech(adjective) == "a"
        and plural.endswith("s")
        and part_of_speech(plural) == "n"
        and all(part_of_speech(w) is not None for w in rest)
    )


def noun_follows(text: str, end: int) -> bool:
    """Whether a lower-case noun (by WordNet's dominant part of speech) follows a run: "family" in "the Kreuzberg
    family winery", not "said" in "the Pentagon said"."""
    after = re.match(r"\s+([a-z]+)\b", text[end : end + 30])
    return after is not None and part_of_speech(after[1]) == "n"


def describes_people(tokens: list[str]) -> bool:
    """A run ending in a nationality or a party member, one or many ("a Texas Democrat", "Central Americans",
    "Sunni Muslim Gulf Arab monarchies"), describes people and names no one; after given names alone it is a
    surname ("Mike German")."""
    key = strip_possessive(tokens[-1]).casefold()
    describing = key in DESCRIBING_NOUNS or (key.endswith("s") and key[:-1] in DESCRIBING_NOUNS)
    return describing and not all(is_given_name(t) or INITIAL.fullmatch(t) for t in tokens[:-1])
