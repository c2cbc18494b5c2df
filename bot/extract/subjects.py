"""The shapes of the words around a speech verb that name its speaker: a name and "who", a description
opening a sentence, an apposition, a document and its owner, a noun phrase after the verb."""

from __future__ import annotations

import re

from .words import ABBREVIATIONS, HONORIFICS, INITIAL, NP_BREAKS, ORG_HEAD, ORG_WORDS, PARTICIPLES, RUN

# A name, a comma and "who" right before a speech verb: "he met Gosling, who told ...".
RELATIVE_SUBJECT = re.compile(rf"(?P<run>{RUN.pattern}),\s+who$")
# A description opening a sentence, up to its verb or its comma: "The winning Green candidate (said)", "The
# defeated Harbour Party leader, beaten by forty votes, (put out)".
SECTION_DESCRIPTION = re.compile(
    r"\s*(?P<np>[Tt]he\s+(?:[\w\-’']+\s+){0,3}?(?P<noun>[a-z][\w\-]*))(?=\s*,|\s+[a-z]|\s*$)"
)
# A name opening its sentence and an apposition whose closing comma is missing, up to a title before the verb:
# "Oskar Lind, a farmer from the valley and a former agriculture minister (posted)".
UNCLOSED_APPOSITION = re.compile(
    rf"\s*(?P<run>{RUN.pattern}),\s+(?P<role>(?:the|a|an|former)\s+[^,\x00]{{2,120}}?\b(?P<title>[a-z][\w\-]*))$"
)
# A possessive name and the lowercase noun it owns, right before the verb: "Brook's editor (said)".
POSSESSED_SUBJECT = re.compile(
    rf"(?:^|(?<=[\s,\x00]))(?P<who>{RUN.pattern})\s+(?P<noun>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){{0,2}})$"
)
# The subject patterns of a cue, compiled once (built from RUN inside the functions, they were formatted and looked
# up in the regex cache at every cue): "Julian's note ...", ", retired GP Helen Maddox,", "The Green Party", "James
# Hall with the ...".
OWNED_SUBJECT = re.compile(rf"\s*(?P<who>{RUN.pattern})\s+(?P<noun>[a-z]+)\b(?P<rest>[^,\x00A-Z]*)$")
APPOSITIVE_SUBJECT = re.compile(rf",\s+(?P<lead>(?:[a-z][\w\-]*\s+){{0,3}})(?P<run>{RUN.pattern}),$")
NAMED_SUBJECT = re.compile(rf"(?:(?P<the>\b[Tt]he )?(?P<run>{RUN.pattern}))$")
# A subject phrase and the prepositional phrase after it, up to the verb: "Monzer Akbik| of the Western-backed
# National Coalition opposition group (told)", "Fishermen| in the Kenyan town of Homa Bay (said)".
OF_PHRASE_SUBJECT = re.compile(
    r"(?:^|[,\x00]\s*)(?P<np>[^,\x00]*?)\s+(?:of|from|at|with|in|near|outside|across)\s+(?:the\s+)?[^,\x00]*$"
)
PERSON_WITH_BODY = re.compile(rf"(?P<run>{RUN.pattern})\s+(?:with|of|at|from|for)\s+$")
# A name in apposition after "X's <noun>": "recalled Brook's husband, Tomas Hale, a pilot".
# A cue, then someone and a speech verb of theirs: "she recalls him saying", "I heard Ailes tell her".
REPORTED_SPEAKER = re.compile(
    rf"\s+(?:(?P<pronoun>him|her)|(?P<run>{RUN.pattern}))\s+(?:as\s+)?(?:saying|say|telling|tell|asking|ask|shouting|shout)\b"
)
# "quoted" reports speech only as "quoted X as saying" (or, passive, "was quoted as saying"); "the line he quoted"
# and "the letter quoted by the paper" report none.
QUOTED_AS = re.compile(rf"\s+(?:(?:him|her|{RUN.pattern})\s+)?as\s+(?:saying|telling|asking|writing)\b")
# A document a name qualifies: "The DOJ release", "the White House statement".
DOCUMENT_OWNER = re.compile(rf"(?:[Tt]he|[Aa]n?)\s+(?P<run>{RUN.pattern})\s+[a-z]+")
# An unnamed speaker described by a name inside a prepositional phrase: "a person close to the Murdochs".
DESCRIBED_SUBJECT = re.compile(
    rf"(?:^|(?<=[\s,\x00]))(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){{0,3}}?"
    rf"\s+(?:to|with|for|at|from|of|in|near|inside|within)\s+(?:the\s+)?{RUN.pattern}$"
)
# "who" after an indefinite description: "a former Fox employee who (says)".
INDEFINITE_WHO = re.compile(r"(?:^|(?<=[\s,\x00]))(?P<np>(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+[^,\x00]{2,60}?)\s+who$")
# After an indefinite description, a place or body it is at and the name in apposition to it: " at Ras Lanouf,
# Borawi Saleh," ("said another rebel at Ras Lanouf, Borawi Saleh, an army veteran").
DESCRIPTION_THEN_NAME = re.compile(
    rf"(?P<place>\s+(?:at|in|from|of|with|for)\s+[^,\x00]{{1,50}})?,\s+(?P<run>{RUN.pattern})(?=\s*(?:[,.;:!?\x00]|$))"
)
# A document and whom it is from, of or by: "a statement from Boeing", "the lawsuit of Fox anchor Andrea Tantaros".
_DOCUMENT_FROM = (
    rf"(?:[Aa]n?|[Tt]he)\s+(?P<doc>[a-z][\w\-]*)\s+(?:from|of|by)\s+(?:the\s+)?(?:[\w’'\-]+\s+){{0,3}}?"
    rf"(?P<run>{RUN.pattern})"
)
DOCUMENT_FROM_BEFORE = re.compile(rf"(?:^|(?<=[\s,\x00])){_DOCUMENT_FROM}\s*$")  # before its verb
DOCUMENT_FROM_AFTER = re.compile(rf"\s+{_DOCUMENT_FROM}(?=\s*(?:[,.;:!?\x00]|who\b|$))")  # after it
# A noun phrase opening with an indefinite determiner: "a former Fox employee", "a Linwood resident" (a
# capitalised determiner only before a lowercase word: "A. Smith" is a name).
INDEFINITE_SPEAKER = re.compile(r"\s*(?:(?:a|an|one|another)\s+\S|(?:A|An|One|Another)\s+[a-z])")
# The comma that closes a reporting aside before the clause it reports: "Luhn says, | Ailes told her".
AFTER_ASIDE = re.compile(r",\s*(?=[A-Z])")
APPOSED_NAME = re.compile(rf",\s+(?P<run>{RUN.pattern})(?=\s*(?:[,.;:!?\x00]|$))")
# The name a clause opens with, and the word after it: "The Northern Lighthouse Board, which ...", "His letter".
CLAUSE_NAME = re.compile(rf"\s*(?P<run>{RUN.pattern})(?P<noun>\s+[a-z][\w\-]*)?")

