"""Engine results as Discord message payloads, without importing discord.

Everything here is plain data so it can be tested without a client: the sender turns a
MessageSpec into ``channel.send`` keyword arguments. Text comes from the same jinja2 templates as
the CLI (through Renderer); this module only decides how it is laid out and split so every
message fits Discord's limits without ever truncating anything anyone said.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..data.article import Article, Citation
from ..data.personas import Persona, Position
from ..debate import DebatePlan, Turn
from ..render import Renderer, debate_rounds
from ..search.records import AskResult, Stance
from ..verify import QuoteCheck

# Discord's documented limits.
CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_VALUE_LIMIT = 1024
FIELD_LIMIT = 25
EMBED_TOTAL_LIMIT = 6000
EMBEDS_PER_MESSAGE = 10
AUTHOR_LIMIT = 256
FOOTER_LIMIT = 2048
WEBHOOK_NAME_LIMIT = 80
# Discord refuses webhook usernames containing these words.
_FORBIDDEN_NAME_WORDS = re.compile(r"discord|clyde", re.IGNORECASE)
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")

NEUTRAL_COLOUR = 0x5865F2
ARTICLE_COLOUR = 0x95A5A6
TRANSCRIPT_NAME = "debate-transcript.md"
STANCE_MAP_NAME = "stance-map.png"


@dataclass(frozen=True, slots=True)
class EmbedSpec:
    description: str
    title: str | None = None
    colour: int | None = None
    author: str | None = None
    footer: str | None = None
    fields: tuple[tuple[str, str], ...] = ()

    def size(self) -> int:
        """Characters that count towards the 6000-per-embed total."""
        parts = [self.description, self.title, self.author, self.footer]
        return sum(len(p or "") for p in parts) + sum(len(n) + len(v) for n, v in self.fields)


@dataclass(frozen=True, slots=True)
class MessageSpec:
    content: str | None = None
    embeds: tuple[EmbedSpec, ...] = ()
    # Set only for webhook posts: the visible author, always labelled as quoted, never the real account.
    username: str | None = None
    attachment: tuple[str, str | bytes] | None = None  # (file name, text or bytes: a transcript, a picture)


@dataclass(frozen=True, slots=True)
class Step:
    """What a debate round posts at once: paced steps show a typing indicator first."""

    kind: str  # "header", "turn", "passes", "summary", "transcript"
    messages: tuple[MessageSpec, ...]
    paced: bool = True
    turns: tuple[Turn, ...] = field(default=(), compare=False)


# --- splitting --------------------------------------------------------------------------


def split_text(text: str, limit: int) -> list[str]:
    """Split Markdown into chunks of at most ``limit`` characters, losing nothing.

    Whole blocks (a quote with its citation line) are kept together; a block too long on its
    own is split between lines, and a single over-long line between words, so a quote may
    continue in the next chunk but is never cut short.
    """
    text = text.strip("\n")
    if len(text) <= limit:
        return [text] if text else []
    pieces: list[str] = []
    for block in re.split(r"\n{2,}", text):
        pieces.extend(_fit(block, "\n", limit, lambda line: _split_line(line, limit)))
    return _pack(pieces, "\n\n", limit)


def _fit(text: str, sep: str, limit: int, smaller) -> list[str]:
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    for part in text.split(sep):
        parts.extend([part] if len(part) <= limit else smaller(part))
    return _pack(parts, sep, limit)


def _split_line(line: str, limit: int) -> list[str]:
    """An over-long line split between words; a quote line keeps its '> ' marker on every piece."""
    prefix = "> " if line.startswith("> ") else ""
    body = line[len(prefix) :]
    room = limit - len(prefix)
    chunks: list[str] = []
    current = ""
    for word in re.findall(r"\S+\s*", body):
        while len(word) > room:  # a single "word" longer than the limit (a URL): split it anyway
            if current:
                chunks.append(current)
                current = ""
            chunks.append(word[:room])
            word = word[room:]
        if len(current) + len(word.rstrip()) > room:
            chunks.append(current)
            current = ""
        current += word
    if current:
        chunks.append(current)
    return [prefix + c.rstrip() for c in chunks if c.strip()]


def _pack(parts: Iterable[str], sep: str, limit: int) -> list[str]:
    chunks: list[str] = []
    for part in parts:
        if chunks and len(chunks[-1]) + len(sep) + len(part) <= limit:
            chunks[-1] += sep + part
        else:
            chunks.append(part)
    return chunks


def text_messages(markdown: str) -> list[MessageSpec]:
    return [MessageSpec(content=chunk) for chunk in split_text(markdown, CONTENT_LIMIT)]


def pack_embeds(embeds: Sequence[EmbedSpec], content: str | None = None) -> list[MessageSpec]:
    """Embeds grouped into messages of at most 10 embeds and 6000 characters in all."""
    messages: list[MessageSpec] = []
    batch: list[EmbedSpec] = []
    for embed in embeds:
        if batch and (
            len(batch) == EMBEDS_PER_MESSAGE or sum(e.size() for e in batch) + embed.size() > EMBED_TOTAL_LIMIT
        ):
            messages.append(MessageSpec(content=None if messages else content, embeds=tuple(batch)))
            batch = []
        batch.append(embed)
    if batch or content:
        messages.append(MessageSpec(content=None if messages else content, embeds=tuple(batch)))
    return messages


def _clip(text: str, limit: int) -> str:
    """Labels only (titles, authors): never used on anything a person said."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- building blocks --------------------------------------------------------------------


