"""Reported positions: "X emphasized that <clause>", "<clause>, X said", "X defended <object>", "accusing Y of ..."."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..data.article import Paragraph
from .cues import Event
from .records import REPORTED, UNCLEAR, Quote
from .words import (
    ACCUSE,
    BARE_CLAUSE_VERBS,
    CLAUSE_STARTERS,
    MASK,
    MONTHS,
    PREPOSITIONS,
    STANCE_VERBS,
    THAT_VERBS,
    WEEKDAYS,
    word_count,
)


def reported_positions(
    text: str, masked: str, para: Paragraph, events: list[Event], sentence_span: Callable[[int], tuple[int, int]]
) -> list[Quote]:
    """Reported positions in one paragraph: the clause or object each speech cue introduces, verbatim."""
    found: list[Quote] = []
    base = para.start
    seen: set[tuple[int, int]] = set()
    for event in events:
        if event.entity is None or event.entity.kind == UNCLEAR:
            continue  # an ambiguous cue: a reported position needs a speaker
        sent_start, sent_end = (s - base for s in sentence_span(event.pos))
        rel_end = event.end - base
        rest = masked[rel_end:sent_end]
        span: tuple[int, int] | None = None
        cue = event.verb
        that = re.match(r"(?P<mid>(?:\s+[^\s\x00.;:!?,]+){0,5}?)\s+that\s+", rest)
        accuse = ACCUSE.match(masked[event.pos - base : sent_end])
        if event.verb in THAT_VERBS and that and not re.search(r"\b(?:so|such|now)$", that["mid"]):
            span = (rel_end + that.end(), sent_end)
            cue = f"{event.verb}{that['mid']} that"
        elif accuse:
            start = event.pos - base + accuse.end()
            # The clause ends at a comma, or where a second verb of the sentence begins ("... and launched ...").
            stop = re.search(r"[,;]|\s+and\s+(?=[a-z]+ed\b)", masked[start:sent_end])
            span = (start, start + stop.start() if stop else sent_end)
            cue = accuse.group().strip()
        elif event.verb.endswith("ing") and re.search(r",\s*$", masked[sent_start : event.pos - base]):
            # "..., emphasizing open-source and transparency": a participle reports the subject's position, and
            # "..., insisting it was nothing worse than two tired players" the clause it takes.
            clause = BARE_CLAUSE.match(rest) if event.verb in THAT_VERBS else None
            obj = re.match(r"\s+([^\x00.;:!?()]{2,120}?)\s*(?=[\x00.;:!?()]|$)", rest)
            first_word = obj.group(1).split()[0].casefold() if obj else ""
            if clause:
                span = (rel_end + clause.start(1), rel_end + clause.end(1))
            elif obj and first_word not in PREPOSITIONS | {"that", "it", "the"} and len(obj.group(1).split()) <= 12:
                span = (rel_end + obj.start(1), rel_end + obj.end(1))
        elif event.verb in STANCE_VERBS:
            obj = re.match(r"\s+([^\x00.,;:!?()]{2,60}?)(?=\s*[\x00.,;:!?()]|$)", rest)
            if obj and len(obj.group(1).split()) <= 6:
                span = (rel_end + obj.start(1), rel_end + obj.end(1))
        elif event.verb in BARE_CLAUSE_VERBS and event.subject_start < event.pos:
            # "told" takes its listener first ("told reporters the plan ..."), a name in capitals whole ("told Sky
            # Sports", "told The Associated Press"): without one, what follows is the listener ("told a local
            # historian in 2004"), not a clause. "said" takes none: a name in capitals after it opens the clause
            # ("said Donald Trump would ..."), and only an adverb may come first.
            if event.verb in ("told", "tells", "tell"):
                listener, optional = (
                    r"(?:[a-z]+ly|reporters|journalists|the BBC|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)",
                    "",
                )
            else:
                listener, optional = r"[a-z]+ly", "?"
            clause = re.match(rf"(?:\s+{listener}){optional}\s+(?P<w>[\w’'\-]+)", rest)
            if (
                clause
                and not rest.lstrip().startswith((":", MASK))
                and clause["w"].casefold() not in PREPOSITIONS | MONTHS | WEEKDAYS  # not "said Saturday at ..."
                and (
                    clause["w"].casefold() in CLAUSE_STARTERS or clause["w"][0].isupper() or clause["w"].endswith("ly")
                )
            ):
                if word_count(masked[rel_end + clause.start("w") : sent_end]) >= 3:
                    span = (rel_end + clause.start("w"), sent_end)  # not 'Rothman said now.'
            elif re.fullmatch(r"\s*[.!?]?\s*", rest):
                subject = event.subject_start - base
                lead = masked[sent_start:subject]
                if lead.rstrip().endswith(","):
                    span = (sent_start, sent_start + len(lead.rstrip()) - 1)
        if span is None:
            continue
        span = trim_reported(masked, span)
        if span is None or span in seen:
            continue
        seen.add(span)
        start, end = base + span[0], base + span[1]
        found.append(
            Quote(
                speaker=event.entity.name,
                text=text[start:end],
                kind=REPORTED,
                paragraph=para.index,
                start=start,
                end=end,
                cue=cue,
                channel=event.channel,
                rule=f"reported after '{cue}'; {event.how}",
            )
        )
    return found


# A clause with no "that": a subject and a finite verb ("it was", "the plan would"), up to the sentence's end; one
# that runs into a quotation ("saying it was a "positive experience"") is the quotation's, not a position.
BARE_CLAUSE = re.compile(
    r"\s+((?:it|he|she|they|we|there|this|[Tt]he\s+[a-z][\w\-]*)\s+(?:was|is|were|are|had|has|have|would|will"
    r"|could|can|should|might|may|must|did|does|do)\b[^\x00.;:!?]*?)\s*(?=[.;:!?]|$)"
)


def trim_reported(masked: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    chunk = masked[start:end]
    if MASK in chunk:
        # The clause carries a quotation: keep only the narration after the last one.
        last = chunk.rindex(MASK) + 1
        start += last
        chunk = masked[start:end]
        lead = re.match(r"[\s,;:.\-–—]*(?:and|but|while|whereas)\b\s*", chunk)
        if lead is None:
            return None  # what follows the quotation continues it ("of when ..."), not a clause of its own
        start += lead.end()
    end = start + len(masked[start:end].rstrip(" \t.,;:!?。！？"))
    if masked[start:end].endswith(")") and "(" not in masked[start:end]:
        # "(A spokesperson said Shine did not recall this.)": the bracket closes the aside the clause stands in.
        end = start + len(masked[start : end - 1].rstrip(" \t.,;:!?。！？"))
    start += len(masked[start:end]) - len(masked[start:end].lstrip())
    if end - start < 3 or word_count(masked[start:end]) < (1 if MASK not in masked[span[0] : span[1]] else 3):
        return None
    return start, end
