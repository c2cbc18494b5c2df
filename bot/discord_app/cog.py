"""Debate rounds: /debate, /stop and the header's buttons, with this server's settings; /reload.

The round itself runs in session.py; this cog turns an interaction into a plan, the plan into steps, and
a finished round into a stored one.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands

from .. import stancemap
from ..data.personas import Persona
from ..debate import MAX_ROUNDS, DebatePlan
from ..errors import DataError, Problem, UsageError
from ..query import check_topic
from ..render import escape, plain
from . import autocomplete, controls
from .cog_query import QueryCog, Topic
from .controls import RoundControls
from .loaded import Loaded, load
from .payloads import text_messages
from .sender import NO_MENTIONS, Poster, WebhookCache, reply
from .session import Cooldowns, Round, Rounds, post_closing_line
from .store import GuildSettings
from .store import Round as FinishedRound

log = logging.getLogger(__name__)

# An interaction token lives 15 minutes; stop relying on it a minute before, whatever the clocks say.
TOKEN_TRUSTED_FOR = 14 * 60.0
_RELOAD_PROBLEMS_SHOWN = 10

FigureList = app_commands.Range[str, 1, 300]  # a comma-separated list of figure names


def _nonce_prefix(interaction_id: int) -> str:
    """Short and unique per round; Discord nonces are at most 25 characters."""
    digits, n = "", interaction_id
    while n:
        n, r = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + digits
    return f"d{digits or '0'}-"


def _home_id(channel: discord.abc.GuildChannel | discord.Thread) -> int:
    """The channel a thread belongs to (the one allowed_channels names), or the channel itself."""
    return channel.parent_id if isinstance(channel, discord.Thread) else channel.id


def _check_place(settings: GuildSettings, channel: discord.TextChannel | discord.Thread, thread: bool) -> bool:
    """Whether the round goes into a new thread, by this server's settings; a UsageError where it may not run."""
    if settings.allowed_channels and _home_id(channel) not in settings.allowed_channels:
        # Names, not mentions: the error is shown escaped, and a channel deleted since is simply left out.
        found = [channel.guild.get_channel(channel_id) for channel_id in settings.allowed_channels]
        where = ", ".join(f"#{c.name}" for c in found if c is not None) or "channels that no longer exist"
        raise UsageError(f"debate rounds run only in {where} on this server")
    if settings.thread_mode == "never" and thread:
        raise UsageError("this server runs debate rounds in the channel, not in threads; run it without thread")
    return thread or (settings.thread_mode == "always" and isinstance(channel, discord.TextChannel))