def speaker_label(
    figure: Persona, kind: str, article: Article, limit: int = AUTHOR_LIMIT, clean: Callable[[str], str] = str
) -> str:
    """'Elon Musk · quoted in Winzheng.com (赢政天下)': a quotation, never the real account.

    ``clean`` rewrites the label before it is measured, so the limit holds for what is sent.
    """
    verb = "quoted" if kind == "quoted" else "reported"
    for publisher in (article.publisher, article.publisher.split(" (")[0]):
        label = clean(f"{figure.name} · {verb} in {publisher}")
        if len(label) <= limit:
            return label
    return _clip(label, limit)


def _webhook_safe(label: str) -> str:
    """Discord strips zero-width characters and then refuses "discord" and "clyde" in a webhook name,
    so break those words visibly ("Dis-cord")."""
    label = _ZERO_WIDTH.sub("", label)
    return _FORBIDDEN_NAME_WORDS.sub(lambda m: f"{m.group(0)[:3]}-{m.group(0)[3:]}", label)


def webhook_username(figure: Persona, kind: str, article: Article) -> str:
    return speaker_label(figure, kind, article, WEBHOOK_NAME_LIMIT, clean=_webhook_safe)


def citation_footer(article: Article, citation: Citation) -> str:
    parts = [f"¶{citation.paragraph}", article.publisher]
    if article.url:
        parts.append(article.url)
    return _clip("Verbatim from the article · " + " · ".join(parts), FOOTER_LIMIT)


