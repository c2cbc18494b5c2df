"""Quote extraction and attribution: article -> direct quotations and reported positions, each with a speaker.

Rules only (quote-mark pairing, speech-verb lists, name and pronoun tracking); no model, no download.
The pipeline per paragraph:

1. pair quote marks (straight, curly, CJK; single quotes only when an article has no double ones);
2. mask the quoted text, so cues and names are looked for in the narration only, and split sentences;
3. find speech cues ("said", "wrote", "commented on", "according to", "X's tweet:") and resolve each
   cue's speaker: a name (titles stripped, surnames and "Mr X" resolved to the full name), a pronoun
   (the salient person of this or the previous sentences), an organisation or a group ("critics");
4. give each quotation the cue right after it, else the one before it, else one in its sentence, else
   (for a whole-sentence quote) the paragraph's running speaker; short phrases with no cue are scare
   quotes, one-word terms and titles of works are not quotations at all;
5. reported positions: "X emphasized that <clause>", "X said <clause>", "<clause>, X said",
   "X defended <object>", "accusing Y of <clause>".

Every span is a slice of ``article.text``: ``quote.text == article.text[quote.start:quote.end]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .data.article import Article, Paragraph, sentence_breaks

QUOTED = "quoted"
REPORTED = "reported"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- word lists --------------------------------------------------------------------------------

# Verbs (and multi-word cues) that introduce or tag what someone said.
_SPEECH_VERBS = _words("""
said says say saying told tells tell telling added adds adding wrote writes writing stated states stating
explained explains explaining noted notes noting argued argues arguing insisted insists warned warns warning
claimed claims asked asks replied replies replying responded responds responding answered answers commented
comments commenting posted posts tweeted tweets declared declares announced announces emphasized emphasizes
emphasizing emphasised emphasises emphasising stressed stresses stressing acknowledged acknowledges admitted
admits conceded concedes suggested suggests continued continues recalled recalls observed remarked predicted
predicts concluded complained complains urged urges compared welcomed accused accusing defended supported
praised criticised criticized countered counters quipped joked cautioned affirmed reiterated maintained
maintains contended contends agreed agrees believes believe thinks think confirmed confirms denied denies
described describes testified announced blasted slammed called calls branded
announce warn insist argue explain admit concede deny confirm predict declare
""")
_MULTI_CUES = ["pointed out", "points out", "according to", "put it", "hit back", "shot back", "went on"]
# Cues after which the speaker may follow the verb: ', said Ian Fogg', '" says Charpentier' (never 'told X':
# X is the listener).
_INVERTING = _words(
    "said says added adds wrote writes explained asked replied continued recalled noted observed argued "
    "insisted warned stated admitted admits conceded concedes acknowledged confirmed declared claimed commented "
    "responded countered remarked stressed emphasised emphasized suggested predicted quipped joked cautioned "
    "complained concluded insists warns argues explains notes"
)
# Cues that take a reported clause: "X emphasized that <clause>", "X said <clause>".
_THAT_VERBS = _words("""said says say told tells added adds argued argues noted notes stated states explained explains insisted
    insists warned warns claimed claims emphasized emphasizes emphasised emphasises stressed stresses acknowledged
    acknowledges admitted admits conceded concedes suggested suggests predicted predicts concluded complained
    complains maintained maintains contended contends agreed agrees believes believe thinks think confirmed
    confirms denied denies observed remarked recalled replied responded countered affirmed reiterated""") | {
    "pointed out",
    "points out",
}
_BARE_CLAUSE_VERBS = _words("said says told tells added adds")
# Verbs whose object is a stance: "X defended closed-source", "X supported open-source".
_STANCE_VERBS = _words("supported defended backed opposed endorsed championed rejected favoured favored advocated")
# Verbs whose "of"/"for" clause is the position: "accusing it of shifting ...".
_ACCUSE = re.compile(
    r"\b(?:accus(?:ed|es|ing)|criticis(?:ed|ing)|criticiz(?:ed|ing)|blam(?:ed|ing))\s+(?:\S+\s+){1,3}?(?:of|for)\s+"
)
# Nouns that carry what someone said: "Musk's tweet:", "Altman's response:".
_CUE_NOUNS = "tweet|tweets|post|posts|response|reply|statement|message|comment|comments|letter|answer|remarks|words|verdict|view|email|e-mail"
_TERM_MARKERS = re.compile(
    r"\b(?:dubbed|so-called|known as|called|named|nicknamed|titled|entitled|headlined|branded|labell?ed|termed|the word|the term|the phrase|see)\s*[(\x00]*$",
    re.IGNORECASE,
)
_WORK_NOUNS = re.compile(
    r"^\s*(?:program|programme|series|report|book|film|movie|song|album|column|show|campaign|initiative|project|study|article|paper|podcast|documentary|exhibition|play|novel|poem|essay|slogan)\b",
    re.IGNORECASE,
)
_CHANNELS = (
    "X|Twitter|Weibo|WeChat|Facebook|Instagram|LinkedIn|Threads|TikTok|YouTube|Bluesky|Mastodon|Reddit|Truth Social"
    "|Telegram|Substack|Medium|Douyin|Xiaohongshu"
)
_CHANNEL_RE = re.compile(rf"\b(?:on|via|to)\s+(?:his\s+|her\s+|their\s+|its\s+)?(?P<ch>{_CHANNELS})\b(?!-)")
_PROGRAMME_RE = re.compile(
    r"\b(?:told|on|to)\s+(?P<ch>(?:the\s+)?[A-Z][\w'’.\- ]{1,60}?(?:programme|program|show|podcast|radio|television|TV|newspaper))\b"
)
_MEDIUM_RE = re.compile(
    r"\bin\s+an?\s+(?P<ch>(?:e-?mail|interview|statement|blog post|op-ed|letter|post|video|speech|press release)"
    r"(?:\s+(?:with|to|on)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)?)"
)

_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "they": "p", "them": "p", "their": "p"}
_SUBJECT_PRONOUNS = {"he", "she", "they"}
_HONORIFICS = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "dr": None,
    "dr.": None,
    "prof": None,
    "prof.": None,
}
# Capitalised words that start sentences or clauses but never start a name.
_LEADING = _words("""the a an but and or if in on at as by for from to of with despite although though instead however recently
    when while after before since because this that these those it he she they we i you his her their its our my
    there here what who whom whose how why where not no few many some all every everyone first second third finally
    then also last next so yet still even only asked according earlier later meanwhile now today yesterday under
    over about among between during without within against one two three both each either neither such other
    another more most much several any another background conclusion monday tuesday wednesday thursday friday
    saturday sunday""")
# Title words: stripped from the front of a name ("Foreign Secretary Jack Straw" -> "Jack Straw").
_TITLES = _words("""secretary minister president chancellor senator governor prime foreign home chief executive director
    professor prof dr sir lord lady judge justice general captain mayor chairman chairwoman chair king queen prince
    princess pope bishop rev reverend representative rep sen gov commissioner ambassador spokesman spokeswoman
    spokesperson officer founder cofounder co-founder analyst head leader deputy vice shadow attorney editor
    correspondent economist chancellor premier president-elect mp mep ceo cto cfo coo chairperson writer author
    novelist poet actor actress singer musician artist scientist researcher physicist biologist chemist lawyer
    activist campaigner journalist reporter columnist historian philosopher coach manager player striker
    presenter host producer designer architect engineer investor entrepreneur banker consultant adviser advisor
    expert candidate councillor councilor lawmaker legislator diplomat envoy official acting detective superintendent
    supt inspector insp sergeant sgt constable commander backbencher boss midfielder defender goalkeeper winger
    meteorologist forecaster agent owner vice-president""")
# Words that make a capitalised run an organisation, not a person.
_ORG_WORDS = _words("""party institute university association foundation consortium company corporation corp inc ltd llc plc group
    ventures partners therapeutics medicine biosciences research times news post journal review council commission
    committee ministry department office agency bank fund union court congress parliament senate house government
    cabinet police army navy prize valley centre center school college hospital labs laboratory laboratories
    systems technologies technology media network press club league alliance management index report programme
    program service services airlines motors pharmaceuticals capital holdings industries electronics federation
    organisation organization authority board exchange kingdom states republic street road city county province
    museum library society trust church ai airport airports airways express station stadium arena theater theatre
    hotel railway railways""")
# Heads of noun phrases that can speak as a group: "critics", "the firms", "xAI engineers".
_GROUP_NOUNS = _words("""critics analysts experts officials researchers scientists engineers advocates supporters opponents campaigners
    observers economists investors lawyers executives users residents protesters activists employees workers
    authorities sources insiders people leaders members regulators lawmakers politicians doctors teachers students
    fans commentators skeptics sceptics proponents detractors firms companies groups organisers organizers
    developers academics historians judges prosecutors police spokesman spokeswoman spokesperson government party
    paper newspaper report study statement ministry company firm group committee council commission court union
    board agency department team campaign organisation organization""")
_GROUP_DETERMINERS = _words("the a an many some few several most other these those both all")
_NP_STOP = _LEADING | _words(
    "is are was were be been has have had do does did will would can could should may might must not"
)
_CLAUSE_STARTERS = _words("""he she they it we i you the a an there this these those that its their his her our some many no one two
    currently now today also only even more most all every each any several few""")
_PREPOSITIONS = _words("in on at to by for with of from into about over under after before during via")

# --- regular expressions -------------------------------------------------------------------------

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_PAIRS = {"“": "”", "「": "」", "『": "』", "«": "»"}
_STRAY_CLOSERS = set(_PAIRS.values())
_OPENERS = set(_PAIRS) | {'"', "‘", "'"}
_MASK = "\x00"
# A middle initial ("Brian M. Good") only when a capitalised word that can start no sentence follows: "Plan B. Then".
_NAME_TOKEN = r"(?:[A-Z][\w’'\-]*[\w]|[A-Z]\.(?=[ \u00a0][A-Z])(?![ \u00a0](?:The|A|An|But|And|Then|This|It|He|She|They|We|I|In|On|So|If)\b)|[A-Z]|[a-z]{1,3}[A-Z][\w\-]*|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.)"
_PARTICLE = r"(?:de|van|von|der|den|la|le|da|di|del|du|bin|al|ibn|dos|das)"
_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])?{_NAME_TOKEN})*")
_VERB_RE = re.compile(
    r"\b(?P<v>(?i:"
    + "|".join(sorted({re.escape(v) for v in _SPEECH_VERBS} | set(_MULTI_CUES), key=len, reverse=True))
    + r"))\b"
)
_BOUNDARY = re.compile(r"[.!?。！？][\x00”\"’'」』)\]]*(?=\s+[\x00A-Z0-9“\"‘'(「『\u4e00-\u9fff]|\s*$)|[。！？](?=\S)")
_ABBREVIATIONS = _words("mr mrs ms dr prof st jr sr inc ltd co corp vs etc e.g i.e u.s u.k no gen gov sen rep")
_WORD = re.compile(r"[\w’'\-]+")
_INITIAL = re.compile(r"[A-Z]\.")


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct quotation or reported position, with its speaker and where it sits."""

    speaker: str | None  # the full name as the article introduces it; None when unattributed
    text: str  # == article.text[start:end], without the quote marks
    kind: str  # "quoted" or "reported"
    paragraph: int
    start: int
    end: int
    cue: str | None  # "said", "wrote", "commented on", "tweet", "emphasized that"...
    channel: str | None  # X, Weibo, "BBC Radio 4's Today programme"...

    def as_dict(self) -> dict[str, object]:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "kind": self.kind,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "channel": self.channel,
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone the article quotes: what it calls them and how it introduces them."""

    name: str
    kind: str  # "person", "organisation" or "group"
    role: str | None  # "Anthropic CEO", "director of anti-constitution group Vote No"
    aliases: tuple[str, ...]  # other ways the article names them (surname, "Mr Fogg")


@dataclass(frozen=True, slots=True)
class Extraction:
    article: str
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]

    def speaker(self, name: str) -> Speaker | None:
        return next((s for s in self.speakers if s.name == name), None)


# --- entities ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str
    gender: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Mention:
    pos: int  # absolute offset
    entity: _Entity
    possessive: bool


@dataclass(frozen=True, slots=True)
class _Event:
    """A speech cue in the narration and who it names."""

    pos: int
    end: int
    verb: str
    entity: _Entity | None
    subject_start: int
    channel: str | None


@dataclass(frozen=True, slots=True)
class _Mark:
    open: int | None  # absolute offset of the opening mark, None when it is missing
    close: int | None  # absolute offset of the closing mark, None when it is missing
    start: int  # the quoted text, trimmed
    end: int


def _is_name_word(token: str) -> bool:
    return bool(token) and (token[0].isupper() or (len(token) > 1 and any(c.isupper() for c in token[1:])))


class _Analyser:
    """Walks one article in order, keeping track of people, pronouns and the running speaker."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.entities: dict[str, _Entity] = {}
        self.by_surname: dict[str, _Entity] = {}
        self.by_given: dict[str, _Entity] = {}
        self.mentions: list[_Mention] = []
        self.sentences: list[tuple[int, int]] = []  # absolute, every body paragraph in order
        self.quotes: list[Quote] = []
        self.used: dict[str, _Entity] = {}
        self.single_quotes = not re.search(r"[\"“”「」『』«»]", article.text)
        self.prev_tail_speaker: _Entity | None = None

    # --- entities -------------------------------------------------------------------------------

    def _entity(self, name: str, kind: str, gender: str | None = None) -> _Entity:
        key = name.casefold()
        entity = self.entities.get(key)
        if entity is None:
            entity = _Entity(name, kind, gender)
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
        for match in _RUN.finditer(text):
            tokens = match.group().split()
            if any(t.casefold() in _HONORIFICS for t in tokens) or _before_title(text, match.end()):
                continue
            name_part, _ = _split_title(tokens)
            if len(name_part) >= 2 and not _looks_org(tokens) and all(_is_person_token(t) for t in name_part):
                self._entity(" ".join(_strip_possessive(t) for t in name_part), "person")

    def resolve_run(self, tokens: list[str], the_prefix: bool = False, speaking: bool = False) -> _Entity | None:
        """The entity a capitalised run names, or None when it names nobody we can tell."""
        owners = [i for i, t in enumerate(tokens[:-1]) if t.endswith(("'s", "’s"))]
        if owners:
            tokens = tokens[owners[-1] + 1 :]  # "Broad's Zhang" names Zhang
        tokens = [_strip_possessive(t) for t in tokens]
        while tokens and tokens[0].casefold() in _LEADING and tokens[0] != "I":
            the_prefix = the_prefix or tokens[0].casefold() == "the"
            tokens = tokens[1:]
        if not tokens:
            return None
        honorific = next((t for t in tokens if t.casefold() in _HONORIFICS), None)
        if honorific is not None:
            rest = tokens[tokens.index(honorific) + 1 :]
            if not rest:
                return None
            gender = _HONORIFICS[honorific.casefold()]
            known = self.by_surname.get(rest[-1].casefold())
            if known is not None:
                if gender and not known.gender:
                    known.gender = gender
                alias = f"{honorific} {rest[-1]}"
                if alias not in known.aliases:
                    known.aliases.append(alias)
                return known
            return self._entity(" ".join(rest), "person", gender)
        if the_prefix or _looks_org(tokens):
            return self._entity(" ".join(tokens), "organisation")
        name_part, role = _split_title(tokens)
        if not name_part:
            return None
        if len(name_part) >= 2 and all(_is_person_token(t) for t in name_part):
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
                if word.casefold() in _GROUP_NOUNS:
                    return self._entity(word, "group")
                kind = "organisation" if word.isupper() or any(c.isupper() for c in word[1:]) else "person"
                return self._entity(word, kind)
        return None

    # --- per paragraph ------------------------------------------------------------------------

    def run(self) -> Extraction:
        self._register_names(self.text)
        paragraphs = self.article.paragraphs
        for index, para in enumerate(paragraphs):
            if para.kind != "body":
                continue
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            self._paragraph(para, following[:1] in _OPENERS)
        quotes = sorted(self.quotes, key=lambda q: (q.start, q.kind))
        speakers = tuple(
            Speaker(e.name, e.kind, e.role, tuple(a for a in e.aliases if a != e.name))
            for e in sorted(self.used.values(), key=lambda e: e.name)
        )
        return Extraction(self.article.id, tuple(quotes), speakers)

    def _paragraph(self, para: Paragraph, next_opens_quote: bool) -> None:
        marks = _find_marks(para.text, para.start, self.single_quotes)
        if next_opens_quote and marks and marks[-1].open is not None and marks[-1].close is None:
            # A quotation running on into the next paragraph, which opens with a quote mark: the news
            # convention for multi-paragraph quotes, so it is balanced (closed at the paragraph end).
            last = marks[-1]
            marks[-1] = _Mark(last.open, para.end, last.start, last.end)
        masked = _mask(para.text, para.start, marks)
        sentences = _sentences(masked)
        abs_sentences = [(para.start + s, para.start + e) for s, e in sentences]
        first_sentence = len(self.sentences)
        self.sentences.extend(abs_sentences)
        self._collect_mentions(masked, para.start, first_sentence)
        events = self._events(masked, para.start, first_sentence)
        self._attribute(para, masked, marks, events, first_sentence)
        self._reported(para, masked, marks, events)

    def _sentence_index(self, pos: int, first: int) -> int:
        for index in range(first, len(self.sentences)):
            start, end = self.sentences[index]
            if pos < end or index == len(self.sentences) - 1:
                return index
        return max(first, len(self.sentences) - 1)

    def _collect_mentions(self, masked: str, base: int, first_sentence: int) -> None:
        items: list[tuple[int, str, re.Match[str]]] = [(m.start(), "run", m) for m in _RUN.finditer(masked)]
        items += [
            (m.start(), "pronoun", m)
            for m in re.finditer(r"\b(?:he|she|He|She|his|His|her|Her|him)\b(?:['’]d)?", masked)
        ]
        for start, what, match in sorted(items, key=lambda item: item[0]):
            if what == "pronoun":
                word = match.group().split("'")[0].split("’")[0].casefold()
                entity = self.resolve_pronoun(base + start, word, first_sentence)
                if entity is not None:
                    self.mentions.append(_Mention(base + start, entity, word in {"his", "her"}))
                continue
            tokens = match.group().split()
            if _before_title(masked, match.end()):
                continue  # "Liberal Democrat leader Charles Kennedy": the run is a role
            before = masked[max(0, start - 4) : start].casefold()
            entity = self.resolve_run(tokens, the_prefix=before.endswith("the "))
            if entity is None:
                continue
            possessive = bool(re.match(r"['’]s\b", masked[match.end() : match.end() + 3])) or tokens[-1].endswith(
                ("'s", "’s")
            )
            if entity.kind == "person":
                self.mentions.append(_Mention(base + start, entity, possessive))
                self._role_from_context(entity, masked, start, match.end())

    def _role_from_context(self, entity: _Entity, masked: str, start: int, end: int) -> None:
        """Keep how the article introduces a person: a title before the name or an apposition after it."""
        if entity.role:
            return
        after = re.match(r",\s+(?P<role>(?:a |an |the |now )?[a-z][^,.;\x00]{2,90}?)(?:,|\.|;|$)", masked[end:])
        if after and any(w.casefold() in _TITLES or w.endswith(("ist", "er", "or")) for w in after["role"].split()):
            entity.role = after["role"].strip()
            return
        before = re.search(r"((?:[A-Za-z][\w\-’']*\s+){1,5})$", masked[max(0, start - 60) : start])
        if before:
            words = before.group(1).split()
            while words and words[0].casefold() in _LEADING | _PREPOSITIONS:
                words = words[1:]
            if words and any(w.casefold() in _TITLES for w in words):
                entity.role = " ".join(words)

    def resolve_pronoun(self, pos: int, word: str, first_sentence: int) -> _Entity | None:
        gender = _PRONOUNS.get(word)
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

    def _events(self, masked: str, base: int, first_sentence: int) -> list[_Event]:
        events: list[_Event] = []
        for match in _VERB_RE.finditer(masked):
            verb = match["v"].casefold()
            if verb == "called" and re.match(r"\s*\x00", masked[match.end() :]):
                continue  # 'called "X"' names a thing
            sent = self._sentence_index(base + match.start(), first_sentence)
            sent_start = self.sentences[sent][0] - base
            entity, subject_start = self._speaker_of(
                masked, match.start(), match.end(), verb, sent_start, base, first_sentence
            )
            if entity is None:
                continue
            sent_end = self.sentences[sent][1] - base
            channel = _channel(masked[sent_start:sent_end])
            events.append(_Event(base + match.start(), base + match.end(), verb, entity, base + subject_start, channel))
        return events

    def _speaker_of(
        self, masked: str, vstart: int, vend: int, verb: str, sent_start: int, base: int, first_sentence: int
    ) -> tuple[_Entity | None, int]:
        left = masked[sent_start:vstart]
        after = masked[vend : vend + 80]
        if verb == "according to" or (verb in _INVERTING and re.search(r"(?:^|[,\x00:]|\bthen)\s*$", left)):
            found = self._inverted(after, vend, base, first_sentence)
            if found is not None:
                return found
            if verb == "according to":
                return None, vstart
        return self._subject(masked, sent_start, vstart, base, first_sentence)

    def _inverted(self, after: str, vend: int, base: int, first_sentence: int) -> tuple[_Entity | None, int] | None:
        """The speaker named after the verb: 'said Ian Fogg', 'said economist Marie-Pierre Ripert at IXIS',
        'wrote S&P credit analyst Helena Hessel', 'admitted the 28-year-old Morientes', 'said a Fox spokesman'."""
        pronoun = re.match(r"\s+(he|she|He|She)\b", after)
        if pronoun:
            start = vend + pronoun.start(1)
            return self.resolve_pronoun(base + start, pronoun.group(1).casefold(), first_sentence), start
        phrase = _noun_phrase(after)
        if not phrase.strip():
            return None
        runs = list(_RUN.finditer(phrase))
        if runs and not phrase[runs[-1].end() :].strip():
            # The name heads the phrase; what comes before it is a role ("S&P credit analyst").
            run = runs[-1]
            lead = phrase[: run.start()]
            entity = self.resolve_run(
                run.group().split(), the_prefix=bool(re.search(r"\b[Tt]he\s+$", lead)), speaking=True
            )
            if entity is not None:
                if entity.kind == "person" and not entity.role and any(w.casefold() in _TITLES for w in lead.split()):
                    entity.role = lead.strip()
                return entity, vend + run.start()
        group = self._group(phrase.rstrip())
        if group is not None:
            name, offset = group
            return self._entity(name, "group"), vend + offset
        if runs:
            entity = self.resolve_run(runs[0].group().split(), speaking=True)
            if entity is not None:
                return entity, vend + runs[0].start()
        return None

    def _subject(
        self, masked: str, sent_start: int, vstart: int, base: int, first_sentence: int
    ) -> tuple[_Entity | None, int]:
        left = masked[sent_start:vstart]
        # Drop adverbs, auxiliaries and modals between subject and verb: "publicly", "has", "also", "will".
        left = re.sub(
            r"(?:\s+(?:also|then|later|has|have|had|did|does|will|would|could|can|may|might|must|once|previously|again"
            r"|today|yesterday|[a-z]{3,}ly))+\s*$",
            "",
            " " + left,
        )[1:].rstrip()
        # Skip a parenthesis right before the verb: "Dario Amodei (former OpenAI executive) commented".
        while left.endswith(")") and "(" in left:
            left = left[: left.rindex("(")].rstrip()
        if not left:
            return None, vstart
        end = sent_start + len(left)
        pronoun = re.search(r"\b(he|she|they|He|She|They)$", left)
        if pronoun:
            word = pronoun.group(1).casefold()
            if word == "they":
                return self._recent_group(base + end, first_sentence), end - 4
            return self.resolve_pronoun(
                base + sent_start + pronoun.start(), word, first_sentence
            ), sent_start + pronoun.start()
        if left.endswith(",") or re.search(r"\b(?:who|and|but|or|then)$", left):
            # Apposition, participle or a second verb: "Neil O'Brien, director of ..., said", "He compared ... and
            # emphasized"; the main clause's first person speaks, not one in a leading "When Carson died, ...".
            lead = _SUBORDINATE.match(left)
            clause = sent_start + (lead.end() if lead else 0)
            named = re.match(rf"\s*(?P<run>{_RUN.pattern})(?P<noun>\s+[a-z][\w\-]*)?", masked[clause:vstart])
            noun = (named["noun"] or "").strip() if named else ""
            if named and {noun, noun[:-1]} & (_TITLES | _GROUP_NOUNS):
                # "Fox producers defended the show, saying ...": the group speaks, not the name qualifying it.
                group = self._group(named.group().strip())
                if group is not None:
                    return self._entity(group[0], "group"), clause + named.start("run")
            firsts = [m for m in self.mentions if base + clause <= m.pos < base + vstart]
            chosen = next((m for m in firsts if not m.possessive), firsts[0] if firsts else None)
            if chosen is not None:
                return chosen.entity, chosen.pos - base
            # A bare surname after a title ("President Bush led ..., saying") is no mention until it speaks.
            entity = self.resolve_run(named["run"].split(), speaking=True) if named else None
            return (entity, clause + named.start("run")) if entity is not None and named else (None, vstart)
        run = re.search(rf"(?:(?P<the>\b[Tt]he )?(?P<run>{_RUN.pattern}))$", left)
        if run:
            # "Patrol Chief James Hall with the New York Police Department said": the person speaks, not the body.
            owner = re.search(rf"(?P<run>{_RUN.pattern})\s+(?:with|of|at|from|for)\s+$", left[: run.start()])
            person = self.resolve_run(owner["run"].split()) if owner else None
            if owner is not None and person is not None and person.kind == "person" and " " in person.name:
                return person, sent_start + owner.start()
            tokens = run["run"].split()
            entity = self.resolve_run(tokens, the_prefix=bool(run["the"]), speaking=True)
            if entity is not None:
                return entity, sent_start + run.start()
        described = re.search(r"\b[Tt]he\s+(?P<title>[a-z][\w\-]*)$", left)
        if described and described["title"] in _TITLES:
            # "The minister said": the person last introduced with that title ("Justice Minister Cathy Jamieson").
            entity = self._titled(described["title"], base + vstart)
            if entity is not None:
                return entity, sent_start + described.start()
        group = self._group(left)
        if group is not None:
            name, offset = group
            return self._entity(name, "group"), sent_start + offset
        return None, vstart

    def _titled(self, title: str, pos: int) -> _Entity | None:
        for mention in reversed(self.mentions):
            role = mention.entity.role or ""
            if mention.pos < pos and title in role.casefold().split():
                return mention.entity
        return None

    def _group(self, left: str) -> tuple[str, int] | None:
        """A noun phrase that can speak as a group: "Critics", "the firms", "xAI engineers"."""
        match = re.search(r"((?:[\w\-’']+\s+){0,3}[\w\-’']+)$", left)
        if not match:
            return None
        words = match.group(1).split()
        head = words[-1]
        low = head.casefold()
        if not (low in _GROUP_NOUNS or low[:-1] in _GROUP_NOUNS or re.search(r"(?:ers|ists|ians|ants|ents)$", low)):
            return None
        kept = [head]
        for word in reversed(words[:-1]):
            low = word.casefold()
            if low in _GROUP_DETERMINERS:
                kept.insert(0, word)
                break
            if low in _NP_STOP or low in _PREPOSITIONS or word.endswith(("'s", "’s")) or low.endswith(("ed", "ing")):
                break
            kept.insert(0, word)
        name = " ".join(kept)
        offset = len(left) - len(" ".join(words[len(words) - len(kept) :]))
        if name[0].islower() and not any(c.isupper() for c in name.split()[0][1:]):
            name = name[0].upper() + name[1:]
        return name, offset

    def _recent_group(self, pos: int, first_sentence: int) -> _Entity | None:
        recent = [q for q in self.used.values() if q.kind in ("group", "organisation")]
        return recent[-1] if recent else None

    # --- quotations ---------------------------------------------------------------------------

    def _attribute(self, para: Paragraph, masked: str, marks: list[_Mark], events: list[_Event], first: int) -> None:
        base = para.start
        running: _Entity | None = None
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
            if mark.open is None or mark.close is None:
                self._emit(None, mark, para, "unbalanced quote", None)
                previous_close = closer
                continue
            words = _word_count(text)
            before = self.text[max(sent_start, base + 0) : opener]
            after = self.text[closer + 1 : closer + 40]
            if words <= 1 or _is_title(text, before, after) or _TERM_MARKERS.search(before):
                previous_close = closer
                at_start = False
                continue
            entity, cue, channel = self._cue_for(mark, masked, base, events, sent_start, sent_end, previous_close)
            sentence_like = _sentence_like(text)
            if entity is None and sentence_like:
                entity = running
                if entity is None and at_start and opener - base < 3:
                    entity = self.prev_tail_speaker
                cue = "continued" if entity is not None else None
            if entity is None and not sentence_like:
                previous_close = closer
                at_start = False
                continue  # a scare quote: a short phrase nobody is said to have said
            self._emit(entity, mark, para, cue, channel)
            if entity is not None:
                running, running_pos = entity, closer
            previous_close = closer
            at_start = False
        # A paragraph that ends on a quotation hands its speaker to a cue-less quotation opening the next one.
        self.prev_tail_speaker = None
        last = self.quotes[-1] if self.quotes and self.quotes[-1].paragraph == para.index else None
        ends_on_quote = bool(marks) and marks[-1].close is not None
        if last is None or last.kind != QUOTED or last.speaker is None or not ends_on_quote:
            return
        speaker = self.entities.get(last.speaker.casefold())
        close = marks[-1].close
        assert close is not None
        tail = masked[close + 1 - base :]
        # ... or on a quotation and its tag ('"...," he said.'), the usual lead-in to a quotation going on.
        tag_only = len(_sentences(tail.strip())) == 1 and any(
            e.pos > close and e.entity is speaker and e.verb in _INVERTING for e in events
        )
        if not _SENTENCE_TEXT.search(tail) or tag_only:
            self.prev_tail_speaker = speaker

    def _cue_for(
        self,
        mark: _Mark,
        masked: str,
        base: int,
        events: list[_Event],
        sent_start: int,
        sent_end: int,
        previous_close: int,
    ) -> tuple[_Entity | None, str | None, str | None]:
        assert mark.open is not None and mark.close is not None
        ends_sentence = self.text[mark.open : mark.close].rstrip().endswith((".", "。"))
        # 1. A cue right after the closing mark: '," said Ian Fogg' / '," he says' / '" Charpentier says.'
        # 'She said she was "confident ...." The WLGA had said ...': the next sentence's subject is not this tag.
        cued = ends_sentence and any(sent_start <= e.pos < mark.open for e in events)
        for event in events:
            gap = masked[mark.close + 1 - base : min(event.pos, event.subject_start) - base]
            if cued and event.subject_start < event.pos:
                continue
            if event.pos > mark.close and re.fullmatch(r"[\s,\x00—–-]*", gap):
                tail = masked[event.end - base : event.end - base + 40]
                follows = re.match(r"\s*(?:[.,;!?]|$|\s+(?:in|on|at|to|via|during|after|when|while)\b)", tail)
                if not ends_sentence or follows or event.subject_start > event.pos:
                    return event.entity, event.verb, event.channel
        # 2. A cue before it in the same stretch: 'X said:', 'He wrote:', 'X commented on X:', ', she said, "B."'
        start = max(sent_start, previous_close + 1)
        before = masked[start - base : mark.open - base]
        noun = re.search(rf"(?P<who>{_RUN.pattern})['’]s\s+(?:[\w\-]+\s+)?(?P<cue>{_CUE_NOUNS})\s*[:,]?\s*$", before)
        if noun:
            entity = self.resolve_run(noun["who"].split(), speaking=True)
            if entity is not None:
                return entity, noun["cue"], _channel(before)
        colon_name = re.search(rf"(?:^|[.!?]\s+)(?P<who>{_RUN.pattern})\s*:\s*$", before)
        earlier = [e for e in events if start <= e.pos < mark.open]
        if earlier:
            event = earlier[-1]
            return event.entity, _cue_text(masked, base, event, mark.open), event.channel or _channel(before)
        if colon_name and not _VERB_RE.search(before):
            entity = self.resolve_run(colon_name["who"].split(), speaking=True)
            if entity is not None:
                return entity, None, None
        # 3. A cue elsewhere in the sentence: 'Despite this "underhand trick," the bill stood ..., he added.'
        inside = [e for e in events if sent_start <= e.pos < sent_end and not (mark.open <= e.pos <= mark.close)]
        later = [e for e in inside if e.pos > mark.close]
        if later:
            return later[0].entity, later[0].verb, later[0].channel
        if inside:
            return inside[-1].entity, inside[-1].verb, inside[-1].channel
        return None, None, None

    def _emit(self, entity: _Entity | None, mark: _Mark, para: Paragraph, cue: str | None, channel: str | None) -> None:
        text = self.text[mark.start : mark.end]
        if not text.strip():
            return
        if entity is not None:
            self.used[entity.name.casefold()] = entity
        speaker = entity.name if entity is not None else None
        self.quotes.append(Quote(speaker, text, QUOTED, para.index, mark.start, mark.end, cue, channel))

    # --- reported positions -------------------------------------------------------------------

    def _reported(self, para: Paragraph, masked: str, marks: list[_Mark], events: list[_Event]) -> None:
        base = para.start
        seen: set[tuple[int, int]] = set()
        for event in events:
            sent = self._sentence_index(event.pos, 0)
            sent_start, sent_end = (s - base for s in self.sentences[sent])
            rel_end = event.end - base
            rest = masked[rel_end:sent_end]
            span: tuple[int, int] | None = None
            cue = event.verb
            that = re.match(r"(?P<mid>(?:\s+[^\s\x00.;:!?,]+){0,5}?)\s+that\s+", rest)
            accuse = _ACCUSE.match(masked[event.pos - base : sent_end])
            if event.verb in _THAT_VERBS and that and not re.search(r"\b(?:so|such|now)$", that["mid"]):
                span = (rel_end + that.end(), sent_end)
                cue = f"{event.verb}{that['mid']} that"
            elif accuse:
                start = event.pos - base + accuse.end()
                stop = re.search(r"[,;]", masked[start:sent_end])
                span = (start, start + stop.start() if stop else sent_end)
                cue = accuse.group().strip()
            elif event.verb in _STANCE_VERBS:
                obj = re.match(r"\s+([^\x00.,;:!?()]{2,60}?)(?=\s*[\x00.,;:!?()]|$)", rest)
                if obj and len(obj.group(1).split()) <= 6:
                    span = (rel_end + obj.start(1), rel_end + obj.end(1))
            elif event.verb in _BARE_CLAUSE_VERBS and event.subject_start < event.pos:
                clause = re.match(
                    r"(?:\s+(?:[a-z]+ly|reporters|journalists|the BBC|[A-Z]\w*))?\s+(?P<w>[\w’'\-]+)", rest
                )
                if (
                    clause
                    and not rest.lstrip().startswith((":", _MASK))
                    and clause["w"].casefold() not in _PREPOSITIONS
                    and (
                        clause["w"].casefold() in _CLAUSE_STARTERS
                        or clause["w"][0].isupper()
                        or clause["w"].endswith("ly")
                    )
                ):
                    span = (rel_end + clause.start("w"), sent_end)
                elif re.fullmatch(r"\s*[.!?]?\s*", rest):
                    subject = event.subject_start - base
                    lead = masked[sent_start:subject]
                    if lead.rstrip().endswith(","):
                        span = (sent_start, sent_start + len(lead.rstrip()) - 1)
            if span is None:
                continue
            span = self._trim_reported(masked, span)
            if span is None or span in seen:
                continue
            seen.add(span)
            start, end = base + span[0], base + span[1]
            assert event.entity is not None
            self.used[event.entity.name.casefold()] = event.entity
            self.quotes.append(
                Quote(event.entity.name, self.text[start:end], REPORTED, para.index, start, end, cue, event.channel)
            )

    def _trim_reported(self, masked: str, span: tuple[int, int]) -> tuple[int, int] | None:
        start, end = span
        chunk = masked[start:end]
        if _MASK in chunk:
            # The clause carries a quotation: keep only the narration after the last one.
            last = chunk.rindex(_MASK) + 1
            start += last
            chunk = masked[start:end]
            lead = re.match(r"[\s,;:.\-–—]*(?:and|but|while|whereas)\b\s*", chunk)
            if lead is None:
                return None  # what follows the quotation continues it ("of when ..."), not a clause of its own
            start += lead.end()
        end = start + len(masked[start:end].rstrip(" \t.,;:!?。！？"))
        start += len(masked[start:end]) - len(masked[start:end].lstrip())
        if end - start < 3 or _word_count(masked[start:end]) < (1 if _MASK not in masked[span[0] : span[1]] else 3):
            return None
        return start, end


