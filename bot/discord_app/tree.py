"""The command tree: the one place where command errors become short ephemeral replies (like Red's RedTree)."""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from ..errors import UsageError
from ..render import escape
from .payloads import text_messages
from .sender import reply
from .session import Busy

log = logging.getLogger(__name__)

UNKNOWN_INTERACTION = 10062  # Discord's code for an interaction answered too late (or twice)
STALE = "That command is no longer available; it will disappear after the next sync."


def requires(**permissions: bool):
    """A check at run time that the member has ``permissions``, recorded where /help reads it.

    Discord applies default_member_permissions to top-level commands only, so a subcommand such as
    /settings set (beside /settings show, which everyone may use) needs this check instead."""

    def decorate(command: app_commands.Command) -> app_commands.Command:
        command.extras["permissions"] = discord.Permissions(**permissions)
        return app_commands.checks.has_permissions(**permissions)(command)

    return decorate


def explain_error(error: app_commands.AppCommandError) -> str | None:
    """What to tell the user, or None for a bug (logged, and a generic reply)."""
    original = getattr(error, "original", None)
    if isinstance(original, UsageError):
        return escape(str(original))  # it may echo what the user typed
    if isinstance(original, Busy):
        return str(original)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: you can use this command again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.BotMissingPermissions):
        return f"I need these permissions here: {', '.join(_names(error.missing_permissions))}."
    if isinstance(error, app_commands.MissingPermissions):
        return f"You need these permissions here: {', '.join(_names(error.missing_permissions))}."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server channel, not in direct messages."
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return STALE
    if isinstance(error, app_commands.TransformerError):
        return "That argument was not understood; check the command's options and try again."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You cannot use this command here."
    return None


def _name(error: app_commands.AppCommandError) -> str:
    return getattr(error, "name", None) or getattr(getattr(error, "command", None), "name", "?")


def _names(permissions: list[str]) -> list[str]:
    return [p.replace("_", " ").replace("guild", "server").title() for p in permissions]


class DebateTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", None)
        if isinstance(original, discord.NotFound) and original.code == UNKNOWN_INTERACTION:
            # Answered after Discord's 3 seconds (the loop was busy): nothing can reach the user now.
            log.warning("an answer to /%s came too late for Discord (over 3 s)", _name(error))
            return
        text = explain_error(error)
        if text == STALE:
            # Discord still shows commands this version no longer has (or has changed), as Red warns.
            log.warning("stale command %r used; run `debate-bot sync` to update Discord's list", _name(error))
        elif text is None:
            command = interaction.command.name if interaction.command else "?"
            log.error("command /%s failed", command, exc_info=error)
            text = "Something went wrong on my side; it has been logged."
        try:
            await reply(interaction, text_messages(text), ephemeral=True)
        except discord.HTTPException as exc:
            log.warning("could not report an error to the user: %s", exc.status)