class Payloads:
    """Turns engine results into MessageSpecs, using one Renderer (and so the shared templates)."""

    def __init__(self, render: Renderer):
        self.render = render
        self.data = render.data

    def colour(self, figure: Persona) -> int:
        camp = self.data.lexicon.camps.get(figure.camp)
        return camp.colour if camp is not None else NEUTRAL_COLOUR

    def position_embeds(self, figure: Persona, position: Position) -> list[EmbedSpec]:
        """A figure's words: camp colour, labelled author, citation and publisher in the footer."""
        article = self.render.article(position.citation)
        chunks = split_text(self.render.position(figure, position), DESCRIPTION_LIMIT)
        author = speaker_label(figure, position.kind, article)
        footer = citation_footer(article, position.citation)
        last = len(chunks) - 1
        return [
            EmbedSpec(
                chunk,
                colour=self.colour(figure),
                author=author if i == 0 else f"{_clip(author, AUTHOR_LIMIT - 12)} (continued)",
                footer=footer if i == last else None,
            )
            for i, chunk in enumerate(chunks)
        ]

    # --- debate rounds ------------------------------------------------------------------

    def header(self, plan: DebatePlan) -> list[MessageSpec]:
        return text_messages(self.render.debate_header(plan) + "\n" + self.render.credit())

    def turn(self, turn: Turn, webhook: bool = False) -> list[MessageSpec]:
        """One turn; a figure's words never share a message author with the narration in webhook mode."""
        if turn.figure is None or turn.position is None:
            return text_messages(self.render.turn(turn))  # scene-setting or a pass: the bot's own voice
        narration = self.render.macro("narration", turn.narration)
        embeds = self.position_embeds(turn.figure, turn.position)
        if not webhook:
            return pack_embeds(embeds, content=narration)
        article = self.render.article(turn.position.citation)
        username = webhook_username(turn.figure, turn.position.kind, article)
        voiced = [MessageSpec(m.content, m.embeds, username=username) for m in pack_embeds(embeds)]
        return [MessageSpec(content=narration), *voiced]

    def summary(self, plan: DebatePlan) -> list[MessageSpec]:
        return text_messages(self.render.summary(plan))

    def transcript(self, plan: DebatePlan) -> MessageSpec:
        return MessageSpec(
            content="_Full transcript attached (Markdown): every quotation with its citation._",
            attachment=(TRANSCRIPT_NAME, self.render.debate(plan)),
        )

    def passes(self, plan: DebatePlan, figures: Sequence[Persona]) -> list[MessageSpec]:
        return text_messages(self.render.passes(plan, figures))

    def debate_steps(self, plan: DebatePlan, webhook: bool = False, picture: bytes | None = None) -> list[Step]:
        """The round as posted: a turn per step; a round's passes together in one line, as in the transcript;
        the stance map ``picture`` (PNG), when given, under the summary it shows."""
        steps = [Step("header", tuple(self.header(plan)), paced=False)]
        for view in debate_rounds(plan):
            steps += [Step("turn", tuple(self.turn(t, webhook)), turns=(t,)) for t in view.spoken]
            if view.passed:
                passed = tuple(t for t in plan.turns if t.round == view.number and t.move == "pass")
                steps.append(Step("passes", tuple(self.passes(plan, view.passed)), turns=passed))
        steps.append(Step("summary", tuple(with_picture(self.summary(plan), picture))))
        steps.append(Step("transcript", (self.transcript(plan),), paced=False))
        return steps

    def nobody(self, plan: DebatePlan) -> list[MessageSpec]:
        """Honest abstention: no round is staged when nobody has a sourced stance."""
        return text_messages(self.render.debate_header(plan))

    # --- one-shot commands --------------------------------------------------------------

    def stance(self, stance: Stance) -> list[MessageSpec]:
        if stance.position is None:
            return text_messages(self.render.stance(stance))
        heading = self.render.macro("stance_heading", stance)
        return pack_embeds(self.position_embeds(stance.figure, stance.position), content=heading)

    def ask(self, result: AskResult) -> list[MessageSpec]:
        """Every figure side by side: one embed colour per camp, abstentions shown as such."""
        embeds: list[EmbedSpec] = []
        for camp in self.data.lexicon.camps.values():
            members = [s for s in result.stances if s.figure.camp == camp.id]
            if not members:
                continue
            text = "\n\n".join(self.render.stance(s).strip() for s in members)
            for i, chunk in enumerate(split_text(text, DESCRIPTION_LIMIT)):
                title = camp.label if i == 0 else f"{camp.label} (continued)"
                embeds.append(EmbedSpec(chunk, title=_clip(title, TITLE_LIMIT), colour=camp.colour))
        heading = self.render.macro("ask_heading", result.topic)
        return [*pack_embeds(embeds, content=heading), *text_messages(self.render.credit())]

    def verify(self, check: QuoteCheck) -> list[MessageSpec]:
        return text_messages(self.render.verify(check))

    def figures(self) -> list[MessageSpec]:
        return text_messages(self.render.figures())

    def source(self, article: Article, paragraph: int) -> list[MessageSpec]:
        chunks = split_text(self.render.source(article, paragraph), DESCRIPTION_LIMIT)
        return pack_embeds([EmbedSpec(c, colour=ARTICLE_COLOUR) for c in chunks])

    def about(self) -> list[MessageSpec]:
        return text_messages(self.render.about())


def with_picture(messages: list[MessageSpec], png: bytes | None, name: str = STANCE_MAP_NAME) -> list[MessageSpec]:
    """The picture attached to the last message (under the text it shows), or the messages as they are."""
    if png is None or not messages or messages[-1].attachment is not None:
        return messages
    return [*messages[:-1], dataclasses.replace(messages[-1], attachment=(name, png))]


def within_limits(message: MessageSpec) -> list[str]:
    """Every Discord limit a message breaks (empty when it fits); used by tests and as a last check."""
    problems = []
    if message.content is not None and len(message.content) > CONTENT_LIMIT:
        problems.append(f"content {len(message.content)} > {CONTENT_LIMIT}")
    if len(message.embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"{len(message.embeds)} embeds > {EMBEDS_PER_MESSAGE}")
    if sum(e.size() for e in message.embeds) > EMBED_TOTAL_LIMIT:
        problems.append(f"embeds total > {EMBED_TOTAL_LIMIT}")
    if message.username is not None and len(message.username) > WEBHOOK_NAME_LIMIT:
        problems.append("webhook username too long")
    for e in message.embeds:
        checks = [
            (e.description, DESCRIPTION_LIMIT, "description"),
            (e.title, TITLE_LIMIT, "title"),
            (e.author, AUTHOR_LIMIT, "author"),
            (e.footer, FOOTER_LIMIT, "footer"),
        ]
        problems += [f"{name} {len(v)} > {limit}" for v, limit, name in checks if v and len(v) > limit]
        if len(e.fields) > FIELD_LIMIT:
            problems.append(f"{len(e.fields)} fields > {FIELD_LIMIT}")
        problems += [f"field value {len(v)} > {FIELD_VALUE_LIMIT}" for _, v in e.fields if len(v) > FIELD_VALUE_LIMIT]
    if not (message.content or message.embeds or message.attachment):
        problems.append("empty message")
    return problems