# --- helpers ------------------------------------------------------------------------------------

_SENTENCE_TEXT = re.compile(r"[A-Za-z\u4e00-\u9fff]{2,}")


def _before_title(text: str, end: int) -> bool:
    """True when a capitalised run is followed by a lowercase title word and another name."""
    match = re.match(r"\s+([a-z][\w\-]*)\s+[A-Z]", text[end : end + 40])
    return bool(match) and match.group(1) in _TITLES


def _strip_possessive(token: str) -> str:
    return re.sub(r"['’]s$", "", token) if len(token) > 3 else token


def _is_person_token(token: str) -> bool:
    token = _strip_possessive(token)
    return bool(_INITIAL.fullmatch(token)) or (
        len(token) > 1
        and token[0].isupper()
        and not token.isupper()
        and not any(c.isdigit() for c in token)
        and token.casefold() not in _ORG_WORDS
        and token.casefold() not in _LEADING
    )


def _looks_org(tokens: list[str]) -> bool:
    return any(_strip_possessive(t).casefold() in _ORG_WORDS for t in tokens[1:]) or (
        len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1
    )


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """('Anthropic CEO Dario Amodei') -> (['Dario', 'Amodei'], ['Anthropic', 'CEO'])."""
    cut = 0
    for index, token in enumerate(tokens):
        bare = _strip_possessive(token)
        acronym = bare.isupper() and len(bare) > 1 and not _INITIAL.fullmatch(bare)
        if acronym or bare.casefold() in _TITLES or token.endswith(("'s", "’s")):
            cut = index + 1
    return tokens[cut:], tokens[:cut]


