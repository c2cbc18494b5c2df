"""Per-server settings and the history of finished rounds: /settings, /history, /transcript and deleting."""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from ..errors import UsageError
from ..render import escape
from .payloads import MessageSpec, text_messages
from .sender import reply
from .store import SETTING_NAMES, GuildSettings, Store, StoredRound
from .tree import requires

HISTORY_SHOWN = 10
_ON, _OFF = {"on", "true", "yes", "1"}, {"off", "false", "no", "0"}
_NOTHING = {"", "none", "all", "everywhere", "off"}
_ID = re.compile(r"<[#@]&?(\d+)>|(\d+)")

# What each setting means, in the words /settings show uses; the order is GuildSettings' own.
_LABELS = {
    "pace": "Pace",
    "rounds_cap": "Rounds cap",
    "cooldown": "Cooldown",
    "allowed_channels": "Allowed channels",
    "host_role": "Host role",
    "webhook_mode": "Webhook mode",
    "thread_mode": "Thread mode",
    "history": "History",
}
assert tuple(_LABELS) == SETTING_NAMES


def _ids(text: str) -> list[int]:
    found = [int(a or b) for a, b in _ID.findall(text)]
    if not found or _ID.sub("", text).strip(" ,"):
        raise UsageError("name channels or roles by mention or id, separated by commas")
    return found


def parse_value(name: str, text: str, guild: discord.Guild) -> Any:
    """What a member typed as the value ``check_setting`` takes; only this server's channels and roles."""
    text = text.strip()
    word = text.casefold()
    try:
        if name in ("pace", "cooldown"):
            return float(text)
        if name == "rounds_cap":
            return int(text)
    except ValueError:
        raise UsageError(f"{name} must be a number, e.g. 3") from None
    if name == "allowed_channels":
        if word in _NOTHING:
            return ()
        unknown = [i for i in _ids(text) if guild.get_channel(i) is None]
        if unknown:
            raise UsageError(f"no channel with id {unknown[0]} on this server")
        return tuple(_ids(text))
    if name == "host_role":
        if word in _NOTHING:
            return None
        (role_id, *more) = _ids(text)
        if more or guild.get_role(role_id) is None:
            raise UsageError("host_role must be one role of this server (a mention or id), or none")
        return role_id
    if name == "history":
        if word not in _ON | _OFF:
            raise UsageError("history must be on or off")
        return word in _ON
    return word


def _shown(name: str, value: Any) -> str:
    if name in ("pace", "cooldown"):
        return f"{value:g} s" + (" between posts" if name == "pace" else " between two /debate requests per member")
    if name == "rounds_cap":
        return f"{value} round(s) per debate at most"
    if name == "allowed_channels":
        return ", ".join(f"<#{i}>" for i in value) if value else "every channel"
    if name == "host_role":
        return f"<@&{value}> may stop any round" if value else "none"
    if name == "history":
        return "on: finished rounds are stored" if value else "off: nothing is stored"
    return str(value)


def settings_text(settings: GuildSettings, disabled: bool = False) -> str:
    lines = ["## This server's settings"]
    lines += [f"- **{label}**: {_shown(name, getattr(settings, name))}" for name, label in _LABELS.items()]
    if disabled:
        lines.append("_History is disabled until the bot restarts: its database failed (logged)._")
    return "\n".join(lines) + "\n"


def history_text(rounds: list[StoredRound], names: dict[str, str]) -> str:
    if not rounds:
        return "No rounds are stored for this server yet."
    lines = ["## Recent debate rounds on this server"]
    for stored in rounds:
        r = stored.round
        who = ", ".join(escape(names.get(f, f)) for f in r.figures) or "nobody"
        when = int(r.started_at.timestamp())
        lines.append(
            f"- **#{stored.id}** “{escape(r.topic)}” in <#{r.channel_id}>, <t:{when}:f>, "
            f"started by <@{r.starter_id}>: {who} ({escape(r.ended_how)})"
        )
    lines.append("_`/transcript id` posts one again._")
    return "\n".join(lines) + "\n"


SETTING_CHOICES = [app_commands.Choice(name=label, value=name) for name, label in _LABELS.items()]


