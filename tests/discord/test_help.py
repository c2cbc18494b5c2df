"""/help as a member reads it: every command of the tree, one example each, who may use it."""

from __future__ import annotations

import discord
import pytest
from discord import app_commands

from bot.discord_app.help import help_entries, help_text


@pytest.fixture
def tree() -> app_commands.CommandTree:
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))

    @tree.command(name="ask", description="Every figure's sourced stance on a topic")
    @app_commands.describe(topic="What about, e.g. open source")
    async def ask(interaction: discord.Interaction, topic: str) -> None: ...

    @tree.command(name="source", description="An article paragraph")
    async def source(interaction: discord.Interaction, paragraph: app_commands.Range[int, 1, 99]) -> None: ...

    @tree.command(name="verify", description="Check a quote", extras={"example": "/verify text:safety comes first"})
    async def verify(interaction: discord.Interaction, text: str, figure: str | None = None) -> None: ...

    @tree.command(name="pace", description="Pick a pace")
    @app_commands.choices(speed=[app_commands.Choice(name="slow", value=5), app_commands.Choice(name="fast", value=1)])
    async def pace(interaction: discord.Interaction, speed: app_commands.Choice[int]) -> None: ...

    settings = app_commands.Group(
        name="settings",
        description="This server's settings",
        default_permissions=discord.Permissions(manage_guild=True),
    )

    @settings.command(name="show", description="Show the settings")
    async def show(interaction: discord.Interaction) -> None: ...

    @settings.command(name="set", description="Change a setting")
    @app_commands.describe(pace="Seconds between posts, e.g. 3")
    async def set_(interaction: discord.Interaction, pace: float) -> None: ...

    tree.add_command(settings)

    @tree.context_menu(name="Check this quote")
    async def menu(interaction: discord.Interaction, message: discord.Message) -> None: ...

    return tree


def test_every_slash_command_is_listed_with_an_example(tree):
    entries = {e.command: e for e in help_entries(tree.get_commands())}
    assert sorted(entries) == ["/ask", "/pace", "/settings set", "/settings show", "/source", "/verify"]
    assert entries["/ask"].example == "/ask topic:open source"  # from the option's own "e.g."
    assert entries["/source"].example == "/source paragraph:1"  # the lowest allowed number
    assert entries["/verify"].example == "/verify text:safety comes first"  # the command's own
    assert entries["/pace"].example == "/pace speed:slow"  # its first choice
    assert entries["/settings set"].example == "/settings set pace:3"
    assert entries["/settings show"].example == "/settings show"


def test_who_may_use_a_command_comes_from_its_permissions(tree):
    entries = {e.command: e for e in help_entries(tree.get_commands())}
    assert entries["/settings set"].permission == "Manage Server"
    assert entries["/ask"].permission is None


def test_the_help_text_shows_each_command_once(tree):
    text = help_text(tree)
    assert text.startswith("## Commands\n")
    assert text.count("- **/") == 6 and "Check this quote" not in text
    assert "- **/settings set**: Change a setting _(needs Manage Server)_\n  e.g. `/settings set pace:3`" in text


async def test_the_bots_own_tree_is_covered():
    from bot.discord_app.client import EXTENSION, make_bot
    from bot.discord_app.settings import Settings

    bot = make_bot(Settings(token=None), None)  # type: ignore[arg-type]
    async with bot:
        await bot.load_extension(EXTENSION)
        text = help_text(bot.tree)
        names = [command.name for command in bot.tree.get_commands()]
    assert names and all(f"- **/{name}" in text for name in names)
    assert "e.g. `/ask topic:open source`" in text


def test_a_run_time_permission_check_on_a_subcommand_is_shown():
    """Discord hides a command by default_member_permissions only at the top level: /settings set, beside
    /settings show for everyone, is checked at run time, and /help says so."""
    from bot.discord_app.tree import requires

    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    group = app_commands.Group(name="settings", description="Settings")

    @requires(manage_guild=True)
    @group.command(name="set", description="Change a setting")
    async def set_(interaction: discord.Interaction) -> None: ...

    @group.command(name="show", description="Show the settings")
    async def show(interaction: discord.Interaction) -> None: ...

    tree.add_command(group)
    entries = {e.command: e for e in help_entries(tree.get_commands())}
    assert entries["/settings set"].permission == "Manage Server" and entries["/settings show"].permission is None
    assert len(set_.checks) == 1  # and the check itself runs


def test_a_servers_own_commands_are_listed_beside_the_global_ones_once(tree):
    """Reported while wiring /help: asked in a server, it listed only that server's own commands, which in
    production (global commands only) is none of them."""
    guild = discord.Object(42)
    assert "- **/ask**" in help_text(tree, guild)
    tree.copy_global_to(guild=guild)  # as a development server has them

    @tree.command(name="reload", description="Owner only", guild=guild)
    async def reload(interaction: discord.Interaction) -> None: ...

    text = help_text(tree, guild)
    assert text.count("- **/ask**") == 1 and "- **/reload**" in text
    assert "- **/reload**" not in help_text(tree)
