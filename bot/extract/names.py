"""People, organisations and groups an article names: who a capitalised run or a pronoun refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .words import (
    GROUP_NOUNS,
    HONORIFICS,
    INITIAL,
    LEADING,
    ORG_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    RUN,
    TITLES,
)

# --- entities ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    gender: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Mention:
    pos: int  # absolute offset
    entity: Entity
    possessive: bool


def is_name_word(token: str) -> bool:
    return bool(token) and (token[0].isupper() or (len(token) > 1 and any(c.isupper() for c in token[1:])))


def before_title(text: str, end: int) -> bool:
    """True when a capitalised run is followed by a lowercase title word and another name."""
    match = re.match(r"\s+([a-z][\w\-]*)\s+[A-Z]", text[end : end + 40])
    return bool(match) and match.group(1) in TITLES


def strip_possessive(token: str) -> str:
    return re.sub(r"['’]s$", "", token) if len(token) > 3 else token


def is_person_token(token: str) -> bool:
    token = strip_possessive(token)
    return bool(INITIAL.fullmatch(token)) or (
        len(token) > 1
        and token[0].isupper()
        and not token.isupper()
        and not any(c.isdigit() for c in token)
        and token.casefold() not in ORG_WORDS
        and token.casefold() not in LEADING
    )


def looks_org(tokens: list[str]) -> bool:
    return any(strip_possessive(t).casefold() in ORG_WORDS for t in tokens[1:]) or (
        len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1
    )


def split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """('Anthropic CEO Dario Amodei') -> (['Dario', 'Amodei'], ['Anthropic', 'CEO'])."""
    cut = 0
    for index, token in enumerate(tokens):
        bare = strip_possessive(token)
        acronym = bare.isupper() and len(bare) > 1 and not INITIAL.fullmatch(bare)
        if acronym or bare.casefold() in TITLES or token.endswith(("'s", "’s")):
            cut = index + 1
    return tokens[cut:], tokens[:cut]


class People:
    """What the article has said so far about who is who: names, their variants, mentions and sentences."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.by_surname: dict[str, Entity] = {}
        self.by_given: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.sentences: list[tuple[int, int]] = []  # absolute, every body paragraph in order
        self.used: dict[str, Entity] = {}  # speakers given at least one quotation, by casefolded name

    def _entity(self, name: str, kind: str, gender: str | None = None) -> Entity:
        key = name.casefold()
        entity = self.entities.get(key)
        if entity is None:
            entity = Entity(name, kind, gender)
            self.entities[key] = entity
            if kind == "person":
                parts = name.split()
                if len(parts) > 1:
                    self.by_surname[parts[-1].casefold()] = entity
                    # Family name first ("Chen Hao" -> "Chen") is a fallback, never over a surname.
                    self.by_given.setdefault(parts[0].casefold(), entity)
                    entity.aliases.append(parts[-1])
        if gender and not entity.gender:
            entity.gender = gender
        return entity

    def _register_names(self, text: str) -> None:
        """Learn full names anywhere (quotes included), so a later surname or 'Mr X' resolves."""
        for match in RUN.finditer(text):
            tokens = match.group().split()
            if any(t.casefold() in HONORIFICS for t in tokens) or before_title(text, match.end()):
                continue
            name_part, _ = split_title(tokens)
            if len(name_part) >= 2 and not looks_org(tokens) and all(is_person_token(t) for t in name_part):
                self._entity(" ".join(strip_possessive(t) for t in name_part), "person")

    def resolve_run(self, tokens: list[str], the_prefix: bool = False, speaking: bool = False) -> Entity | None:
        """The entity a capitalised run names, or None when it names nobody we can tell."""
        owners = [i for i, t in enumerate(tokens[:-1]) if t.endswith(("'s", "’s"))]
        if owners:
            tokens = tokens[owners[-1] + 1 :]  # "Broad's Zhang" names Zhang
        tokens = [strip_possessive(t) for t in tokens]
        while tokens and tokens[0].casefold() in LEADING and tokens[0] != "I":
            the_prefix = the_prefix or tokens[0].casefold() == "the"
            tokens = tokens[1:]
        if not tokens:
            return None
        honorific = next((t for t in tokens if t.casefold() in HONORIFICS), None)
        if honorific is not None:
            rest = tokens[tokens.index(honorific) + 1 :]
            if not rest:
                return None
            gender = HONORIFICS[honorific.casefold()]
            known = self.by_surname.get(rest[-1].casefold())
            if known is not None:
                if gender and not known.gender:
                    known.gender = gender
                alias = f"{honorific} {rest[-1]}"
                if alias not in known.aliases:
                    known.aliases.append(alias)
                return known
            return self._entity(" ".join(rest), "person", gender)
        if the_prefix or looks_org(tokens):
            return self._entity(" ".join(tokens), "organisation")
        name_part, role = split_title(tokens)
        if not name_part:
            return None
        if len(name_part) >= 2 and all(is_person_token(t) for t in name_part):
            entity = self._entity(" ".join(name_part), "person")
            if role and not entity.role:
                entity.role = " ".join(role)
            return entity
        if len(name_part) == 1:
            word = name_part[0]
            key = word.casefold()
            known = self.by_surname.get(key) or self.entities.get(key) or (self.by_given.get(key) if speaking else None)
            if known is not None:
                return known
            if speaking and len(word) > 1:
                if word.casefold() in GROUP_NOUNS:
                    return self._entity(word, "group")
                kind = "organisation" if word.isupper() or any(c.isupper() for c in word[1:]) else "person"
                return self._entity(word, kind)
        return None

    # --- per paragraph ------------------------------------------------------------------------

    def _collect_mentions(self, masked: str, base: int, first_sentence: int) -> None:
        items: list[tuple[int, str, re.Match[str]]] = [(m.start(), "run", m) for m in RUN.finditer(masked)]
        items += [
            (m.start(), "pronoun", m)
            for m in re.finditer(r"\b(?:he|she|He|She|his|His|her|Her|him)\b(?:['’]d)?", masked)
        ]
        for start, what, match in sorted(items, key=lambda item: item[0]):
            if what == "pronoun":
                word = match.group().split("'")[0].split("’")[0].casefold()
                entity = self.resolve_pronoun(base + start, word, first_sentence)
                if entity is not None:
                    self.mentions.append(Mention(base + start, entity, word in {"his", "her"}))
                continue
            tokens = match.group().split()
            if before_title(masked, match.end()):
                continue  # "Liberal Democrat leader Charles Kennedy": the run is a role
            before = masked[max(0, start - 4) : start].casefold()
            entity = self.resolve_run(tokens, the_prefix=before.endswith("the "))
            if entity is None:
                continue
            possessive = bool(re.match(r"['’]s\b", masked[match.end() : match.end() + 3])) or tokens[-1].endswith(
                ("'s", "’s")
            )
            if entity.kind == "person":
                self.mentions.append(Mention(base + start, entity, possessive))
                self._role_from_context(entity, masked, start, match.end())

    def _role_from_context(self, entity: Entity, masked: str, start: int, end: int) -> None:
        """Keep how the article introduces a person: a title before the name or an apposition after it."""
        if entity.role:
            return
        after = re.match(r",\s+(?P<role>(?:a |an |the |now )?[a-z][^,.;\x00]{2,90}?)(?:,|\.|;|$)", masked[end:])
        if after and any(w.casefold() in TITLES or w.endswith(("ist", "er", "or")) for w in after["role"].split()):
            entity.role = after["role"].strip()
            return
        before = re.search(r"((?:[A-Za-z][\w\-’']*\s+){1,5})$", masked[max(0, start - 60) : start])
        if before:
            words = before.group(1).split()
            while words and words[0].casefold() in LEADING | PREPOSITIONS:
                words = words[1:]
            if words and any(w.casefold() in TITLES for w in words):
                entity.role = " ".join(words)

    def resolve_pronoun(self, pos: int, word: str, first_sentence: int) -> Entity | None:
        gender = PRONOUNS.get(word)
        if gender == "p":
            return None
        current = self._sentence_index(pos, first_sentence)
        for index in range(current, max(-1, current - 4), -1):
            start, end = self.sentences[index]
            candidates = [
                m
                for m in self.mentions
                if start <= m.pos < min(end, pos) and m.entity.kind == "person" and m.entity.gender in (None, gender)
            ]
            if candidates:
                chosen = next((m for m in candidates if not m.possessive), candidates[0])
                if chosen.entity.gender is None:
                    chosen.entity.gender = gender
                return chosen.entity
        return None

    # --- speech cues --------------------------------------------------------------------------

    def _sentence_index(self, pos: int, first: int) -> int:
        for index in range(first, len(self.sentences)):
            start, end = self.sentences[index]
            if pos < end or index == len(self.sentences) - 1:
                return index
        return max(first, len(self.sentences) - 1)
