"""Lexical data for the extractor: speech verbs, titles, organisation and group words, the name pattern.

Kept apart from the analyser so a word added for a new kind of article is a data change, not a code change.
"""

from __future__ import annotations

import re

from ..lexical import part_of_speech, stem


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- word lists --------------------------------------------------------------------------------

# Verbs (and multi-word cues) that introduce or tag what someone said.
SPEECH_VERBS = word_set("""
said says say saying told tells tell telling added adds adding wrote writes writing stated states stating
explained explains explaining noted notes noting argued argues arguing insisted insists insisting warned warns
warning suggesting admitting conceding acknowledging
claimed claims asked asks replied replies replying responded responds responding answered answers commented
comments commenting posted posts tweeted tweets declared declares announced announces emphasized emphasizes
emphasizing emphasised emphasises emphasising stressed stresses stressing acknowledged acknowledges admitted
admits conceded concedes suggested suggests continued continues recalled recalls observed remarked predicted
predicts concluded complained complains urged urges compared welcomed accused accusing defended supported
praised thanked emailed texted criticised criticized countered counters quipped joked cautioned affirmed reiterated maintained
maintains contended contends agreed agrees believes believe thinks think confirmed confirms denied denies
described describes testified posting tweeting announced blasted slammed called calls branded hailed hails hailing
announce warn insist argue explain admit concede deny confirm predict declare
written spoken
sued sues suing condemned condemns
shouted shouts yelled yells screamed screams whispered whispers cried cries exclaimed exclaims pleaded pleads
demanded demands vowed vows promised promises pledged pledges boasted boasts lamented laments mused muses
reflected reflects wondered wonders reckoned reckons alleged alleges asserted asserts remembered remembers
recounted recounts retorted retorts laughed laughs sighed sighs murmured murmurs quoted quotes
proclaimed proclaims read reads begins began
accuses affirms blasts brands cautions compares concludes criticises criticizes defends emails jokes observes quips
reiterates remarks slams supports testifies welcomes praises
speculated speculates marveled marvelled mentioned protested griped fumed elaborated elaborates clarified
clarifies disclosed discloses revealed
reported reports reporting
""")
MULTI_CUES = [
    "pointed out",
    "points out",
    "according to",
    "put it",
    "hit back",
    "shot back",
    "went on",
    "reads aloud",
    "read aloud",
    "read out",
    "spells out",
    "spelled out",
    "spelt out",
    "weighs in",
    "weighed in",
    "chimes in",
    "chimed in",
    "sums up",
    "summed up",
]
# Cues after which the speaker may follow the verb: ', said Ian Fogg', '" says Charpentier' (never 'told X':
# X is the listener).
INVERTING = word_set(
    "said says added adds wrote writes explained asked replied continued recalled noted observed argued "
    "insisted warned stated admitted admits conceded concedes acknowledged confirmed declared claimed commented "
    "responded countered remarked stressed emphasised emphasized suggested predicted quipped joked cautioned "
    "complained concluded insists warns argues explains notes shouted yelled screamed whispered cried exclaimed "
    "pleaded demanded vowed promised boasted lamented mused reflected wondered recounted retorted laughed sighed "
    "murmured remembered recalls remembers tweeted posted wrote "
    # the present tense of the same verbs: '"...," Hurwitz jokes' tells as '"...," Hurwitz joked' does
    "acknowledges asks boasts cautions claims comments complains concludes confirms continues counters cries "
    "declares demands emphasises emphasizes exclaims jokes laments laughs murmurs muses observes pleads posts "
    "predicts promises quips recounts reflects remarks replies responds retorts screams shouts sighs states "
    "stresses suggests tweets vows whispers wonders yells"
)
# Cues that take a reported clause: "X emphasized that <clause>", "X said <clause>".
THAT_VERBS = word_set("""said says say told tells added adds argued argues noted notes stated states explained explains insisted
    insists warned warns claimed claims emphasized emphasizes emphasised emphasises stressed stresses acknowledged
    acknowledges admitted admits conceded concedes suggested suggests predicted predicts concluded complained
    complains maintained maintains contended contends agreed agrees believes believe thinks think confirmed
    confirms denied denies observed remarked recalled replied responded countered affirmed reiterated
    saying adding arguing noting stating explaining insisting warning claiming emphasizing emphasising stressing
    suggesting acknowledging admitting conceding""") | {
    "pointed out",
    "points out",
}
BARE_CLAUSE_VERBS = word_set("said says told tells added adds believes thinks")
# Verbs whose object is a stance: "X defended closed-source", "X supported open-source".
STANCE_VERBS = word_set("supported defended backed opposed endorsed championed rejected favoured favored advocated")
# Verbs whose "of"/"for" clause is the position: "accusing it of shifting ...".
ACCUSE = re.compile(
    r"\b(?:accus(?:ed|es|ing)|criticis(?:ed|ing)|criticiz(?:ed|ing)|blam(?:ed|ing)|su(?:ed|es|ing)|condemn(?:ed|s|ing))"
    r"\s+(?:\S+\s+){1,5}?(?:of|for)\s+"
)
# Nouns that carry what someone said: "Musk's tweet:", "Altman's response:".
CUE_NOUNS = "tweet|tweets|post|posts|response|reply|statement|message|comment|comments|letter|answer|remarks|words|verdict|view|email|e-mail"
# Words after which a quoted phrase is a name or a term, not speech ("dubbed", "the word"), and a cross-reference
# "(see ...)" (but not "wanted to see "more good data"").
TERM_MARKERS = re.compile(
    r"(?:\b(?:dubbed|so-called|known as|called|named|nicknamed|titled|entitled|headlined|branded|labell?ed|termed"
    r"|the word|the term|the phrase|definition of|meaning of)|\(\s*see)\s*[(\x00]*$",
    re.IGNORECASE,
)
WORK_WORDS = (
    "program|programme|series|report|book|film|movie|song|album|column|show|campaign|initiative|project|study"
    "|article|paper|podcast|documentary|exhibition|play|novel|poem|essay|slogan|memoir|autobiography|biography"
)
WORK_NOUNS = re.compile(rf"^\s*(?:{WORK_WORDS})\b", re.IGNORECASE)
# A work noun right before the marks ("his memoir “The Long Tide Home.”", "the film, “Salt and Rope,”"): what they
# hold is its title, even with the sentence's full stop or comma inside them, as American copy puts it.
WORK_BEFORE = re.compile(rf"\b(?:{WORK_WORDS})s?\s*,?\s*$", re.IGNORECASE)
# Another quoted phrase right before, joined by a comma, "and", "or" or "to": titles come in lists ('from
# “Radio Days” to “Annie Hall” and “Hannah and Her Sisters.”'), and the last takes the sentence's full stop.
LISTED_AFTER_QUOTE = re.compile(r"[”\"’“]\s*(?:,|,?\s*(?:and|or|to|&))\s*$")
CHANNELS = (
    "X|Twitter|Weibo|WeChat|Facebook|Instagram|LinkedIn|Threads|TikTok|YouTube|Bluesky|Mastodon|Reddit|Truth Social"
    "|Telegram|Substack|Medium|Douyin|Xiaohongshu"
)
CHANNEL_RE = re.compile(rf"\b(?:on|via|to)\s+(?:his\s+|her\s+|their\s+|its\s+)?(?P<ch>{CHANNELS})\b(?!-)")
PROGRAMME_RE = re.compile(
    r"\b(?:told|on|to)\s+(?P<ch>(?:the\s+)?[A-Z][\w'’.\- ]{1,60}?(?:programme|program|show|podcast|radio|television|TV|newspaper))\b"
)
MEDIUM_RE = re.compile(
    r"\bin\s+an?\s+(?P<ch>(?:e-?mail|interview|statement|blog post|op-ed|letter|post|video|speech|press release)"
    r"(?:\s+(?:with|to|on)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)?)"
)