class DebateCog(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot
        settings = bot.settings  # type: ignore[attr-defined]
        self.rounds = Rounds(settings.pace, settings.rounds_per_guild)
        self.cooldowns = Cooldowns(settings.cooldown)
        self.webhooks = WebhookCache()

    async def cog_unload(self) -> None:
        await self.rounds.close()

    @property
    def loaded(self) -> Loaded:
        return self.bot.loaded  # type: ignore[attr-defined]

    def _resolve_figures(self, text: str | None) -> list[Persona] | None:
        if not text or not text.strip():
            return None
        return [self.loaded.data.resolve(name) for name in text.split(",") if name.strip()]

    async def may_control(self, interaction: discord.Interaction, round_: Round) -> bool:
        """Whoever started the round, a member of the server's host role, or someone with Manage Messages."""
        if interaction.user.id == round_.starter_id or interaction.permissions.manage_messages:
            return True
        host = (await self.bot.guild_settings(interaction.guild_id)).host_role  # type: ignore[attr-defined]
        return host is not None and any(role.id == host for role in getattr(interaction.user, "roles", ()))

    def _stop(self, round_: Round, by: str) -> bool:
        return self.rounds.stop(round_, by=by)

    # --- debate rounds ------------------------------------------------------------------

    @app_commands.command(name="debate", description="Stage a paced debate in this channel from sourced quotes")
    @app_commands.describe(
        topic="What the debate is about, e.g. regulation",
        figures="Comma-separated figures to invite (default: everyone with a stance)",
        rounds=f"Rounds to plan, 1 to {MAX_ROUNDS} (the record may run out sooner)",
        thread="Post the round in a new thread",
    )
    @app_commands.autocomplete(figures=autocomplete.figures, topic=autocomplete.topic)
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
        # Read before the cooldown and the reservation, which take no await between them.
        settings = await self.bot.guild_settings(interaction.guild_id)  # type: ignore[attr-defined]
        thread = _check_place(settings, channel, thread)
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
        round_ = Round(
            channel_id=channel.id,
            guild_id=interaction.guild_id,
            starter_id=interaction.user.id,
            topic=topic,
            nonce_prefix=_nonce_prefix(interaction.id),
            pace=settings.pace,
        )
        who = (interaction.guild_id, interaction.user.id)
        self.cooldowns.take(who, settings.cooldown)  # before any await, like the reservation below
        try:
            self.rounds.reserve(round_)  # before any await: a second request in this channel is refused
            try:
                # Private "thinking…": Discord fixes a deferred answer's visibility here, and whatever follows
                # (an error, a failure notice) may be for the user alone. The round itself is public.
                await interaction.response.defer(thinking=True, ephemeral=True)
                capped = min(rounds, settings.rounds_cap)
                await self._begin(interaction, channel, round_, chosen, capped, thread, settings, capped < rounds)
            finally:
                self.rounds.release(round_)  # a no-op once the round's task has started
        finally:
            if round_.task is None:  # only a round that starts spends the cooldown
                self.cooldowns.give_back(who)

    async def _begin(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel | discord.Thread,
        round_: Round,
        chosen: list[Persona] | None,
        rounds: int,
        thread: bool,
        settings: GuildSettings,
        capped: bool = False,
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
        webhooks_on = settings.webhook_mode != "off"
        if (
            webhooks_on
            and allowed.manage_webhooks
            and allowed.read_message_history
            and isinstance(home, discord.TextChannel)
        ):
            webhook = await self.webhooks.get(home, self.bot.user)
        picture = await self._stance_map(loaded, plan)
        steps = loaded.payloads.debate_steps(plan, webhook=webhook is not None, picture=picture)
        poster = Poster(target, webhook, on_webhook_gone=lambda: self.webhooks.forget(home.id))

        async def notify(text: str) -> None:
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

        round_.notify = notify
        round_.token_expires = asyncio.get_running_loop().time() + TOKEN_TRUSTED_FOR
        topic = escape(round_.topic)
        if round_.outcome == "running":
            where = f" in {target.mention}" if target is not channel else " below"
            names = ", ".join(escape(p.name) for p in plan.participants)
            cap = f" ({rounds} round(s) at most on this server)" if capped else ""
            # Said before the round starts, so a failure notice (a follow-up) can never be overwritten by it.
            await interaction.edit_original_response(
                content=f"Debate on “{topic}” starting{where} with {names}{cap}. `/stop` or its Stop button ends it.",
                allowed_mentions=NO_MENTIONS,
            )
        if round_.outcome != "running":  # /stop came while this command awaited Discord: start nothing
            if target is not channel:  # a thread was opened for it: say there why it stays empty
                await post_closing_line(round_, poster)
            await interaction.edit_original_response(
                content=f"The debate on “{topic}” was stopped before it began.", allowed_mentions=NO_MENTIONS
            )
            return
        round_.controls = RoundControls(round_, self.may_control, self._stop)
        round_.on_end = self._recorder(plan, loaded, datetime.now(timezone.utc), len(steps))
        self.rounds.start(round_, poster, steps)

    async def _stance_map(self, loaded: Loaded, plan: DebatePlan) -> bytes:
        """The summary's picture, drawn off the event loop."""
        lexicon = loaded.data.lexicon
        credit = stancemap.credit_line(loaded.data.articles.values())
        picture = stancemap.from_debate(plan, lexicon.axes, lexicon.camps, credit)
        return await self.bot.pictures.png(picture)  # type: ignore[attr-defined]

    def _recorder(self, plan: DebatePlan, loaded: Loaded, started_at: datetime, steps: int):
        """What the round does once it has ended: store it (unless the server turned history off)."""
        transcript = loaded.core.render.debate(plan)

        async def record(ended: Round) -> None:
            store = self.bot.store  # type: ignore[attr-defined]
            if store is None or ended.guild_id is None:
                return
            finished = FinishedRound(
                guild_id=ended.guild_id,
                channel_id=ended.target_id or ended.channel_id,
                starter_id=ended.starter_id,
                topic=ended.topic,
                figures=tuple(p.id for p in plan.participants),
                started_at=started_at,
                ended_at=datetime.now(timezone.utc),
                ended_how=ended.outcome,
            )
            told = transcript
            if ended.outcome != "finished":  # the file holds the whole plan; say how much the channel saw
                told = (
                    f"_This round ended early ({ended.outcome}) after {len(ended.posted)} of its {steps} steps; "
                    f"below is everything it had planned._\n\n{transcript}"
                )
            await store.record_round(finished, told)

        return record

    @app_commands.command(name="stop", description="Stop the debate round running in this channel")
    @app_commands.guild_only()
    async def stop(self, interaction: discord.Interaction) -> None:
        round_ = self.rounds.find(interaction.channel_id or 0)
        if round_ is None:
            raise UsageError("no debate round is running in this channel")
        if not await self.may_control(interaction, round_):
            raise UsageError(
                "only whoever started this round, the server's host role or someone with Manage Messages can stop it"
            )
        started = self.rounds.stop(round_, by=interaction.user.display_name)
        # The round posts its own closing line where it runs; this answer is for whoever asked.
        when = "" if started else " before its first post"
        await reply(
            interaction, text_messages(f"Stopped the debate on “{escape(round_.topic)}”{when}."), ephemeral=True
        )

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """A button of a round this process no longer runs gets a private word instead of "interaction failed"."""
        custom_id = str((interaction.data or {}).get("custom_id", ""))
        if interaction.type is discord.InteractionType.component and controls.stale(custom_id):
            await interaction.response.send_message(controls.ENDED, ephemeral=True, allowed_mentions=NO_MENTIONS)

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
    from .cog_settings import SettingsCog  # it reads the rounds' records; loaded beside them

    await bot.add_cog(QueryCog(bot))
    await bot.add_cog(DebateCog(bot))
    await bot.add_cog(SettingsCog(bot))
