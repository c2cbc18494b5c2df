"""The kind of answer a question asks for (a quantity, a date, a word's meaning) and the kinds a text states.

A question that asks for a kind of answer is answered only by a text that states one: the index gives each
such text the kind's pseudo-stem (``kinds_stated``), and the ranker lets only those texts answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import without_possessive, words

# Words that join a question's clauses ("..., or does that ..."): a clause's opening comes after them.
JOINING = frozenset("or so and but then".split())
# A question that opens with "how many", "how much", "what percent" or "when" asks for a kind of answer, a
# quantity or a date: only a text that states one can answer it ("When was OpenAI founded?" is for the
# narration, not for a figure's opinion). The index gives each text that states one the kind's pseudo-stem.
# A question for what a word means ("what does panacea mean?", "define grok") is for a dictionary: no text of
# the record states a meaning, so nobody answers it.
# A question for who holds a post ("who is the CEO of Tesla?", "who founded OpenAI?") asks for a fact about a
# person, which the narration gives: a figure's opinion never states it, whatever its role's words.
QUANTITY, DATE, MEANING, HOLDER = "#quantity", "#date", "#meaning", "#holder"
# Words for whoever holds a post in an organisation.
POST_HOLDERS = ("ceo", "boss", "head", "chief", "founder", "cofounder", "leader", "exec", "executive", "guy")
_HOLDER_VERBS = ("founded", "cofounded", "runs", "ran", "leads", "led", "heads", "headed", "owns", "started")
_KIND_OPENINGS = {
    ("define",): MEANING,
    ("meaning", "of"): MEANING,
    ("what", "is", "the", "meaning"): MEANING,
    ("how", "many"): QUANTITY,
    ("how", "much"): QUANTITY,
    ("what", "percent"): QUANTITY,
    ("what", "percentage"): QUANTITY,
    ("what", "share"): QUANTITY,
    ("when",): DATE,
    ("what", "year"): DATE,
    ("which", "year"): DATE,
    ("what", "month"): DATE,
    ("since", "when"): DATE,
    ("how", "long", "ago"): DATE,
    **{(who, verb): HOLDER for who in ("who", "whos") for verb in _HOLDER_VERBS},
    **{
        (*who, article, holder): HOLDER
        for who in (("who", "is"), ("who", "was"), ("whos",))
        for article in ("the", "a")
        for holder in POST_HOLDERS
    },
}
# Looked up by their first word: a question is checked against the few openings that start as it does.
_OPENINGS_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _opening, _kind in _KIND_OPENINGS.items():
    _OPENINGS_BY_FIRST_WORD.setdefault(_opening[0], []).append((_opening, _kind))
_LEAD_IN = re.compile(
    r"(?:(?:do|does|did)\s+)?(?:any|anyone|anybody|someone|somebody|you|u|ya|y'all)\s+(?:know|knows|remember)\s+"
    r"|(?:can\s+(?:you|u|someone|anyone)\s+)?tell\s+me\s+|i\s+wonder\s+|wondering\s+|any\s+idea\s+"
)
_PREPOSITIONS = frozenset("in at by for from to of on during within until".split())
_YEAR = r"\b(?:1[89]|20)\d\d\b"
_YEAR_NUMBER = re.compile(_YEAR)
# A number not part of a name ("Grok-1", "GPT-2") and not a year, or a word or sign that states an amount.
_NUMBER = re.compile(rf"(?<![\w-])(?!{_YEAR})\d[\d,.]*(?![\w-])")
_AMOUNT_WORDS = frozenset("hundred thousand million billion trillion percent".split())
_MONTHS = frozenset("january february march april june july august september october november december".split())
_DIGIT = re.compile(r"\d")
# The words of what something is worth: after "what is", each asks for an amount, as "how much is it worth" does
# ("what is openai valued at", "what's its valuation"). Not "value": "what is the value of openness" asks its merit.
_WORTH_WORDS = frozenset("worth valued valuation priced".split())


def word_kind(word: str) -> str | None:
    """The kind of answer a word (as bot.text.words reads it) states on its own: a quantity ("billion",
    "percent") or a date (a month)."""
    bare = without_possessive(word)
    return QUANTITY if bare in _AMOUNT_WORDS else DATE if bare in _MONTHS else None


def kinds_stated(text: str, word_kinds: Iterable[str | None] | None = None) -> frozenset[str]:
    """The kinds of answer a source text states: a quantity, a date (a year or a month). ``word_kinds`` are
    the word_kind of each of the text's words, when the caller knows them already (the index works each
    distinct word's out once); the numbers are looked for only in a text with a digit, as most texts have
    none."""
    stated = {kind for kind in (map(word_kind, words(text)) if word_kinds is None else word_kinds) if kind}
    digits = _DIGIT.search(text) is not None
    if QUANTITY not in stated and ("%" in text or (digits and _NUMBER.search(text))):
        stated.add(QUANTITY)
    if DATE not in stated and digits and _YEAR_NUMBER.search(text):
        stated.add(DATE)
    return frozenset(stated)


# The same questions in the other languages a question may be read in (bot.languages), as their question
# words for an amount or a time. Word order differs ("en quelle année", "ist openai wie viel wert"), so they
# count wherever they stand in the question.
_FOREIGN_KIND_WORDS: dict[str, dict[tuple[str, ...], str]] = {
    "es": {
        **dict.fromkeys([("cuánto",), ("cuánta",), ("cuántos",), ("cuántas",), ("cuanto",), ("cuantos",)], QUANTITY),
        **dict.fromkeys([("cuándo",), ("qué", "año"), ("que", "año")], DATE),
    },
    "fr": {
        **dict.fromkeys([("combien",)], QUANTITY),
        **dict.fromkeys([("quand",), ("quelle", "année"), ("quel", "mois")], DATE),
    },
    "de": {
        **dict.fromkeys([("wie", "viel"), ("wie", "viele"), ("wieviel",), ("wieviele",)], QUANTITY),
        **dict.fromkeys([("wann",), ("welchem", "jahr"), ("welches", "jahr"), ("seit", "wann")], DATE),
    },
    "pt": {
        **dict.fromkeys([("quanto",), ("quanta",), ("quantos",), ("quantas",)], QUANTITY),
        **dict.fromkeys([("quando",), ("que", "ano")], DATE),
    },
    "it": {
        **dict.fromkeys([("quanto",), ("quanta",), ("quanti",), ("quante",)], QUANTITY),
        **dict.fromkeys([("quando",), ("che", "anno"), ("quale", "anno")], DATE),
    },
    "nl": {("hoeveel",): QUANTITY, ("wanneer",): DATE, ("welk", "jaar"): DATE},
    "zh": {("多少",): QUANTITY, ("几",): QUANTITY, ("什么时候",): DATE, ("哪年",): DATE, ("哪一年",): DATE},
    "ja": {("いくら",): QUANTITY, ("どのくらい",): QUANTITY, ("いつ",): DATE, ("何年",): DATE},
}
# The Chinese and Japanese ones, for cutting a run of characters into the words it holds.
FOREIGN_KIND_TERMS = {code: frozenset("".join(p) for p in found) for code, found in _FOREIGN_KIND_WORDS.items()}


def kind_asked_in(language: str, typed: list[str]) -> str | None:
    """The kind of answer a question in another language asks for by its question words, wherever they
    stand."""
    for phrase, kind in _FOREIGN_KIND_WORDS.get(language, {}).items():
        for at in range(len(typed) - len(phrase) + 1):
            if tuple(typed[at : at + len(phrase)]) == phrase:
                return kind
    return None


def kind_asked(typed: list[str]) -> str | None:
    """The kind of answer a question or clause asks for by its opening words, after a joining word or a
    preposition ("in what year", "by how much"). A contraction reads as its words ("when's" is "when is")."""
    typed = [part for word in typed for part in _uncontracted(word)]
    start = 0
    while start < len(typed) and (typed[start] in JOINING or typed[start] in _PREPOSITIONS):
        start += 1
    # A question asked inside "does anyone know ...", "tell me ...", "i wonder ..." asks what it would ask alone
    # ("anyone know when the next launch is" asks for a date).
    lead_in = _LEAD_IN.match(" ".join(typed[start:]))
    if lead_in is not None:
        start += len(lead_in.group().split())
    for opening, kind in _OPENINGS_BY_FIRST_WORD.get(typed[start] if start < len(typed) else "", ()):
        if tuple(typed[start : start + len(opening)]) == opening:
            return kind
    if tuple(typed[start : start + 2]) in (("what", "does"), ("what", "do")) and typed[-1:] == ["mean"]:
        return MEANING  # "what does the word grok mean"
    if tuple(typed[start : start + 2]) in (
        ("what", "is"),
        ("what", "was"),
        ("what", "are"),
    ) and not _WORTH_WORDS.isdisjoint(map(without_possessive, typed)):
        return QUANTITY  # "what is openai worth now": an amount, as "how much is it worth" asks
    return None


def _uncontracted(word: str) -> tuple[str, ...]:
    """A word with "'s" as the two words it contracts ("when's" -> "when", "is"); any other word alone. Read
    only at a question's opening, where "'s" after a question word is "is", never a possessive."""
    bare = without_possessive(word)
    return (bare, "is") if bare and bare != word else (word,)
