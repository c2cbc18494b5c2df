"""Hostile free text through the engine, the renderers, the payloads and the command handlers.

Whatever a user types (control characters, zero-width and right-to-left marks, emoji, Markdown,
code fences, @everyone, mention syntax, URLs, very long strings): nothing raises, every message fits
Discord's limits, nothing can mention anyone, and the echoed topic stays one inert line.
"""

from __future__ import annotations

import asyncio
import re
from types import SimpleNamespace
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main as cli_main
from bot.discord_app.cog import DebateCog
from bot.discord_app.cog_query import QueryCog
from bot.discord_app.loaded import load
from bot.discord_app.main import command_payloads
from bot.discord_app.payloads import MessageSpec, Payloads, text_messages, within_limits
from bot.discord_app.settings import Settings
from bot.discord_app.store import GuildSettings
from bot.discord_app.tree import explain_error
from bot.errors import UsageError
from bot.query import MAX_TOPIC_LENGTH, check_topic
from bot.render import Renderer, escape
from bot.verify import MAX_LENGTH as VERIFY_LIMIT
from tests.e2e.checks import limit_problems

FRAGMENTS = [
    "@everyone", "@here", "<@123456789012345678>", "<@!42>", "<@&987654321>", "<#123456>", "</ask:1>",
    "<t:0:R>", "<:emoji:1>", "```py\nprint(1)\n```", "`", "**", "__", "~~", "||", "> ", "# ", "-# ", "1. ",
    "[click](https://evil.example)", "https://evil.example/?q=@everyone", "www.evil.example", "\u200b",
    "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\u2069", "\u061c", "\ufeff", "\x00", "\x1b[31m", "\r\n",
    "\u2028", "\x85", "😀", "👨‍👩‍👧", "🇺🇸", "e\u0301", "赢政天下", "مرحبا", "\\", "@", "<", ">", ":", "regulation",
    "open source", "musk", ",",
]  # fmt: skip
_any_char = st.characters(blacklist_categories=("Cs",))  # lone surrogates cannot come from Discord's JSON
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(_any_char, max_size=12)), max_size=25).map("".join)
very_long = st.builds(lambda part, n: (part * n)[:8000], hostile.filter(bool), st.integers(20, 400))
user_text = st.one_of(hostile, very_long)

MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>|</[^>\s]+:\d+>")
INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def texts(message: MessageSpec) -> list[str]:
    """Everything a reader sees of a message."""
    shown = [message.content or "", message.username or ""]
    for e in message.embeds:
        shown += [e.description, e.title or "", e.author or "", e.footer or ""]
        shown += [part for field in e.fields for part in field]
    return shown


def assert_safe(messages: list[MessageSpec]) -> None:
    assert messages
    for message in messages:
        assert within_limits(message) == []
        for text in texts(message):
            assert not MENTION.search(text), text


def assert_inert_line(echoed: str) -> None:
    """The topic as echoed: one line, no mention, no link, no unescaped Markdown, nothing that flips the line."""
    assert "\n" not in echoed and "\r" not in echoed and "\u2028" not in echoed
    assert not MENTION.search(echoed) and "://" not in echoed
    assert not re.search(r"(?<!\\)[*_`~|<>\[\]]", echoed)
    assert not INVISIBLE.search(echoed)


@pytest.fixture(scope="module")
def payloads(data) -> Payloads:
    return Payloads(Renderer(data))


@PROPERTY
@given(user_text)
def test_escaped_user_text_is_one_inert_line(text: str) -> None:
    assert_inert_line(escape(text))


@PROPERTY
@given(user_text)
def test_any_topic_is_accepted_or_refused_in_one_clear_sentence(text: str) -> None:
    try:
        topic = check_topic(text)
    except UsageError as exc:
        assert "topic is empty" in str(exc) or f"the limit is {MAX_TOPIC_LENGTH}" in str(exc)
        return
    assert 1 <= len(topic) <= MAX_TOPIC_LENGTH


@PROPERTY
@given(user_text)
def test_every_answer_to_any_topic_fits_and_pings_nobody(payloads: Payloads, ranker, planner, text: str) -> None:
    try:
        topic = check_topic(text)
    except UsageError as exc:  # what the user is told instead, through the command tree
        error = app_commands.CommandInvokeError(MagicMock(), exc)
        assert_safe(text_messages(explain_error(error)))
        return
    result = ranker.ask(topic)
    heading = payloads.ask(result)[0].content
    assert heading == f"## Who said what on “{escape(topic)}”"  # the topic shows only in its escaped form
    assert_inert_line(escape(topic))
    messages = payloads.ask(result) + [m for s in result.stances[:3] for m in payloads.stance(s)]
    plan = planner.debate(topic, None, 3)
    if plan.participants:
        for webhook in (False, True):
            messages += [m for step in payloads.debate_steps(plan, webhook) for m in step.messages]
    else:
        messages += payloads.nobody(plan)
    assert_safe(messages)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile)
