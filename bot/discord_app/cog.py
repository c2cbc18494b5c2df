"""The slash commands: each turns an interaction into an engine call and the result into messages."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands

from ..data.personas import Persona
from ..debate import MAX_ROUNDS
from ..errors import DataError, Problem, UsageError
from ..query import MAX_TOPIC_LENGTH, check_topic
from ..render import escape, plain
from .loaded import Loaded, load
from .payloads import text_messages
from .sender import NO_MENTIONS, Poster, WebhookCache, reply
from .session import Cooldowns, Round, Rounds, post_closing_line

log = logging.getLogger(__name__)

MAX_PARAGRAPH = 10_000
# An interaction token lives 15 minutes; stop relying on it a minute before, whatever the clocks say.
TOKEN_TRUSTED_FOR = 14 * 60.0
_RELOAD_PROBLEMS_SHOWN = 10


# Quick commands share a gentle per-user rate so one person cannot flood a channel.
quick_cooldown = app_commands.checks.cooldown(5, 10.0)
# Every free-text option has a maximum length, so Discord refuses an over-long value before we see it.
Topic = app_commands.Range[str, 1, MAX_TOPIC_LENGTH]
Figure = app_commands.Range[str, 1, 100]  # a name or alias; autocomplete values are at most 100 too
FigureList = app_commands.Range[str, 1, 300]  # a comma-separated list of them
ArticleId = app_commands.Range[str, 1, 100]


def _nonce_prefix(interaction_id: int) -> str:
    """Short and unique per round; Discord nonces are at most 25 characters."""
    digits, n = "", interaction_id
    while n:
        n, r = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + digits
    return f"d{digits or '0'}-"


class DebateCog(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot
        settings = bot.settings  # type: ignore[attr-defined]
        self.rounds = Rounds(settings.pace, settings.rounds_per_guild)
        self.cooldowns = Cooldowns(settings.cooldown)
        loaded = getattr(bot, "loaded", None)
        if loaded is not None:
            # Discord's own range check, from the data, so the client refuses a paragraph the article lacks.
            longest = max(len(a.paragraphs) for a in loaded.data.articles.values())
            self.source._params["paragraph"].max_value = longest  # no public setter in discord.py
        self.webhooks = WebhookCache()

    async def cog_unload(self) -> None:
        await self.rounds.close()

    @property
    def loaded(self) -> Loaded:
        return self.bot.loaded  # type: ignore[attr-defined]

    # --- autocomplete -------------------------------------------------------------------

    def _figure_choices(
        self, current: str, prefix: str = "", chosen: frozenset[str] = frozenset()
    ) -> list[app_commands.Choice[str]]:
        found = self.loaded.data.suggest(current, limit=25)
        choices = []
        for p in found:
            if p.id in chosen:
                continue
            value = prefix + p.id
            if len(value) <= 100:
                choices.append(app_commands.Choice(name=f"{p.name} · {p.role}"[:100], value=value))
        return choices

    async def figure_autocomplete(self, interaction: discord.Interaction, current: str):
        return self._figure_choices(current)

    async def figures_autocomplete(self, interaction: discord.Interaction, current: str):
        """Complete the last name of a comma-separated list, keeping the ones before it."""
        head, _, last = current.rpartition(",")
        chosen = {p.id for p in self._known(head.split(","))}  # offering them again would make "musk,musk"
        return self._figure_choices(last.strip(), prefix=f"{head}," if head else "", chosen=frozenset(chosen))

    def _known(self, names: list[str]) -> list[Persona]:
        known = []
        for name in names:
            with contextlib.suppress(UsageError):
                known.append(self.loaded.data.resolve(name.strip()))
        return known

    async def article_autocomplete(self, interaction: discord.Interaction, current: str):
        articles = self.loaded.data.articles.values()
        return [
            app_commands.Choice(name=a.title[:100], value=a.id)
            for a in articles
            if current.casefold() in (a.id + a.title).casefold()
        ][:25]

    def _resolve_figures(self, text: str | None) -> list[Persona] | None:
        if not text or not text.strip():
            return None
        return [self.loaded.data.resolve(name) for name in text.split(",") if name.strip()]

    # --- one-shot commands --------------------------------------------------------------

    @app_commands.command(name="figures", description="The figures in the article, with role and camp")
    @quick_cooldown
    async def figures(self, interaction: discord.Interaction) -> None:
        await reply(interaction, self.loaded.payloads.figures())

    @app_commands.command(name="stance", description="One figure's sourced stance on a topic")
    @app_commands.describe(figure="Name or alias, e.g. musk", topic="What about, e.g. regulation")
    @app_commands.autocomplete(figure=figure_autocomplete)
    @quick_cooldown
    async def stance(self, interaction: discord.Interaction, figure: Figure, topic: Topic) -> None:
        loaded = self.loaded
        result = loaded.core.ranker.stance(loaded.data.resolve(figure), check_topic(topic))
        await reply(interaction, loaded.payloads.stance(result))

    @app_commands.command(name="ask", description="Every figure's sourced stance on a topic, side by side")
    @app_commands.describe(topic="What about, e.g. open source")
    @quick_cooldown
    async def ask(self, interaction: discord.Interaction, topic: Topic) -> None:
        loaded = self.loaded
        await reply(interaction, loaded.payloads.ask(loaded.core.ranker.ask(check_topic(topic))))

    @app_commands.command(name="source", description="An article paragraph with the quoted spans marked")
    @app_commands.describe(paragraph="Paragraph number, as cited (¶)", article="Article (default: the first)")
    @app_commands.autocomplete(article=article_autocomplete)
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

    # --- debate rounds ------------------------------------------------------------------

    @app_commands.command(name="debate", description="Stage a paced debate in this channel from sourced quotes")
    @app_commands.describe(
        topic="What the debate is about, e.g. regulation",
        figures="Comma-separated figures to invite (default: everyone with a stance)",
        rounds=f"Rounds to plan, 1 to {MAX_ROUNDS} (the record may run out sooner)",
        thread="Post the round in a new thread",
    )
    @app_commands.autocomplete(figures=figures_autocomplete)
    @app_commands.guild_only()
    @app_commands.checks.bot_has_permissions(send_messages=True, embed_links=True, attach_files=True)
    async def debate(
        self,
        interaction: discord.Interaction,
        topic: Topic,
        figures: FigureList | None = None,
        rounds: app_commands.Range[int, 1, MAX_ROUNDS] = 3,
        thread: bool = False,
    ) -> None:
        topic = check_topic(topic)
        chosen = self._resolve_figures(figures)
        channel = interaction.channel
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            raise UsageError("debate rounds run in a server text channel or thread")
        allowed = interaction.app_permissions
        # Both, checked before the thread exists: without the second its first post is refused, leaving it empty.
        if (
            thread
            and isinstance(channel, discord.TextChannel)
            and not (allowed.create_public_threads and allowed.send_messages_in_threads)
        ):
            raise UsageError(
                "I need Create Public Threads and Send Messages In Threads to open a thread; "
                "run it without thread, or grant them"
            )
        round_ = Round(channel.id, interaction.guild_id, interaction.user.id, topic, _nonce_prefix(interaction.id))
        self.cooldowns.take(interaction.user.id)  # before any await, like the reservation below
        try:
            self.rounds.reserve(round_)  # before any await: a second request in this channel is refused
            try:
                # Private "thinking…": Discord fixes a deferred answer's visibility here, and whatever follows
                # (an error, a failure notice) may be for the user alone. The round itself is public.
                await interaction.response.defer(thinking=True, ephemeral=True)
                await self._begin(interaction, channel, round_, chosen, rounds, thread)
            finally:
                self.rounds.release(round_)  # a no-op once the round's task has started
        finally:
            if round_.task is None:  # only a round that starts spends the cooldown
                self.cooldowns.give_back(interaction.user.id)

    async def _begin(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel | discord.Thread,
        round_: Round,
        chosen: list[Persona] | None,
        rounds: int,
        thread: bool,
    ) -> None:
        loaded = self.loaded  # the round keeps this data even if /reload swaps it meanwhile
        plan = loaded.core.planner.debate(round_.topic, chosen, rounds)
        if not plan.participants:
            await interaction.edit_original_response(
                content=loaded.payloads.nobody(plan)[0].content, allowed_mentions=NO_MENTIONS
            )
            return
        target: discord.TextChannel | discord.Thread = channel
        if thread and isinstance(channel, discord.TextChannel):
            # An announcement channel allows only announcement threads.
            kind = discord.ChannelType.news_thread if channel.is_news() else discord.ChannelType.public_thread
            target = await channel.create_thread(
                name=f"Debate: {plain(round_.topic)}"[:100],
                type=kind,
                auto_archive_duration=60,
            )
            round_.target_id = target.id
        webhook = None
        home = channel.parent if isinstance(channel, discord.Thread) else channel
        allowed = interaction.app_permissions
        # Webhook posts carry no nonce: after a lost answer the channel's history shows whether it landed.
        if allowed.manage_webhooks and allowed.read_message_history and isinstance(home, discord.TextChannel):
            webhook = await self.webhooks.get(home, self.bot.user)
        steps = loaded.payloads.debate_steps(plan, webhook=webhook is not None)
        poster = Poster(target, webhook, on_webhook_gone=lambda: self.webhooks.forget(home.id))

        async def notify(text: str) -> None:
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

        round_.notify = notify
        round_.token_expires = asyncio.get_running_loop().time() + TOKEN_TRUSTED_FOR
        topic = escape(round_.topic)
        if round_.outcome == "running":
            where = f" in {target.mention}" if target is not channel else " below"
            names = ", ".join(escape(p.name) for p in plan.participants)
            # Said before the round starts, so a failure notice (a follow-up) can never be overwritten by it.
            await interaction.edit_original_response(
                content=f"Debate on “{topic}” starting{where} with {names}. `/stop` ends it.",
                allowed_mentions=NO_MENTIONS,
            )
        if round_.outcome != "running":  # /stop came while this command awaited Discord: start nothing
            if target is not channel:  # a thread was opened for it: say there why it stays empty
                await post_closing_line(round_, poster)
            await interaction.edit_original_response(
                content=f"The debate on “{topic}” was stopped before it began.", allowed_mentions=NO_MENTIONS
            )
            return
        self.rounds.start(round_, poster, steps)

    @app_commands.command(name="stop", description="Stop the debate round running in this channel")
    @app_commands.guild_only()
    async def stop(self, interaction: discord.Interaction) -> None:
        round_ = self.rounds.find(interaction.channel_id or 0)
        if round_ is None:
            raise UsageError("no debate round is running in this channel")
        if interaction.user.id != round_.starter_id and not interaction.permissions.manage_messages:
            raise UsageError("only whoever started this round, or someone with Manage Messages, can stop it")
        started = self.rounds.stop(round_, by=interaction.user.display_name)
        # The round posts its own closing line where it runs; this answer is for whoever asked.
        when = "" if started else " before its first post"
        await reply(
            interaction, text_messages(f"Stopped the debate on “{escape(round_.topic)}”{when}."), ephemeral=True
        )

    # --- channels going away mid-round ---------------------------------------------------

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self._channel_gone(channel.id)

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        await self._channel_gone(payload.thread_id)

    async def _channel_gone(self, channel_id: int) -> None:
        """Stop the round at once rather than wait for its next post to fail, and drop the dead webhook."""
        self.webhooks.forget(channel_id)
        round_ = self.rounds.find(channel_id)
        if round_ is not None:
            log.info("channel %s was deleted; stopping its debate round", channel_id)
            self.rounds.stop(round_, reason="channel deleted")

    # --- operations ---------------------------------------------------------------------

    @app_commands.command(name="reload", description="Owner only: reload the articles and personas")
    @app_commands.default_permissions(administrator=True)
    async def reload(self, interaction: discord.Interaction) -> None:
        if not await self.bot.is_owner(interaction.user):
            raise app_commands.CheckFailure("Only the bot's owner can reload its data.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            fresh = await asyncio.to_thread(load)
        except DataError as exc:
            shown = "\n".join(f"- {_reload_problem(p)}" for p in exc.problems[:_RELOAD_PROBLEMS_SHOWN])
            more = len(exc.problems) - _RELOAD_PROBLEMS_SHOWN
            extra = f"\n…and {more} more (`debate-cli validate` lists them all)." if more > 0 else ""
            text = f"Kept the current data: the new data has {len(exc.problems)} problem(s).\n{shown}{extra}"
            log.warning("reload refused: %d problem(s) in the data", len(exc.problems))
        else:
            self.bot.loaded = fresh  # type: ignore[attr-defined]
            positions = sum(len(p.positions) for p in fresh.data.personas)
            text = f"Reloaded: {len(fresh.data.articles)} article(s), {len(fresh.data.personas)} figures, {positions} positions."
            log.info("data reloaded")
        await reply(interaction, text_messages(text), ephemeral=True)


def _reload_problem(problem: Problem) -> str:
    """``personas/musk.yaml:33: field: what``: the folder and file, not the server's full path, so the reason fits."""
    where = "/".join(Path(problem.file).parts[-2:])
    return escape(f"{where}:{problem.line}: {problem.field}: {problem.message[:300]}")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(DebateCog(bot))