# Hyphenated modifiers that describe a name and are no part of it: "Amazon-owned Whole Foods Market".
MODIFIER = re.compile(r"-(?:owned|based|born|led|backed|run|founded|made|controlled|funded|listed)$")
# People named by their relation to someone: in "Her sister, Claire, agreed", the sister is the subject, not her.
RELATION_NOUNS = word_set("""sister brother mother father son daughter wife husband partner fiance fiancee girlfriend
    boyfriend aunt uncle cousin niece nephew grandmother grandfather grandson granddaughter friend colleague
    neighbour neighbor boss assistant lawyer attorney spokesman spokeswoman spokesperson aide deputy rival
    teammate coach manager agent widow widower mom dad parents children""")
# The relation nouns that say a gender: "her husband" is a man, whoever she is.
RELATION_GENDERS = {
    **dict.fromkeys(
        "sister mother daughter wife fiancee girlfriend aunt niece grandmother granddaughter widow mom spokeswoman".split(),
        "f",
    ),
    **dict.fromkeys(
        "brother father son husband fiance boyfriend uncle nephew grandfather grandson widower dad spokesman".split(),
        "m",
    ),
}
# Nouns that describe a person by sex alone, and the pronoun's gender for them.
SEXED_NOUNS = {**dict.fromkeys("woman girl lady".split(), "f"), **dict.fromkeys("man boy gentleman".split(), "m")}
# A sentence opening with such a person, at most two words before the noun and no name in apposition after it: "The
# woman, then 25, told Ailes", "The young man". (Not "The woman, Ann Hale," nor "The man's lawyer".)
SEXED_SUBJECT = re.compile(
    rf"[\s\x00“‘\"']*(?P<np>[Tt]he(?:\s+[a-z0-9][\w\-]*){{0,2}}?\s+(?P<noun>{'|'.join(SEXED_NOUNS)}))\b"
    r"(?![’']s\b|\s*,\s*[A-Z])"
)
# Past participles that open a reduced relative clause after a noun: "the letter signed by seven physicians".
PARTICIPLES = word_set("""signed written issued released published sent filed posted obtained seen reviewed drafted
    circulated quoted cited""")
