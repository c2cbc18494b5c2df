"""Speech cues in the narration ("said", "wrote", "according to", "X's tweet:") and the speaker each names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .given_names import is_given_name
from .groups import Groups, group_how, group_noun
from .name_shapes import AFTER_NUMBER, looks_org, split_title, strip_possessive
from .names import Entity
from .pronouns import PREPOSITION_BEFORE
from .records import AMBIGUOUS, UNNAMED
from .subjects import (
    AFTER_ASIDE,
    APPOSED_NAME,
    APPOSITIVE_SUBJECT,
    CLAUSE_NAME,
    DASHED_ASIDE,
    DESCRIBED_SUBJECT,
    DESCRIPTION_THEN_NAME,
    DOCUMENT_FROM_AFTER,
    DOCUMENT_FROM_BEFORE,
    INDEFINITE_SPEAKER,
    INDEFINITE_WHO,
    NAMED_SUBJECT,
    OF_PHRASE_SUBJECT,
    OWNED_SUBJECT,
    PERSON_WITH_BODY,
    POSSESSED_SUBJECT,
    QUOTED_AS,
    RELATIVE_SUBJECT,
    REPORTED_SPEAKER,
    SECTION_DESCRIPTION,
    UNCLOSED_APPOSITION,
    noun_phrase,
)
from .words import (
    AUXILIARIES,
    CHANNEL_RE,
    CLAUSE_OPENERS,
    DESCRIBING_NOUNS,
    DESCRIPTION,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    HANDLE_END,
    INVERTING,
    LEADING,
    MASK,
    MEDIUM_RE,
    NP_STOP,
    PREPOSITIONS,
    PROGRAMME_RE,
    REPORTED_LEAD,
    RUN,
    SUBORDINATE,
    TITLES,
    UNNAMED_DEFINITE,
    speech_cues,
)


def name_how(run: str, entity: Entity) -> str:
    """How a name in a cue was resolved: "named" when it is the full name, else what it points back to."""
    words = split_title([strip_possessive(t) for t in run.split()])[0]
    if " ".join(words) == entity.name or entity.kind != "person":
        return "named"
    return f"'{' '.join(words)}' → {entity.name}, introduced earlier"


def _after_document(left: str) -> bool:
    """Whether the words before a verb end with a document: "the report", "the email", "his letters"."""
    head = re.search(r"([A-Za-z\-]+)\W*$", left)
    return head is not None and (head[1].casefold() in DOCUMENT_NOUNS or head[1].casefold()[:-1] in DOCUMENT_NOUNS)


@dataclass(frozen=True, slots=True)
class Event:
    """A speech cue in the narration and who it names."""

    pos: int
    end: int
    verb: str
    entity: Entity | None
    subject_start: int
    channel: str | None
    how: str  # how the speaker was found ("named", "pronoun 'he' → ..."), or why there is none


def find_channel(text: str) -> str | None:
    for pattern in (CHANNEL_RE, PROGRAMME_RE, MEDIUM_RE):
        match = pattern.search(text.replace(MASK, " "))
        if match:
            return match["ch"].strip()
    return None


# A verb of going on before a speech verb: its subject is the speaker's ("went on to say", "goes on to add").
GOING_ON_TO = re.compile(r"\s+(?:went|goes|go|going|gone|proceeded|proceeds)\s+on\s+to\s*$")


def _description(found: re.Match[str] | None) -> re.Match[str] | None:
    """A description's match, unless a capitalised word before its noun makes it a name or a title: "the Ohio
    River", "the Harbour Commissioner" (but "the Alabama Republican" describes, as "the German" does)."""
    if found is None or not (found["modifier"] or "")[:1].isupper():
        return found
    return found if found["noun"].casefold() in DESCRIBING_NOUNS else None


def cue_text(masked: str, base: int, event: Event, quote_open: int) -> str:
    """The cue as the article words it, up to the quotation: 'commented on X', 'posted on Weibo'."""
    tail = masked[event.end - base : quote_open - base]
    words = re.match(r"[^\x00:,.;]{0,40}", tail)
    phrase = event.verb + (words.group().rstrip() if words else "")
    return phrase.strip()


