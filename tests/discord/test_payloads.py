"""The Discord-free payloads: every message within limits, nothing anyone said ever cut, user text inert."""

from __future__ import annotations

import asyncio
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.discord_app.main import command_payloads
from bot.discord_app.payloads import CONTENT_LIMIT, Payloads, split_text, within_limits
from bot.render import Renderer

TOPICS = ["open source", "regulation", "safety", "monopoly", "cooking recipes", "@everyone **bold** <@1>"]


@pytest.fixture(scope="module")
def payloads(data) -> Payloads:
    return Payloads(Renderer(data))


def _words(text: str) -> list[str]:
    return re.sub(r"^> ", "", text, flags=re.M).split()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6000), st.integers(40, 2000))
@example("0" * 45, 40)  # one word longer than a chunk (found by hypothesis)
@settings(max_examples=200, deadline=None)
def test_split_text_fits_and_loses_no_word(text: str, limit: int) -> None:
    chunks = split_text(text, limit)
    assert all(len(c) <= limit for c in chunks)
    before, after = _words(text.strip("\n")), _words("\n".join(chunks))
    assert "".join(after) == "".join(before)  # not a character lost, none moved
    if all(len(word) <= limit - 2 for word in before):  # a longer word ("> " prefix aside) has to be cut
        assert after == before


def test_a_long_quote_block_continues_instead_of_being_cut() -> None:
    quote = "> “" + " ".join(f"word{i}" for i in range(800)) + "”\n> — Someone, quoted · ¶1"
    chunks = split_text(quote, CONTENT_LIMIT)
    assert len(chunks) > 1 and all(c.startswith("> ") for c in chunks)
    assert _words("\n".join(chunks)) == _words(quote)


@pytest.mark.parametrize("webhook", [False, True])
@pytest.mark.parametrize("topic", TOPICS)
def test_every_debate_message_fits_discord(payloads: Payloads, planner, topic: str, webhook: bool) -> None:
    for rounds in (1, 3, 6):
        plan = planner.debate(topic, None, rounds)
        for step in payloads.debate_steps(plan, webhook=webhook):
            for message in step.messages:
                assert within_limits(message) == []


def test_each_quote_appears_whole_once_per_turn(payloads: Payloads, planner) -> None:
    plan = planner.debate("open source", None, 3)
    steps = [s for s in payloads.debate_steps(plan) if s.kind == "turn"]
    for step in steps:
        (turn,) = step.turns
        if turn.position is None:
            continue
        shown = "".join(e.description for m in step.messages for e in m.embeds)
        assert turn.position.text.replace("*", "\\*") in shown.replace("\n> ", " ")


def test_webhook_voice_is_labelled_and_never_carries_narration(payloads: Payloads, planner) -> None:
    plan = planner.debate("open source", None, 3)
    for step in payloads.debate_steps(plan, webhook=True):
        for message in step.messages:
            if message.username:
                assert re.search(r" · (quoted|reported) in Winzheng\.com", message.username)
                assert message.content is None
                assert len(message.username) <= 80


def test_turn_embeds_use_the_camp_colour_and_cite_the_publisher(payloads: Payloads, planner) -> None:
    plan = planner.debate("open source", None, 1)
    turn = next(t for t in plan.turns if t.figure is not None)
    (message,) = payloads.turn(turn)
    (embed,) = message.embeds
    assert embed.colour == payloads.data.lexicon.camps[turn.figure.camp].colour
    assert embed.author.startswith(turn.figure.name + " · ")
    assert "Winzheng.com" in embed.footer and f"¶{turn.position.citation.paragraph}" in embed.footer
    assert message.content.startswith("_") and "“" not in message.content  # narration: italic, unquoted


@pytest.mark.parametrize("topic", TOPICS)
def test_one_shot_answers_fit_and_escape_the_topic(payloads: Payloads, ranker, topic: str) -> None:
    result = ranker.ask(topic)
    messages = [*payloads.ask(result), *payloads.figures(), *payloads.about()]
    messages += [m for s in result.stances for m in payloads.stance(s)]
    article = next(iter(payloads.data.articles.values()))
    messages += [m for n in range(1, len(article.paragraphs) + 1) for m in payloads.source(article, n)]
    for message in messages:
        assert within_limits(message) == []
        assert "@everyone" not in (message.content or "")
        assert "<@1>" not in (message.content or "")


