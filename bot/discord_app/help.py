"""/help, generated from the command tree: every command with its description and one example.

Nothing here is written by hand per command, so the help cannot fall behind the commands: an example is
a command's ``extras["example"]`` when it has one, else built from its options (the "e.g. ..." in an
option's description, its first choice, its lowest allowed number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from discord import AppCommandOptionType, Permissions, app_commands

_EXAMPLE = re.compile(r"\be\.g\.\s*([^;,()]+)")
_NUMBERS = (AppCommandOptionType.integer, AppCommandOptionType.number)


@dataclass(frozen=True, slots=True)
class HelpEntry:
    command: str  # "/settings set"
    description: str
    example: str  # "/settings set pace:3"
    permission: str | None  # who may use it, when not everyone ("Manage Server")


def _value(parameter: app_commands.Parameter) -> str:
    if parameter.choices:
        return str(parameter.choices[0].name)
    found = _EXAMPLE.search(parameter.description or "")
    if found:
        return found.group(1).strip().rstrip(".")
    if parameter.type in _NUMBERS:
        return str(int(parameter.min_value) if parameter.min_value is not None else 1)
    if parameter.type is AppCommandOptionType.boolean:
        return "True"
    return f"<{parameter.display_name}>"


def example(command: app_commands.Command) -> str:
    """One way to call ``command``: its own ``extras["example"]``, else its required options filled in."""
    given = command.extras.get("example")
    if given:
        return str(given)
    options = " ".join(f"{p.display_name}:{_value(p)}" for p in command.parameters if p.required)
    return f"/{command.qualified_name} {options}".rstrip()


def _permission(command: app_commands.Command) -> str | None:
    node: app_commands.Command | app_commands.Group | None = command
    while node is not None:  # a subcommand takes its group's default permissions
        permissions = node.default_permissions
        if permissions is not None and permissions.value:
            return _permission_names(permissions)
        node = node.parent
    checked = command.extras.get("permissions")  # a run-time check (tree.requires) on a subcommand
    if checked is not None and checked.value:
        return _permission_names(checked)
    return None


def _permission_names(permissions: Permissions) -> str:
    return ", ".join(name.replace("_", " ").replace("guild", "server").title() for name, on in permissions if on)


def help_entries(commands: Iterable[app_commands.Command | app_commands.Group | object]) -> list[HelpEntry]:
    """Every slash command (a group's subcommands one by one) in name order; context menus are left out."""
    entries = []
    for command in commands:
        if isinstance(command, app_commands.Group):
            entries += help_entries(command.commands)
        elif isinstance(command, app_commands.Command):
            entries.append(
                HelpEntry(
                    command=f"/{command.qualified_name}",
                    description=command.description,
                    example=example(command),
                    permission=_permission(command),
                )
            )
    return sorted(entries, key=lambda entry: entry.command)


def help_text(tree: app_commands.CommandTree, guild: object | None = None) -> str:
    """The /help reply as Markdown (split into messages by the caller when long): the global commands, and
    with ``guild`` that server's own too."""
    commands = {command.name: command for command in tree.get_commands()}
    if guild is not None:  # a server's own commands (the owner's /reload) beside the global ones, each once
        commands.update({command.name: command for command in tree.get_commands(guild=guild)})  # type: ignore[arg-type]
    lines = ["## Commands"]
    for entry in help_entries(commands.values()):
        who = f" _(needs {entry.permission})_" if entry.permission else ""
        lines.append(f"- **{entry.command}**: {entry.description}{who}\n  e.g. `{entry.example}`")
    return "\n".join(lines) + "\n"
