"""The real bot, with the real discord.py client, logged in to the loopback stand-in."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import discord
import pytest

from bot.dataset import load_dataset
from bot.discord_app.client import make_bot
from bot.discord_app.loaded import load
from bot.discord_app.payloads import Payloads
from bot.discord_app.settings import load_settings
from bot.render import Renderer

from .standin import GUILD_ID, TOKEN, DiscordStandIn

# Every wait in this suite is bounded; a hang fails the test instead of stalling CI.
STARTUP_TIMEOUT = 15.0


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    server = DiscordStandIn()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def restore_discord_globals():
    """DISCORD_API_BASE points discord.py's process-wide base URLs at the stand-in; put them back after."""
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    yield
    discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


def settings_for(server: DiscordStandIn, **extra: str):
    env = {
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_GUILD_ID": str(GUILD_ID),
        "DISCORD_API_BASE": server.api_base,
        "DEBATE_PACE_SECONDS": "0.01",
        "DEBATE_COOLDOWN_SECONDS": "0",
        **extra,
    }
    return load_settings(env)


@pytest.fixture
async def running_bot(standin: DiscordStandIn, restore_discord_globals) -> AsyncIterator[discord.Client]:
    bot = make_bot(settings_for(standin), load())
    task = asyncio.create_task(bot.start(TOKEN))
    try:
        # The guild is known once GUILD_CREATE is parsed; on_ready itself waits a further 2 s for stragglers.
        await standin.wait_until(lambda: bot.get_guild(GUILD_ID) is not None, STARTUP_TIMEOUT)
        yield bot
    finally:
        await asyncio.wait_for(bot.close(), STARTUP_TIMEOUT)
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, STARTUP_TIMEOUT)
        # Nothing may be left behind: no debate round still running once the bot has closed.
        leftover = [t for t in asyncio.all_tasks() if t.get_name().startswith("debate-") and not t.done()]
        assert not leftover, leftover


@pytest.fixture(scope="session")
def payloads() -> Payloads:
    """The payloads the bot builds from the shipped data: what a round should post."""
    return Payloads(Renderer(load_dataset()))
