"""The real bot, with the real discord.py client, logged in to the loopback stand-in."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator

import discord
import pytest

from bot.data.dataset import load_dataset
from bot.discord_app.payloads import Payloads
from bot.render import Renderer

from .harness import bot_running, discord_globals_restored
from .standin import TOKEN, DiscordStandIn

LOG_LINES_CHECKED = [0]  # across the whole e2e run, for the summary line and docs/RELIABILITY.md


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def token_never_logged() -> Iterator[None]:
    """Every log record of every e2e test, at DEBUG and unfiltered (no Redact), must be free of the token."""
    keep, root = _Keep(), logging.getLogger()
    level = root.level
    root.addHandler(keep)
    root.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        root.removeHandler(keep)
        root.setLevel(level)
    formatter = logging.Formatter()
    for record in keep.records:
        line = formatter.format(record)  # message, arguments and any traceback
        assert TOKEN not in line, f"the token leaked into a log line from {record.name}"
    LOG_LINES_CHECKED[0] += len(keep.records)


def pytest_sessionfinish(session: pytest.Session) -> None:
    # Under pytest-xdist each worker checks its own share; the controller adds them up (pytest_testnodedown).
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["e2e_log_records"] = LOG_LINES_CHECKED[0]


def pytest_testnodedown(node, error) -> None:
    LOG_LINES_CHECKED[0] += node.workeroutput.get("e2e_log_records", 0)


def pytest_terminal_summary(terminalreporter) -> None:
    if LOG_LINES_CHECKED[0]:
        terminalreporter.write_line(f"e2e: {LOG_LINES_CHECKED[0]} log records checked, none holds the token")


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