# Object pronouns, never the subject of their own clause ("Judge Ainsworth told him").
OBJECT_PRONOUNS = frozenset({"him", "them"})
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "they": "p", "them": "p", "their": "p"}
HONORIFICS = {
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
    # Religious forms of address: "Sister Marguerite Favre", later "Sister Favre".
    "sister": "f",
    "brother": "m",
    "father": "m",
    "fr": "m",
    "fr.": "m",
    "rev": None,
    "rev.": None,
}
# A month's name alone is a date, never a speaker ("Last December, Ms. Haley said ...").
MONTHS = word_set("january february march april may june july august september october november december")
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
# Capitalised words that start sentences or clauses but never start a name.
LEADING = word_set("""the a an but and or if in on at as by for from to of with despite although though instead however recently
    when while after before since because this that these those it he she they we i you his her their its our my
    there here what who whom whose how why where not no few many some all every everyone first second third finally
    then also last next so yet still even only asked according earlier later meanwhile now today yesterday under
    over about among between during without within against one two three both each either neither such other
    another more most much several any another background conclusion monday tuesday wednesday thursday friday
    saturday sunday once until unless whereas whether though upon""")
# Title words: stripped from the front of a name ("Foreign Secretary Jack Straw" -> "Jack Straw").
TITLES = word_set("""secretary minister president chancellor senator governor prime foreign home chief executive director
    professor prof dr sir lord lady judge justice general captain mayor chairman chairwoman chair king queen prince
    princess pope bishop rev reverend representative rep sen gov commissioner ambassador spokesman spokeswoman
    spokesperson officer founder cofounder co-founder analyst head leader deputy vice shadow attorney editor
    correspondent economist chancellor premier president-elect mp mep ceo cto cfo coo chairperson writer author
    novelist poet actor actress singer musician artist scientist researcher physicist biologist chemist lawyer
    activist campaigner journalist reporter columnist historian philosopher coach manager player striker
    presenter host producer designer architect engineer investor entrepreneur banker consultant adviser advisor
    expert candidate councillor councilor lawmaker legislator diplomat envoy official acting detective superintendent
    supt inspector insp sergeant sgt constable commander backbencher boss midfielder defender goalkeeper winger
    meteorologist forecaster agent owner vice-president councilmember councilman councilwoman alderman alderwoman
    assemblyman assemblywoman assemblymember congressman congresswoman delegate supervisor commissioner sheriff
    pastor rabbi imam cardinal archbishop sister brother father chairman-elect captain skipper referee umpire elder
    prosecutor barrister solicitor counsel magistrate coroner speaker whip
    master grandmaster champion trustee parent resident neighbour neighbor witness volunteer passenger shopper farmer fisherman nurse teacher student
    guitarist drummer bassist keyboardist vocalist frontman frontwoman pianist violinist cellist rapper songwriter
    composer conductor dancer choreographer comedian filmmaker photographer chef
    cllr clr cr hon det cpl pte const lt col capt maj brig cmdr adm atty msgr br
    quarterback qb linebacker receiver cornerback pitcher catcher shortstop outfielder infielder batter bowler
    batsman wicketkeeper rookie mvp gm""")
