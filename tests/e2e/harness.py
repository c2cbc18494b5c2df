"""Start and stop the real bot against a stand-in: shared by the e2e fixtures and benchmarks/load_discord.py."""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator

import discord

from bot.discord_app.client import make_bot
from bot.discord_app.loaded import load
from bot.discord_app.settings import Settings, load_settings

from .standin import GUILD_ID, TOKEN, DiscordStandIn

# Every wait in this suite is bounded; a hang fails the test instead of stalling CI.
STARTUP_TIMEOUT = 15.0


def settings_for(server: DiscordStandIn, **extra: str) -> Settings:
    env = {
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_GUILD_ID": str(GUILD_ID),
        "DISCORD_API_BASE": server.api_base,
        "DEBATE_PACE_SECONDS": "0.01",
        "DEBATE_COOLDOWN_SECONDS": "0",
        **extra,
    }
    return load_settings(env)


@contextlib.contextmanager
def discord_globals_restored():
    """DISCORD_API_BASE points discord.py's process-wide base URLs at the stand-in; put them back after."""
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


@contextlib.asynccontextmanager
async def bot_running(
    server: DiscordStandIn, client_options: dict | None = None, **settings: str
) -> AsyncIterator[discord.Client]:
    """The bot logged in to ``server`` with its guild known; closed after, with no round task left behind.

    ``client_options`` go to discord.py's client as they are (e.g. a short ``heartbeat_timeout``).
    The database is a real file in a fresh folder unless ``DEBATE_DATABASE`` names one.
    """
    with tempfile.TemporaryDirectory(prefix="debate-db-") as folder:
        settings.setdefault("DEBATE_DATABASE", f"{folder}/debate.sqlite3")
        async with _running(server, client_options, settings) as bot:
            yield bot


@contextlib.asynccontextmanager
async def _running(
    server: DiscordStandIn, client_options: dict | None, settings: dict
) -> AsyncIterator[discord.Client]:
    bot = make_bot(settings_for(server, **settings), load(), **(client_options or {}))
    task = asyncio.create_task(bot.start(TOKEN))
    try:
        # The guild is known once GUILD_CREATE is parsed; on_ready itself waits a further 2 s for stragglers.
        await server.wait_until(lambda: bot.get_guild(GUILD_ID) is not None, STARTUP_TIMEOUT)
        yield bot
    finally:
        # discord.py stops its heartbeat thread on close without waiting for it: a beat already under way
        # would then meet this test's closed event loop (an unhandled-thread warning). Wait for it here.
        heartbeat = getattr(bot.ws, "_keep_alive", None)
        await asyncio.wait_for(bot.close(), STARTUP_TIMEOUT)
        if heartbeat is not None:
            await asyncio.to_thread(heartbeat.join, STARTUP_TIMEOUT)
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, STARTUP_TIMEOUT)
        leftover = [t for t in asyncio.all_tasks() if t.get_name().startswith("debate-") and not t.done()]
        assert not leftover, leftover
