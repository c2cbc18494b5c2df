"""Secrets and permissions: owner-only /reload (keeping the old data when the new is invalid), /stop
rules, the token absent from everything the bot sent, and .env kept out of git."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from pathlib import Path

import pytest

from .checks import EPHEMERAL, TOPIC
from .standin import ADMINISTRATOR, BASIC_BOT_PERMISSIONS, OWNER_ID, TOKEN, USER_ID, DiscordStandIn

ROOT = Path(__file__).resolve().parents[2]


async def told(standin: DiscordStandIn, name: str, options: dict | None = None, **kwargs) -> list[dict]:
    """Every message the user saw for one command: the response, then its follow-ups, in order."""
    interaction = await standin.interact(name, options, **kwargs)
    await standin.wait_until(lambda: interaction.answered)
    callback = standin.requests("POST", rf"/interactions/{interaction.id}/[^/]+/callback")[0].body
    if callback["type"] == 5:  # deferred: the answer comes as a follow-up
        path = rf"/webhooks/\d+/{interaction.token}"
        await standin.wait_until(lambda: bool(standin.requests("POST", path)))
        return [c.body for c in standin.requests("POST", path)]
    return [callback["data"]]


@pytest.fixture
def data_dirs(data_copy, monkeypatch) -> tuple[Path, Path]:
    """The bot reads its data from writable copies, so a test can break them under a running bot."""
    seeds, personas = data_copy
    monkeypatch.setenv("DEBATE_SEEDS", str(seeds))
    monkeypatch.setenv("DEBATE_PERSONAS", str(personas))
    return seeds, personas


async def test_reload_keeps_serving_the_old_data_when_the_new_is_invalid(
    data_dirs, standin: DiscordStandIn, running_bot
) -> None:
    _, personas = data_dirs
    musk = personas / "musk.yaml"
    good = musk.read_text(encoding="utf-8")
    musk.write_text(good.replace("which violates its original promise.", "which betrays us all."), encoding="utf-8")
    (answer,) = await told(standin, "reload", user_id=OWNER_ID, member_permissions=ADMINISTRATOR)
    assert answer["flags"] & EPHEMERAL
    assert answer["content"].startswith("Kept the current data: the new data has 1 problem(s).")
    # The reason, readable: folder/file:line: field: what (Markdown-escaped, so the field's brackets show).
    line = next(n for n, text in enumerate(good.splitlines(), 1) if "which violates its original" in text)
    assert f"\n- personas/musk.yaml:{line}: positions\\[1\\].text: " in answer["content"]
    assert "not in this article" in answer["content"] or "does not match" in answer["content"]
    # Still serving the data it had: Musk's real words, not the broken edit.
    (stance,) = await told(standin, "stance", {"figure": "musk", "topic": "open source"}, user_id=OWNER_ID)
    shown = "".join(e["description"] for e in stance["embeds"])
    assert "violates its original promise" in shown and "betrays" not in shown
    musk.write_text(good, encoding="utf-8")
    (fixed,) = await told(standin, "reload", user_id=OWNER_ID, member_permissions=ADMINISTRATOR)
    assert fixed["content"].startswith("Reloaded: 1 article(s), 8 figures")


async def test_owner_only_commands_refuse_even_an_administrator(
    data_dirs, standin: DiscordStandIn, running_bot
) -> None:
    before = running_bot.loaded
    (answer,) = await told(standin, "reload", user_id=USER_ID, member_permissions=ADMINISTRATOR)
    assert answer["flags"] & EPHEMERAL and answer["content"] == "Only the bot's owner can reload its data."
    assert running_bot.loaded is before


@pytest.mark.parametrize(
    ("who", "permissions", "allowed"),
    [(USER_ID, BASIC_BOT_PERMISSIONS, True), (USER_ID + 1, ADMINISTRATOR, True), (USER_ID + 1, 0, False)],
    ids=["the starter", "an administrator", "anyone else"],
)
async def test_stop_is_for_the_starter_or_manage_messages(
    standin: DiscordStandIn, running_bot, who: int, permissions: int, allowed: bool
) -> None:
    standin.hold = asyncio.Event()  # keep the round running until /stop
    await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: standin.held >= 1)
    (answer,) = await told(standin, "stop", user_id=who, member_permissions=permissions)
    standin.hold.set()
    if allowed:
        assert answer["content"] == "Stopped the debate on “open source”." and answer["flags"] & EPHEMERAL
    else:
        assert answer["flags"] & EPHEMERAL and "Manage Messages" in answer["content"]
        await standin.interact("stop", user_id=USER_ID)  # the starter ends it, so nothing is left running
    cog = running_bot.cogs["DebateCog"]
    await standin.wait_until(lambda: len(cog.rounds) == 0)


async def test_nothing_the_bot_sent_holds_the_token(standin: DiscordStandIn, running_bot) -> None:
    """Posts, transcripts, errors shown to users: a full round and an error, then every recorded body."""
    await told(standin, "stance", {"figure": "nobody-at-all", "topic": "x"})
    interaction = await standin.interact("debate", {"topic": TOPIC}, app_permissions=BASIC_BOT_PERMISSIONS)
    await standin.wait_until(lambda: interaction.answered and len(running_bot.cogs["DebateCog"].rounds) == 0)
    assert standin.calls
    for call in standin.calls:
        assert TOKEN not in repr(call.body) and all(TOKEN.encode() not in f for f in call.files.values())
        assert TOKEN not in call.path and TOKEN not in repr(call.query)


def test_dot_env_is_ignored_by_git() -> None:
    if shutil.which("git") and (ROOT / ".git").exists():
        ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=ROOT, check=False)
        assert ignored.returncode == 0, ".env would be committed"
    else:
        assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert "\nDISCORD_TOKEN=\n" in example  # the template carries no token