# (The abbreviations of titles English-language copy writes before a name, with or without a full stop: "Cllr"
# and "Cr" for a councillor, "Det Sgt", "Hon". Not "Sr", which also follows a name as "Senior".)
# Post-nominal letters: honours and offices written after a full name ("Nora Vale SC", "Ellen Marsh MP"); never part
# of the name. Only in capitals, as copy writes them.
POST_NOMINALS = frozenset("SC QC KC MP MSP MS TD MEP MLA MPP MHA MHK MNA OBE MBE CBE KBE DBE JP".split())
# Nouns for a person that a name can qualify before a full name: a title, or one of a group ("Reddit user Tomas
# Brandt", "Harbour United fan Ida Brook"): the run before them describes that person, and is nobody.
PERSON_NOUNS = TITLES | frozenset(
    w[:-1]
    for w in """users fans supporters critics residents members protesters
    activists employees workers investors advocates opponents campaigners observers insiders""".split()
)
# Plural nouns for people a capitalised run can qualify ("Clann Nua officials", "Harbour United supporters"): the
# run is their body, never a person, so no subject a pronoun can find. (Not "heads", "chairs", "hosts": verbs too.)
PEOPLE_PLURALS = word_set("""officials members councillors councilors supporters activists leaders officers staff
    executives ministers senators candidates voters fans workers lawyers sources figures delegates representatives
    spokesmen spokespeople politicians insiders loyalists backbenchers strategists organisers organizers""")
# Plural nouns for things whose list ("events such as the Harvest Fair and Prairie Rodeo") names things, not people.
THING_PLURALS = word_set("""events shows festivals fairs products brands companies firms businesses organisations
    organizations groups bodies agencies countries nations places cities towns regions programmes programs initiatives
    projects platforms sites websites services apps outlets publications newspapers films movies books games series
    clubs teams venues schools universities charities institutions""")
# A plural noun for things and "such as", "like" or "including" before a list: "events such as ".
THINGS_LISTED = re.compile(r"\b(?P<noun>[a-z]+)\s+(?:such\s+as|like|including)\s+[^,.;:!?\x00“”\"]{0,80}$")
# Words the pattern needs, one of which a window must hold before it is searched.
LIST_CONNECTIVES = ("such", "like", "including")
# Words that make a capitalised run an organisation, not a person.
ORG_WORDS = word_set("""party institute university association foundation consortium company corporation corp inc ltd llc plc group co
    ventures partners therapeutics medicine biosciences research times news post journal review council commission
    committee ministry department office agency bank fund union court congress parliament senate house government
    cabinet police army navy prize valley centre center school college hospital labs laboratory laboratories
    systems technologies technology media network television radio press club league alliance management index report programme
    program service services airlines motors pharmaceuticals capital holdings industries electronics federation
    organisation organization authority board exchange kingdom states republic street road city county province
    museum library society trust church ai airport airports airways express station stadium arena theater theatre
    hotel railway railways foods market markets stores brands energy pharma entertainment studios records games
    software semiconductor semiconductors communications telecom insurance financial securities bancorp petroleum
    mining steel chemical chemicals residential realty properties brotherhood aid campaign movement partnership
    initiative forum coalition collective cooperative""")
# Last words of a place's name: "Hollins Lane", "Homa Bay", "Ohio River". A place never speaks. (Not words that
# are common surnames too, such as Park, Hill or Lake.)
PLACE_WORDS = word_set("""street road lane avenue drive crescent terrace boulevard gardens heights bay beach island islands
    river mountains valley county province city town village district borough township""")
# A name after "in", "into", "near" or "outside" is a place ("in Nairobi", "into Port Harlow"), unless a
# possessive or a hyphen follows ("in Apple's report").
PLACE_AFTER = re.compile(
    r"\b(?:in|into|near|outside|across|throughout)\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b(?![’'\-]|\s+[A-Z])"
)
# Heads of noun phrases that can speak as a group: "critics", "the firms", "xAI engineers".
GROUP_NOUNS = word_set("""critics analysts experts officials researchers scientists engineers advocates supporters opponents campaigners
    observers economists investors lawyers executives users residents protesters activists employees workers
    authorities sources insiders people leaders members regulators lawmakers politicians doctors teachers students
    fans commentators skeptics sceptics proponents detractors firms companies groups organisers organizers
    developers academics historians judges prosecutors police spokesman spokeswoman spokesperson government party
    paper newspaper report study statement ministry company firm group committee council commission court union
    board agency department team campaign organisation organization letter filing complaint lawsuit memo petition
    ruling indictment affidavit release document survey audit email e-mail message note""")
# What a person writes or says that can itself be quoted: "His letter said ...".
# Verbs only a document says things with: "the report reads", "the email began". Said of a person they are no
# speech ("she reads a book", "he began to cry"), so they tag a quotation only after a document noun.
DOCUMENT_VERBS = word_set("read reads begins began")
DOCUMENT_NOUNS = word_set(
    "letter statement email e-mail post tweet message note memo report blog column speech filing release lawsuit complaint"
)
# Singular nouns that, after "the", point back to an organisation the article has just named: "the company
# said", "the paper said", "the statement said" (the statement of the body just named).
BACK_NOUNS = word_set("""company firm group paper newspaper magazine broadcaster network organisation organization agency
    charity club party union bank ministry statement letter filing release""")