class SettingsCog(commands.Cog):
    settings = app_commands.Group(name="settings", description="This server's debate settings", guild_only=True)

    def __init__(self, bot: commands.Bot):
        self.bot = bot

    def _store(self) -> Store:
        store = getattr(self.bot, "store", None)
        if store is None:
            raise UsageError("this bot keeps no settings or history (it runs without a database)")
        return store

    def _disabled(self) -> bool:
        return bool(getattr(self._store(), "disabled", False))

    @settings.command(name="show", description="This server's debate settings")
    async def show(self, interaction: discord.Interaction) -> None:
        current = await self._store().settings(interaction.guild_id)  # type: ignore[arg-type]
        await reply(interaction, text_messages(settings_text(current, self._disabled())), ephemeral=True)

    @requires(manage_guild=True)
    @settings.command(name="set", description="Change one of this server's debate settings")
    @app_commands.describe(setting="Which setting, e.g. Pace", value="Its new value, e.g. 3")
    @app_commands.choices(setting=SETTING_CHOICES)
    async def set_(
        self,
        interaction: discord.Interaction,
        setting: app_commands.Choice[str],
        value: app_commands.Range[str, 1, 300],
    ) -> None:
        assert interaction.guild is not None  # guild_only
        parsed = parse_value(setting.value, value, interaction.guild)
        changed = await self._store().update_settings(interaction.guild.id, **{setting.value: parsed})
        shown = _shown(setting.value, getattr(changed, setting.value))
        kept = " It holds until the bot restarts: the database failed (logged)." if self._disabled() else ""
        await reply(interaction, text_messages(f"**{setting.name}** is now: {shown}.{kept}"), ephemeral=True)

    @requires(manage_guild=True)
    @settings.command(name="reset", description="Put every debate setting of this server back to the default")
    async def reset(self, interaction: discord.Interaction) -> None:
        current = await self._store().reset_settings(interaction.guild_id)  # type: ignore[arg-type]
        await reply(interaction, text_messages(settings_text(current, self._disabled())), ephemeral=True)

    @app_commands.command(name="history", description="This server's recent debate rounds")
    @app_commands.guild_only()
    async def history(self, interaction: discord.Interaction) -> None:
        rounds = await self._store().recent_rounds(interaction.guild_id, HISTORY_SHOWN)  # type: ignore[arg-type]
        loaded = getattr(self.bot, "loaded", None)
        names = {p.id: p.name for p in loaded.data.personas} if loaded is not None else {}
        text = history_text(rounds, names)
        if self._disabled():
            text += "_History is disabled until the bot restarts: its database failed (logged)._\n"
        await reply(interaction, text_messages(text), ephemeral=True)

    @app_commands.command(name="transcript", description="Post a stored round's transcript again, as a file")
    @app_commands.describe(id="The round's number from /history, e.g. 1")
    @app_commands.guild_only()
    async def transcript(self, interaction: discord.Interaction, id: app_commands.Range[int, 1]) -> None:
        stored = await self._store().get_round(interaction.guild_id, id)  # type: ignore[arg-type]
        if stored is None or stored.transcript is None:  # another server's round is simply not there
            raise UsageError(f"no stored round #{id} on this server; /history lists them")
        r = stored.round
        message = MessageSpec(
            content=f"_Transcript of round #{stored.id}, “{escape(r.topic)}” ({escape(r.ended_how)}), attached._",
            attachment=(f"debate-{stored.id}.md", stored.transcript),
        )
        await reply(interaction, [message])

    @app_commands.command(name="forget-my-rounds", description="Delete the stored rounds you started on this server")
    @app_commands.guild_only()
    async def forget_mine(self, interaction: discord.Interaction) -> None:
        count = await self._store().delete_user_rounds(interaction.user.id, interaction.guild_id)
        await reply(interaction, text_messages(f"Deleted {count} stored round(s) you started here."), ephemeral=True)

    @requires(manage_guild=True)
    @app_commands.command(name="clear-history", description="Delete every stored round of this server")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def clear_history(self, interaction: discord.Interaction) -> None:
        count = await self._store().delete_guild_rounds(interaction.guild_id)  # type: ignore[arg-type]
        await reply(interaction, text_messages(f"Deleted {count} stored round(s) of this server."), ephemeral=True)
