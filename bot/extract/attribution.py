"""Attribution: walk an article paragraph by paragraph and give each quotation its speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..data.article import Article, Paragraph
from ..lexical import part_of_speech
from ..text import STOPWORDS
from .cues import Cues, Event, cue_text, find_channel, name_how
from .groups import bare_group
from .marks import (
    OPENERS,
    Mark,
    blank_party_tags,
    find_marks,
    mask,
    masked_sentences,
    uses_single_quotes,
    with_wire_marks_read,
)
from .name_shapes import looks_org, person_name
from .names import Entity
from .records import AMBIGUOUS, QUOTED, UNCLEAR, Extraction, Quote, Speaker
from .reported import reported_positions
from .words import (
    CJK,
    CUE_NOUNS,
    FIRST_PERSON,
    GESTURE,
    GESTURE_TAG,
    LEADING,
    LISTED_AFTER_QUOTE,
    PERSON_NOUNS,
    PREPOSITIONS,
    RUN,
    SENTENCE_TEXT,
    TERM_MARKERS,
    THAT_VERBS,
    TITLES,
    WORD,
    WORK_BEFORE,
    WORK_NOUNS,
    speech_cues,
    word_count,
)

# Capitalised words and a noun for a person right before a name: "Sharp-eyed Reddit user (Tomas Brandt)".
ROLE_BEFORE_NAME = re.compile(
    rf"(?:[A-Z][\w’'\-]*\s+)+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{'|'.join(map(re.escape, sorted(PERSON_NOUNS)))})\s+$"
)


# The tag patterns of ``Analyser._cue_for``, compiled once: built from RUN (2 KB of pattern) inside the method, they
# were formatted and looked up in the regex cache for every quotation.
# A bare name as the tag, its verb left out: '"... amazing," Mark McCaughrean, senior science advisor.'
BARE_NAME_TAG = re.compile(rf"[\s,\x00]*(?P<who>{RUN.pattern})(?:,[^\x00.!?]*)?[.!?]")
# A sentence that opens by saying whose view it gives: "In her view, scientific projects have ...".
OWNER_VIEW = re.compile(r"[\s\x00]*[Ii]n\s+(?P<owner>his|her)\s+(?:own\s+)?(?:view|opinion|estimation|telling|words),")
# A name's cue noun right before the quote: "Trump's tweet:", "Smith's statement,".
OWNED_CUE_NOUN = re.compile(rf"(?P<who>{RUN.pattern})['’]s\s+(?:[\w\-]+\s+)?(?P<cue>{CUE_NOUNS})\s*[:,]?\s*$")
# A name and a colon opening the stretch before the quote: "Hale: ".
NAME_COLON = re.compile(rf"(?:^|[.!?]\s+)(?P<who>{RUN.pattern})\s*:\s*$")

# A double quote mark opening nothing at the very end of a paragraph.
STRANDED_OPENER = re.compile(r"\s[“\"]\s*$")
CONTINUES = "continues the quotation ending the paragraph before"
# A free relative's "what" before a cue's subject: "contrary to what she believes".
FREE_RELATIVE = re.compile(r"\bwhat\s+$")
# "he" or "she" as the subject of the verb right before a colon that introduces a quotation: "she prayed:".
PRONOUN_BEFORE_COLON = re.compile(r"(?:^|[,;.]\s+|\s)(?P<pronoun>[Hh]e|[Ss]he)\s+[a-z]+\s*:[\s\x00]*$")
# A relative or free relative clause's opening before a cue's subject ("notes that he says", "what its bankers
# think"): the cue reports nothing of a quotation elsewhere in the sentence.
RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|whom|what)\s*(?:(?:its|his|her|their|the)\s+)?$")
# A speech verb inside a condition reports nothing that was said: "It would be funny if Twitter announced earnings
# and Musk said “these earnings are terrible”" imagines a quotation. The condition runs from "if" to the subject,
# within one clause (no punctuation between).
IMAGINED = re.compile(r"\b(?:[Ii]f|[Ii]magine|[Ss]uppose)\b[^,;:.!?—–()\x00]*$")


@dataclass(frozen=True, slots=True)
class Found:
    """Who a quotation is given to, by which cue, and why (or why nobody)."""

    entity: Entity | None = None
    cue: str | None = None
    channel: str | None = None
    rule: str | None = None
    why: str | None = None


def from_event(event: Event, cue: str, placement: str) -> Found:
    """A quotation given to the speaker of a cue; an ambiguous cue gives it to nobody, and says why."""
    if event.entity is None:
        return Found(cue=cue, why=event.how)
    return Found(event.entity, cue, event.channel, rule=f"{placement}; {event.how}")


def is_sentence_like(text: str) -> bool:
    """A whole sentence (or more) rather than a phrase lifted into the narration."""
    stripped = text.strip()
    if not stripped:
        return False
    first = stripped[0]
    capital = first.isupper() or first.isdigit() or bool(CJK.match(first)) or first in "‘'\"“"
    return capital and (word_count(stripped) >= 5 or stripped.endswith((".", "!", "?", "。", "！", "？")))


def is_title(text: str, before: str, after: str) -> bool:
    """Titles of works and names in quotes: "Plays for Sure" program, (see "Genome Surgery"). Not after a colon,
    which introduces speech: 'proclaimed: "BEST DAY OF MY LIFE"' is shouted, not a title."""
    if before.rstrip(" \x00").endswith(":"):
        return False
    if re.search(r"\(\s*see\s+[^)]*$", before) or WORK_NOUNS.match(after):
        return True
    if WORK_BEFORE.search(before) or LISTED_AFTER_QUOTE.search(before):
        text = text.rstrip().rstrip(".!?,")
    elif text.rstrip().endswith((".", "!", ",", "。")):
        return False
    words = [w for w in WORD.findall(text)]
    minor = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "vs", "from"}
    significant = [w for w in words if w.casefold() not in minor]
    if len(significant) < 2 or len(words) > 12:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in significant)


# A determiner and up to two words before a quoted phrase, and the word after it: 'a new "quick edit" feature'.
DETERMINED = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat)\s+(?P<between>(?:[a-z][\w\-]*\s+){0,2})$"
)
NEXT_WORD = re.compile(r"\s*([a-z][a-z\-]*)\b")
# Or a preposition right before it: 'an issue for "gig economy" workers'.
PREPOSITION_THEN = re.compile(r"\b(?:for|of|with|about|among)\s+(?P<between>)$")


def _term_key(text: str) -> str:
    return " ".join(text.strip(" ,.;:!?").casefold().split())


def is_label(text: str, before: str, after: str) -> bool:
    """A quoted phrase that modifies the noun after it, between that noun and its determiner (or a preposition),
    names a thing and is nobody's speech: 'adopted a "so what" attitude', 'by a "Chinese maritime militia"
    vessel', 'an issue for "gig economy" workers', 'a separate "privacy settings" section'. Two words between
    are adjectives or nouns (WordNet's dominant part of speech), the one after a noun that is no function word:
    'the cap would "punish success," while ...' is speech."""
    determined = PREPOSITION_THEN.search(before) or DETERMINED.search(before)
    if determined is None or text.rstrip().endswith((".", "!", "?", ",")) or word_count(text) > 5:
        return False
    between = determined["between"].split()
    # One word right after the determiner modifies the phrase, whatever WordNet calls it first ("a separate");
    # of two, a verb says the determiner was an earlier noun's ('the mayor said "..."').
    if len(between) > 1 and any(part_of_speech(w) not in ("a", "n") for w in between):
        return False
    noun = NEXT_WORD.match(after)
    return noun is not None and noun.group(1) not in STOPWORDS and part_of_speech(noun.group(1)) == "n"


class Analyser(Cues):
    """Walks one article in order, keeping track of people, pronouns and the running speaker."""

    def __init__(self, article: Article):
        # The narration is read with wire copy's ``marks'' as curly ones; a quotation's text is the article's own.
        super().__init__(with_wire_marks_read(article.text))
        self.article = article
        self.quotes: list[Quote] = []
        self.single_quotes = uses_single_quotes(article)
        self.terms: set[str] = set()  # the scare quotes read so far, as _term_key gives them
        self.prev_tail_speaker: Entity | None = None
        self.prev_tail_rule = CONTINUES
        self.body_seen = 0  # body paragraphs read so far
        self.paragraph_first_sentence = 0  # the index of the paragraph's first sentence, as it is read

    def run(self) -> Extraction:
        self._register_names(self.text)
        paragraphs = [p._replace(article_text=self.text) for p in self.article.paragraphs]
        for index, para in enumerate(paragraphs):
            if para.kind != "body":
                continue
            # A quotation left open at the end of a paragraph goes on in the next one when that opens with a quote
            # mark (the news convention), or past the end of the copy when there is no next paragraph (a text cut
            # short: a tribute round-up that stops inside a tweet).
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else None
            # A quote mark stranded at the end of the paragraph before ('... she said.” “') opens this one.
            stranded = index > 0 and STRANDED_OPENER.search(paragraphs[index - 1].text) is not None
            self._paragraph(para, following is None or following[:1] in OPENERS, stranded)
        quotes = sorted(self.quotes, key=lambda q: (q.start, q.kind))
        speakers = tuple(
            Speaker(e.name, e.kind, e.role, tuple(a for a in e.aliases if a != e.name))
            for e in sorted(self.used.values(), key=lambda e: e.name)
        )
        return Extraction(self.article.id, tuple(quotes), speakers)

    def _paragraph(self, para: Paragraph, next_opens_quote: bool, stranded: bool = False) -> None:
        marks = find_marks(para.text, para.start, self.single_quotes)
        if stranded and marks and marks[0].open is None and marks[0].close is not None:
            # Its closing mark ends the quotation that mark opened: 'We met them twice more,” she went on.'
            first = marks[0]
            marks[0] = Mark(para.start, first.close, first.start, first.end)
        if next_opens_quote and marks and marks[-1].open is not None and marks[-1].close is None:
            # A quotation running on into the next paragraph, which opens with a quote mark: the news
            # convention for multi-paragraph quotes, so it is balanced (closed at the paragraph end).
            last = marks[-1]
            marks[-1] = Mark(last.open, para.end, last.start, last.end)
        masked = blank_party_tags(mask(para.text, para.start, marks))
        self.narration = (para.start, masked)
        self.section_person = self._crosshead_person(para)
        sentences = masked_sentences(masked)
        abs_sentences = [(para.start + s, para.start + e) for s, e in sentences]
        first_sentence = self.paragraph_first_sentence = len(self.sentences)
        self.sentences.extend(abs_sentences)
        self._collect_mentions(masked, para.start, first_sentence)
        events = self._events(masked, para.start, first_sentence)
        self.body_seen += 1
        if self.body_seen == 2:
            self._identify_lede(para, events, first_sentence)
        self._attribute(para, masked, marks, events, first_sentence)
        reported = reported_positions(self.text, masked, para, events, self._sentence_span)
        for quote in reported:
            self.used[quote.speaker.casefold()] = self.entities[quote.speaker.casefold()]
            self.quotes.append(quote)
        # (Reported speech after the paragraph's last quotation ends it too: '"...," Cardona said. The secretary went
        # on to say that ...'.)
        after_quotes = not marks or marks[-1].close is None or (reported and reported[-1].start > marks[-1].close)
        if reported and after_quotes and reported[-1].end >= len(para.text.rstrip(" .!?")) + para.start - 1:
            # A paragraph that ends on one person's reported speech ('Smith said the plan would fail.') hands them
            # a cue-less quotation opening the next paragraph ('"It will never work."'), as news copy does.
            speakers = {q.speaker for q in reported if q.start >= self.sentences[-1][0]}
            speaker = self.entities[reported[-1].speaker.casefold()]
            if len(speakers) == 1 and speaker.kind == "person":
                self.prev_tail_speaker = speaker
                self.prev_tail_rule = "the person whose reported speech ends the paragraph before"
        if self.prev_tail_speaker is None and not marks:
            self.prev_tail_speaker = self._paragraph_speaker(events, first_sentence)
            self.prev_tail_rule = "the one person the paragraph before reports speaking"
        if masked.rstrip().endswith(":"):
            # 'Colin Dray said:' or 'The defeated leader released a statement:' ending a paragraph introduces the
            # quotation opening the next one, as it would one after the colon.
            self.prev_tail_speaker = self._introducer(masked, para.start, events)
            self.prev_tail_rule = "introduced by the colon ending the paragraph before"

    def _paragraph_speaker(self, events: list[Event], first_sentence: int) -> Entity | None:
        """The one person a paragraph without quotations reports speaking, when its last sentence is about them too
        ('The president also admitted that ... However, he defended his decision ...'): news copy hands them a
        cue-less quotation opening the next paragraph. None when it reports anyone else, or ends on someone else."""
        speakers = {id(e.entity): e.entity for e in events if e.entity is not None}
        if len(speakers) != 1 or len(speakers) != len({id(e.entity) for e in events}):
            return None  # nobody, several people, or a cue whose speaker the article does not name
        (speaker,) = speakers.values()
        start, end = self.sentences[-1]
        if speaker.kind != "person" or start < self.sentences[first_sentence][0]:
            return None
        if any(start <= e.pos < end for e in events):
            return speaker  # the last sentence reports their speech: '..., said Salem Zahran, a Lebanese analyst.'
        subject = next((m for m in self.mentions if start <= m.pos < end), None)
        if subject is None or subject.entity is not speaker or not self._opens_sentence(start, subject.pos):
            return None
        return speaker

    def _introducer(self, masked: str, base: int, events: list[Event]) -> Entity | None:
        """Who the colon ending a paragraph introduces: the speaker of the last sentence's cue, else the person the
        sentence opens with, else nobody."""
        colon = base + len(masked.rstrip()) - 1
        start = self._sentence_span(colon)[0]
        cued = [e for e in events if start <= e.pos < colon]
        entity = cued[-1].entity if cued else self._colon_introduction(start, colon).entity
        return entity if entity is not None and entity.kind == "person" else None

    def _identify_lede(self, para: Paragraph, events: list[Event], first_sentence: int) -> None:
        """A lede that gives its speaker only by a description ("..., the guild's president said on Monday.") and a
        second paragraph whose first sentence has a person newly named, with no role of their own, say something
        ("Writing to every member, Mr Tomas Elber said ...") is news copy's delayed identification: the description
        is that person's, so the lede's quotations are theirs and "the president" later names them."""
        lede = {how for pos, how in self.unnamed_cues if pos < para.start}
        if len(lede) != 1:
            return
        how = lede.pop()
        description = how.split(": ", 1)[-1].strip("'")
        if description.split()[0].casefold() != "the" or description.split()[-1].casefold() not in TITLES:
            return
        sentence_end = self.sentences[first_sentence][1]
        named = [e for e in events if e.pos < sentence_end and e.entity is not None]
        entity = named[0].entity if named else None
        if entity is None or entity.kind != "person" or entity.role or entity.first < para.start:
            return
        if named[0].how.startswith("pronoun") or any(m.entity is entity and m.pos < para.start for m in self.mentions):
            return
        entity.role = description
        for index, quote in enumerate(self.quotes):
            if quote.speaker is None and quote.kind == QUOTED and quote.why == how:
                rule = f"{description}, the lede's speaker, named as the next paragraph opens: {entity.name}"
                self.quotes[index] = replace(quote, speaker=entity.name, rule=rule, why=None)
                self.used[entity.name.casefold()] = entity

    def _crosshead_person(self, para: Paragraph) -> Entity | None:
        """The person the paragraph's crosshead names, when the crosshead is nothing but a person's full name."""
        tokens = (para.section or "").split()
        if not 2 <= len(tokens) <= 4 or RUN.fullmatch(para.section or "") is None:
            return None
        if not person_name(tokens) or looks_org(tokens):
            return None
        entity = self.resolve_run(tokens, speaking=True)
        return entity if entity is not None and entity.kind == "person" else None

    def _sentence_span(self, pos: int) -> tuple[int, int]:
        return self.sentences[self._sentence_index(pos, 0)]

    def _attribute(self, para: Paragraph, masked: str, marks: list[Mark], events: list[Event], first: int) -> None:
        base = para.start
        running: Entity | None = None
        running_pos = -1
        at_start = True
        previous_close = base - 1
        for mark in marks:
            text = self.text[mark.start : mark.end]
            opener = mark.open if mark.open is not None else mark.start
            closer = mark.close if mark.close is not None else mark.end
            sent = self._sentence_index(opener, first)
            sent_start, sent_end = self.sentences[sent]
            # The running speaker: the latest cue before this quotation in the paragraph.
            for event in events:
                if running_pos < event.pos < opener:
                    running, running_pos = event.entity, event.pos
                    if self._reported_cue(event, events):
                        # "Hart said the council had asked her ...": the council's cue is inside Hart's reported
                        # clause, so a quotation going on after it could be either's.
                        running = None
            if mark.open is None or mark.close is None:
                self._emit(mark, para, Found(cue="unbalanced quote", why="a quote mark with no partner"))
                previous_close = closer
                continue
            words = word_count(text)
            before = self.text[max(sent_start, base + 0) : opener]
            after = self.text[closer + 1 : min(closer + 40, para.end)]  # (a crosshead after it is not its noun)
            if (
                words <= 1
                or is_title(text, before, after)
                or is_label(text, before, after)
                or TERM_MARKERS.search(before)
                or _term_key(text) in self.terms
            ):
                previous_close = closer
                at_start = False
                continue
            found = self._cue_for(mark, masked, base, events, sent_start, sent_end, previous_close)
            sentence_like = is_sentence_like(text)
            speech_like = sentence_like or bool(FIRST_PERSON.search(text))
            if found.entity is None and found.why is None and speech_like:
                gesture = GESTURE.search(masked[: opener - base].rstrip(" \x00"))
                ends_on_comma = self.text[opener:closer].rstrip().endswith(",")
                tag = GESTURE_TAG.match(masked, closer + 1 - base) if ends_on_comma else None
                if tag is not None:
                    found = self._gesture(tag, base, first, "a gesture or a verb tagging the quote")
                elif gesture is not None:
                    found = self._gesture(gesture, base, first)
                elif running is not None:
                    found = self._continued(running, running_pos, opener)
                elif at_start and opener - base < 3 and self.prev_tail_speaker is not None:
                    found = Found(self.prev_tail_speaker, "continued", rule=self.prev_tail_rule)
            if found.entity is None and found.why is None and not speech_like:
                # A scare quote: a short phrase nobody is said to have said. Where it recurs in quote marks it is
                # the same term ('staff on “atypical contracts”', then 'reducing ... and “atypical contracts”').
                self.terms.add(_term_key(text))
                previous_close = closer
                at_start = False
                continue
            self._emit(mark, para, found)
            if found.entity is not None:
                running, running_pos = found.entity, closer
            previous_close = closer
            at_start = False
        # A paragraph that ends on a quotation hands its speaker to a cue-less quotation opening the next one.
        self.prev_tail_speaker, self.prev_tail_rule = None, CONTINUES
        last = self.quotes[-1] if self.quotes and self.quotes[-1].paragraph == para.index else None
        ends_on_quote = bool(marks) and marks[-1].close is not None
        if last is None or last.kind != QUOTED or last.speaker is None or not ends_on_quote:
            return
        speaker = self.entities.get(last.speaker.casefold())
        close = marks[-1].close
        assert close is not None
        tail = masked[close + 1 - base :]
        # ... or on a quotation and its tag ('"...," he said.', '"...," she told the paper.'), the usual lead-in to a
        # quotation going on.
        tag_only = len(masked_sentences(tail.strip())) == 1 and any(
            e.pos > close and e.entity is speaker for e in events
        )
        if not SENTENCE_TEXT.search(tail) or tag_only:
            self.prev_tail_speaker = speaker

    def _cue_for(
        self,
        mark: Mark,
        masked: str,
        base: int,
        events: list[Event],
        sent_start: int,
        sent_end: int,
        previous_close: int,
    ) -> Found:
        assert mark.open is not None and mark.close is not None
        ends_sentence = self.text[mark.open : mark.close].rstrip().endswith((".", "。"))
        # 1. A cue right after the closing mark: '," said Ian Fogg' / '," he says' / '" Charpentier says.'
        # 'She said she was "confident ...." The WLGA had said ...': the next sentence's subject is not this tag.
        cued = ends_sentence and any(sent_start <= e.pos < mark.open for e in events)
        # 'She said he then announced: "X," and alleges ...': a verb and its colon introduce the quotation, so a
        # verb after it whose subject stands before it is no tag of it.
        introduced = any(
            e.pos < mark.open and re.fullmatch(r"\s*:[\s\x00]*", masked[e.end - base : mark.open - base])
            for e in events
        )
        for event in events:
            if introduced and event.subject_start < mark.open:
                continue
            gap = masked[mark.close + 1 - base : min(event.pos, event.subject_start) - base]
            if cued and event.subject_start < event.pos:
                continue
            if event.pos > mark.close and re.fullmatch(r"[\s,\x00—–-]*", gap):
                tail = masked[event.end - base : event.end - base + 40]
                follows = re.match(r"\s*(?:[.,;!?]|$|\s+(?:in|on|at|to|via|during|after|when|while)\b)", tail)
                if re.match(r"\s*:", tail):
                    break  # '"Will you resign?" She said: "No."': a cue and its colon introduce what follows
                if not ends_sentence or follows or event.subject_start > event.pos:
                    return from_event(event, event.verb, "tag after the quote")
        # 1b. A bare name as the tag, its verb left out: '"... amazing," Mark McCaughrean, senior science advisor.'
        bare = BARE_NAME_TAG.match(masked[mark.close + 1 - base :])
        if bare and self.text[mark.close - 1] == "," and not speech_cues(bare.group()):
            pos = mark.close + 1 + bare.start("who")
            entity = self.resolve_run(bare["who"].split(), speaking=True, pos=pos)
            if entity is not None and entity.kind == "person":
                return Found(entity, rule=f"a name with no verb after the quote; {name_how(bare['who'], entity)}")
        # 2. A cue before it in the same stretch: 'X said:', 'He wrote:', 'X commented on X:', ', she said, "B."'
        start = max(sent_start, previous_close + 1)
        before = masked[start - base : mark.open - base]
        noun = OWNED_CUE_NOUN.search(before)
        if noun:
            entity = self.resolve_run(noun["who"].split(), speaking=True, pos=start + noun.start("who"))
            if entity is not None:
                rule = f"'{noun['who']}'s {noun['cue']}' before the quote"
                return Found(entity, noun["cue"], find_channel(before), rule=rule)
        # "wine was, in her words, "a punchline"", or a sentence opening "In her view, ...": the words are hers,
        # whoever "her" is.
        own_words = re.search(r"\b[Ii]n\s+(?P<owner>his|her)\s+(?:own\s+)?words,?[\s\x00]*$", before)
        own_words = own_words or (OWNER_VIEW.match(before) if not speech_cues(before) else None)
        if own_words:
            entity, how = self.explain_pronoun(start + own_words.start("owner"), own_words["owner"], 0)
            if entity is None:
                return Found(cue=own_words.group().strip(" ,\x00"), why=f"'{own_words['owner']}' → {how}")
            opening = own_words.group().strip(" ,\x00")
            return Found(entity, opening, rule=f"'{opening}'; {how}")
        colon_name = NAME_COLON.search(before)
        # (Not a verb in a free relative: "contrary to what she believes, Meghan was welcomed as a ..." reports
        # nothing itself.)
        earlier = [
            e
            for e in events
            if start <= e.pos < mark.open
            and not FREE_RELATIVE.search(masked, max(0, e.subject_start - base - 8), e.subject_start - base)
        ]
        if earlier:
            event = earlier[-1]
            cue = cue_text(masked, base, event, mark.open)
            if IMAGINED.search(masked, max(0, event.subject_start - base - 120), event.subject_start - base):
                return Found(cue=cue, why="an imagined quotation: the cue is inside an 'if' clause")
            found = from_event(event, cue, "cue before the quote")
            return found if found.channel else replace(found, channel=find_channel(before))
        if colon_name and not speech_cues(before):
            entity = self.resolve_run(colon_name["who"].split(), speaking=True, pos=start + colon_name.start("who"))
            if entity is not None:
                return Found(entity, rule="a name and a colon before the quote")
        if re.search(r":[\s\x00]*$", before) and not colon_name and not speech_cues(before):
            return self._colon_introduction(sent_start, mark.open)
        # 3. A cue elsewhere in the sentence: 'Despite this "underhand trick," the bill stood ..., he added.'
        inside = [e for e in events if sent_start <= e.pos < sent_end and not (mark.open <= e.pos <= mark.close)]
        # Not a cue in a relative clause: 'to show he was "first to invent" it, Zhang showed notes that he says ...',
        # '... will show what its bankers think the company is worth'.
        later = [
            e for e in inside if e.pos > mark.close and not RELATIVE_BEFORE.search(masked[: e.subject_start - base])
        ]
        if later:
            return from_event(later[0], later[0].verb, "cue later in the sentence")
        before_quote = [e for e in inside if e.pos < mark.open]
        if before_quote:
            return from_event(before_quote[-1], before_quote[-1].verb, "cue earlier in the sentence")
        return Found()

    def _reported_cue(self, event: Event, events: list[Event]) -> bool:
        """True when the cue sits in the clause an earlier cue of its sentence reports, by someone else."""
        earlier = [
            other.pos
            for other in events
            if other.pos < event.subject_start
            and other.verb in THAT_VERBS
            and other.entity is not None
            and other.entity is not event.entity
        ]
        return bool(earlier) and earlier[-1] >= self._sentence_span(event.pos)[0]

    def _gesture(
        self, gesture: re.Match[str], base: int, first: int, placement: str = "a gesture before the quote"
    ) -> Found:
        """The quotation right after 'Pryddy smiled.' (or tagged '"...," she smiles.') is Pryddy's; after 'He
        laughed.' it is his, when he is someone we can name."""
        who, pos = gesture["who"], base + gesture.start("who")
        if who.casefold() in ("he", "she"):
            entity, how = self.explain_pronoun(pos, who.casefold(), first)
            how = f"pronoun '{who}' → {how}"
        else:
            entity = self.resolve_run(who.split(), speaking=True, pos=pos)
            how = name_how(who, entity) if entity is not None else "nobody we can name"
        if entity is None or entity.kind != "person":
            return Found(cue="gesture", why=f"the gesture before it names nobody: {how}")
        return Found(entity, gesture.group().strip(), rule=f"{placement}; {how}")

    def _continued(self, running: Entity, since: int, quote_open: int) -> Found:
        """A cue-less quotation going on from the paragraph's last speaker, unless another person has since become
        a sentence's subject ("... Hale said. Pryce shook his head. "Nonsense."): then it is a guess."""
        others = [
            m
            for m in self.mentions
            if since < m.pos < quote_open
            and m.entity is not running
            and m.entity.kind == "person"
            and not m.possessive
            and self._opens_sentence(self.sentences[self._sentence_index(m.pos, 0)][0], m.pos)
        ]
        if others:
            return Found(cue="continued", why=f"{AMBIGUOUS}: {running.name}, {others[-1].entity.name}")
        return Found(running, "continued", rule="continues the paragraph's last speaker")

    def _colon_introduction(self, start: int, quote_open: int) -> Found:
        """A quotation after a colon that follows no speech verb ('Alverson summed up the journey: "..."') belongs
        to the subject of the clause before the colon when that is a person, else to nobody ('a question came
        from the audience: "..."')."""
        section = self._section_subject(self.narration[1][start - self.narration[0] : quote_open - self.narration[0]])
        if section is not None and section[0] is not None:
            return Found(section[0], rule=f"colon introduction; {section[2]}")
        clause = [m for m in self.mentions if start <= m.pos < quote_open and not m.possessive]
        if clause:
            lead_text = self.text[start : clause[0].pos]
            # ("Sharp-eyed Reddit user Tomas Brandt weighed in with:": a description before the name leads nothing.)
            lead_text = ROLE_BEFORE_NAME.sub("", lead_text)
            lead = lead_text.split()
            # (A live blog's timestamp, "02:05 —", leads an entry without being part of its sentence.)
            if all(w.casefold().strip(",") in LEADING | PREPOSITIONS or not re.search(r"[^\W\d]", w) for w in lead):
                entity = clause[0].entity
                return Found(entity, rule=f"colon introduction; {entity.name}, the subject before the colon")
        pronoun = PRONOUN_BEFORE_COLON.search(self.narration[1], 0, quote_open - self.narration[0])
        if pronoun is not None and self.narration[0] + pronoun.start("pronoun") >= start:
            # "A Christian, she prayed: “...”": the pronoun is the clause's subject.
            at = self.narration[0] + pronoun.start("pronoun")
            entity, how = self.explain_pronoun(at, pronoun["pronoun"].casefold(), self.paragraph_first_sentence)
            if entity is not None and entity.kind == "person":
                return Found(entity, rule=f"colon introduction; pronoun '{pronoun['pronoun']}' → {how}")
        return Found(why="a colon introduction whose subject is no person")

    def _emit(self, mark: Mark, para: Paragraph, found: Found) -> None:
        text = self.article.text[mark.start : mark.end]
        if not text.strip():
            return
        if found.entity is not None and found.entity.kind == UNCLEAR:
            found = Found(cue=found.cue, why=f"{AMBIGUOUS}: {found.entity.name}")
        if found.entity is not None and found.entity.kind == "group" and bare_group(found.entity.name):
            # "Researchers said", "critics said": people nobody names, neither a person nor an organisation, so the
            # quotation is no one's we can cite (a reported position still says what the group holds).
            found = Found(cue=found.cue, why=f"a group the article does not name: '{found.entity.name}'")
        if found.entity is not None:
            self.used[found.entity.name.casefold()] = found.entity
            self.last_speaker, self.last_spoken_at = found.entity, mark.start
        self.quotes.append(
            Quote(
                speaker=found.entity.name if found.entity is not None else None,
                text=text,
                kind=QUOTED,
                paragraph=para.index,
                start=mark.start,
                end=mark.end,
                cue=found.cue,
                channel=found.channel,
                rule=found.rule if found.entity is not None else None,
                why=None if found.entity is not None else (found.why or "no speech cue names a speaker"),
            )
        )

    # --- reported positions -------------------------------------------------------------------
