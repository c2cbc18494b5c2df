"""Autocomplete for every cog: figures (fuzzy, aliases), articles and topics (rules and this server's recent ones).

Plain functions of ``(interaction, current)``: discord.py calls them unbound, so one definition serves every
command that takes the option.
"""

from __future__ import annotations

import contextlib

import discord
from discord import app_commands

from ..data.personas import Persona
from ..errors import UsageError
from ..suggest import topic_suggestions
from .loaded import Loaded

RECENT_TOPICS = 25


def _loaded(interaction: discord.Interaction) -> Loaded:
    return interaction.client.loaded  # type: ignore[attr-defined]


def known_figures(loaded: Loaded, names: list[str]) -> list[Persona]:
    known = []
    for name in names:
        with contextlib.suppress(UsageError):
            known.append(loaded.data.resolve(name.strip()))
    return known


def _figure_choices(
    loaded: Loaded, current: str, prefix: str = "", chosen: frozenset[str] = frozenset()
) -> list[app_commands.Choice[str]]:
    choices = []
    for p in loaded.data.suggest(current, limit=25):
        value = prefix + p.id
        if p.id not in chosen and len(value) <= 100:
            choices.append(app_commands.Choice(name=f"{p.name} · {p.role}"[:100], value=value))
    return choices


async def figure(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    return _figure_choices(_loaded(interaction), current)


async def figures(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Complete the last name of a comma-separated list, keeping the ones before it."""
    loaded = _loaded(interaction)
    head, _, last = current.rpartition(",")
    chosen = {p.id for p in known_figures(loaded, head.split(","))}  # offering them again would make "musk,musk"
    return _figure_choices(loaded, last.strip(), prefix=f"{head}," if head else "", chosen=frozenset(chosen))


async def article(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    articles = _loaded(interaction).data.articles.values()
    return [
        app_commands.Choice(name=a.title[:100], value=a.id)
        for a in articles
        if current.casefold() in (a.id + a.title).casefold()
    ][:25]


async def topic(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """The topic rules' names and this server's recent topics (never another server's), fuzzy-matched."""
    store = getattr(interaction.client, "store", None)
    recent: list[str] = []
    if store is not None and interaction.guild_id is not None:
        recent = await store.recent_topics(interaction.guild_id, RECENT_TOPICS)
    rules = _loaded(interaction).data.lexicon.topics.values()
    return [app_commands.Choice(name=s.name, value=s.value) for s in topic_suggestions(current, rules, recent)]
