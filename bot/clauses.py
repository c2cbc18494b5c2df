"""A question's clauses: where they run, which of them ask something, which point back at what was said before.

A question may ask several things ("is open source safer, or does that just create more risk?"): the query
reader reads each asking clause alone as well as the whole, and the ranker takes the best of them.
"""

from __future__ import annotations

import re

from . import lexical
from .kinds import JOINING
from .text import words

# A clause runs up to a comma, semicolon, colon, question or exclamation mark, or to "or"; it asks something
# when a question mark ends it or it starts (after a joining word) with a question word or an auxiliary.
_CLAUSE = re.compile(r"[^,;:?!]+?(?=\s+or\s|[,;:?!]|$)")
ASKING = frozenset(
    """is are was were do does did can could would should will shall has have had may might must what who whom
    whose which when where why how whether""".split()
)
# A demonstrative standing for what the question said before it.
_BACK_REFERENCE = frozenset({"that", "this"})
# A third person's pronoun standing for someone or something the question named before ("my cat keeps knocking
# things over, how do i train her to stop").
_PERSONAL_BACK_REFERENCE = frozenset("he she they him her them".split())


def split(query: str) -> list[str]:
    """The question's clauses, in order."""
    return [found.group() for found in _CLAUSE.finditer(query)]


def asking(query: str) -> list[tuple[str, bool]]:
    """Each clause of a question of several that asks something of its own, with whether it points back at
    what the question said before it (see refers_back); [] for a question of one clause."""
    found = [(m.group(), query[m.end() : m.end() + 1] == "?") for m in _CLAUSE.finditer(query)]
    if len(found) < 2:
        return []
    return [
        (text, refers_back(text))
        for at, (text, marked) in enumerate(found)
        if (asks(text) or (marked and not _alternative(text)))
        # A clause pointing back at a statement asks about that statement, which only the whole question holds
        # ("my landlord is keeping my deposit, is that even legal?"); after a question it is a question of its
        # own on the same subject ("does open source ..., and does it make ...?").
        and not (at > 0 and refers_back(text) and not asks(found[at - 1][0]))
    ]


def asks(clause: str) -> bool:
    """Whether a clause starts, after a joining word, with a question word or an auxiliary."""
    found = words(clause)
    while found and found[0] in JOINING:
        found.pop(0)
    return bool(found) and found[0] in ASKING


def refers_back(clause: str) -> bool:
    """Whether a clause's subject, after its auxiliary, or its last word points back at what the question
    said before ("does that justify ...", "will it force ...", "do you buy that", "is it public?"). "it"
    before an adjective that more words follow is no more than a subject ("is it better to ...")."""
    found = [w for w in words(clause) if w not in JOINING]
    if len(found) >= 2 and found[0] in ASKING:
        if found[1] in _BACK_REFERENCE:
            return True
        if found[1] == "it" and len(found) >= 3:
            part = lexical.part_of_speech(found[2])
            if part not in ("a", None):
                return True
            if part == "a" and len(found) == 3:
                return True
    return bool(found) and (found[-1] in _BACK_REFERENCE or not _PERSONAL_BACK_REFERENCE.isdisjoint(found))


def _alternative(clause: str) -> bool:
    """Whether a clause is the other half of an "A or B" question ("... or just the investors?"), which asks
    nothing apart from the question it ends."""
    found = words(clause)
    return bool(found) and found[0] == "or"
