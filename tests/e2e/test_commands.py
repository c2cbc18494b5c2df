"""Every slash command through the real client and the stand-in: answered in time, within limits, no pings."""

from __future__ import annotations

import pytest

from .checks import assert_every_post_is_safe
from .standin import BASIC_BOT_PERMISSIONS, GUILD_ID, DiscordStandIn

EPHEMERAL = 64


async def answer(standin: DiscordStandIn, name: str, options: dict | None = None, **kwargs) -> dict:
    """Run a command and return the body of its interaction response."""
    interaction = await standin.interact(name, options, **kwargs)
    await standin.wait_until(lambda: interaction.answered)
    callback = standin.requests("POST", rf"/interactions/{interaction.id}/[^/]+/callback")
    assert [c.status for c in callback] == [200] or [c.status for c in callback] == [204]
    return callback[0].body


def shown_text(body: dict) -> str:
    embeds = body.get("embeds") or []
    return (body.get("content") or "") + "".join((e.get("title") or "") + (e.get("description") or "") for e in embeds)


async def test_commands_are_synced_to_the_dev_guild_only_on_start(standin: DiscordStandIn, running_bot) -> None:
    assert standin.gateway.identifies == 1
    synced = standin.requests("PUT", rf"/applications/\d+/guilds/{GUILD_ID}/commands")
    assert len(synced) == 1
    assert {c["name"] for c in synced[0].body} == {
        "figures",
        "stance",
        "ask",
        "debate",
        "stop",
        "source",
        "about",
        "reload",
        "verify",
        "help",
        "settings",
        "history",
        "transcript",
        "forget-my-rounds",
        "clear-history",
    }
    assert not standin.requests("PUT", r"/applications/\d+/commands")  # global sync only on `debate-bot sync`
    # /reload is registered only in the owner's (development) guild, so nobody elsewhere even sees it.
    (reload,) = [c for c in synced[0].body if c["name"] == "reload"]
    assert str(reload["default_member_permissions"]) == "8"  # and only its administrators see it there


@pytest.mark.parametrize(
    ("name", "options", "shown"),
    [
        ("figures", None, "Elon Musk"),
        ("stance", {"figure": "musk", "topic": "regulation"}, "regulators to intervene"),
        ("stance", {"figure": "lecun", "topic": "regulation"}, "No sourced stance from Yann LeCun"),
        ("ask", {"topic": "open source", "map": False}, "Open-source camp"),  # with the map: test_query_extras
        ("source", {"paragraph": 7}, "regulators to intervene"),
        ("about", None, "verbatim"),
    ],
)
async def test_each_command_answers_publicly_in_time(
    standin: DiscordStandIn, running_bot, name: str, options: dict | None, shown: str
) -> None:
    body = await answer(standin, name, options)
    assert body["type"] == 4
    data = body["data"]
    followups = [c.body for c in standin.requests("POST", r"/webhooks/\d+/[^/]+")]
    text = "".join(shown_text(b) for b in [data, *followups])
    assert shown in text
    assert not data.get("flags", 0) & EPHEMERAL
    assert assert_every_post_is_safe(standin) >= 1


async def test_user_text_is_echoed_inert(standin: DiscordStandIn, running_bot) -> None:
    body = await answer(standin, "ask", {"topic": "@everyone **open** source <@123>", "map": False})
    content = body["data"]["content"]
    assert "@everyone" not in content and "@\u200beveryone" in content
    assert "**open**" not in content and "<@123>" not in content
    assert_every_post_is_safe(standin)


async def test_unknown_figure_gets_an_ephemeral_did_you_mean(standin: DiscordStandIn, running_bot) -> None:
    body = await answer(standin, "stance", {"figure": "muks", "topic": "regulation"})
    assert body["data"]["flags"] & EPHEMERAL
    assert "did you mean" in body["data"]["content"] and "musk" in body["data"]["content"]


async def test_figure_autocomplete_is_fuzzy(standin: DiscordStandIn, running_bot) -> None:
    body = await answer(standin, "stance", {"figure": "lecnu", "topic": ""}, kind=4, focused="figure")
    assert body["type"] == 8
    assert body["data"]["choices"][0]["value"] == "lecun"


async def test_stop_without_a_round_and_reload_by_a_stranger_are_refused(standin: DiscordStandIn, running_bot) -> None:
    stop = await answer(standin, "stop")
    assert stop["data"]["flags"] & EPHEMERAL and "no debate round" in stop["data"]["content"]
    reload = await answer(standin, "reload", member_permissions=BASIC_BOT_PERMISSIONS)
    assert reload["data"]["flags"] & EPHEMERAL and "owner" in reload["data"]["content"]


async def test_a_stale_command_is_explained_and_logged_as_a_warning(
    standin: DiscordStandIn, running_bot, caplog
) -> None:
    """Reported: a command Discord still shows but the bot no longer has was an error with a traceback."""
    stale = await standin.interact("verify-old", {"topic": "x"})
    await standin.wait_until(lambda: stale.settled)
    assert stale.seen() == [(False, "That command is no longer available; it will disappear after the next sync.")]
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    assert any("debate-bot sync" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