# A leading subordinate clause: "When Carson died, President Bush led the tributes, saying ...".
_SUBORDINATE = re.compile(
    r"\s*(?:When|While|After|Before|As|Although|Though|If|Since|Because|Once|Until|Unless|Whereas)\b[^,\x00]*,"
)
# Words that end the noun phrase naming a speaker after the verb: 'said Marie-Pierre Ripert at IXIS'.
_NP_BREAKS = _PREPOSITIONS | _words("who which that whose when while and but as than because since though although")


def _noun_phrase(after: str) -> str:
    """The noun phrase at the start of ``after`` (up to punctuation, a quotation or a preposition), as a prefix."""
    end, previous = 0, 0
    for count, token in enumerate(re.finditer(r"\S+", after)):
        word = token.group()
        if count == 8 or after[previous : token.start()].strip():
            break
        keeps_dot = bool(_INITIAL.fullmatch(word)) or word.casefold() in _HONORIFICS
        bare = word if keeps_dot else re.split(r"[\x00,.;:!?()\"“”]", word)[0]
        if not bare or bare.casefold() in _NP_BREAKS:
            break
        end, previous = token.start() + len(bare), token.end()
        if bare != word:
            break  # punctuation ends the phrase
    return after[:end]


def _word_count(text: str) -> int:
    cjk = len(_CJK.findall(text))
    if cjk >= 4:
        return max(2, len(_WORD.findall(text)))
    return len(_WORD.findall(text))


