"""Who a pronoun (or an unintroduced description) refers to: the part of ``names.People`` that reads back
through an article's sentences for the person a "he", "she" or "they" agrees with.

``Pronouns`` is a mixin: it works on the mentions and sentences ``People`` collects.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .records import AMBIGUOUS, UNCLEAR, UNNAMED
from .words import (
    INVERTING,
    LEADING,
    OBJECT_PRONOUNS,
    PARTICLE,
    PEOPLE_TOGETHER,
    PRONOUNS,
    RELATION_GENDERS,
    RELATION_NOUNS,
    RUN,
    THAT_VERBS,
    TITLES,
    WORD,
)

if TYPE_CHECKING:
    from .names import Entity, Mention

# A possessive and the noun it owns: "Her sister", "Smith's lawyer".
POSSESSED = re.compile(r"(?:[A-Z][\w’'\-]*\s+)*?[\w’'\-]*?(?:[’']s)?\s+(?P<noun>[a-z]+)")
# A subordinate clause opening before a pronoun ("as his son ...", "When her case ..."), and the rest of that clause
# up to its comma and the main clause's named subject (", Mills jumped up").
LEADING_CLAUSE = re.compile(
    r"\b(?:[Aa]s|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Oo]nce|[Uu]ntil|[Bb]ecause|[Ss]ince|[Aa]lthough|[Tt]hough)\s+"
    r"(?:[^\s,.;:!?\x00]+\s+){0,6}$"
)
# A preposition right before a name: the name is its object, no clause's subject.
PREPOSITION_BEFORE = re.compile(r"\b(?:by|with|from|to|against|for|of|toward|towards)\s+$")
# A sentence's leading subordinate clause, up to its comma ("After Lily Miyazaki won her match on Monday, "): the
# main clause's subject stands after the comma, or after "it was" in a cleft ("..., it was Katie Boulter who").
LEADING_CLAUSE_OPENING = re.compile(
    r"\s*[\"“‘']?(?:As|When|While|After|Before|Once|Until|Because|Since|Although|Though|If)\s+[^,.;:!?\x00]{1,150},"
    r"\s*(?:it\s+(?:was|is)\s+)?"
)
# A description nobody was introduced as and the speech verb after it, right before a pronoun: "the chairman of the
# board said (that) he".
UNNAMED_SAYS = re.compile(
    r"(?:^|(?<=[\s,\x00]))(?P<np>[Tt]he\s+(?P<head>[a-z][\w\-]*)(?:\s+(?:of|for|at|from|on|in)\s+(?:the\s+|an?\s+)?"
    r"[a-z][\w\-]*)?)\s+(?P<verb>[a-z]+)\s+(?:that\s+)?$"
)
CLAUSE_THEN_NAME = re.compile(rf"[^,.;:!?\x00]{{0,120}},\s*(?P<run>{RUN.pattern})\s+[a-z]")
# A name in apposition after a relation: "Her sister, Claire, agreed".
# A question asked of someone ("asked Montoya-Lewis"), and a pronoun tagging the reply to it ("she replied").
ASKED_BEFORE = re.compile(r"\basked\s+$")
REPLY_AFTER = re.compile(r"\w+\s+(?:replied|replies|answered|answers|responded|responds)\b")
APPOSED_RELATIVE = re.compile(rf",\s+(?P<run>{RUN.pattern}),")


class Pronouns:
    """Pronoun resolution over the mentions and sentences a ``People`` has collected."""

    def resolve_pronoun(self, pos: int, word: str | None, first_sentence: int) -> Entity | None:
        """The person a pronoun (or, with ``word`` None, a description) at ``pos`` refers to, or None."""
        return self.explain_pronoun(pos, word, first_sentence)[0]

    def explain_pronoun(self, pos: int, word: str | None, first_sentence: int) -> tuple[Entity | None, str]:
        """The person a pronoun refers to, and how: the subject of the nearest sentence naming someone who agrees
        with it. Two people joined as one subject ("A and B visited ... he said") leave it unattributed."""
        gender = PRONOUNS.get(word) if word else None
        if gender == "p":
            return None, "a plural pronoun names no one person"
        current = self._sentence_index(pos, first_sentence)
        base, narration = self.narration
        together = PEOPLE_TOGETHER.search(narration, max(0, self.sentences[current][0] - base), max(0, pos - base))
        if together is not None and word is not None:
            # "When the two men met ..., he told reporters": either of them. Who they are is in the text before.
            named = [m.entity.name for m in self.mentions if m.pos < pos and m.entity.kind == "person"]
            latest_two = list(dict.fromkeys(reversed(named)))[:2]
            names = ", ".join(reversed(latest_two))
            return None, f"{AMBIGUOUS}: {names or together.group()} ('{together.group()}')"
        if word in ("he", "she"):
            told = UNNAMED_SAYS.search(
                narration, max(0, self.sentences[current][0] - base, pos - base - 80), pos - base
            )
            if told and told["verb"] in THAT_VERBS and not self._titled_before(told["head"], pos):
                # "the chairman of the board said he was shocked": he is the chairman, someone the article does not name,
                # and no one named before (nor a gender to learn for them).
                return None, f"{UNNAMED}: '{told['np']}'"
        if word in ("his", "her"):
            ahead = self._main_subject_ahead(pos, current, gender)
            if ahead is not None:
                return ahead, f"{ahead.name}, the subject of the main clause after it"
        # An object pronoun is never the subject of its own clause: in "Judge Ainsworth told him", him is not her.
        nearest = current - 1 if word in OBJECT_PRONOUNS else current
        # Someone the pronoun cannot be (an organisation, a person of the other sex) was quoted since, in a
        # paragraph of its own: a person named before that paragraph is no longer who the text is about ('...
        # said Jennifer Mattinson.' / 'The agency warned ... "...," it said.' / '"...," she said' is not hers). A
        # quotation inside the person's own account leaves them the subject ('Dana Whitcombe said Mills shouted:
        # "..."' / 'She told the court').
        speaker = self.last_speaker
        could_be = speaker is None or (speaker.kind == "person" and speaker.gender in (None, gender))
        other_spoke_from = -1 if could_be else self.paragraph_start(self.last_spoken_at)
        owner: Mention | None = None  # an owner in the pronoun's own sentence, if no one before it is meant
        for index in range(nearest, max(-1, current - 4), -1):
            start, end = self.sentences[index]
            sexed = self.sexed_subjects.get(index)
            if sexed is not None and sexed[0] < pos and sexed[1] == gender:
                # "The woman, then 25, told Ailes ... She suggested ...": she is that woman, whom the article does
                # not name, not a woman named further back.
                return None, sexed[2]
            if index < current and index in self.unnamed_subjects and word in ("he", "she"):
                asked = self._asked_by_the_unnamed(start, end, pos, gender)
                if asked is not None:
                    # 'a reporter asked Montoya-Lewis, "...?" / "...," she replied': who replies is who was asked.
                    return asked, f"{asked.name}, whom the question before was asked of"
                # "Ravi Patel's press secretary posted ... "We will study it," he said.": he is the secretary, not
                # Patel, nor whoever was the subject before.
                return None, self.unnamed_subjects[index]
            candidates = [
                m
                for m in self.mentions
                if max(start, other_spoke_from) <= m.pos < min(end, pos)
                and m.entity.kind in ("person", UNCLEAR)
                and (gender is None or self._may_be(m, gender))
            ]
            if not candidates:
                continue
            if index == current and word in ("he", "she") and self.text[max(0, pos - 2) : pos].startswith(","):
                # "Under cross-examination by Mpofu, he said": a name a preposition governs in the phrase the
                # sentence opens with is not who the subject pronoun after it means.
                candidates = [
                    m for m in candidates if not PREPOSITION_BEFORE.search(self.text, max(0, m.pos - 12), m.pos)
                ]
                if not candidates:
                    continue
            candidates = self._in_main_clause(start, candidates)
            chosen = next((m for m in candidates if not m.possessive), candidates[0])
            relation = self._relation(chosen) if chosen.possessive else None
            if relation is not None:
                return self._related_person(relation, chosen, pos)
            if chosen.possessive and index == current:
                # "Though Trump's inauguration is a month away, she said": an owner in the pronoun's own sentence
                # is not its subject; the person the sentences before are about is, when there is one.
                owner = chosen
                continue
            joined = [
                m for m in candidates if m.entity is not chosen.entity and self.joined_subjects(chosen.pos, m.pos)
            ]
            if joined:
                names = ", ".join(dict.fromkeys(m.entity.name for m in [chosen, *joined]))
                return None, f"{AMBIGUOUS}: {names}"
            others = {m.entity.name for m in candidates if not m.possessive} - {chosen.entity.name}
            if not chosen.possessive and others and not self._opens_sentence(start, chosen.pos):
                # Several people and none of them the sentence's subject ("The book was compared to the work of
                # José Saramago, a comparison Carvalho finds ..."): the one already speaking, else the one known
                # to be called this pronoun.
                speaking = [m for m in candidates if m.entity is self.last_speaker]
                known = [m for m in candidates if gender is not None and m.entity.gender == gender]
                if speaking:
                    return speaking[0].entity, f"{speaking[0].entity.name}, the speaker of the last quotation"
                if len({m.entity.name for m in known}) == 1 and chosen.entity.gender is None:
                    return known[0].entity, f"{known[0].entity.name}, known as '{word}'"
                rivals = [m for m in candidates if m.entity.gender in (None, gender)]
                if len({m.entity.name for m in rivals}) > 1 and not self._after_speech_verb(start, chosen.pos):
                    # Nobody speaking, nobody known by this pronoun, none the subject: a guess would put words in
                    # the wrong mouth.
                    names = ", ".join(dict.fromkeys(m.entity.name for m in rivals))
                    return None, f"{AMBIGUOUS}: {names}"
            asked = self._asked(chosen, candidates, gender) if index < current and gender else None
            if asked is not None:
                # "Delgado asked Whitfield why ... "I paid it back," she said.": the question's or the answer's
                # words, and the pronoun's sex does not say which.
                return None, f"{AMBIGUOUS}: {chosen.entity.name}, {asked.entity.name} (a question and its answer)"
            if chosen.entity.gender is None and gender is not None and len({m.entity.name for m in candidates}) == 1:
                # Learnt only when nobody else could be meant: in "her son, Peter, said she was ill", she is not
                # Peter, and a wrong gender would mislead every later pronoun.
                chosen.entity.gender = gender
            where = "this sentence" if index == current else "an earlier sentence"
            return chosen.entity, f"{chosen.entity.name}, the subject of {where}"
        if owner is not None:
            return owner.entity, f"{owner.entity.name}, the only person named in this sentence"
        speaker = self.last_speaker
        opens_paragraph = current == first_sentence and not self.text[self.sentences[current][0] : pos].strip()
        last_is_person = speaker is not None and speaker.kind == "person" and speaker.gender in (None, gender)
        if opens_paragraph and word in ("he", "she") and last_is_person:
            # "She continued:" opening a paragraph after paragraphs of her running quotation, which name no one:
            # she is the person quoted last.
            return speaker, f"{speaker.name}, the speaker of the last quotation"
        return None, "nobody it can refer to"

    def _asked_by_the_unnamed(self, start: int, end: int, pos: int, gender: str | None) -> Entity | None:
        """The one person a sentence asked a question of ("a reporter asked Montoya-Lewis"), when the pronoun at
        ``pos`` tags a reply ("she replied"), else None."""
        if not REPLY_AFTER.match(self.text, pos):
            return None
        asked = {
            id(m.entity): m.entity
            for m in self.mentions
            if start <= m.pos < end
            and m.entity.kind == "person"
            and m.entity.gender in (None, gender)
            and ASKED_BEFORE.search(self.text, max(start, m.pos - 12), m.pos)
        }
        return next(iter(asked.values())) if len(asked) == 1 else None

    def _in_main_clause(self, start: int, candidates: list[Mention]) -> list[Mention]:
        """The subject of a sentence that opens with a subordinate clause, when a name opens its main clause: in
        "After Lily Miyazaki won on Monday, it was Katie Boulter who ...", the sentence is about Boulter. Else all
        of the sentence's people ("Once Fetter arrived, Lorenz gave her ...": her is Fetter, from the clause)."""
        leading = LEADING_CLAUSE_OPENING.match(self.text, start)
        if leading is None:
            return candidates
        subject = leading.end()
        main = [m for m in candidates if m.pos == subject and not self._is_pronoun(m)]
        return main or candidates

    def _is_pronoun(self, mention: Mention) -> bool:
        word = WORD.match(self.text, mention.pos)
        return word is not None and word.group().casefold() in PRONOUNS

    def _titled_before(self, title: str, pos: int) -> bool:
        """True when someone introduced before ``pos`` has this title in their role ("the minister")."""
        return title in TITLES and any(
            m.pos < pos and title in (m.entity.role or "").casefold().split() for m in self.mentions
        )

    def _main_subject_ahead(self, pos: int, current: int, gender: str | None) -> Entity | None:
        """The person a possessive in a leading subordinate clause points forward to: in "X said as his son was
        led away, Mills jumped up", his is Mills's (and teaches X no gender), or None."""
        base, narration = self.narration
        rel = pos - base
        if not LEADING_CLAUSE.search(narration, max(self.sentences[current][0] - base, rel - 60, 0), rel):
            return None
        after = CLAUSE_THEN_NAME.match(narration, rel)
        if after is None:
            return None
        entity = self.resolve_run(after["run"].split(), pos=base + after.start("run"))
        if entity is None or entity.kind != "person" or entity.gender not in (None, gender):
            return None
        return entity

    def _related_person(self, relation: re.Match[str], owner: Mention, pos: int) -> tuple[Entity | None, str]:
        """Who "Her sister" or "Smith's lawyer" is: the name in apposition ("Her sister, Claire, agreed"), else the
        person the article introduced as a sister, else nobody we can name."""
        named = APPOSED_RELATIVE.match(self.text, relation.end())
        entity = self.resolve_run(named["run"].split(), speaking=True, pos=pos) if named else None
        if entity is not None and entity.kind == "person":
            return entity, f"{entity.name}, {relation.group().strip()} named in the sentence before"
        noun = relation["noun"]
        introduced = [
            m.entity for m in self.mentions if m.pos < pos and noun in (m.entity.role or "").casefold().split()
        ]
        if introduced:
            return introduced[-1], f"{introduced[-1].name}, introduced as {noun}"
        return None, f"{UNNAMED}: the subject is {relation.group().strip()}, not {owner.entity.name}"

    def _may_be(self, mention: Mention, gender: str) -> bool:
        """Whether a mention may be what a pronoun of ``gender`` points to. Of "Her husband" it is the husband
        that may be (a man), whatever the owner's gender; of a name, the person named."""
        relation = self._relation(mention) if mention.possessive else None
        if relation is not None:
            return RELATION_GENDERS.get(relation["noun"], gender) == gender
        return mention.entity.gender in (None, gender)

    def _relation(self, mention: Mention) -> re.Match[str] | None:
        """The words naming someone else after a possessive mention ("Her sister", "Smith's lawyer"), or None."""
        after = POSSESSED.match(self.text, mention.pos)
        return after if after is not None and after["noun"] in RELATION_NOUNS else None

    def _opens_sentence(self, start: int, pos: int) -> bool:
        """True when the mention at ``pos`` is the subject its sentence opens with: only capitalised words, titles
        and a leading phrase stand before it ("Opposition leader Mark Hollis", "Later, Sarah studied")."""
        lead = re.sub(r"^[^,]{0,80},\s*", "", self.text[start:pos])  # "Later, " / "In 2019, "
        # (A look-up in each set: one in ``TITLES | LEADING`` built that union for every word.)
        return all(w[0].isupper() or w.casefold() in TITLES or w.casefold() in LEADING for w in lead.split())

    def _asked(self, chosen: Mention, candidates: list[Mention], gender: str) -> Mention | None:
        """The person the subject asked ("Mark Delgado asked Whitfield why ..."), when a pronoun of ``gender``
        could be either of them: neither is known to be of that sex only."""
        if chosen.entity.gender == gender:
            return None
        for other in candidates:
            fits = (
                other.pos > chosen.pos and other.entity is not chosen.entity and other.entity.gender in (None, gender)
            )
            between = self.text[chosen.pos : other.pos]
            if fits and re.fullmatch(r"[\w’'.\- ]*?\s(?:asked|questioned|pressed)\s+", between):
                return other
        return None

    def _after_speech_verb(self, start: int, pos: int) -> bool:
        """True when the mention at ``pos`` is the speaker of an inverted tag: "..., said Tom Forte, who ..."."""
        words = re.findall(r"[\w’'\-]+", self.text[start:pos])
        while words and words[-1].casefold() in TITLES:
            words.pop()
        return bool(words) and words[-1].casefold() in INVERTING

    def joined_subjects(self, first: int, second: int) -> bool:
        """True when two mentions are one subject joined by "and": "Raila Achieng and Interior Minister David"."""
        between = self.text[min(first, second) : max(first, second)]
        if not re.fullmatch(r"[^,.;:!?]*\band\b[^,.;:!?]*", between) or len(between.split()) > 8:
            return False
        # The "and" must follow the first name itself: in "Kanu disclosed that Oke and Ilori", it joins the object's
        # two people, not Kanu to Ilori.
        lead = re.split(r"\band\b", between, maxsplit=1)[0].split()
        return all(w[0].isupper() or re.fullmatch(PARTICLE, w) for w in lead)

    # --- speech cues --------------------------------------------------------------------------

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding ``pos`` begins (paragraphs are lines of the article's text)."""
        return self.text.rfind("\n", 0, pos) + 1

    def _sentence_index(self, pos: int, first: int) -> int:
        """The first sentence from ``first`` on that ends after ``pos`` (else the last one, or ``first`` itself when
        there is none from it on). The sentences are in order, so a binary search over their ends finds it: a scan
        from the article's first sentence, as ``_sentence_span`` asks for every cue and mention, read them all."""
        index = bisect_right(self.sentences, pos, lo=first, key=lambda sentence: sentence[1])
        return min(index, max(first, len(self.sentences) - 1))
