"""Organisations and groups as speakers: "the firms", "the company said", "Critics", "the report states", and
the organisation "it" stands for."""

from __future__ import annotations

import re

from .names import Entity, People
from .records import UNNAMED
from .subjects import DOCUMENT_OWNER
from .words import (
    BACK_NOUNS,
    BACK_REACH,
    DOCUMENT_NOUNS,
    GROUP_DETERMINERS,
    GROUP_NOUNS,
    KIND_NOUNS,
    MEDIA_NOUNS,
    MEDIA_WORDS,
    NP_STOP,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUN_DETERMINERS,
    PUBLIC_BODIES,
    RUN,
)


def can_be_called(org: Entity, head: str) -> bool:
    """Whether "the <head>" can name this organisation: "the paper" a newspaper, "the bank" a bank, "the company"
    no public body (not the commission that fined it)."""
    words = {w.casefold() for w in org.name.split()}
    if head in MEDIA_NOUNS:
        return bool(words & MEDIA_WORDS)
    if head in ("company", "firm"):
        return not words & PUBLIC_BODIES
    if head in KIND_NOUNS:
        return head in words  # "the ministry": the Foreign Ministry, "the bank": the Bank of England
    return True  # "the group", "the statement", "the letter": whoever was just named


def group_noun(word: str) -> bool:
    """Whether a lower-case noun can head a group that speaks: "critics", "backers", "scientists", "residents"."""
    return (
        word in GROUP_NOUNS or word[:-1] in GROUP_NOUNS or re.search(r"(?:ers|ists|ians|ants|ents)$", word) is not None
    )


def bare_group(name: str) -> bool:
    """A group named by a plural noun of people alone ("Researchers", "Critics"), no organisation's name in it: no
    source a quotation can be given to. A body's collective noun ("Government", "Police") names the body."""
    word = name.casefold()
    return " " not in name and word.endswith("s") and group_noun(word)


def group_how(name: str, entity: Entity | None) -> str:
    if entity is None:
        return f"{UNNAMED}: '{name}' points back to no organisation the article names"
    if entity.name == name:
        return "group"
    if f" {entity.name} " in f" {name} ":
        return f"'{name}' → {entity.name}, the body it speaks for"  # "a Fox spokesman"
    return f"'{name}' → {entity.name}, named before"


# The capitalised run a sentence opens with, after "The": its subject when a verb follows ("The Food Standards
# Agency warned").
SENTENCE_SUBJECT = re.compile(rf"\s*(?:[Tt]he\s+)?(?P<run>{RUN.pattern})(?=\s+[a-z])")


# A preposition, then at most a determiner and a modifier ("-backed", "-led"), right before a group noun phrase.
INSIDE_PREPOSITION = re.compile(
    r"(?<![\w’'\-])(?:in|on|at|to|by|for|with|of|from|into|about|over|under|via)\s+(?:(?:the|a|an)\s+)?"
    r"(?:[\w’'\-]+(?:ed|ing)\s+)?$",
    re.IGNORECASE,
)


# The people who speak for a body by office, unnamed: "a Fox spokesman" gives the body as the source.
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson representative".split())


