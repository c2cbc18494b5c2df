"""One-shot slash commands: each turns an interaction into one engine call and its result into messages."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from .. import stancemap
from ..query import MAX_TOPIC_LENGTH, check_topic
from ..search.records import AskResult
from ..verify import MAX_LENGTH as MAX_QUOTE_LENGTH
from . import autocomplete
from .help import help_text
from .loaded import Loaded
from .payloads import text_messages, with_picture
from .sender import reply

MAX_PARAGRAPH = 10_000
# Quick commands share a gentle per-user rate so one person cannot flood a channel.
# One bucket per command and user: the decorator's mapping is shared by every command it decorates.
quick_cooldown = app_commands.checks.cooldown(
    5, 10.0, key=lambda interaction: (interaction.command and interaction.command.name, interaction.user.id)
)
# Every free-text option has a maximum length, so Discord refuses an over-long value before we see it.
Topic = app_commands.Range[str, 1, MAX_TOPIC_LENGTH]
Figure = app_commands.Range[str, 1, 100]  # a name or alias; autocomplete values are at most 100 too
ArticleId = app_commands.Range[str, 1, 100]
Quote = app_commands.Range[str, 1, MAX_QUOTE_LENGTH]


def ask_map(loaded: Loaded, result: AskResult) -> stancemap.StanceMap:
    """The /ask picture's data: the same stances as the text, on the axis a debate on the topic would use."""
    lexicon = loaded.data.lexicon
    axis = lexicon.axes[lexicon.axis_for(result.analysis.hits, (s.position for s in result.stances if s.position))]
    return stancemap.from_ask(result, axis, lexicon.camps, stancemap.credit_line(loaded.data.articles.values()))


class QueryCog(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot
        loaded = getattr(bot, "loaded", None)
        if loaded is not None:
            # Discord's own range check, from the data, so the client refuses a paragraph the article lacks.
            longest = max(len(a.paragraphs) for a in loaded.data.articles.values())
            self.source._params["paragraph"].max_value = longest  # no public setter in discord.py

    @property
    def loaded(self) -> Loaded:
        return self.bot.loaded  # type: ignore[attr-defined]

    @app_commands.command(name="figures", description="The figures in the article, with role and camp")
    @quick_cooldown
    async def figures(self, interaction: discord.Interaction) -> None:
        await reply(interaction, self.loaded.payloads.figures())

    @app_commands.command(name="stance", description="One figure's sourced stance on a topic")
    @app_commands.describe(figure="Name or alias, e.g. musk", topic="What about, e.g. regulation")
    @app_commands.autocomplete(figure=autocomplete.figure, topic=autocomplete.topic)
    @quick_cooldown
    async def stance(self, interaction: discord.Interaction, figure: Figure, topic: Topic) -> None:
        loaded = self.loaded
        result = loaded.core.ranker.stance(loaded.data.resolve(figure), check_topic(topic))
        await reply(interaction, loaded.payloads.stance(result))

    @app_commands.command(name="ask", description="Every figure's sourced stance on a topic, side by side")
    @app_commands.describe(topic="What about, e.g. open source", map="Attach the stance map picture (default: on)")
    @app_commands.autocomplete(topic=autocomplete.topic)
    @quick_cooldown
    async def ask(self, interaction: discord.Interaction, topic: Topic, map: bool = True) -> None:
        loaded = self.loaded
        result = loaded.core.ranker.ask(check_topic(topic))
        png = None
        if map:
            # Acknowledged first ("thinking…", public like the answer): many /ask at once queue for the
            # drawing threads, and Discord drops an interaction not acknowledged within 3 seconds.
            await interaction.response.defer(thinking=True)
            png = await self.bot.pictures.png(ask_map(loaded, result))  # type: ignore[attr-defined]
        await reply(interaction, with_picture(loaded.payloads.ask(result), png))

    @app_commands.command(
        name="verify",
        description="Did they really say that? Check a quote against the record",
        # LeCun's words, misquoted and pinned on Musk: the answer shows both at once.
        extras={
            "example": "/verify text:Closed models help innovation; Facebook's Llama series proves open source "
            "is viable figure:musk"
        },
    )
    @app_commands.describe(
        text="The quote as you saw it (case and quote marks do not matter)",
        figure="Who it is attributed to, e.g. musk",
    )
    @app_commands.autocomplete(figure=autocomplete.figure)
    @quick_cooldown
    async def verify(self, interaction: discord.Interaction, text: Quote, figure: Figure | None = None) -> None:
        loaded = self.loaded
        claimed = loaded.data.resolve(figure) if figure else None
        await reply(interaction, loaded.payloads.verify(loaded.checker.check(text, claimed)))

    @app_commands.command(
        name="source",
        description="An article paragraph with the quoted spans marked",
        extras={"example": "/source paragraph:7"},  # the lowest number, 1, is the headline: a poor example
    )
    @app_commands.describe(paragraph="Paragraph number, as cited (¶)", article="Article (default: the first)")
    @app_commands.autocomplete(article=autocomplete.article)
    @quick_cooldown
    async def source(
        self,
        interaction: discord.Interaction,
        paragraph: app_commands.Range[int, 1, MAX_PARAGRAPH],
        article: ArticleId | None = None,
    ) -> None:
        chosen = self.loaded.data.article(article)
        number = self.loaded.data.paragraph_number(chosen, paragraph)  # Discord checks the range, not every caller
        await reply(interaction, self.loaded.payloads.source(chosen, number))

    @app_commands.command(name="about", description="What this bot is and where its quotes come from")
    @quick_cooldown
    async def about(self, interaction: discord.Interaction) -> None:
        await reply(interaction, self.loaded.payloads.about())

    @app_commands.command(name="help", description="Every command, with an example of each")
    @quick_cooldown
    async def help(self, interaction: discord.Interaction) -> None:
        # Private: a list of commands is for whoever asked, not for the channel.
        await reply(interaction, text_messages(help_text(self.bot.tree, interaction.guild)), ephemeral=True)