class Cues(Groups):
    """Finds the speech cues of a paragraph and resolves the speaker each one names."""

    def _events(self, masked: str, base: int, first_sentence: int) -> list[Event]:
        events: list[Event] = []
        for verb_start, verb_end, verb in speech_cues(masked):
            if verb == "called" and re.match(r"\s*\x00", masked[verb_end:]):
                continue  # 'called "X"' names a thing
            if verb.startswith("hail") and re.match(r"\s+from\b", masked[verb_end:]):
                continue  # "who hailed from Leeds" says where someone is from
            if verb in ("quoted", "quotes") and not QUOTED_AS.match(masked, verb_end):
                continue  # a quotation cited, not speech reported
            sent = self._sentence_index(base + verb_start, first_sentence)
            sent_start = self.sentences[sent][0] - base
            if verb in DOCUMENT_VERBS and not _after_document(masked[sent_start:verb_start]):
                continue  # "she reads a book": only a document reads or begins with what it says
            entity, subject_start, how = self._speaker_of(
                masked, verb_start, verb_end, verb, sent_start, base, first_sentence
            )
            if entity is None and AMBIGUOUS not in how and UNNAMED not in how and not how.startswith("pronoun"):
                # No speaker at all: the cue is not speech ("according to reports"). A pronoun that refers to nobody
                # still says whose the words are, and they are not the running speaker's ("she said" after Ailes).
                continue
            if entity is None and how.startswith(UNNAMED):
                self.unnamed_cues.append((base + verb_start, how))
                if self._opens_sentence(base + sent_start, base + subject_start):
                    self.unnamed_subjects[sent] = how
            sent_end = self.sentences[sent][1] - base
            events.append(
                Event(
                    pos=base + verb_start,
                    end=base + verb_end,
                    verb=verb,
                    entity=entity,
                    subject_start=base + subject_start,
                    channel=find_channel(masked[sent_start:sent_end]),
                    how=how,
                )
            )
        return events

    def _speaker_of(
        self, masked: str, vstart: int, vend: int, verb: str, sent_start: int, base: int, first_sentence: int
    ) -> tuple[Entity | None, int, str]:
        """Who a cue names, where that starts, and how it was found ("pronoun → ...", "'Fogg' → Ian Fogg")."""
        left = masked[sent_start:vstart]
        after = masked[vend : vend + 80]
        reported = REPORTED_SPEAKER.match(after)
        if reported is not None:
            # The cue reports what that person said: they are the speaker, not the one who recalls it.
            start = vend + reported.start("pronoun" if reported["pronoun"] else "run")
            if reported["pronoun"]:
                return self._pronoun_result(base + start, reported["pronoun"], first_sentence, start)
            entity = self.resolve_run(reported["run"].split(), speaking=True, pos=base + start)
            return entity, start, name_how(reported["run"], entity) if entity else ""
        if verb == "according to" or (verb in INVERTING and re.search(r"(?:^|[,\x00:]|\bthen)\s*$", left)):
            found = self._inverted(after, vend, base, first_sentence)
            if found is not None:
                return found
            if verb == "according to":
                return None, vstart, ""  # an unnamed source of the account ("according to a person familiar")
            phrase = noun_phrase(after)
            if INDEFINITE_SPEAKER.match(phrase):
                named = DESCRIPTION_THEN_NAME.match(after, len(phrase))
                tokens = named["run"].split() if named is not None else []
                # "said another rebel at Ras Lanouf, Borawi Saleh, an army veteran": a full name in apposition, right
                # after the description or opening with a given name (in "a resident of Queens, New York" the name
                # after the place is its region). Checked before resolving, which may introduce the name.
                if len(tokens) >= 2 and (not named["place"] or is_given_name(tokens[0])):
                    entity = self.resolve_run(tokens, speaking=True, pos=base + vend + named.start("run"))
                    if entity is not None and entity.kind == "person":
                        return entity, vend + named.start("run"), f"'{phrase.strip()}, {named['run']}' → {entity.name}"
                # '"...," says a former Fox employee': someone the article does not name, as when the description
                # comes before the verb; the quotation is theirs, not a later cue's ("... who says Ailes").
                return None, vend + len(phrase) - len(phrase.lstrip()), f"{UNNAMED}: '{phrase.strip()}'"
        going_on = GOING_ON_TO.search(left)
        if going_on is not None:
            vstart = sent_start + going_on.start()  # "The secretary went on to say that ...": the secretary says it
        return self._subject(masked, sent_start, vstart, base, first_sentence)

    def _inverted(self, after: str, vend: int, base: int, first_sentence: int) -> tuple[Entity | None, int, str] | None:
        """The speaker named after the verb: 'said Ian Fogg', 'said economist Marie-Pierre Ripert at IXIS',
        'wrote S&P credit analyst Helena Hessel', 'admitted the 28-year-old Morientes', 'said a Fox spokesman'."""
        # '"...," said he.' ends there; in "Albright, whose ..., said she was frustrated" the pronoun opens the
        # reported clause and the speaker is the subject before the verb.
        pronoun = re.match(r"\s+(he|she|He|She)\b(?=\s*(?:[.,;:!?\x00]|$))", after)
        if pronoun:
            start = vend + pronoun.start(1)
            return self._pronoun_result(base + start, pronoun.group(1), first_sentence, start)
        phrase = noun_phrase(after)
        following = after[len(phrase) :].split()[:1]
        if not phrase.strip() or (following and following[0] in AUXILIARIES):
            return None  # "said Ellery had ...", "said the combination would ...": a reported clause, no speaker
        description = _description(DESCRIPTION.fullmatch(phrase.strip()))
        if description:
            start = vend + (len(phrase) - len(phrase.lstrip()))
            entity = self._described(description, base + start, first_sentence)
            if entity is not None:
                return entity, start, f"description '{description.group()}' → {entity.name}, the person just named"
        runs = list(RUN.finditer(phrase))
        if runs and runs[0].group().endswith("s") and after[runs[0].end() : runs[0].end() + 1] in ("'", "’"):
            return None  # "said Jobs' vision saved Apple": the name owns what was said of it, it does not speak
        if runs and runs[-1].group().endswith(("'s", "’s")) and not phrase[runs[-1].end() :].strip():
            return None  # 'said Cowen's "attempt ..."': the name owns the quoted words, it does not speak them
        if runs and not phrase[runs[-1].end() :].strip():
            # The name heads the phrase; what comes before it is a role ("S&P credit analyst").
            run = runs[-1]
            lead = phrase[: run.start()]
            tokens = run.group().split()
            joined = re.search(r"(?:[A-Z][\w’'\-]*\s+)+and\s+$", lead) if looks_org(tokens) else None
            if joined is not None:
                # "said the Universities and Colleges Employers’ Association": one organisation's name.
                tokens = joined.group().split() + tokens
                lead = lead[: joined.start()]
            entity = self.resolve_run(
                tokens,
                the_prefix=bool(re.search(r"\b[Tt]he\s+$", lead)),
                speaking=True,
                pos=base + vend + run.start(),
            )
            if entity is not None:
                if entity.kind == "person" and not entity.role and any(w.casefold() in TITLES for w in lead.split()):
                    entity.role = lead.strip()
                return entity, vend + run.start(), name_how(run.group(), entity)
        document = self._document_from(DOCUMENT_FROM_AFTER.match(after), base, vend)
        if document is not None:
            return document
        group = self._group(phrase.rstrip())
        if group is not None:
            name, offset = group
            entity = self._group_entity(name, base + vend + offset)
            return entity, vend + offset, group_how(name, entity)
        follows = phrase[runs[0].end() :].split()[:1] if runs else []
        if follows and follows[0].casefold() in NP_STOP:
            return None  # "said Ellery had ...": the name opens the reported clause, it is not the speaker
        if runs and not phrase[: runs[0].start()].strip() and runs[0].group().endswith(("'s", "’s")):
            owned = re.match(r"\s+(?P<noun>[a-z][\w\-]*)\s*$", phrase[runs[0].end() :])
            if owned:
                # "recalled Brook's husband, Tomas Hale, a pilot": the husband speaks, never Brook; the name in
                # apposition says who he is, and without one he is someone the article does not name.
                start = vend + runs[0].start()
                rest = after[len(phrase) :]
                return self._owned_speaker(runs[0].group(), owned["noun"], rest, start, base, vend + len(phrase))
        if runs and not phrase[: runs[0].start()].strip():
            # The name opens the phrase ("said Fogg of Enders Analysis"); in "said a Linwood resident" or "said a
            # Paris taxi driver" the name only describes an unnamed speaker, and no place speaks.
            entity = self.resolve_run(runs[0].group().split(), speaking=True, pos=base + vend + runs[0].start())
            if entity is not None:
                return entity, vend + runs[0].start(), name_how(runs[0].group(), entity)
        return None

    def _document_from(self, found: re.Match[str] | None, base: int, offset: int) -> tuple[Entity, int, str] | None:
        """The person or organisation a document is from ("a statement from Boeing said": Boeing), or None. ``found``
        was matched in the paragraph's narration from ``offset`` on; ``base`` is where the paragraph starts."""
        if found is None or found["doc"] not in DOCUMENT_NOUNS:
            return None
        entity = self.resolve_run(found["run"].split(), speaking=True, pos=base + offset + found.start("run"))
        if entity is None or entity.kind not in ("person", "organisation"):
            return None
        return entity, offset + found.start("doc"), f"'{found.group().strip()}' → {entity.name}, its author"

    def _owned_speaker(
        self, owner: str, noun: str, rest: str, start: int, base: int, rest_start: int
    ) -> tuple[Entity | None, int, str]:
        """The speaker "X's <noun>" names: the person in apposition after it ("Brook's husband, Tomas Hale,"),
        else someone the article does not name (a document, "Julian's note", speaks for its writer)."""
        if noun in DOCUMENT_NOUNS:
            entity = self.resolve_run(owner.split(), speaking=True, pos=base + start)
            if entity is not None and entity.kind in ("person", "organisation"):
                return entity, start, f"'{owner} {noun}' → {entity.name}, its writer"
        apposed = APPOSED_NAME.match(rest)
        if apposed:
            pos = base + rest_start + apposed.start("run")
            entity = self.resolve_run(apposed["run"].split(), speaking=True, pos=pos)
            if entity is not None and entity.kind == "person":
                return entity, start, f"'{owner} {noun}, {apposed['run']}' → {entity.name}, named in apposition"
        return None, start, f"{UNNAMED}: '{owner} {noun}'"

    def _subject(
        self, masked: str, sent_start: int, vstart: int, base: int, first_sentence: int
    ) -> tuple[Entity | None, int, str]:
        left = masked[sent_start:vstart]
        # Drop adverbs, auxiliaries, modals and an emphatic "herself" between subject and verb: "publicly", "has",
        # "also", "will", "as Montoya-Lewis herself said".
        left = re.sub(
            r"(?:\s+(?:also|further|then|later|has|have|had|did|does|will|would|could|can|may|might|must|once|previously|again"
            r"|today|yesterday|himself|herself|themselves|itself|[a-z]{3,}ly))+\s*$",
            "",
            " " + left,
        )[1:].rstrip()
        # Skip a parenthesis right before the verb: "Dario Amodei (former OpenAI executive) commented".
        while left.endswith(")") and "(" in left:
            left = left[: left.rindex("(")].rstrip()
        # ... or an aside between dashes: "Cowen — deeply unpopular because of the slide — pledged".
        aside = DASHED_ASIDE.search(left)
        if aside is not None:
            left = left[: aside.start()].rstrip()
        if not left:
            return None, vstart, ""
        end = sent_start + len(left)
        handle = HANDLE_END.search(left) if "@" in left or "_" in left else None
        if handle is not None:
            # "and a gloomy @pitchsidepete replied": a handle names its holder.
            return self._entity(handle.group(), "person"), sent_start + handle.start(), "named by a handle"
        pronoun = re.search(r"\b(he|she|they|it|He|She|They|It)(?:['’]d)?$", left)  # "he’d remarked" too
        if pronoun:
            word = pronoun.group(1).casefold()
            if word == "they":
                group = self._recent_group(base + end, first_sentence)
                return group, sent_start + pronoun.start(), "pronoun 'they' → the group last quoted" if group else ""
            if word == "it":
                org = self.organisation_subject(base + sent_start + pronoun.start(), first_sentence)
                how = f"pronoun 'it' → {org.name}, the organisation the sentence opens with" if org else ""
                return org, sent_start + pronoun.start(), how
            return self._pronoun_result(
                base + sent_start + pronoun.start(), pronoun.group(1), first_sentence, sent_start + pronoun.start()
            )
        relative = RELATIVE_SUBJECT.search(left) if left.endswith(" who") else None
        if relative:
            # "he met Gosling, who told Chazelle he ...": "who" speaks for the person it follows.
            pos = sent_start + relative.start("run")
            entity = self.resolve_run(relative["run"].split(), speaking=True, pos=base + pos)
            if entity is not None and entity.kind == "person":
                return entity, pos, f"'who' → {entity.name}, the person it follows"
        indefinite = INDEFINITE_WHO.search(left, max(0, len(left) - 80)) if left.endswith(" who") else None
        if indefinite and not left[: indefinite.start()].rstrip().endswith(","):
            # "says a former Fox employee who says Ailes harassed her": "who" is that employee, whom the article does
            # not name, not a name inside the description. (In "Ann Hale, a nurse who said" it is Ann Hale.)
            return None, sent_start + indefinite.start("np"), f"{UNNAMED}: '{indefinite['np']}'"
        owned = OWNED_SUBJECT.match(left)
        if owned and owned["who"].endswith(("'s", "’s")) and owned["noun"] in DOCUMENT_NOUNS:
            # "Julian's note on the tank that autumn just said": a document speaks for its writer.
            entity = self.resolve_run(owned["who"].split(), speaking=True, pos=base + sent_start + owned.start("who"))
            if entity is not None and entity.kind in ("person", "organisation"):
                how = f"'{owned['who']} {owned['noun']}' → {entity.name}, its writer"
                return entity, sent_start + owned.start("who"), how
        possessed = POSSESSED_SUBJECT.search(left, max(0, len(left) - 120)) if "s " in left[-60:] else None
        if possessed and possessed["who"].endswith(("'s", "’s")):
            # "Brook's editor said": the editor speaks, someone the article does not name; never Brook.
            return None, sent_start + possessed.start("who"), f"{UNNAMED}: '{possessed['who']} {possessed['noun']}'"
        document = self._document_from(DOCUMENT_FROM_BEFORE.search(left, max(0, len(left) - 160)), base, sent_start)
        if document is not None:
            return document
        described = DESCRIBED_SUBJECT.search(left, max(0, len(left) - 160))
        if described:
            # "a person close to the Murdochs said", "one source familiar with Murdoch said": the name only says
            # who the speaker is close to; the speaker is someone the article does not name.
            return None, sent_start + described.start(), f"{UNNAMED}: '{described.group().strip()}'"
        appositive = APPOSITIVE_SUBJECT.search(left)
        if (
            appositive
            and not set(appositive["lead"].split()) & (LEADING | PREPOSITIONS | CLAUSE_OPENERS)
            and not any(w.endswith("ing") for w in appositive["lead"].split())
        ):
            # (Not "Ian Pell, representing Mills, said": a participle's object is no apposition.)
            # ("The group's founder, retired GP Helen Maddox, said": a description may lead the name.)
            # "Tanzania's government spokeswoman, Halima Mwakyusa, said": the person a role describes speaks (or
            # the body: "The property management company, Keystone Residential, said").
            entity = self.resolve_run(
                appositive["run"].split(), speaking=True, pos=base + sent_start + appositive.start("run")
            )
            if entity is not None and entity.kind in ("person", "organisation"):
                return entity, sent_start + appositive.start("run"), "role and name in apposition"
        section = self._section_subject(left)
        if section is not None:
            return section
        unclosed = UNCLOSED_APPOSITION.match(left) if left.count(",") == 1 else None
        if (
            unclosed
            and unclosed["title"] in TITLES
            and not set(unclosed["role"].split()) & CLAUSE_OPENERS
            and not speech_cues(unclosed["role"])
        ):
            # "Oskar Lind, a farmer from the valley and a former agriculture minister posted": copy that
            # forgets the apposition's closing comma; the name it describes still speaks.
            entity = self.resolve_run(
                unclosed["run"].split(), speaking=True, pos=base + sent_start + unclosed.start("run")
            )
            if entity is not None and entity.kind == "person":
                return entity, sent_start + unclosed.start("run"), "role and name in apposition"
        description = _description(DESCRIPTION.search(left))
        if description and not re.search(
            r"\b(?:in|on|at|to|by|for|with|of|from|about)\s+$", left[: description.start()]
        ):
            # (Not "a spokeswoman for the mayor": the mayor there is no subject.)
            entity = self._described(description, base + sent_start + description.start(), first_sentence)
            if entity is not None:
                how = f"description '{description.group().strip()}' → {entity.name}"
                return entity, sent_start + description.start(), how
            if description["noun"] and description["noun"].casefold() in TITLES and not description["age"]:
                # "the Commissioner said" with no commissioner introduced: someone we cannot name, not a person
                # called "Commissioner", and not the paragraph's last speaker either.
                return None, sent_start + description.start(), f"{UNNAMED}: '{description.group().strip()}'"
        if left.endswith(",") or re.search(r"\b(?:who|and|but|or|then)$", left):
            return self._clause_subject(masked, left, sent_start, vstart, base, first_sentence)
        named = self._named_subject(left, sent_start, base)
        if named is not None:
            return named
        described = re.search(r"(?:^|(?P<prep>\b[a-z]+)\s+)[Tt]he\s+(?P<title>[a-z][\w\-]*)$", left)
        if described and described["title"] in TITLES and (described["prep"] or "") not in PREPOSITIONS:
            # "The minister said": the person last introduced with that title ("Justice Minister Cathy Jamieson").
            entity = self.titled([described["title"]], base + vstart)
            if entity is not None:
                title = described["title"]
                return entity, sent_start + described.start(), f"'the {title}' → the person introduced as {title}"
        group = self._group(left)
        if group is not None:
            name, offset = group
            entity = self._group_entity(name, base + sent_start + offset)
            return entity, sent_start + offset, group_how(name, entity)
        # "Monzer Akbik of the Western-backed National Coalition opposition group told": the phrase after "of" says
        # whose the person is; the name it follows speaks.
        of_phrase = OF_PHRASE_SUBJECT.search(left)
        heading = self._person_heading(of_phrase["np"], sent_start + of_phrase.start("np"), base) if of_phrase else None
        if heading is not None:
            return heading
        unnamed = re.search(
            r"(?:^|[,\x00]\s*|\b(?:and|but)\s+)(?P<np>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[^,\x00]{2,60})$", left
        )
        if unnamed:
            # '"...," a spokesman for the council said': the tag names someone the article does not name, so the
            # quotation is theirs, not the paragraph's last speaker's.
            return None, sent_start + unnamed.start("np"), f"{UNNAMED}: '{unnamed['np']}'"
        definite = UNNAMED_DEFINITE.search(left, max(0, len(left) - 60))
        if definite:
            # "the chairman of the board said": a description nobody was introduced as is someone the article does
            # not name, so what follows is theirs, not the sentence's other speaker's.
            return None, sent_start + definite.start("np"), f"{UNNAMED}: '{definite['np']}'"
        return None, vstart, ""

    def _section_subject(self, left: str) -> tuple[Entity | None, int, str] | None:
        """ "The defeated party leader said" under a crosshead that is only a person's name ("Colin Dray"): a "key quotes"
        round-up names each speaker so, and the description opening the section's sentences is that person."""
        if self.section_person is None:
            return None
        opening = SECTION_DESCRIPTION.match(left)
        if opening is None or opening["noun"].casefold() not in TITLES:
            return None
        how = f"description '{opening['np']}' → {self.section_person.name}, named in the crosshead"
        return self.section_person, 0, how

    def _person_heading(self, phrase: str, sent_start: int, base: int) -> tuple[Entity | None, int, str] | None:
        """The person whose name a clause's subject phrase ends in, before a prepositional phrase: "Monzer Akbik
        of the National Coalition told Reuters" is Akbik speaking, not the coalition."""
        run = NAMED_SUBJECT.search(phrase)
        tokens = run["run"].split() if run is not None else []
        pos = base + sent_start + (run.start("run") if run is not None else 0)
        # A full name, or the short form of someone introduced: a capitalised word alone ("Fishermen") is no name.
        if len(tokens) < 2 and (not tokens or self.short_form(tokens, pos) is None):
            return None
        entity = self.resolve_run(tokens, speaking=True, pos=pos)
        if entity is None or entity.kind != "person":
            return None
        return entity, sent_start + run.start("run"), f"{name_how(run['run'], entity)}, before what it is of"

    def _named_subject(self, left: str, sent_start: int, base: int) -> tuple[Entity | None, int, str] | None:
        """The speaker named right before the verb ("Ian Fogg said", "The Green Party said"), or None."""
        run = NAMED_SUBJECT.search(left)
        # (Not "President of Ireland Michael D. Higgins said": after a title's "of", the run is the title's and then
        # the person's; nor "Minister in the Ministry of Finance Brian Manning said", the body's and then his.)
        if (
            run
            and re.search(
                r"\b(?:in|of|at|from|near|outside|across)(?:\s+the)?(?:\s+[a-z][\w\-]*)*\s*$", left[: run.start()]
            )
            and len(self.after_title_of(run["run"].split(), base + sent_start + run.start("run")))
            == len(run["run"].split())
            and len(split_title(run["run"].split())[0]) == len(run["run"].split())
        ):
            # "Fishermen in the Kenyan town of Homa Bay said": a name inside a prepositional phrase is where or
            # whose, not who speaks; the head noun before it speaks ("Fishermen"), or nobody we can name.
            head = re.match(r"(?P<np>.*?)\s+(?:in|of|at|from|near|outside|across)\b", left)
            group = self._group(head["np"]) if head else None
            if group is not None and group[1] == 0:
                entity = self._group_entity(group[0], base + sent_start)
                return entity, sent_start, group_how(group[0], entity)
            return None
        if run is None:
            return None
        # "Patrol Chief James Hall with the New York Police Department said": the person speaks, not the body.
        owner = PERSON_WITH_BODY.search(left[: run.start()])
        person = self.resolve_run(owner["run"].split(), pos=base + sent_start + owner.start()) if owner else None
        if owner is not None and person is not None and person.kind == "person" and " " in person.name:
            return person, sent_start + owner.start(), "the person, not the body after 'with'"
        tokens = run["run"].split()
        # "the Centers for Disease Control and Prevention said", "the Bank of England said": a name written with
        # "the" runs on across "of", "for" and "and" between its capitalised words; it is one organisation's.
        whole = re.search(
            r"\b(?P<the>[Tt]he)\s+(?P<lead>[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|for|and|on))*?\s+(?:of|for|and|on))\s+$",
            left[: run.start()],
        )
        if whole and not run["the"] and len(split_title(tokens)[0]) == len(tokens):
            # (But "the Ministry of Finance Brian Manning said" ends in the person: see split_title.)
            tokens = [*whole["lead"].split(), *tokens]
            entity = self.organisation(tokens, base + sent_start + whole.start())
            return entity, sent_start + whole.start(), name_how(" ".join(tokens), entity)
        joined = re.search(r"(?P<the>\b[Tt]he\s+)?(?P<first>[A-Z][\w’'\-]*)\s+and\s+$", left[: run.start()])
        if joined and looks_org(tokens) and not run["the"]:
            # "The Wine and Spirit Trade Association said": one organisation's name, not cut at "and".
            tokens = [joined["first"], "and", *tokens]
            run = joined
        if AFTER_NUMBER.search(left, max(0, run.start() - 8), run.start()):
            return None  # "as early as 500 BC saying": an era, not a speaker
        entity = self.resolve_run(
            tokens, the_prefix=bool(run["the"]), speaking=True, pos=base + sent_start + run.start()
        )
        if entity is not None:
            return entity, sent_start + run.start(), name_how(" ".join(tokens), entity)
        return None

    def _clause_subject(
        self, masked: str, left: str, sent_start: int, vstart: int, base: int, first_sentence: int
    ) -> tuple[Entity | None, int, str]:
        """The speaker of a cue after an apposition, a participle or a second verb: "Neil O'Brien, director of ...,
        said", "He compared ... and emphasized"; the main clause's first person speaks, not one in a leading
        "When Carson died, ..."."""
        lead = SUBORDINATE.match(left)
        clause = sent_start + (lead.end() if lead else 0)
        for _, cue_end, _ in reversed(speech_cues(left)):
            # "Dana Whitcombe said as his son was led away, Mills jumped to his feet and shouted": a clause that
            # another cue reports, opened by a subordinate clause and its comma, has a subject of its own.
            # So has one after a reporting aside: "Luhn says, Ailes videotaped her and told her: ...".
            embedded = REPORTED_LEAD.match(left, cue_end) or AFTER_ASIDE.match(left, cue_end)
            start = sent_start + embedded.end() if embedded is not None else -1
            if start > clause and any(base + start <= m.pos < base + vstart for m in self.mentions):
                clause = start
            break
        named = CLAUSE_NAME.match(masked[clause:vstart])
        noun = (named["noun"] or "").strip() if named else ""
        owner = named["run"].casefold() if named else ""
        if named and noun in DOCUMENT_NOUNS and owner in ("his", "her"):
            # "His letter, which the association keeps framed, said": the letter speaks for its writer.
            entity, how = self.explain_pronoun(base + clause + named.start("run"), owner, first_sentence)
            if entity is not None:
                return entity, clause + named.start("run"), f"'{named.group().strip()}' → {how}"
        names_someone = bool(named) and bool(re.match(r"\s+[A-Z]", masked[clause + named.end() : vstart]))
        # (Not "The homeowners' lawyer, Jonathan Pike, called": a possessive group owns the speaker.)
        possessive = masked[clause + named.end() : clause + named.end() + 1] in ("'", "’") if named else False
        if named and ({noun, noun[:-1]} & TITLES or group_noun(noun)) and not names_someone and not possessive:
            # "Fox producers defended the show, saying ...": the group speaks, not the name qualifying it (but in
            # "Commission spokeswoman Anna Weber condemned ... and said" the role names its person).
            group = self._group(named.group().strip())
            if group is not None:
                return self._entity(group[0], "group"), clause + named.start("run"), "group named in the clause"
        if named and not noun and re.match(r"\s*,", masked[clause + named.end("run") : vstart]):
            # "The Northern Lighthouse Board, which automated Skerry Light in March, said": the name the clause
            # opens with speaks, not one inside the relative clause after it.
            entity = self.resolve_run(named["run"].split(), speaking=True, pos=base + clause + named.start("run"))
            if entity is not None:
                return entity, clause + named.start("run"), name_how(named["run"], entity)
        # A name right after a preposition is its object, never the clause's subject: "Following a meeting with
        # Zelensky – their first – House Speaker Mike Johnson said".
        firsts = [
            m
            for m in self.mentions
            if base + clause <= m.pos < base + vstart
            and not PREPOSITION_BEFORE.search(self.text, max(0, m.pos - 12), m.pos)
        ]
        chosen = next((m for m in firsts if not m.possessive), firsts[0] if firsts else None)
        relation = self._relation(chosen) if chosen is not None and chosen.possessive else None
        if chosen is not None and relation is not None:
            # "Gastelum-Vera’s grandfather, who was at the home, said": the grandfather speaks, not she.
            entity, how = self._related_person(relation, chosen, chosen.pos)
            return entity, chosen.pos - base, f"'{relation.group().strip()}' → {how}"
        if chosen is not None:
            return chosen.entity, chosen.pos - base, "subject of the clause"
        # A bare surname after a title ("President Bush led ..., saying") is no mention until it speaks; a name
        # before a noun only describes the speaker ("One European diplomat, who asked not to be named, ...").
        entity = (
            self.resolve_run(named["run"].split(), speaking=True, pos=base + clause + named.start("run"))
            if named and not ({noun, noun[:-1]} & TITLES or group_noun(noun))
            else None
        )
        if entity is not None and named:
            return entity, clause + named.start("run"), name_how(named["run"], entity)
        return None, vstart, ""

    def _pronoun_result(self, pos: int, word: str, first_sentence: int, start: int) -> tuple[Entity | None, int, str]:
        entity, how = self.explain_pronoun(pos, word.casefold(), first_sentence)
        return entity, start, f"pronoun '{word}' → {how}"

    def _described(self, description: re.Match[str], pos: int, first_sentence: int) -> Entity | None:
        """The person a description stands for: "the 24-year-old striker", "the German", "the minister".

        A title names the person last introduced with it; an age or a nationality is news copy's way of not
        repeating a name just given, so it stands for the person the text is about, like a pronoun."""
        if description["noun"] is None:
            return self.resolve_pronoun(pos, None, first_sentence)  # "the 36-year-old": an age alone
        noun = description["noun"].casefold()
        if description["noun"][0].isupper() and noun not in DESCRIBING_NOUNS | TITLES:
            return None  # "the 28-year-old Morientes" is a name; "the Minister" is a title
        if noun in TITLES and not description["age"]:
            return self.titled([noun], pos)
        if description["age"] or noun in DESCRIBING_NOUNS:
            return self.resolve_pronoun(pos, None, first_sentence)
        return None