def _sentence_like(text: str) -> bool:
    """A whole sentence (or more) rather than a phrase lifted into the narration."""
    stripped = text.strip()
    if not stripped:
        return False
    first = stripped[0]
    capital = first.isupper() or first.isdigit() or bool(_CJK.match(first)) or first in "‘'\"“"
    return capital and (_word_count(stripped) >= 5 or stripped.endswith((".", "!", "?", "。", "！", "？")))


def _is_title(text: str, before: str, after: str) -> bool:
    """Titles of works and names in quotes: "Plays for Sure" program, (see "Genome Surgery")."""
    if re.search(r"\(\s*see\s+[^)]*$", before) or _WORK_NOUNS.match(after):
        return True
    if text.rstrip().endswith((".", "!", ",", "。")):
        return False
    words = [w for w in _WORD.findall(text)]
    minor = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "vs", "from"}
    significant = [w for w in words if w.casefold() not in minor]
    if len(significant) < 2 or len(words) > 12:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in significant)


def _channel(text: str) -> str | None:
    for pattern in (_CHANNEL_RE, _PROGRAMME_RE, _MEDIUM_RE):
        match = pattern.search(text.replace(_MASK, " "))
        if match:
            return match["ch"].strip()
    return None


def _cue_text(masked: str, base: int, event: _Event, quote_open: int) -> str:
    """The cue as the article words it, up to the quotation: 'commented on X', 'posted on Weibo'."""
    tail = masked[event.end - base : quote_open - base]
    words = re.match(r"[^\x00:,.;]{0,40}", tail)
    phrase = event.verb + (words.group().rstrip() if words else "")
    return phrase.strip()