def test_nobody_with_a_stance_means_an_honest_abstention(payloads: Payloads, planner) -> None:
    plan = planner.debate("cooking recipes", None, 3)
    assert not plan.participants
    (message,) = payloads.nobody(plan)
    assert "Nobody in this article has a sourced stance" in message.content


NAME = re.compile(r"^[-_\w]{1,32}$")
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2


def _characters(node: dict) -> int:
    """What counts towards Discord's 4000-character limit of one command: names, descriptions, choices."""
    total = len(node["name"]) + len(node.get("description") or "")
    total += sum(len(c["name"]) + len(str(c["value"])) for c in node.get("choices") or [])
    return total + sum(_characters(o) for o in node.get("options") or [])


def _check_options(options: list[dict], where: str) -> None:
    assert len(options) <= 25, where
    names = [o["name"] for o in options]
    assert len(set(names)) == len(names), where
    nested = [o["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP) for o in options]
    assert all(nested) or not any(nested), f"{where}: subcommands beside plain options"
    required = [o.get("required", False) for o in options]
    assert required == sorted(required, reverse=True), where  # required options come first
    for option in options:
        at = f"{where} {option['name']}"
        assert NAME.match(option["name"]) and option["name"] == option["name"].lower(), at
        assert 1 <= len(option["description"]) <= 100, at
        choices = option.get("choices") or []
        assert len(choices) <= 25 and not (choices and option.get("autocomplete")), at
        assert all(1 <= len(c["name"]) <= 100 and len(str(c["value"])) <= 100 for c in choices), at
        assert 0 <= option.get("min_length", 0) <= option.get("max_length", 6000) <= 6000, at
        if option["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP):
            _check_options(option.get("options") or [], at)


def test_dumped_commands_follow_discords_rules() -> None:
    commands = asyncio.run(command_payloads())
    assert len(commands) <= 100
    assert len({c["name"] for c in commands}) == len(commands)
    for command in commands:
        assert NAME.match(command["name"]) and command["name"] == command["name"].lower()
        assert 1 <= len(command["description"]) <= 100
        assert _characters(command) <= 4000, command["name"]
        _check_options(command["options"], command["name"])


def test_the_new_commands_are_dumped_as_members_and_admins_meet_them() -> None:
    commands = {c["name"]: c for c in asyncio.run(command_payloads())}
    assert {"verify", "help", "settings", "history", "transcript", "forget-my-rounds", "clear-history"} <= set(commands)
    # Only administrators see the command that deletes the whole server's history; anyone may ask for /help.
    assert str(commands["clear-history"]["default_member_permissions"]) == "32"  # Manage Server
    assert commands["settings"]["default_member_permissions"] is None  # /settings show is for everyone
    subcommands = {o["name"]: o for o in commands["settings"]["options"]}
    assert set(subcommands) == {"show", "set", "reset"}
    (setting, value) = subcommands["set"]["options"]
    assert [c["value"] for c in setting["choices"]] == [
        "pace",
        "rounds_cap",
        "cooldown",
        "allowed_channels",
        "host_role",
        "webhook_mode",
        "thread_mode",
        "history",
    ]
    ask = {o["name"]: o for o in commands["ask"]["options"]}
    assert ask["map"]["type"] == 5 and not ask["map"].get("required") and ask["topic"]["autocomplete"]
    for name in ("stance", "debate"):
        assert {o["name"]: o for o in commands[name]["options"]}["topic"]["autocomplete"], name
    verify = {o["name"]: o for o in commands["verify"]["options"]}
    assert verify["text"]["required"] and verify["figure"]["autocomplete"]


@pytest.mark.parametrize(
    "name",
    ["Clyde Discordson", "DISCORD", "A" * 60 + " Discord", "Dis\u200bcord Clyde" + "x" * 70],
    ids=["both words", "upper case", "word at the clip", "zero-width already"],
)
def test_webhook_names_pass_discords_rules_after_its_own_stripping(name: str) -> None:
    """Reported: a zero-width space, which Discord strips, "hid" the words; a clipped label could reach 81."""
    from types import SimpleNamespace

    from bot.discord_app.payloads import webhook_username
    from tests.e2e.standin.webhooks import name_problem

    article = SimpleNamespace(publisher="Discord Weekly (赢政天下)")
    username = webhook_username(SimpleNamespace(name=name), "quoted", article)  # type: ignore[arg-type]
    assert name_problem(username) is None, username
    assert len(username) <= 80 and "\u200b" not in username