MEDIA_NOUNS = word_set("paper newspaper magazine broadcaster network")
# Words in a media organisation's name: "the paper" is the Financial Times, not the government it reports on.
MEDIA_WORDS = word_set("""times post journal news herald guardian telegraph nation daily gazette tribune chronicle observer
    independent mail express standard review magazine economist bbc cnn reuters press radio television tv""")
# Back nouns that say what kind of body is meant, and so need that word in its name.
KIND_NOUNS = word_set("ministry bank union party agency club charity")
# Words of a public body's name: "the company" is never the commission, court or ministry named beside it.
PUBLIC_BODIES = word_set("""commission ministry department agency court police council parliament government university
    union party committee authority board senate congress assembly office regulator tribunal""")
# How far back "the company" may look for the organisation it names, in characters: about two paragraphs of
# news copy. Further back, "the company" may well be another one.
BACK_REACH = 800
# Nationalities, which news copy uses for a person it has just named ("the German said" after Müller): a
# description, never a name or an organisation of its own.
DEMONYMS = word_set("""american british english scottish welsh irish french german italian spanish portuguese dutch belgian
    swiss austrian swede swedish norwegian dane danish finn finnish pole polish czech slovak hungarian romanian
    bulgarian greek turk turkish russian ukrainian serb serbian croat croatian bosnian albanian georgian armenian
    israeli palestinian lebanese syrian iraqi iranian saudi egyptian moroccan algerian tunisian libyan nigerian
    ghanaian kenyan ethiopian somali ugandan tanzanian cameroonian senegalese ivorian south african zimbabwean
    indian pakistani bangladeshi afghan chinese japanese korean vietnamese thai filipino indonesian malaysian
    australian canadian mexican brazilian argentine argentinian chilean colombian peruvian venezuelan uruguayan
    cuban jamaican icelander scot frenchman frenchwoman englishman englishwoman welshman irishman dutchman
    european asian african arab western""")
# A member of a party, like a nationality, describes a person the article names elsewhere: "the Ohio Republican",
# "a Texas Democrat". Never a name, never a speaker of its own.
PARTY_MEMBERS = word_set("republican democrat tory")
DESCRIBING_NOUNS = DEMONYMS | PARTY_MEMBERS
GROUP_DETERMINERS = word_set("the a an many some few several most other these those both all")
# The determiners that stand alone as pronouns, capitalised at a sentence's start: no one's name.
PRONOUN_DETERMINERS = word_set("many some few several most others these those both all")
NP_STOP = LEADING | word_set(
    "is are was were be been has have had do does did will would can could should may might must not"
)
CLAUSE_STARTERS = word_set("""he she they it we i you the a an there this these those that its their his her our some many no one two
    currently now today also only even more most all every each any several few""")
PREPOSITIONS = word_set("in on at to by for with of from into about over under after before during via")