def _find_marks(text: str, base: int, single: bool) -> list[_Mark]:
    """Pair the quote marks of one paragraph; an unpaired mark becomes an unbalanced span."""
    pairs: list[tuple[int | None, int | None]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in _PAIRS:
            close = _matching(text, i, char, _PAIRS[char])
            pairs.append((i, close))
            if close is None:
                break
            i = close + 1
            continue
        if char == '"':
            if _looks_closing(text, i) and not _looks_opening(text, i):
                pairs.append((None, i))
                i += 1
                continue
            close = text.find('"', i + 1)
            if close >= 0 and _looks_opening(text, close) and not _looks_closing(text, close):
                # '"A sentence. "The next one..."': a new quotation opens without closing the last (the
                # multi-paragraph convention, paragraphs run together); end this one where the next begins.
                pairs.append((i, close))
                i = close
                continue
            pairs.append((i, close if close >= 0 else None))
            if close < 0:
                break
            i = close + 1
            continue
        if char in _STRAY_CLOSERS:
            pairs.append((None, i))
        elif single and char in "‘'" and _looks_opening(text, i) and not _apostrophe(text, i):
            close = next(
                (
                    j
                    for j in range(i + 1, n)
                    if text[j] in "’'" and not _apostrophe(text, j) and _looks_closing(text, j)
                ),
                None,
            )
            pairs.append((i, close))
            if close is None:
                break
            i = close + 1
            continue
        i += 1
    marks: list[_Mark] = []
    previous_end = 0
    for open_, close in pairs:
        start = open_ + 1 if open_ is not None else previous_end
        end = close if close is not None else n
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trimmed = chunk.strip().rstrip(",;:").rstrip()
        previous_end = (close + 1) if close is not None else n
        if not trimmed:
            continue
        marks.append(
            _Mark(
                base + open_ if open_ is not None else None,
                base + close if close is not None else None,
                base + start + lead,
                base + start + lead + len(trimmed),
            )
        )
    return marks


def _matching(text: str, open_index: int, opener: str, closer: str) -> int | None:
    depth = 0
    for j in range(open_index + 1, len(text)):
        if text[j] == opener and opener != closer:
            depth += 1
        elif text[j] == closer:
            if depth == 0:
                return j
            depth -= 1
    return None


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _mask(text: str, base: int, marks: list[_Mark]) -> str:
    """The paragraph with every quotation blanked out; a final . ! ? stays to mark sentence ends."""
    chars = list(text)
    for mark in marks:
        start = (mark.open if mark.open is not None else mark.start) - base
        end = (mark.close + 1 if mark.close is not None else len(text) + base) - base
        inner_end = (mark.close if mark.close is not None else mark.end) - base
        keep = inner_end - 1 if 0 <= inner_end - 1 < len(text) and text[inner_end - 1] in ".!?。！？" else -1
        for j in range(max(0, start), min(end, len(chars))):
            if j != keep:
                chars[j] = _MASK
    return "".join(chars)


def _sentences(masked: str) -> list[tuple[int, int]]:
    """Sentences of a paragraph whose quotations are masked, so a full stop inside a quote ends nothing."""
    spans, start = sentence_breaks(masked, _BOUNDARY, _ABBREVIATIONS, initials=True)
    if start < len(masked) or not spans:
        spans.append((start, len(masked)))
    return spans


def extract(article: Article) -> Extraction:
    """Every direct quotation and reported position in the article, with speakers."""
    return _Analyser(article).run()


def extract_quotes(article: Article) -> list[Quote]:
    return list(extract(article).quotes)


def by_speaker(quotes: Iterable[Quote]) -> dict[str, list[Quote]]:
    """Attributed quotes grouped by speaker, in the order the article first quotes each."""
    grouped: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker is not None:
            grouped.setdefault(quote.speaker, []).append(quote)
    return grouped
