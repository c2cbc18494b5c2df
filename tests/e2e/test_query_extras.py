"""/verify, /help, topic autocomplete and the stance map on /ask, as a member sees them in the channel."""

from __future__ import annotations

import io

from PIL import Image

from bot.discord_app.payloads import CONTENT_LIMIT, STANCE_MAP_NAME

from .checks import answered, assert_every_post_is_safe, rounds_recorded, text
from .standin import EPHEMERAL, DiscordStandIn, Interaction

AUTOCOMPLETE = 4


def attachments(interaction: Interaction) -> list[dict]:
    messages = [interaction.original, *interaction.followups]
    return [a for m in messages if m is not None for a in m["attachments"]]


async def test_verify_finds_a_quote_word_for_word_publicly(standin: DiscordStandIn, running_bot) -> None:
    altman = running_bot.loaded.data.resolve("altman")
    quote = altman.positions[0].text
    check = await answered(standin, "verify", {"text": f"“{quote.upper()}”"})
    assert check.seen()[0][0] is True  # public, like /ask
    assert "On record, word for word: Sam Altman, quoted." in text(check)
    assert f"¶{altman.positions[0].citation.paragraph}" in text(check)


async def test_verify_says_whose_words_they_are_and_marks_a_misquote(standin: DiscordStandIn, running_bot) -> None:
    amodei = running_bot.loaded.data.resolve("amodei")
    words = amodei.positions[0].text.split()
    misquote = " ".join(words[:-1] + ["nonsense"])
    check = await answered(standin, "verify", {"text": misquote, "figure": "musk"})
    shown = text(check)
    assert "Not word for word: a near-copy of Dario Amodei's words" in shown
    assert "not Elon Musk's" in shown and "~~nonsense~~" in shown
    invented = await answered(standin, "verify", {"text": "pineapple belongs on every pizza we bake"})
    assert "word for word" not in text(invented) and "near-copy" not in text(invented)


async def test_a_long_verify_answer_is_split_to_fit(standin: DiscordStandIn, running_bot) -> None:
    altman = running_bot.loaded.data.resolve("altman")
    longest = max((p for p in altman.positions), key=lambda p: len(p.text))
    check = await answered(standin, "verify", {"text": (longest.text + " ") * 2})  # repeated: a long claim
    assert all(len(message) <= CONTENT_LIMIT for _, message in check.seen())
    assert assert_every_post_is_safe(standin) >= 1


async def test_verify_refuses_too_few_words_privately(standin: DiscordStandIn, running_bot) -> None:
    check = await answered(standin, "verify", {"text": "open source"})
    assert check.seen() == [(False, "the text has 2 words; paste at least 3 words of the quote")]


async def test_help_lists_every_command_with_an_example_privately(standin: DiscordStandIn, running_bot) -> None:
    help_ = await answered(standin, "help")
    shown = text(help_)
    assert all(not public for public, _ in help_.seen())
    synced = {c["name"] for c in standin.commands["guild"]}
    for name in synced:
        assert f"- **/{name}" in shown, name
    assert "- **/settings set**" in shown and "_(needs Manage Server)_" in shown
    assert shown.count("e.g. `/") == shown.count("- **/")  # one example each
    assert "e.g. `/verify text:" in shown and "e.g. `/ask topic:open source`" in shown


async def choices(standin: DiscordStandIn, command: str, options: dict, focused: str) -> list[dict]:
    interaction = await standin.interact(command, options, kind=AUTOCOMPLETE, focused=focused)
    await standin.wait_until(lambda: interaction.answered)
    (callback,) = standin.requests("POST", rf"/interactions/{interaction.id}/[^/]+/callback")
    return callback.body["data"]["choices"]


async def test_topic_autocomplete_offers_rules_and_this_servers_recent_topics(
    standin: DiscordStandIn, running_bot
) -> None:
    offered = await choices(standin, "ask", {"topic": "regualtion"}, "topic")  # a typo still finds it
    assert offered[0]["name"] == "regulation and government oversight"
    await standin.interact("debate", {"topic": "open source models"})
    await rounds_recorded(running_bot, 1)
    for command in ("ask", "stance", "debate"):
        offered = await choices(standin, command, {"topic": "source model"}, "topic")
        assert {"name": "open source models · recent", "value": "open source models"} in offered, command


async def test_ask_attaches_a_readable_stance_map_unless_asked_not_to(standin: DiscordStandIn, running_bot) -> None:
    ask = await answered(standin, "ask", {"topic": "open source"})
    assert ask.response_type == 5 and ask.original["flags"] == 0  # acknowledged at once, publicly; drawn after
    await standin.wait_until(lambda: bool(attachments(ask)))
    (picture,) = attachments(ask)
    assert picture["filename"] == STANCE_MAP_NAME
    image = Image.open(io.BytesIO(standin.uploads[picture["id"]]))
    assert image.format == "PNG" and image.width >= 800
    plain = await answered(standin, "ask", {"topic": "open source", "map": False})
    await standin.wait_until(lambda: len(plain.followups) == len(ask.followups))  # the credit line came too
    assert attachments(plain) == [] and not plain.original["flags"] & EPHEMERAL


async def test_a_debate_ends_with_its_stance_map_under_the_summary(standin: DiscordStandIn, running_bot) -> None:
    await standin.interact("debate", {"topic": "open source"})
    await rounds_recorded(running_bot, 1)
    posts = standin.channel_posts()
    (with_picture,) = [p for p in posts if any(a["filename"] == STANCE_MAP_NAME for a in p["attachments"])]
    assert "Who stands where" in with_picture["content"]  # the summary it pictures
    assert posts.index(with_picture) == len(posts) - 2  # then the transcript, last
    (picture,) = with_picture["attachments"]
    image = Image.open(io.BytesIO(standin.uploads[picture["id"]]))
    assert image.format == "PNG" and image.width >= 800
