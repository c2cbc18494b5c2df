"""Render engine results as Markdown with the jinja2 templates in ``bot/templates``.

The same templates serve the terminal (debate-cli) and Discord, so persona authors see what a
channel sees. Anything that came from a user is escaped so it can neither format nor mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from .data import cache
from .data.article import Article, Citation
from .data.dataset import Dataset
from .data.personas import Persona, Position
from .debate import DebatePlan, Turn
from .search.records import AskResult, Stance

if TYPE_CHECKING:
    from .verify import QuoteCheck

TEMPLATES = Path(__file__).with_name("templates")
# Characters that format, link or mention in Discord Markdown wherever they stand in a line.
_MARKDOWN = re.compile(r"([\\*_`~|<>\[\]])")
_ZWSP = "\u200b"


# Control characters and the invisible bidi controls (embeddings, overrides, isolates, marks): echoed
# from a user they could hide text or flip the rest of the line they sit in, so they are dropped.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1b\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """User text as one plain line: whitespace collapsed, control and bidi characters dropped."""
    return " ".join(_INVISIBLE.sub("", str(text)).split())


def escape(text: str) -> str:
    """Make text inert in Discord Markdown: no formatting, no mentions, no links, one line."""
    text = _MARKDOWN.sub(r"\\\1", plain(text))
    # A zero-width space after @ stops @everyone, @here and <@id> from ever resolving; one after
    # "://" stops a URL from becoming a link with a preview of someone else's page under the bot's name.
    return text.replace("@", "@" + _ZWSP).replace("://", ":" + _ZWSP + "//")


def quote_text(text: str) -> str:
    """Article text shown as a quote: verbatim, only Markdown-active characters escaped."""
    return re.sub(r"([\\*_`~|])", r"\\\1", text).replace("@", "@" + _ZWSP)


class Renderer:
    """Binds the templates to one dataset (for publisher names, titles and links)."""

    def __init__(self, data: Dataset):
        self.data = data
        self.env = _environment()
        self.env.globals.update(data=data, cite=self.cite, article=self.article, ordinal_list=_join)
        self.env.filters.update(md=escape, verbatim=quote_text)

    def article(self, citation: Citation) -> Article:
        return self.data.articles[citation.article]

    def cite(self, citation: Citation, who: str | None = None, kind: str | None = None) -> str:
        """``— Sam Altman, quoted · ¶10 · Winzheng.com (赢政天下)`` with the link when known."""
        article = self.article(citation)
        parts = [f"¶{citation.paragraph}", article.publisher]
        if len(self.data.articles) > 1:
            parts.insert(1, article.title)
        if article.url:
            parts.append(f"<{article.url}>")
        speaker = f"{who}, {kind}" if who and kind else who or kind or "Article"
        return f"— {escape(speaker)} · " + " · ".join(parts)

    def _render(self, name: str, **context: object) -> str:
        text = self.env.get_template(name).render(**context)
        return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    def stance(self, stance: Stance) -> str:
        return self._render("stance.md.j2", stance=stance)

    def ask(self, result: AskResult) -> str:
        return self._render("ask.md.j2", result=result)

    def position(self, figure: Persona, position: Position) -> str:
        return self._render("position.md.j2", figure=figure, position=position)

    def turn(self, turn: Turn) -> str:
        return self._render("turn.md.j2", turn=turn)

    def debate(self, plan: DebatePlan) -> str:
        return self._render("debate.md.j2", plan=plan, rounds=debate_rounds(plan))

    def summary(self, plan: DebatePlan) -> str:
        return self._render("summary.md.j2", plan=plan)

    def debate_header(self, plan: DebatePlan) -> str:
        return self._render("debate_header.md.j2", plan=plan)

    def passes(self, plan: DebatePlan, figures: Sequence[Persona]) -> str:
        return self._render("passes.md.j2", plan=plan, figures=figures)

    def about(self) -> str:
        return self._render("about.md.j2")

    def macro(self, name: str, *args: object) -> str:
        """One piece from ``_macros.j2`` (a narration line, a heading), for layouts built elsewhere."""
        return str(getattr(self.env.get_template("_macros.j2").module, name)(*args)).strip()

    def figures(self) -> str:
        return self._render("figures.md.j2")

    def explain(self, result: AskResult, threshold: float) -> str:
        return self._render("explain.md.j2", result=result, threshold=threshold)

    def source(self, article: Article, paragraph: int) -> str:
        para = article.paragraph(paragraph)
        marks = sorted(
            (
                (pos.citation.start, pos.citation.end, persona, pos)
                for persona in self.data.personas
                for pos in persona.positions
                if pos.citation.article == article.id and pos.citation.paragraph == paragraph
            ),
            key=lambda m: (m[0], -m[1]),
        )
        pieces, cursor, legend = [], para.start, []
        for start, end, persona, pos in marks:
            if start < cursor:
                continue  # nested or overlapping spans: the outer one is already marked
            legend.append((persona, pos))
            pieces.append(quote_text(article.text[cursor:start]))
            pieces.append(f"**{quote_text(article.text[start:end])}**⁽{len(legend)}⁾")
            cursor = end
        pieces.append(quote_text(article.text[cursor : para.end]))
        return self._render("source.md.j2", article=article, para=para, marked="".join(pieces), legend=legend)

    def credit(self) -> str:
        return self._render("credit.md.j2")

    def verify(self, check: QuoteCheck) -> str:
        """A quote check (bot/verify.py): the verdict, the real words cited, the differences marked."""
        return self._render("verify.md.j2", check=check)


_MOVE_TITLES = {"moderator": "Setting the scene", "opening": "Openings", "rebuttal": "Rebuttals", "closing": "Closings"}


class RoundView(NamedTuple):
    """One round as shown: its title, the turns spoken, and who passed (shown together in one line)."""

    number: int
    title: str
    spoken: tuple[Turn, ...]
    passed: tuple[Persona, ...]


def debate_rounds(plan: DebatePlan) -> list[RoundView]:
    """Group a plan's turns by round; a round is named after the move its speakers made."""
    numbers = sorted({t.round for t in plan.turns})
    views = []
    for number in numbers:
        turns = [t for t in plan.turns if t.round == number]
        move = next((t.move for t in turns if t.move in _MOVE_TITLES), "pass")
        name = _MOVE_TITLES.get(move, "Passes")
        title = name if number == 0 else f"Round {number} · {name}"
        spoken = tuple(t for t in turns if t.move != "pass")
        passed = tuple(t.figure for t in turns if t.move == "pass" and t.figure is not None)
        views.append(RoundView(number, title, spoken, passed))
    return views


def _join(names: list[str]) -> str:
    return ", ".join(names)


def _environment() -> Environment:
    # Compiled templates are kept beside the load cache: jinja2 keys them by each template's source, so an
    # edited template is compiled afresh, and a start skips compiling the rest.
    compiled = _made(cache.folder() / "templates") if cache.folder() else None
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled else None,
        autoescape=False,  # Markdown, not HTML: escaping is done by the md filter where needed
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def _made(folder: Path) -> Path | None:
    """The folder, created if need be; None where it cannot be (the templates are then compiled each start)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder
