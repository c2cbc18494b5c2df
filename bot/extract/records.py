"""The extractor's output records: quotations and reported positions, the speakers they name."""

from __future__ import annotations

from dataclasses import dataclass

QUOTED = "quoted"
REPORTED = "reported"
# How a cue's "why" starts when its speaker is someone the article does not name ("a spokesman for the council").
UNNAMED = "a speaker the article does not name"
# How a cue's "why" starts when more than one person could be its speaker.
AMBIGUOUS = "two candidate speakers"
# The kind of a stand-in for several people one name could mean ("Mr. Rao" after two Raos): pronouns can find it,
# so they do not slide to someone else, but a quotation that reaches it is left unattributed.
UNCLEAR = "unclear"


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
    # Why this speaker, for a persona author: where the cue sits and how its words name the speaker
    # ("tag after the quote; pronoun 'he' → Ian Fogg, the subject of an earlier sentence").
    rule: str | None = None
    why: str | None = None  # when unattributed: why no speaker ("two candidate speakers: A, B")

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
            "rule": self.rule,
            "why": self.why,
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
