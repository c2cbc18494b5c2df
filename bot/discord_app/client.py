"""The bot class: loads the cog in setup_hook and syncs to the development guild only when one is set."""

from __future__ import annotations

import logging

import discord
import yarl
from discord.ext import commands

from .loaded import Loaded
from .pictures import Pictures
from .settings import Settings
from .store import FallbackStore, GuildSettings, SQLiteStore, Store
from .tree import DebateTree

log = logging.getLogger(__name__)

EXTENSION = "bot.discord_app.cog"
OWNER_COMMANDS = ("reload",)

# The bot never joins voice: without these, discord.py warns at every start that PyNaCl and davey are missing.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


def point_at(api_base: str) -> None:
    """Send every REST call to ``api_base`` (tests only: the loopback stand-in). Process-wide by design."""
    discord.http.Route.BASE = api_base


class _DebateBot:
    """Shared by the plain and the auto-sharded bot; mixed in before the discord.py class."""

    def __init__(self, settings: Settings, loaded: Loaded, **options) -> None:
        if settings.api_base:
            point_at(settings.api_base)
        # Slash commands only: no message content, no members; guilds to know channels and permissions.
        super().__init__(  # type: ignore[call-arg]
            command_prefix=commands.when_mentioned,
            intents=discord.Intents(guilds=True),
            tree_cls=DebateTree,
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.settings = settings
        self.loaded = loaded
        self.store: Store | None = None  # opened in setup_hook; None where nothing is kept (dumps, sync)
        self.pictures = Pictures()  # every cog's stance maps share its one drawing thread

    async def setup_hook(self) -> None:
        if self.settings.database is not None:
            # A StoreError here ends start() with one line (exit 2); later failures only disable history.
            defaults = await self.guild_settings(None)
            self.store = FallbackStore(await SQLiteStore.open(self.settings.database, defaults=defaults))
        if self.settings.api_base:
            # Connect to the gateway the API names, as discord.py's sharded client does.
            _shards, url, _limits = await self.http.get_bot_gateway()  # type: ignore[attr-defined]
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        await self.load_extension(EXTENSION)  # type: ignore[attr-defined]
        keep_owner_commands(self.tree, self.settings.guild_id)  # type: ignore[attr-defined]
        if self.settings.guild_id and self.user is not None:
            # Development: guild commands appear at once; global sync only on `debate-bot sync`.
            guild = discord.Object(self.settings.guild_id)
            self.tree.copy_global_to(guild=guild)  # type: ignore[attr-defined]
            synced = await self.tree.sync(guild=guild)  # type: ignore[attr-defined]
            log.info("synced %d commands to guild %s", len(synced), self.settings.guild_id)

    async def guild_settings(self, guild_id: int | None) -> GuildSettings:
        """This server's settings; the deployment's defaults outside a server or without a store."""
        if self.store is None or guild_id is None:
            return GuildSettings(pace=self.settings.pace, cooldown=self.settings.cooldown)
        return await self.store.settings(guild_id)

    async def close(self) -> None:
        await super().close()  # unloads the cogs first: every round has ended and been recorded
        if self.store is not None:
            await self.store.close()
            self.store = None

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guild(s)", self.user, len(self.guilds))  # type: ignore[attr-defined]


def keep_owner_commands(tree: discord.app_commands.CommandTree, guild_id: int | None) -> None:
    """Owner commands are registered only in the owner's guild (DISCORD_GUILD_ID), never globally:
    Discord's UI then hides them from every other server's administrators, which a check cannot do."""
    for name in OWNER_COMMANDS:
        command = tree.remove_command(name)
        if command is not None and guild_id:
            tree.add_command(command, guild=discord.Object(guild_id))


class DebateBot(_DebateBot, commands.Bot):
    pass


class ShardedDebateBot(_DebateBot, commands.AutoShardedBot):
    pass


def make_bot(settings: Settings, loaded: Loaded, **client_options) -> commands.Bot:
    """``client_options`` go to discord.py's client unchanged (tests shorten ``heartbeat_timeout``)."""
    if not settings.sharded:
        return DebateBot(settings, loaded, **client_options)
    options = {"shard_count": settings.shard_count, **client_options}
    if settings.shard_ids is not None:
        options["shard_ids"] = list(settings.shard_ids)
    return ShardedDebateBot(settings, loaded, **options)