def test_the_cli_answers_or_refuses_in_one_line(capsys, text: str) -> None:
    code = cli_main(["ask", text])
    out, err = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and err.startswith("debate-cli: error: ")
    else:
        assert "Who said what on" in out and "Traceback" not in err


def test_the_cli_names_the_topic_limit(capsys) -> None:
    assert cli_main(["ask", "x" * (MAX_TOPIC_LENGTH + 1)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"debate-cli: error: the topic is {MAX_TOPIC_LENGTH + 1} characters long; the limit is {MAX_TOPIC_LENGTH}"
    )


def test_every_free_text_option_has_a_maximum_length() -> None:
    """Discord itself refuses an over-long value, so no handler ever sees one."""
    options = [(c["name"], o) for c in asyncio.run(command_payloads()) for o in c.get("options", [])]
    strings = {f"{name}.{o['name']}": o.get("max_length") for name, o in options if o["type"] == 3}
    assert strings["ask.topic"] == strings["stance.topic"] == strings["debate.topic"] == MAX_TOPIC_LENGTH
    assert strings.pop("verify.text") == VERIFY_LIMIT  # a pasted quote may be long, but not unbounded
    assert all(limit is not None and limit <= 300 for limit in strings.values()), strings


# --- the command handlers, with mocked interactions ------------------------------------------


@pytest.fixture(scope="module")
def cog() -> SimpleNamespace:
    """The command handlers, by name, with the bot they see; the stance map is drawn elsewhere (test_stancemap)."""
    bot = SimpleNamespace(
        settings=Settings(token=None, pace=0),
        loaded=load(),
        user=SimpleNamespace(id=1),
        store=None,
        guild_settings=AsyncMock(return_value=GuildSettings()),
    )
    rounds, query = DebateCog(bot), QueryCog(bot)  # type: ignore[arg-type]
    rounds._stance_map = AsyncMock(return_value=None)  # type: ignore[method-assign]
    return SimpleNamespace(rounds=rounds, query=query)


def interaction() -> MagicMock:
    inter = MagicMock(spec=discord.Interaction)
    inter.id, inter.guild_id, inter.channel_id = 123456789, 1, 10
    inter.user = SimpleNamespace(id=2, display_name="Ann")
    inter.app_permissions = discord.Permissions(send_messages=True, embed_links=True, attach_files=True)
    inter.channel = MagicMock(spec=discord.TextChannel, id=10)
    inter.response = MagicMock()
    inter.response.is_done.return_value = False
    inter.response.send_message = AsyncMock()
    inter.response.defer = AsyncMock(side_effect=lambda **_: inter.response.is_done.configure_mock(return_value=True))
    inter.followup = MagicMock(send=AsyncMock())
    inter.edit_original_response = AsyncMock()
    return inter


def sent_bodies(inter: MagicMock) -> list[dict]:
    """What went to Discord, as the JSON body of each message."""
    calls = [*inter.response.send_message.await_args_list, *inter.followup.send.await_args_list]
    calls += inter.edit_original_response.await_args_list
    bodies = []
    for call in calls:
        kwargs = call.kwargs
        bodies.append(
            {
                "content": kwargs.get("content"),
                "embeds": [e.to_dict() for e in kwargs.get("embeds", [])],
                "allowed_mentions": kwargs["allowed_mentions"].to_dict(),
            }
        )
    return bodies


async def run_handler(cogs: SimpleNamespace, command: str, *args) -> list[dict]:
    inter = interaction()
    cog = cogs.rounds if command == "debate" else cogs.query
    try:
        await getattr(cog, command).callback(cog, inter, *args)
    except UsageError as exc:  # the tree turns it into a short ephemeral reply
        told = explain_error(app_commands.CommandInvokeError(MagicMock(), exc))
        assert_safe(text_messages(told))
        return []
    bodies = sent_bodies(inter)
    assert bodies
    for body in bodies:
        assert body["allowed_mentions"] == {"parse": []}  # nobody, not even a replied-to user
        assert not limit_problems(body)
        shown = [body["content"] or ""] + [e.get("description", "") + e.get("title", "") for e in body["embeds"]]
        assert not any(MENTION.search(s) for s in shown), shown
    return bodies


@PROPERTY
@given(hostile.filter(lambda t: len(t) <= 300), hostile)
async def test_handlers_answer_any_input_safely(cog: SimpleNamespace, figure: str, topic: str) -> None:
    topic = topic[:MAX_TOPIC_LENGTH]  # Discord enforces the option's maximum length
    await run_handler(cog, "ask", topic, False)
    await run_handler(cog, "stance", figure[:100], topic)
    await run_handler(cog, "verify", topic + " " + figure, figure[:100] or None)
    started: list = []
    cog.rounds.rounds.start = lambda round_, poster, steps: started.append(steps)  # type: ignore[method-assign]
    for body in await run_handler(cog, "debate", topic, figure or None, 3, False):
        assert "@everyone" not in (body["content"] or "")
    for steps in started:
        assert_safe([m for step in steps for m in step.messages])
    assert len(cog.rounds.rounds) == 0  # no reservation is left behind, whatever happened
