"""The real bot, with the real discord.py client, logged in to the loopback stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest

from bot.dataset import load_dataset
from bot.discord_app.payloads import Payloads
from bot.render import Renderer

from .harness import bot_running, discord_globals_restored
from .standin import DiscordStandIn


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
    with discord_globals_restored():
        yield


@pytest.fixture
async def running_bot(standin: DiscordStandIn, restore_discord_globals) -> AsyncIterator[discord.Client]:
    async with bot_running(standin) as bot:
        yield bot


@pytest.fixture(scope="session")
def payloads() -> Payloads:
    """The payloads the bot builds from the shipped data: what a round should post."""
    return Payloads(Renderer(load_dataset()))