class Groups(People):
    """Resolves the groups, organisations and documents that speak for the cues (`Cues`) of a paragraph."""

    def organisation_subject(self, pos: int, first_sentence: int) -> Entity | None:
        """What "it" stands for as a speech verb's subject: the organisation its own sentence, or the sentence
        before, opens with ("The Food Standards Agency warned ... "...," it said"); else nobody."""
        current = self._sentence_index(pos, first_sentence)
        for index in (current, current - 1):
            if index < 0:
                break
            start, end = self.sentences[index]
            opening = SENTENCE_SUBJECT.match(self.text, start, min(end, pos))
            if opening is not None:
                entity = self.resolve_run(opening["run"].split(), speaking=True, pos=opening.start("run"))
                return entity if entity is not None and entity.kind == "organisation" else None
        return None

    def _group(self, left: str) -> tuple[str, int] | None:
        """A noun phrase that can speak as a group: "Critics", "the firms", "xAI engineers"."""
        match = re.search(r"((?:[\w\-’']+\s+){0,3}[\w\-’']+)$", left)
        if not match:
            return None
        words = match.group(1).split()
        head = words[-1]
        low = head.casefold()
        if low in PRONOUN_DETERMINERS:
            return None  # "Others reported ...": a determiner standing as a pronoun names no group
        if not (group_noun(low) or (words[0].casefold() == "the" and self._body_named_by(low) is not None)):
            return None
        kept = [head]
        for word in reversed(words[:-1]):
            low = word.casefold()
            if low in GROUP_DETERMINERS:
                kept.insert(0, word)
                break
            if low in NP_STOP or low in PREPOSITIONS or word.endswith(("'s", "’s")) or low.endswith(("ed", "ing")):
                break
            kept.insert(0, word)
        name = " ".join(kept)
        offset = len(left) - len(" ".join(words[len(words) - len(kept) :]))
        if INSIDE_PREPOSITION.search(left, 0, offset):
            # "a spokesman for the council", "Monzer Akbik of the Western-backed National Coalition opposition
            # group": the group is inside a prepositional phrase, not speaking
            return None
        if name[0].islower() and not any(c.isupper() for c in name.split()[0][1:]):
            name = name[0].upper() + name[1:]
        return name, offset

    def _group_entity(self, name: str, pos: int) -> Entity | None:
        """A group noun as a speaker, pointing back to what it names when the article has named it.

        "the firms" after "Technology firms Sony, Philips and Samsung" are those firms; "the paper", "the company"
        or "the statement" is the organisation last named before it in this paragraph or the one before. With
        none, a document still speaks ("says the letter signed by seven physicians"), but "the company" is
        nobody we can name."""
        words = name.split()
        head = words[-1].casefold()
        body = words[1:-1]
        if head in SPOKESPEOPLE and words[0].casefold() in ("a", "an") and body and all(w[0].isupper() for w in body):
            # "a Fox spokesman said", "A Government spokesman said": someone unnamed speaking for the body named,
            # which is the source the article gives.
            entity = self.resolve_run(body, speaking=True, pos=pos)
            return (
                entity
                if entity is not None and entity.kind == "organisation"
                else self._entity(" ".join(body), "organisation")
            )
        if head in PERSON_NOUNS and all(w.casefold() in GROUP_DETERMINERS for w in words[:-1]):
            return None  # "a sheriff's spokeswoman told ...": one person the article does not name, no group
        if head in PERSON_NOUNS and len(words) == 3 and words[0].casefold() in GROUP_DETERMINERS and words[1].islower():
            # "a company spokesperson said": speaks for whom "the company" would name, or is nobody we can name
            # (where "a Fox spokesman" names the body it speaks for).
            return self._group_entity(f"the {words[1]}", pos) if words[1] in BACK_NOUNS else None
        if head in DOCUMENT_NOUNS and words[0].casefold() in ("a", "an"):
            return None  # "release a statement saying": a document nobody is named as the author of
        if len(words) == 1 and head.endswith("s") and head[:-1] in DOCUMENT_NOUNS:
            return None  # "according to reports": documents nobody is named as the author of
        if words[0].casefold() == "the" and len(words) == 2:
            listed = self.lists.get(head)
            if listed is not None and listed.first < pos:
                return listed
            if head in BACK_NOUNS:
                orgs = [m.entity for m in self.org_mentions if pos - BACK_REACH <= m.pos < pos]
                orgs = [e for e in orgs if can_be_called(e, head) or self._described_as(e, head)]
                if orgs:
                    return orgs[-1]
                if head not in DOCUMENT_NOUNS:
                    return None  # "the company said" with no company named: someone the article does not name
            body = self._body_named_by(head, pos)
            if body is not None:
                return body
            if head.endswith("s") and head not in DOCUMENT_NOUNS and head[:-1] not in DOCUMENT_NOUNS:
                # "the researchers wrote" points back to people the article has named, or to nobody it names; a
                # group is a speaker as the article calls it only without "the" ("Critics", "xAI engineers").
                return None
        owner = DOCUMENT_OWNER.fullmatch(name) if head in DOCUMENT_NOUNS else None
        if owner is not None:
            # "the DOJ release states", "the White House statement said": a document speaks for the body it names.
            entity = self.resolve_run(owner["run"].split(), speaking=True, pos=pos)
            if entity is not None and entity.kind in ("organisation", "person"):
                return entity
        return self._entity(name, "group")

    def _described_as(self, org: Entity, head: str) -> bool:
        """Whether the article describes the organisation as a "<head>" in apposition: "SAG-AFTRA, the actors’
        union," can be called "the union"."""
        described = re.compile(rf"{re.escape(org.name)},\s+(?:the|an?)\s+[^,.;]{{0,40}}?\b{re.escape(head)}\b")
        return described.search(self.text) is not None

    def _body_named_by(self, noun: str, pos: int | None = None) -> Entity | None:
        """The organisation introduced last (before ``pos``) whose name has this noun: "the bureau" after "the
        Philippine Bureau of Fisheries", "the coalition" after "the National Young Farmers Coalition"."""
        named = [
            e
            for e in self.entities.values()
            if e.kind == "organisation" and (pos is None or e.first < pos) and noun in e.name.casefold().split()
        ]
        # (An organisation "and"-joined words split, "Philippine Bureau of Fisheries", is the full name's part.)
        whole = [e for e in named if not any(o.name.startswith(e.name + " ") for o in named)]
        return max(whole, key=lambda e: e.first) if whole else None

    def _recent_group(self, pos: int, first_sentence: int) -> Entity | None:
        recent = [q for q in self.used.values() if q.kind in ("group", "organisation")]
        return recent[-1] if recent else None
