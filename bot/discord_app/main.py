"""debate-bot: run the Discord bot, sync its commands on request, or print them without logging in."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import logging
import signal
import sys
from collections.abc import Sequence
from typing import Any

import aiohttp
import discord

from ..errors import DataError, UsageError
from .client import EXTENSION, keep_owner_commands, make_bot
from .loaded import load
from .settings import Settings, load_settings
from .store import StoreError

PROG = "debate-bot"
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
log = logging.getLogger(__name__)
REJECTED_TOKEN = "Discord rejected DISCORD_TOKEN; copy a fresh token from the Developer Portal (Bot > Reset Token)"


class Redact(logging.Filter):
    """Replaces the token wherever it would appear in a log line, tracebacks included."""

    def __init__(self, secret: str | None):
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secret:
            message = record.getMessage()
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.msg, record.args = message.replace(self.secret, "[token]"), None
            if record.exc_text:
                record.exc_text = record.exc_text.replace(self.secret, "[token]")
        return True


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(Redact(settings.token))
    discord.utils.setup_logging(handler=handler, level=getattr(logging, settings.log_level), root=True)


class Refused(Exception):
    """A problem to report as one line and exit 2 (a missing or rejected token)."""


def _require_token(settings: Settings) -> str:
    if not settings.token:
        raise Refused("DISCORD_TOKEN is not set; put it in the environment or in .env (see .env.example)")
    return settings.token


# How long a clean shutdown may take after Ctrl-C or SIGTERM before the process gives up waiting.
SHUTDOWN_TIMEOUT = 10.0


async def run(settings: Settings) -> None:
    """Run until the bot stops or a signal asks it to.

    Ctrl-C is handled here rather than by asyncio.run's task cancellation: during startup discord.py
    awaits the gateway through ``asyncio.wait_for``, which on Python < 3.12 can swallow that
    cancellation, and the bot then carried on to ready. Closing the client ends its reconnect loop
    whatever it was awaiting. A second Ctrl-C falls back to the default KeyboardInterrupt.
    """
    token = _require_token(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    handled = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, Windows
            loop.add_signal_handler(signum, stop.set)
            handled.append(signum)
    try:
        bot = make_bot(settings, await asyncio.to_thread(load))
        async with bot:
            runner = asyncio.create_task(bot.start(token), name="debate-bot")
            stopper = asyncio.create_task(stop.wait())
            await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if not runner.done():
                log.info("stopping: closing the gateway and every running round")
                for signum in handled:  # a second Ctrl-C interrupts at once
                    loop.remove_signal_handler(signum)
                handled.clear()
                await _shut_down(bot, runner)
                return  # asked to stop: whatever the interrupted connect raised is beside the point
            stopper.cancel()
            runner.result()  # a login failure or a lost connection surfaces as before
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)


async def _shut_down(bot: discord.Client, runner: asyncio.Task) -> None:
    await bot.close()  # marks the client closed, so a connect in progress does not carry on
    runner.cancel()
    done, _ = await asyncio.wait({runner}, timeout=SHUTDOWN_TIMEOUT)
    if not done:
        log.warning("the client did not stop within %.0f s; exiting anyway", SHUTDOWN_TIMEOUT)


async def sync(settings: Settings, guild_id: int | None) -> str:
    """Push the commands to Discord once: globally, or to one guild. Never done on a normal start."""
    token = _require_token(settings)
    # A sync keeps nothing: it opens no database.
    bot = make_bot(dataclasses.replace(settings, guild_id=None, database=None), load())
    async with bot:
        await bot.login(token)  # runs setup_hook, which loads the commands; no gateway needed
        if guild_id:
            guild = discord.Object(guild_id)
            bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
            return f"synced {len(synced)} commands to guild {guild_id}"
        synced = await bot.tree.sync()
        return f"synced {len(synced)} commands globally (Discord may take a while to show them everywhere)"


async def command_payloads(settings: Settings | None = None) -> list[dict[str, Any]]:
    """The JSON array a sync would send, built without logging in (with the data: /source's range is its)."""
    settings = dataclasses.replace(settings or Settings(token=None), api_base=None, guild_id=None, database=None)
    bot = make_bot(settings, load())
    async with bot:
        await bot.load_extension(EXTENSION)
        keep_owner_commands(bot.tree, None)  # what a global sync sends
        return [command.to_dict(bot.tree) for command in bot.tree.get_commands()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run the sourced-debate Discord bot. Settings come from the environment and .env.",
    )
    parser.add_argument(
        "--dump-commands", action="store_true", help="print the application commands as JSON and exit (no login)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sync_parser = sub.add_parser("sync", help="register the slash commands with Discord (globally, or in one guild)")
    sync_parser.add_argument("--guild", type=int, help="sync to this guild id only (instant; for development)")
    sub.add_parser("run", help="run the bot (the default)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.dump_commands:
            payloads = asyncio.run(command_payloads(load_settings()))
            print(json.dumps(payloads, indent=2, ensure_ascii=False))
            return EXIT_OK
        settings = load_settings()
        setup_logging(settings)
        if args.command == "sync":
            print(asyncio.run(sync(settings, args.guild)))
        else:
            asyncio.run(run(settings))
        return EXIT_OK
    except (Refused, UsageError, StoreError) as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    except discord.LoginFailure:
        return _fail(REJECTED_TOKEN, EXIT_BAD_INPUT)
    except discord.PrivilegedIntentsRequired:
        return _fail(
            "Discord refused the gateway intents (close code 4014); enable them for this bot in the Developer Portal",
            EXIT_BAD_INPUT,
        )
    except discord.ConnectionClosed as exc:
        # 4004: the token passed the REST login but the gateway refused it (reset meanwhile, say).
        if exc.code == 4004:
            return _fail(REJECTED_TOKEN, EXIT_BAD_INPUT)
        return _fail(f"Discord closed the gateway connection (close code {exc.code})", EXIT_FAILED)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except discord.HTTPException as exc:
        return _fail(f"Discord answered {exc.status} ({type(exc).__name__}); see the log above", EXIT_FAILED)
    except (aiohttp.ClientError, OSError) as exc:
        return _fail(f"cannot reach Discord: {type(exc).__name__}", EXIT_FAILED)
    except KeyboardInterrupt:
        return EXIT_OK


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code