# --- regular expressions -------------------------------------------------------------------------

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
MASK = "\x00"
# Heads of organisation names that go on with "of" or "for": "Department of Conservation", "Bank of England";
# the name is one run, so an organisation's name is not cut short at the preposition.
ORG_HEADS = (
    "Department|Ministry|Office|University|Institute|Bank|Organi[sz]ation|Council|Commission|Committee|Agency"
    "|Board|Academy|Society|School|College|Museum|Federation|Association|Union|Court|Church|Centre|Center"
    "|Foundation|Fund|Bureau|Service|Friends|League|Chamber|Corporation|Authority|Coalition|Brotherhood|Aid"
)
ORG_HEAD = re.compile(rf"(?:{ORG_HEADS})")
# Capital letters of any alphabet, so "Ōtautahi" and "Łukasz" start names like "Oslo" does.
UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper() and chr(c) != "×")
# A middle initial ("Brian M. Good") only when a capitalised word that can start no sentence follows: "Plan B. Then".
# (An honorific with its dot comes first, so "Mr. Rao" is one run and the honorific's sex goes with the name.)
NAME_TOKEN = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.(?=[ \u00a0][A-Z])"
    rf"|(?:{ORG_HEADS})[ \u00a0](?:of|for)[ \u00a0](?:the[ \u00a0])?[{UPPER}][\w’'\-]*[\w]"
    rf"|[A-Z]\.(?:[A-Z]\.)*[{UPPER}][a-z][\w’'\-]*"  # an initial glued to the surname: "T.Clayson"
    r"|[A-Z]\.(?:[A-Z]\.)+"  # an abbreviation in initials: "U.S."
    # a plural possessive inside a name: "Universities and Colleges Employers’ Association"
    rf"|[{UPPER}][\w’'\-]*s['’](?=[ \u00a0][{UPPER}][a-z])"
    rf"|[{UPPER}][\w’'\-]*[\w]|"
    r"[A-Z]\.(?=[ \u00a0][A-Z])(?![ \u00a0](?:The|A|An|But|And|Then|This|It|He|She|They|We|I|In|On|So|If)\b)|[A-Z]|[a-z]{1,3}[A-Z][\w\-]*|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.)"
)
PARTICLE = r"(?:de|van|von|der|den|la|le|da|di|del|du|bin|al|ibn|dos|das)"
# A run of name tokens. Every token starts with a capital or with at most three lower-case letters before one ("eBay",
# "iPhone"); the lookahead says so first, so the scan passes the other positions (most of a text) without trying
# each of NAME_TOKEN's alternatives there, which took half of every RUN search. It matches nothing NAME_TOKEN
# would not.
# The Arabic article, hyphenated to the surname it leads: "al-Assad", "el-Sisi", "ad-Din".
ARABIC_ARTICLE = r"(?:al|el|ad|ar|as|at|az|an|ash|ul)-"
# A surname after the Arabic article inside a run: "Bashar al-Assad", "Abdel Fattah el-Sisi".
ARTICLED = rf"{ARABIC_ARTICLE}[{UPPER}][\w’'\-]*[\w]"
RUN = re.compile(
    rf"(?=[a-z]{{0,3}}[{UPPER}]){NAME_TOKEN}(?:[ \u00a0](?:(?:{PARTICLE}[ \u00a0]){{0,2}}{NAME_TOKEN}|{ARTICLED}))*"
)
# A title and its "of"/"for" phrase right before a name: "Secretary of State for ", "Minister for Rural Affairs "
# leads "Laura Penrose"; the capitalised words after the last "of"/"for" are the title's, not the person's.
TITLE_OF = re.compile(
    r"\b(?P<title>[A-Z][a-z]+)(?:[ \u00a0](?:of|for)[ \u00a0](?:the[ \u00a0])?[A-Z][\w’'\-]*)*[ \u00a0](?:of|for)[ \u00a0]"
    r"(?:the[ \u00a0])?$"
)
# A person described instead of named: "the 24-year-old striker", "the German", "the veteran minister", or by
# an age alone ("said the 36-year-old").
DESCRIPTION = re.compile(
    r"(?:^|(?<=\s))[Tt]he\s+(?:(?P<age>\d+-year-old)(?:\s+|$))?(?:(?P<modifier>[A-Za-z][\w\-]*\s+)?(?P<noun>[A-Za-z][a-z\-]+))?$"
)
# A person described with "the" and a lowercase noun phrase ("the chairman of the board", "the woman", "the
# chamber's president"): when nothing
# the article introduced answers to it, someone it does not name.
UNNAMED_DEFINITE = re.compile(
    r"(?:^|(?<=[\s,\x00]))(?P<np>[Tt]he\s+(?:[a-z][\w\-]*['’]s\s+(?:[a-z][\w\-]*\s+)?)?[a-z][\w\-]*"
    r"(?:\s+(?:of|for|at|from|on|in)\s+(?:the\s+|an?\s+)?[a-z][\w\-]*)?)$"
)
# A plural noun followed by the names it stands for: "Technology firms Sony, Philips, Matsushita and Samsung".
NAMED_LIST = re.compile(
    rf"\b(?P<head>[a-z]+s)[ \u00a0](?P<names>{NAME_TOKEN}(?:[ \u00a0]{NAME_TOKEN})*"
    rf"(?:,[ \u00a0]{NAME_TOKEN}(?:[ \u00a0]{NAME_TOKEN})*)*,?[ \u00a0]and[ \u00a0]{NAME_TOKEN}(?:[ \u00a0]{NAME_TOKEN})*)"
)


# The stems of the verbs of speech: a participle of one is a verb of speech too ("declaring" as "declared"), but
# not of a verb only a document speaks with ("at the beginning").
SPEECH_STEMS = frozenset(stem(v) for v in SPEECH_VERBS - DOCUMENT_VERBS)


def is_speech_verb(word: str) -> bool:
    """A listed verb of speech, or a participle of one ("vowing", "insinuated" beside "vowed", "insinuates")."""
    return word in SPEECH_VERBS or (word.endswith(("ing", "ed")) and stem(word) in SPEECH_STEMS)