# An aside between two dashes at the end of a subject (an em or en dash, or copy's double hyphen).
DASHED_ASIDE = re.compile(r"\s(?:—|–|--)\s[^—–]*?\s(?:—|–|--)$")


def _organisation_follows(text: str) -> bool:
    """Whether the capitalised words ``text`` opens with end in an organisation's word ("Colleges Employers’
    Association")."""
    run = re.match(r"\s+((?:[A-Z][\w’'\-]*\s+){0,4}[A-Z][\w’'\-]*)", text)
    return run is not None and run[1].split()[-1].casefold() in ORG_WORDS


def noun_phrase(after: str) -> str:
    """The noun phrase at the start of ``after`` (up to punctuation, a quotation or a preposition), as a prefix."""
    end, previous, last = 0, 0, ""
    for count, token in enumerate(re.finditer(r"\S+", after)):
        word = token.group()
        if count == 10 or after[previous : token.start()].strip():
            break
        # (A title's abbreviation keeps its dot too: "said Gov. Leo Marsh".)
        keeps_dot = (
            bool(INITIAL.fullmatch(word))
            or word.casefold() in HONORIFICS
            or (word.endswith(".") and word[:1].isupper() and word[:-1].casefold() in ABBREVIATIONS)
        )
        bare = word if keeps_dot else re.split(r"[\x00,.;:!?()\"“”]", word)[0]
        # "the Department of Conservation": an organisation's name goes on past "of"; a person's phrase stops.
        of_name = bare in ("of", "for", "the") and (ORG_HEAD.fullmatch(last) or last in ("of", "for"))
        # A capitalised "Will" or "May" before another capitalised word is a name, not the modal ("says Will
        # McClay").
        given_name = bare[:1].isupper() and bool(re.match(r"\s+[A-Z]", after[token.end() :]))
        # "said the Universities and Colleges Employers’ Association": an organisation's name goes on past "and".
        and_name = bare == "and" and last[:1].isupper() and _organisation_follows(after[token.end() :])
        breaks = bare.casefold() in NP_BREAKS and not of_name and not given_name and not and_name
        if not bare or breaks or (count and bare in PARTICIPLES):
            break  # (a participle opens a clause about the noun: "the letter signed by seven physicians")
        last = bare
        end, previous = token.start() + len(bare), token.end()
        if bare != word:
            break  # punctuation ends the phrase
    return after[:end]
