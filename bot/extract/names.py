"""People, organisations and groups an article names: who a capitalised run or a pronoun refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexical import part_of_speech
from .given_names import gender_of, is_given_name
from .name_shapes import (
    INDEFINITE_BEFORE,
    PARTICLE_WORD,
    TITLE_PHRASE,
    adjective_from_name,
    before_title,
    beside_number,
    body_then_person,
    common_phrase,
    describes_people,
    drop_post_nominals,
    fold,
    is_person_token,
    looks_org,
    name_after_the,
    noun_follows,
    org_word,
    person_name,
    same_words,
    sentence_initial,
    split_title,
    strip_possessive,
)
from .pronouns import Pronouns
from .records import UNCLEAR, UNNAMED
from .words import (
    APPOSED_RELATION,
    COUPLE,
    DEMONYMS,
    GROUP_NOUNS,
    HANDLE,
    HONORIFICS,
    INITIAL,
    LEADING,
    LIST_CONNECTIVES,
    MODIFIER,
    MONTHS,
    NAMED_LIST,
    ORG_WORDS,
    PEOPLE_PLURALS,
    PLACE_AFTER,
    PLACE_WORDS,
    PREPOSITIONS,
    PRONOUN_DETERMINERS,
    RELATION_BEFORE,
    RELATION_GENDERS,
    RELATION_NOUNS,
    RUN,
    SEXED_NOUNS,
    SEXED_SUBJECT,
    THING_PLURALS,
    THINGS_LISTED,
    TITLE_OF,
    TITLES,
    is_speech_verb,
    speech_cues,
)

# --- entities ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    gender: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    first: int = -1  # where the article first gives the full name; a short form only points back to it


@dataclass(frozen=True, slots=True)
class Mention:
    pos: int  # absolute offset
    entity: Entity
    possessive: bool


class People(Pronouns):
    """What the article has said so far about who is who: names, their variants, mentions and sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: dict[str, Entity] = {}
        self.people: list[Entity] = []  # persons with a full name, in the order the article introduces them
        self.by_word: dict[str, list[Entity]] = {}  # each folded spelling of a name word -> people with it, in order
        self.lower_words: frozenset[str] = frozenset()  # words the article writes in lower case somewhere
        self.places: frozenset[str] = frozenset()  # one-word place names, casefolded
        # Where the article first writes each capitalised word as a name of its own, mid-sentence ("sanctions on
        # Israel"), casefolded: before anyone named with it as a given name ("Israel Katz"), it is not theirs.
        self.lone_names: dict[str, int] = {}
        self.mentions: list[Mention] = []
        self.org_mentions: list[Mention] = []  # organisations named in the narration, for "the company said"
        # Names the article shows to be bodies by the title after them: "Boeing" in "Boeing CEO Dennis Muilenburg".
        self.org_names: set[str] = set()
        self.lists: dict[str, Entity] = {}  # "firms" -> the firms a list introduced: "firms Sony, Philips and Samsung"
        self.sentences: list[tuple[int, int]] = []  # absolute, every body paragraph in order
        self.used: dict[str, Entity] = {}  # speakers given at least one quotation, by casefolded name
        self.last_speaker: Entity | None = None  # who the last attributed quotation went to
        self.last_spoken_at = -1  # where that quotation opens (absolute)
        # Sentences (by index) whose subject is someone the article does not name ("Ravi Patel's press secretary
        # posted ..."), with how that subject is described: a pronoun after them is that person's, nobody we can name.
        self.unnamed_subjects: dict[int, str] = {}
        # Sentences (by index) opening with a person described by sex alone ("The woman, then 25, told Ailes"):
        # where the description starts, the gender of its pronouns, and how it reads. A "she" after it is hers.
        self.sexed_subjects: dict[int, tuple[int, str, str]] = {}
        self.unnamed_cues: list[tuple[int, str]] = []  # every cue whose speaker is unnamed: where, and how described
        # The person a crosshead names when it is only a name ("Colin Dray"), for the paragraphs under it.
        self.section_person: Entity | None = None
        # Where the paragraph being read starts, and its text with the quotations masked (narration only).
        self.narration: tuple[int, str] = (0, "")

    def _entity(self, name: str, kind: str, gender: str | None = None, pos: int = -1) -> Entity:
        key = name.casefold()
        entity = self.entities.get(key)
        if entity is None:
            entity = Entity(name, kind, gender, first=pos)
            self.entities[key] = entity
            if kind == "person" and len(name.split()) > 1:
                # A given name of one gender only ("Gretchen", "Roger") tells which pronouns can be theirs.
                entity.gender = entity.gender or gender_of(name.split()[0])
                self.people.append(entity)
                for word in name.split():
                    for spelling in fold(word):
                        self.by_word.setdefault(spelling, []).append(entity)
                entity.aliases.append(name.split()[-1])
        if gender and not entity.gender:
            entity.gender = gender
        return entity

    def short_form(self, tokens: list[str], pos: int | None, gender: str | None = None) -> Entity | None:
        """The person a surname, a given name or a part of a name refers to: "Parata", "Te Kaurinui", "Bruenner".

        Only a person introduced in full before ``pos`` counts, the first of them when several share the words
        (a father before his son); with nobody introduced before, the only person in the article with them. An
        honorific's ``gender`` rules out whoever is known to be otherwise: "Mr. Rao" is not "Ms. Rao"."""
        words = [strip_possessive(t) for t in tokens]
        size = len(words)

        def matches(entity: Entity, surname: bool) -> bool:
            parts = entity.name.split()
            if len(parts) <= size:
                return False
            return same_words(parts[-size:], words) if surname else same_words(parts[:size], words)

        # Only people who have the first word somewhere in their name can match.
        sharing = {id(e): e for spelling in fold(words[0]) for e in self.by_word.get(spelling, [])} if words else {}
        sharing = sorted(sharing.values(), key=self.people.index)
        if gender:
            sharing = [e for e in sharing if e.gender in (None, gender)]
        for surname in (True, False):
            found = [e for e in sharing if matches(e, surname)]
            if not surname and size == 1:
                # "Israel said" where the article wrote "Israel" alone before introducing Israel Katz: the name of
                # its own, not his given name.
                alone = self.lone_names.get(words[0].casefold())
                found = [e for e in found if alone is None or e.first < alone]
            before = [e for e in found if pos is None or e.first < pos]
            if gender and len(before) > 1:
                # "Mr. Rao" after two Raos, neither known to be a man: either of them, so a stand-in that no
                # quotation is ever given to (see UNCLEAR).
                told = [e for e in before if e.gender == gender]
                if len(told) == 1:
                    return told[0]
                names = ", ".join(e.name for e in before)
                return self._entity(names, UNCLEAR, gender)
            if len(before) > 1 and pos is not None:
                # "Ronan Farrow, who ... . ... Farrow said": of several people with the name, the one the paragraph
                # has just introduced in full, rather than the first the article introduced (Mia Farrow).
                start = self.paragraph_start(pos)
                here = [e for e in before if e.first >= start]
                if len(here) == 1:
                    return here[0]
            if before:
                return before[0]
            if len(found) == 1:
                return found[0]
        if size == 1:
            # "Bello" after "Idris Bello Kanu": the middle word of one full name only, and nobody's first or last.
            middle = [
                e
                for e in sharing
                if (pos is None or e.first < pos)
                and any(fold(p) & fold(words[0]) and not PARTICLE_WORD.fullmatch(p) for p in e.name.split()[1:-1])
            ]
            if len(middle) == 1 and middle[0].kind == "person":
                return middle[0]
        return None

    def _surname_of_someone(self, word: str) -> bool:
        """Whether a person the article names in full has this surname."""
        key = strip_possessive(word).casefold()
        return any(e.kind == "person" and e.name.casefold().split()[-1] == key for e in self.people)

    def organisation(self, tokens: list[str], pos: int | None) -> Entity:
        """An organisation by name; a short form of one named in full before ("Whole Foods" after "Whole Foods
        Market") is that one, so an organisation's name is never cut short."""
        name = " ".join(tokens)
        known = self.entities.get(name.casefold())
        if known is None and looks_org(tokens):
            longer = [
                e
                for e in self.entities.values()
                if e.kind == "organisation" and e.name.startswith(name + " ") and (pos is None or e.first < pos)
            ]
            if len(longer) == 1:
                return longer[0]
        return known or self._entity(name, "organisation", pos=pos if pos is not None else -1)

    def drop_sentence_word(self, tokens: list[str]) -> list[str]:
        """Without a first word the article also writes in lower case: "Once Fetter arrived" names Fetter.

        A capital at the start of a sentence says nothing; a word the article uses in lower case elsewhere is a
        plain word there, not part of a name, and so is a speech verb ("Replied Stephen, ..." is Stephen
        replying)."""
        # (A look-up in each set: one in ``self.lower_words | LEADING`` built that union, the article's vocabulary, for
        # every word.)
        while (
            len(tokens) > 1
            and tokens[0] != "I"
            and (
                tokens[0].casefold() in self.lower_words
                or tokens[0].casefold() in LEADING
                or is_speech_verb(tokens[0].casefold())
            )
        ):
            tokens = tokens[1:]
        if self.opens_with_role(tokens):
            tokens = tokens[1:]
        return tokens

    def after_title_of(self, tokens: list[str], start: int | None) -> list[str]:
        """Without the object of a title's "of"/"for" phrase: in "Minister for Rural Affairs Owen Tregarth"
        the run after "for" is "Rural Affairs Owen Tregarth", and the person is the last two of its capitalised words
        (with any particle or initial between them)."""
        if start is None or len(tokens) < 3 or not self.text.endswith((" of ", " for ", " the "), 0, start):
            return tokens
        lead = TITLE_OF.search(self.text, max(0, start - 80), start)
        if lead is None or lead["title"].casefold() not in TITLES:
            return tokens
        # (An initial is no given name: "President of Ireland Michael D. Higgins" is Michael D. Higgins.)
        capitals = [i for i, t in enumerate(tokens) if t[:1].isupper() and len(t.rstrip(".")) > 1]
        return tokens[capitals[-2] :] if len(capitals) >= 3 else tokens

    def titled(self, title: list[str], pos: int | None) -> Entity | None:
        """The one person named before ``pos`` whose role ends with this title, as a title stands before its name
        ("the minister" after "Foreign Minister Ama Osei", "the US President" after "US President Donald Trump");
        None when nobody was introduced with it, or several were and the text does not say which."""
        wanted = [strip_possessive(t).casefold() for t in title]
        last_seen: dict[int, tuple[int, Entity]] = {}  # each holder of the title -> its latest mention before pos
        for m in self.mentions:
            if (pos is None or m.pos < pos) and (m.entity.role or "").casefold().split()[-len(wanted) :] == wanted:
                last_seen[id(m.entity)] = (m.pos, m.entity)
        if len(last_seen) == 1:
            return next(iter(last_seen.values()))[1]
        if not last_seen or pos is None:
            return None
        # Several hold it ("Ukrainian President Zelensky", "President Biden"): the title means the one the text
        # is about, the only one mentioned in this paragraph or the one before; else no one.
        since = self.paragraph_start(len(self.text[: self.paragraph_start(pos)].rstrip("\n")))  # the one before
        recent = [entity for at, entity in last_seen.values() if at >= since]
        return recent[0] if len(recent) == 1 else None

    def opens_with_role(self, tokens: list[str]) -> bool:
        """True for "Wing Kofi Mensah", "Referee Hannah Cole", "Ask Damien Chazelle": a common word before a full
        name, written with a capital only where it opens a sentence, is the person's role or the sentence's own
        word, not part of the name (no list of roles is ever complete).

        The name must be two words without it, and never appear with it in mid-sentence ("Peter Mathuki Njoroge"
        written so is a name, whatever WordNet says "peter" means)."""
        if len(tokens) < 3 or tokens[0].casefold() in HONORIFICS or INITIAL.fullmatch(tokens[1]):
            return False  # (a word before a middle initial is a given name: "Ruth P. Calloway")
        if part_of_speech(tokens[0].casefold()) is None:
            return False  # (a word WordNet does not know is a name: any other, a noun or a verb, may be a role
            # or the sentence's own word: "Ask Damien Chazelle about ...")
        if looks_org(tokens[1:]) or not person_name(tokens[1:]):
            return False
        run = re.escape(" ".join(tokens))
        return all(sentence_initial(self.text, m.start()) for m in re.finditer(rf"(?<![\w’'\-]){run}", self.text))

    def _register_names(self, text: str) -> None:
        """Learn full names anywhere (quotes included), in order, so a later surname or 'Mr X' resolves."""
        self.lower_words = frozenset(re.findall(r"(?<![\w’'\-])[a-z][a-z’'\-]*", text))
        # One-word names the article puts after "in", "near" or "outside" are places ("in Nairobi", "near
        # Linwood"); an organisation word or a possessive ("in Apple's report") says otherwise.
        self.places = frozenset(
            m["place"].casefold()
            for m in PLACE_AFTER.finditer(text)
            if not {w.casefold() for w in m["place"].split()} & (ORG_WORDS | LEADING)
        )
        runs = list(RUN.finditer(text))
        # "The Liberal Democrats", "the Ohio River": a name the article writes with "the" is no person's, even where
        # it stands without it ("Tom Everett (Liberal Democrat)").
        after_the = [name_after_the(text, m) for m in runs]
        with_the = {name for name in after_the if name is not None}
        for match, the_name in zip(runs, after_the, strict=True):
            tokens = match.group().split()
            if len(tokens) == 1 and not sentence_initial(text, match.start()):
                self.lone_names.setdefault(strip_possessive(tokens[0]).casefold(), match.start())
            if before_title(text, match.end()):
                continue
            if INDEFINITE_BEFORE.search(text, max(0, match.start() - 4), match.start()):
                continue  # "Markwayne Mullin, an Oklahoma Republican": a name takes no "a"; a description does
            if (match.group() in with_the or the_name) and not body_then_person(tokens):
                continue  # (but "the Ministry of Finance Brian Manning" introduces him)
            while tokens and tokens[0].casefold() in HONORIFICS:
                tokens = tokens[1:]  # "Dr. Annelies Brünner" introduces Annelies Brünner
            if any(t.casefold() in HONORIFICS for t in tokens):
                continue
            if sentence_initial(text, match.start()):
                tokens = self.drop_sentence_word(tokens)
            tokens = self.after_title_of(tokens, match.start())
            name_part, title_part = split_title(tokens)
            self._learn_body(title_part, match.start())
            if " ".join(name_part).casefold() in self.places:
                continue  # "ships into Port Harlow": a place, not a person
            if beside_number(text, match.start(), match.end()):
                continue  # "21st Century Fox", "Teamsters Local 90": no person's name follows or precedes a number
            if len(name_part) >= 2 and not looks_org(name_part) and person_name(name_part):
                if common_phrase(name_part) or describes_people(name_part):
                    # "Indigenous Peoples", "Central Americans": a kind of people, no one's name
                    continue
                if self._surname_first(name_part, match.start()):
                    continue  # "derailed by Musk Twitter?": two names side by side, no third person
                name = " ".join(strip_possessive(t) for t in name_part)
                if name.casefold() not in self.entities and self.short_form(name_part, match.start()) is None:
                    # A relation noun that says a sex, right before the name, gives theirs: "her daughter Soon-Yi
                    # Previn", "his wife, Ana Ruiz".
                    relation = RELATION_BEFORE.search(text, max(0, match.start() - 30), match.start())
                    gender = RELATION_GENDERS.get(relation["rel"]) if relation else None
                    self._entity(name, "person", gender, pos=match.start())
        if " and " in text:
            self._register_couples(text)

    def _surname_first(self, name_part: list[str], pos: int) -> bool:
        """Whether a run opens with the surname of someone introduced before it, a word no given name is: no
        one's name opens with another's surname ("Musk Twitter" after Elon Musk)."""
        first = strip_possessive(name_part[0])
        if is_given_name(first):
            return False
        known = self.short_form([first], pos)
        return known is not None and known.kind == "person" and same_words(known.name.split()[-1:], [first])

    def _learn_body(self, title_part: list[str], pos: int) -> None:
        """The body a title before a name belongs to: "Boeing" in "Boeing CEO Dennis Muilenburg" is an organisation,
        so "Boeing is ..." later names it and "the company said" can point back to it. Only capitalised words the
        article never writes in lower case ("Former" is no body) and no given name, before the first title."""
        body: list[str] = []
        for token in title_part:
            if token.endswith(("'s", "’s")):
                return  # "Rudy Giuliani's ...": a person's, not a body's
            if token.casefold() in TITLES:
                break
            body.append(token)
        else:
            return  # no title after the words: nothing says they are a body
        ordinary = [w for w in body if w.casefold() in self.lower_words or w.casefold() in LEADING or is_given_name(w)]
        if 1 <= len(body) <= 2 and not ordinary:
            name = " ".join(body)
            if name.casefold() not in self.entities:
                self._entity(name, "organisation", pos=pos)
                self.org_names.add(name.casefold())

    def _register_couples(self, text: str) -> None:
        """ "Ada and Tom Merrow": two given names joined before one surname introduce two people of that surname,
        so a later "Ada" is Ada Merrow. The first one is found by the given name only: "Merrow" alone stays the
        person named in full ("Wessex and Colin Dray" must not make "Dray" anyone else)."""
        for match in COUPLE.finditer(text):
            given, rest = match["given"], match["rest"]
            partner = self.entities.get(rest.casefold())
            key = given.casefold()
            before = text[max(0, match.start() - 30) : match.start()]
            # A capitalised word right before may begin a longer name ("Wessex and Colin Dray"), unless the article
            # writes it in lower case elsewhere: "For Josh and Mel Campbell" opens a sentence with "For".
            word_before = re.search(r"([A-Z][\w’'\-]*)\s+$", before)
            if word_before is not None and word_before[1].casefold() in self.lower_words:
                before = before[: word_before.start()]
            if (
                partner is None
                or partner.kind != "person"
                or not is_person_token(given)
                or key in self.places
                or key in DEMONYMS
                or key in self.lower_words
                or re.search(r"(?:[A-Z][\w’'\-]*|\b[Tt]he|\bof)\s+$", before)
            ):
                continue
            name = f"{given} {rest.split()[-1]}"
            if name.casefold() in self.entities:
                continue
            entity = Entity(name, "person", first=match.start())
            self.entities[name.casefold()] = entity
            self.people.insert(self.people.index(partner), entity)
            for spelling in fold(given):
                self.by_word.setdefault(spelling, []).append(entity)

    def resolve_run(
        self, tokens: list[str], the_prefix: bool = False, speaking: bool = False, pos: int | None = None
    ) -> Entity | None:
        """The entity a capitalised run at ``pos`` names, or None when it names nobody we can tell."""
        tokens = self.after_title_of(tokens, pos)
        owners = [i for i, t in enumerate(tokens[:-1]) if t.endswith(("'s", "’s"))]
        if owners:
            tokens = tokens[owners[-1] + 1 :]  # "Broad's Zhang" names Zhang
        tokens = drop_post_nominals([strip_possessive(t) for t in tokens])
        # "Amazon-owned Whole Foods Market", "Seattle-based Dana Besecker": the modifier describes the name.
        while len(tokens) > 1 and MODIFIER.search(tokens[0]):
            tokens = tokens[1:]
        if tokens and adjective_from_name(tokens[-1]):
            return None  # "a Savile Row-tailored lawyer": an adjective made from a name, no one at all
        while tokens and tokens[0].casefold() in LEADING and tokens[0] != "I":
            the_prefix = the_prefix or tokens[0].casefold() == "the"
            tokens = tokens[1:]
        if not tokens:
            return None
        if len(tokens) == 1 and tokens[0].casefold() in PRONOUN_DETERMINERS:
            return None  # "Others reported ...", "Many said": a determiner standing as a pronoun names nobody
        honorific = next((t for t in tokens if t.casefold() in HONORIFICS), None)
        if honorific is not None:
            rest = tokens[tokens.index(honorific) + 1 :]
            if not rest:
                return None
            gender = HONORIFICS[honorific.casefold()]
            known = self.entities.get(" ".join(rest).casefold()) or self.short_form(rest[-1:], pos, gender)
            if known is not None:
                if gender and not known.gender:
                    known.gender = gender
                alias = f"{honorific} {rest[-1]}"
                if alias not in known.aliases:
                    known.aliases.append(alias)
                return known
            return self._entity(" ".join(rest), "person", gender, pos=pos if pos is not None else -1)
        if len(tokens) > 1 and (tokens[-1].casefold() in PLACE_WORDS or " ".join(tokens).casefold() in self.places):
            return None  # "of Hollins Lane, Stockport": a place is never a speaker nor a pronoun's person
        name_part, role = split_title(tokens)
        if not name_part and role and strip_possessive(role[-1]).casefold() in TITLES:
            # A title alone that is the surname of someone introduced names them: "King asked" after "Gayle King"
            # (but "the King said" is a king's).
            surname = self.short_form(role, pos) if len(role) == 1 and not the_prefix else None
            return surname or self.titled(role, pos)
        if len(name_part) >= 2 and (the_prefix or looks_org(name_part[:-1])):
            # "Speaking to the Daily Mail Lacerda claimed" (a comma missing): no person's name follows "the", so a
            # run after it ending in the surname of someone introduced is another name, then that person.
            known = self.short_form(name_part[-1:], pos)
            if known is not None and known.kind == "person":
                return known
        if the_prefix and len(tokens) == 1:
            # "the Allen book", "the Obama administration": the surname of someone introduced, after "the", is
            # that person's name made a modifier, no organisation's; it names them, but never as a speaker.
            known = self.short_form(tokens, pos)
            if known is not None and known.kind == "person" and is_given_name(known.name.split()[0]):
                return None if speaking else known
        # "Ridgeford Public Library Director Susan Oyelaran": a person behind an organisation's title is a person.
        titled_person = bool(role) and len(name_part) >= 2 and not looks_org(name_part)
        if not (titled_person and person_name(name_part)) and (the_prefix or looks_org(tokens)):
            return self.organisation(tokens, pos)
        if not name_part:
            return None
        if len(name_part) >= 2 and describes_people(name_part):
            return None  # "A Texas Democrat said": a description of someone the article does not name here
        if common_phrase(name_part) and not looks_org(name_part):
            return None  # "Indigenous Peoples": a kind of people, never a person a pronoun can mean
        if len(name_part) >= 2 and person_name(name_part):
            known = self.entities.get(" ".join(name_part).casefold())
            if known is None:
                name_part = self.drop_sentence_word(name_part)
                known = self.entities.get(" ".join(name_part).casefold()) or self.short_form(name_part, pos)
            if known is not None:
                if role and not known.role and known.kind == "person":
                    known.role = " ".join(role)
                return known
        if len(name_part) >= 2 and person_name(name_part):
            entity = self._entity(" ".join(name_part), "person", pos=pos if pos is not None else -1)
            if role and not entity.role:
                entity.role = " ".join(role)
            return entity
        if len(name_part) == 1:
            word = name_part[0]
            key = word.casefold()
            known = self.entities.get(key) or self.short_form([word], pos)
            if known is not None:
                return known
            if key in self.places or key in DEMONYMS or key in MONTHS:
                # "in Nairobi" earlier: "Nairobi said" is a place; "European" describes, never speaks; "Last
                # December, ..." is a date (a person called May or June is found above, by the name introduced)
                return None
            if speaking and len(word) > 1:
                if word.casefold() in GROUP_NOUNS:
                    return self._entity(word, "group")
                kind = "organisation" if org_word(word) else "person"
                return self._entity(word, kind)
        return None

    # --- per paragraph ------------------------------------------------------------------------

    def _collect_mentions(self, masked: str, base: int, first_sentence: int) -> None:
        self._collect_sexed_subjects(masked, base, first_sentence)
        items: list[tuple[int, str, re.Match[str]]] = [(m.start(), "run", m) for m in RUN.finditer(masked)]
        items += [
            (m.start(), "pronoun", m)
            for m in re.finditer(r"\b(?:he|she|He|She|his|His|her|Her|him)\b(?:['’]d)?", masked)
        ]
        if "@" in masked or "_" in masked:
            items += [(m.start(), "handle", m) for m in HANDLE.finditer(masked)]
        for start, what, match in sorted(items, key=lambda item: item[0]):
            if what == "handle":
                self.mentions.append(Mention(base + start, self._entity(match.group(), "person"), False))
                continue
            if what == "pronoun":
                word = match.group().split("'")[0].split("’")[0].casefold()
                entity = self.resolve_pronoun(base + start, word, first_sentence)
                if entity is not None:
                    self.mentions.append(Mention(base + start, entity, word in {"his", "her"}))
                continue
            tokens = match.group().split()
            if before_title(masked, match.end()):
                continue  # "Liberal Democrat leader Charles Kennedy": the run is a role
            if len(tokens) == 1 and tokens[0].casefold() in TITLES and TITLE_PHRASE.match(masked, match.end()):
                continue  # "Minister in the Ministry of Finance Brian Manning": the title of the name ahead
            if beside_number(masked, start, match.end()):
                continue  # "21st Century Fox", "Local 90": a body or a thing, never a person a pronoun can mean
            plural = re.match(r"\s+([a-z]+)\b", masked[match.end() : match.end() + 30])
            if plural is not None and plural[1] in PEOPLE_PLURALS:
                continue  # "Clann Nua officials called him in": the run is their body, not a person
            window = masked[max(0, start - 100) : start]
            # The pattern is only searched for where its connective is in the window: most windows hold none.
            listed = THINGS_LISTED.search(window) if any(w in window for w in LIST_CONNECTIVES) else None
            if listed is not None and listed["noun"] in THING_PLURALS:
                continue  # "events such as the Harvest Fair and Prairie Rodeo": things, not people
            before = masked[max(0, start - 4) : start].casefold()
            bare = [t for t in tokens if t.casefold() != "the"]
            after_the = before.endswith("the ") or tokens[0].casefold() == "the"
            if after_the and len(bare) == 1 and self._surname_of_someone(bare[0]) and noun_follows(masked, match.end()):
                # "The Kreuzberg family winery ... winemaker Ludwig Kreuzberg": a person's surname made a modifier
                # before the person is introduced is theirs, not an organisation's called "Kreuzberg".
                continue
            entity = self.resolve_run(tokens, the_prefix=before.endswith("the "), pos=base + start)
            if entity is None:
                entity = self._named_relation(masked, start, match.end(), tokens, base)
            if entity is None:
                continue
            possessive = bool(re.match(r"['’]s\b", masked[match.end() : match.end() + 3])) or tokens[-1].endswith(
                ("'s", "’s")
            )
            if entity.kind in ("person", UNCLEAR):
                self.mentions.append(Mention(base + start, entity, possessive))
                self._role_from_context(entity, masked, start, match.end())
            elif entity.kind == "organisation" and (
                looks_org(entity.name.split()) or entity.name.casefold() in self.org_names
            ):
                self.org_mentions.append(Mention(base + start, entity, possessive))
        for listed in NAMED_LIST.finditer(masked):
            head = listed["head"].casefold()
            if head in GROUP_NOUNS and head not in self.lists:
                names = listed["names"]
                self.lists[head] = self._entity(names, "group", pos=base + listed.start("names"))

    def _collect_sexed_subjects(self, masked: str, base: int, first_sentence: int) -> None:
        """The paragraph's sentences whose subject is a person described by sex alone: someone the article does not
        name, registered before any pronoun of the paragraph is read."""
        for index in range(first_sentence, len(self.sentences)):
            start = self.sentences[index][0] - base
            if start >= len(masked):
                break
            found = SEXED_SUBJECT.match(masked, max(0, start))
            if found is not None:
                gender = SEXED_NOUNS[found["noun"]]
                self.sexed_subjects[index] = (base + found.start("np"), gender, f"{UNNAMED}: '{found['np']}'")

    def _named_relation(self, masked: str, start: int, end: int, tokens: list[str], base: int) -> Entity | None:
        """A person the article names by first name only, in apposition to a relation: "Their elder son, Iain,",
        "His wife, Morag,". Families in features are named so; the name then speaks and pronouns find it."""
        if len(tokens) != 1 or not is_person_token(tokens[0]) or not re.match(r"\s*[,.]", masked[end:]):
            return None
        related = APPOSED_RELATION.search(masked[max(0, start - 40) : start])
        if related is None or related["rel"] not in RELATION_NOUNS:
            return None
        entity = self._entity(strip_possessive(tokens[0]), "person", pos=base + start)
        entity.role = entity.role or related["rel"]
        return entity

    def _role_from_context(self, entity: Entity, masked: str, start: int, end: int) -> None:
        """Keep how the article introduces a person: a title before the name or an apposition after it."""
        if entity.role:
            return
        after = re.match(r",\s+(?P<role>(?:a |an |the |now )?[a-z][^,.;\x00]{2,90}?)(?:,|\.|;|$)", masked[end:])
        # (Not "found by Tom Reyes, the station's manager claimed": a phrase running into a speech verb is that verb's
        # subject, someone else, and not the name's role.)
        if (
            after
            and any(w.casefold() in TITLES or w.endswith(("ist", "er", "or")) for w in after["role"].split())
            and not speech_cues(after["role"])
        ):
            entity.role = after["role"].strip()
            return
        related = RELATION_BEFORE.search(masked, max(0, start - 40), start)
        if related and related["comma"] and related["rel"] in RELATION_NOUNS:
            entity.role = related["rel"]  # "survived by a daughter, Anne Ellery-Watts"
            return
        before = re.search(r"((?:[A-Za-z][\w\-’']*\s+){1,5})$", masked[max(0, start - 60) : start])
        if before:
            words = before.group(1).split()
            while words and words[0].casefold() in LEADING | PREPOSITIONS:
                words = words[1:]
            if words and any(w.casefold() in TITLES for w in words):
                entity.role = " ".join(words)