def speech_cues(text: str) -> list[tuple[int, int, str]]:
    """Every speech cue in ``text`` as (start, end, cue casefolded): "said", "pointed out", "according to".

    A scan over the words with a set lookup: one regular expression with every verb as an alternative tries
    each alternative at each word, and took half the extractor's time."""
    cues = []
    for word in CUE_WORD.finditer(text):
        low = word.group().casefold()
        if (
            word.group()[0].isupper()
            and (is_speech_verb(low) or low in MULTI_FIRST)
            and IN_A_NAME.search(text, max(0, word.start() - 30), word.start())
        ):
            continue  # "the United States and ...": a capitalised word after a name's word is the name's
        if low in MULTI_FIRST:
            second = CUE_WORD.match(text, word.end() + 1) if text[word.end() : word.end() + 1] == " " else None
            pair = f"{low} {second.group().casefold()}" if second else ""
            if pair in MULTI_CUES:
                cues.append((word.start(), second.end(), pair))
                continue
        if is_speech_verb(low) and not _owned(text, word.start()):
            cues.append((word.start(), word.end(), low))
        elif low != word.group() and word.group()[0].islower():
            # "saidGov. Leo Marsh": copy that lost the space between a tag's verb and the name after it.
            glued = GLUED_VERB.match(word.group())
            if glued is not None and glued.group() in INVERTING:
                cues.append((word.start(), word.start() + glued.end(), glued.group()))
    return cues


GLUED_VERB = re.compile(r"[a-z]+(?=[A-Z])")
# An owner right before a word, or before an adjective before it: "her claims", "Starmer's early remarks".
OWNER_BEFORE = re.compile(
    r"(?:\b(?:his|her|their|its|my|our|your)|\w['’]s)\s+(?:(?P<adjective>[a-z]+)\s+)?$", re.IGNORECASE
)


def _owned(text: str, start: int) -> bool:
    """Whether the word at ``start`` has an owner, which makes it a noun: "her claims" and "Starmer's early
    remarks" are no verbs of speech (but in "the guild's president said", the owner's is the noun before)."""
    owner = OWNER_BEFORE.search(text, max(0, start - 40), start)
    return owner is not None and (owner["adjective"] is None or part_of_speech(owner["adjective"]) == "a")


IN_A_NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][\w’'\-]*\s$")
CUE_WORD = re.compile(r"(?<![\w’'\-])[A-Za-z]+(?![\w’'\-])")
MULTI_FIRST = frozenset(cue.split()[0] for cue in MULTI_CUES)
BOUNDARY = re.compile(r"[.!?。！？][\x00”\"’'」』)\]]*(?=\s+[\x00A-Z0-9“\"‘'(「『\u4e00-\u9fff]|\s*$)|[。！？](?=\S)")
# Abbreviations whose full stop ends no sentence; titles above all ("the Rev. Harold Simms", "Sgt. Ruiz"), or a
# name after one opens a sentence of its own and takes the pronouns of the sentence before.
ABBREVIATIONS = word_set(
    "mr mrs ms dr prof st jr sr inc ltd co corp vs etc e.g i.e u.s u.k no gen gov sen rep "
    "rev fr sgt lt col capt cpl det insp supt hon atty msgr cmdr adm maj brig"
)
# A social-media handle: "@CopperKettle9", "@pitchsidepete", or a user name joined by an underscore ("Dan_Rook77"). It
# names its holder, whatever its case, as the article names them.
HANDLE = re.compile(r"(?<![\w@.])(?:@[A-Za-z0-9_]{2,}|[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)(?![\w@])")
HANDLE_END = re.compile(rf"(?:{HANDLE.pattern})$")
WORD = re.compile(r"[\w’'\-]+")
INITIAL = re.compile(r"(?:[A-Z]\.){1,3}")  # one initial or a few written together: "M.", "J.D.", "J.R.R."
# A capital inside a word of letters marks a company's name ("ConocoPhillips", "PepsiCo"), but not after the
# prefixes surnames take ("McCaughrean", "MacKenzie", "DiCaprio", "LeCun", "VanDyke").
INNER_CAPITAL = re.compile(r"(?!(?:Mc|Mac|Fitz|D[aeiu]|L[ae]|V[ao]n)[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]*")

# Transliterations a name may be written in besides plain ASCII (anyascii gives "u" for "ü"; German copy
# without the letter writes "ue"): "Mueller" and "Muller" both name "Müller".
TRANSLITERATIONS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})

# First-person words: a phrase in quote marks that has one is somebody's speech, not a scare quote.
FIRST_PERSON = re.compile(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|mine|we|we[’']re|we[’']ve|us|our|ours)\b")

