"""The store as the bot relies on it: settings and history survive a restart, in a real SQLite file."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.discord_app.store import (
    DATABASE_ENV,
    SCHEMA_VERSION,
    FallbackStore,
    GuildSettings,
    Round,
    SQLiteStore,
    StoreError,
    check_setting,
    database_path,
)
from bot.errors import UsageError

GUILD, OTHER_GUILD, CHANNEL, ALICE, BOB = 1001, 1002, 2001, 3001, 3002
T0 = datetime(2026, 12, 1, 18, 0, tzinfo=timezone.utc)


def a_round(n: int = 0, guild: int = GUILD, starter: int = ALICE, topic: str = "open source") -> Round:
    return Round(
        guild_id=guild,
        channel_id=CHANNEL,
        starter_id=starter,
        topic=topic,
        figures=("musk", "altman"),
        started_at=T0 + timedelta(minutes=10 * n),
        ended_at=T0 + timedelta(minutes=10 * n + 3),
        ended_how="finished",
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "debate.sqlite3"


@pytest.fixture
async def store(db_path: Path):
    opened = await SQLiteStore.open(db_path)
    yield opened
    await opened.close()


async def test_a_server_that_set_nothing_gets_the_defaults(store):
    assert await store.settings(GUILD) == GuildSettings()
    defaults = GuildSettings()
    assert defaults.history is True and defaults.allowed_channels == () and defaults.host_role is None


async def test_settings_survive_a_restart_and_stay_per_server(db_path, store):
    changed = await store.update_settings(GUILD, pace=0.5, allowed_channels=[CHANNEL, 7], host_role=42, history=False)
    assert changed.pace == 0.5 and changed.allowed_channels == (7, CHANNEL) and changed.history is False
    await store.close()
    reopened = await SQLiteStore.open(db_path)
    try:
        assert await reopened.settings(GUILD) == changed
        assert await reopened.settings(OTHER_GUILD) == GuildSettings()
        assert await reopened.reset_settings(GUILD) == GuildSettings()
        assert await reopened.settings(GUILD) == GuildSettings()
    finally:
        await reopened.close()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("pace", -1),
        ("pace", 99),
        ("pace", "fast"),
        ("rounds_cap", 0),
        ("rounds_cap", 2.5),
        ("cooldown", True),
        ("webhook_mode", "sometimes"),
        ("thread_mode", "yes"),
        ("history", "off"),
        ("allowed_channels", ["x"]),
        ("host_role", -5),
        ("colour", "red"),
        ("pace", float("nan")),
    ],
)
async def test_a_bad_setting_is_one_line_and_changes_nothing(store, name, value):
    before = await store.update_settings(GUILD, thread_mode="never")
    with pytest.raises(UsageError) as error:
        await store.update_settings(GUILD, **{"thread_mode": "always", name: value})
    message = str(error.value)
    assert "\n" not in message and (name in message or "unknown setting" in message)
    assert await store.settings(GUILD) == before  # the valid change beside it was not written either


def test_check_setting_keeps_values_in_their_kind():
    assert check_setting("pace", 1) == 1.0 and isinstance(check_setting("pace", 1), float)
    assert check_setting("rounds_cap", 3.0) == 3 and isinstance(check_setting("rounds_cap", 3.0), int)
    assert check_setting("allowed_channels", (5, 3, 5)) == (3, 5)


async def test_finished_rounds_are_listed_latest_first_and_posted_again_whole(store):
    ids = [await store.record_round(a_round(n, topic=f"topic {n}"), f"# Debate {n}\n") for n in range(3)]
    await store.record_round(a_round(9, guild=OTHER_GUILD), "# elsewhere\n")
    listed = await store.recent_rounds(GUILD)
    assert [r.id for r in listed] == ids[::-1] and all(r.transcript is None for r in listed)
    assert listed[0].round == a_round(2, topic="topic 2")
    one = await store.get_round(GUILD, ids[1])
    assert one.transcript == "# Debate 1\n" and one.round.figures == ("musk", "altman")
    assert one.round.started_at == T0 + timedelta(minutes=10)
    assert await store.get_round(OTHER_GUILD, ids[1]) is None  # another server's round is not reachable
    assert await store.recent_topics(GUILD) == ["topic 2", "topic 1", "topic 0"]
    assert len(await store.recent_rounds(GUILD, limit=2)) == 2


async def test_rounds_ending_at_once_are_all_stored(store):
    ids = await asyncio.gather(*(store.record_round(a_round(n), f"t{n}") for n in range(20)))
    assert len(set(ids)) == 20 and len(await store.recent_rounds(GUILD, limit=50)) == 20


async def test_history_off_stops_storing(store):
    await store.update_settings(GUILD, history=False)
    assert await store.record_round(a_round(), "# not kept\n") is None
    assert await store.recent_rounds(GUILD) == []
    await store.update_settings(GUILD, history=True)
    assert await store.record_round(a_round(), "# kept\n") is not None


async def test_an_admin_deletes_this_servers_rounds_and_a_user_their_own(store):
    for n, starter in enumerate([ALICE, BOB, ALICE]):
        await store.record_round(a_round(n, starter=starter), "t")
    await store.record_round(a_round(5, guild=OTHER_GUILD, starter=ALICE), "t")
    assert await store.delete_user_rounds(ALICE, GUILD) == 2
    assert [r.round.starter_id for r in await store.recent_rounds(GUILD)] == [BOB]
    assert len(await store.recent_rounds(OTHER_GUILD)) == 1
    assert await store.delete_user_rounds(ALICE) == 1  # everywhere
    assert await store.delete_guild_rounds(GUILD) == 1
    assert await store.recent_rounds(GUILD) == [] and await store.recent_rounds(OTHER_GUILD) == []


async def test_a_failed_write_leaves_nothing_half_done(store):
    await store.record_round(a_round(), "t")
    with pytest.raises(StoreError):
        await store._run(_failing_transaction(store))
    assert len(await store.recent_rounds(GUILD)) == 1


async def _failing_transaction(store: SQLiteStore) -> None:
    async with store._transaction():
        await store._db.execute("DELETE FROM rounds")
        await store._db.execute("INSERT INTO no_such_table VALUES (1)")


async def test_an_older_schema_is_migrated_on_open_keeping_its_data(db_path):
    old = await SQLiteStore.open(db_path, upto=1)  # as a bot of schema version 1 left it: settings only
    await old.update_settings(GUILD, pace=4)
    assert await old.version() == 1
    await old.close()
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT name FROM sqlite_master WHERE name = 'rounds'").fetchone() is None
    store = await SQLiteStore.open(db_path)
    try:
        assert await store.version() == SCHEMA_VERSION
        assert (await store.settings(GUILD)).pace == 4
        assert await store.record_round(a_round(), "t") is not None
    finally:
        await store.close()


async def test_a_newer_schema_is_refused_in_one_line(db_path):
    store = await SQLiteStore.open(db_path)
    await store.close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer than this bot's") as error:
        await SQLiteStore.open(db_path)
    assert "\n" not in str(error.value)


async def test_a_corrupt_file_is_one_clear_error(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not a database, it is a note someone saved here\n" * 100)
    with pytest.raises(StoreError) as error:
        await SQLiteStore.open(db_path)
    message = str(error.value)
    assert str(db_path) in message and "not a SQLite database" in message and "\n" not in message


async def test_a_damaged_database_is_one_clear_error(db_path):
    store = await SQLiteStore.open(db_path)
    for n in range(200):
        await store.record_round(a_round(n), "x" * 2000)
    await store.close()
    data = bytearray(db_path.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xff" * (4096 * 4)  # pages in the middle of the file overwritten
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as error:
        await SQLiteStore.open(db_path)
    assert str(db_path) in str(error.value)


async def test_an_unwritable_place_is_one_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open"):
        await SQLiteStore.open(blocker / "debate.sqlite3")  # its folder would have to be inside a file
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(StoreError):
        await SQLiteStore.open(folder)  # a folder where the file should be


async def test_while_running_a_failure_disables_history_with_one_warning(db_path, caplog):
    inner = await SQLiteStore.open(db_path)
    store = FallbackStore(inner)
    await store.update_settings(GUILD, pace=3)
    assert await store.record_round(a_round(), "t") is not None
    await inner.close()  # the database goes away under the running bot
    with caplog.at_level(logging.WARNING):
        assert await store.record_round(a_round(1), "t") is None
        assert await store.recent_rounds(GUILD) == []
        assert (await store.settings(GUILD)).pace == 3  # the last settings read still hold
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert store.disabled and len(warnings) == 1 and "history disabled" in warnings[0].getMessage()
    assert (await store.update_settings(GUILD, pace=1)).pace == 1  # settings still change, in memory
    with pytest.raises(UsageError):
        await store.update_settings(GUILD, pace=-1)


def test_the_path_comes_from_the_environment_else_the_user_data_folder(tmp_path):
    assert database_path({DATABASE_ENV: str(tmp_path / "x.db")}) == tmp_path / "x.db"
    default = database_path({})
    assert default.name == "debate.sqlite3" and "debate-bot" in str(default)


def test_the_pace_limit_is_the_bots_own():
    """A slower pace than the bot's 20 s would let a round outlive its interaction token (15 minutes)."""
    from bot.discord_app.settings import MAX_PACE

    assert check_setting("pace", MAX_PACE) == MAX_PACE
    with pytest.raises(UsageError, match="pace must be between 0 and 20 seconds"):
        check_setting("pace", 25)


async def test_the_deployments_defaults_are_what_an_untouched_server_gets(db_path: Path):
    defaults = GuildSettings(pace=0.5, cooldown=5.0)
    store = await SQLiteStore.open(db_path, defaults=defaults)
    try:
        assert await store.settings(GUILD) == defaults
        changed = await store.update_settings(GUILD, rounds_cap=2)
        assert (changed.pace, changed.rounds_cap) == (0.5, 2)
        assert await store.reset_settings(GUILD) == defaults
        fallback = FallbackStore(store)
        await store.close()  # fails from here on: the fallback answers with the defaults
        assert await fallback.settings(OTHER_GUILD) == defaults
    finally:
        await store.close()