# Gestures, in the past and (as interviews write them) the present tense: "smiled", "smiles".
_GESTURES = "|".join(
    [
        *"""smiled smiles laughed laughs shrugged shrugs nodded nods grinned grins sighed sighs winced winces paused
        pauses deadpanned deadpans beamed beams""".split(),
        r"sh(?:ook|akes) (?:his|her) head",
    ]
)
# A sentence that ends on someone's gesture ("Pryddy smiled.", "She grins.", "The running back shook his head."):
# news copy's way of handing that person the quotation that follows.
GESTURE = re.compile(rf"(?P<who>\b[A-Z][\w’'\-]*|\b[Hh]e|\b[Ss]he)\s+(?:{_GESTURES})\b[^.!?\x00]{{0,40}}[.!?]\s*$")
# A gesture, or any verb, right after a quotation ending on a comma, as its tag: '"I was so nervous," she smiles.',
# '"It's a good time to talk," he drawls,': the comma says the sentence goes on into its tag, and a subject
# and a verb alone make one.
GESTURE_TAG = re.compile(
    rf"\s*(?P<who>\b(?:[A-Z][\w’'\-]*\s+){{0,2}}[A-Z][\w’'\-]*|\bhe|\bshe)\s+(?:{_GESTURES}|[a-z]{{3,}}(?:s|ed))\b"
    r"(?=\s*(?:[.,;!?]|$))"
)
# Several people taken together ("the two men", "both women", "the pair"): a singular pronoun after it could be any.
PEOPLE_TOGETHER = re.compile(
    r"\b(?:the|both|two|three)\s+(?:two\s+|three\s+|old\s+|former\s+)?(?:men|women|pair|couple|rivals|allies"
    r"|brothers|sisters|leaders|senators|candidates)\b"
)
SENTENCE_TEXT = re.compile(r"[A-Za-z\u4e00-\u9fff]{2,}")

# A leading subordinate clause: "When Carson died, President Bush led the tributes, saying ...".
# A clause or a prepositional phrase leading a sentence ("When Carson died,", "In Washington,"): the speaker is the
# subject after it, never a name inside it.
SUBORDINATE = re.compile(
    r"\s*(?:When|While|After|Before|As|Although|Though|If|Since|Because|Once|Until|Unless|Whereas"
    r"|In|At|On|From|Outside|Inside|Across|Near|During|Back in)\b[^,\x00]*,"
)
# What opens a clause a cue reports when a subordinate clause leads it: "said (that) as the verdict was read, ",
# "told the court that when ..., ". The clause's own subject follows the comma.
REPORTED_LEAD = re.compile(
    r"(?:\s+(?:the\s+)?[a-z]+){0,2}?\s+(?:that\s+)?,?\s*(?:as|when|while|after|before|once|until|because|if|since)\b"
    r"[^,\x00]*,\s*"
)
# Words that end the noun phrase naming a speaker after the verb: 'said Marie-Pierre Ripert at IXIS'.
# Words that open a relative or subordinate clause: no description of a person starts with them.
CLAUSE_OPENERS = word_set("which who whom whose that where when while because although though")
# Auxiliaries and modals: after "said", one of them shows a reported clause, not a speaker ("said Ellery had",
# "said the combination would give ..."), so it ends the phrase and names nobody.
AUXILIARIES = word_set("would will could should can may might must is are was were has have had does did")
NP_BREAKS = (
    PREPOSITIONS
    | AUXILIARIES
    | word_set("who which that whose when while and but as than because since though although")
)


def word_count(text: str) -> int:
    cjk = len(CJK.findall(text))
    if cjk >= 4:
        return max(2, len(WORD.findall(text)))
    return len(WORD.findall(text))


# A possessive or an article and a relation noun right before a name, with or without the comma of an
# apposition: "her daughter ", "survived by a daughter, ".
# (News copy drops the determiner: "the allegations he harmed daughter Dylan Farrow".)
RELATION_BEFORE = re.compile(
    r"\b(?:(?:[Hh]er|[Hh]is|[Tt]heir|[Ii]ts|[Aa]n?|[Tt]he)\s+)?(?P<rel>[a-z]+)(?P<comma>,)?\s*$"
)
# A relation noun and the comma that puts a name in apposition to it: "Their elder son, ", "her father, ".
APPOSED_RELATION = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w’']*['’]s?)\s+(?:[a-z]+\s+)?(?P<rel>[a-z]+),\s*$"
)
# Two given names joined before one surname: "Ada and Tom Merrow".
COUPLE = re.compile(
    r"(?<![\w’'\-])(?P<given>[A-Z][a-z]+) and (?P<rest>[A-Z][a-z]+ [A-Z][\w’'\-]*[a-z])\b(?![ \u00a0][A-Z])"
)
