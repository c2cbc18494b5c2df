"""What the bot keeps between restarts: per-server settings and the history of finished rounds.

``Store`` is the interface the bot uses; ``SQLiteStore`` is the embedded implementation (a file, through
aiosqlite), so a deployment with several shard processes can later put a shared server database behind
the same interface. Every write is one transaction. Any failure of the database file is a ``StoreError``:
one line to print and exit 2 at start, or (through ``FallbackStore``) a logged warning while the bot
keeps serving with history disabled.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import math
import os
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

import aiosqlite

from ..debate import MAX_ROUNDS
from ..errors import UsageError
from .settings import MAX_PACE

log = logging.getLogger(__name__)

DATABASE_ENV = "DEBATE_DATABASE"
APP_NAME = "debate-bot"
DATABASE_FILE = "debate.sqlite3"

WEBHOOK_MODES = ("auto", "off")  # auto: post as each figure through a webhook when the bot may manage them
THREAD_MODES = ("optional", "always", "never")  # optional: the /debate thread option decides
MAX_COOLDOWN = 3600.0


class StoreError(Exception):
    """The database file cannot be used: corrupt, unwritable, or from a newer version. One line."""


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """One server's settings; a server that never set anything gets these defaults."""

    pace: float = 2.0  # seconds between the posts of a round
    rounds_cap: int = MAX_ROUNDS  # the most rounds one debate may run
    cooldown: float = 30.0  # seconds a member waits between two /debate requests
    allowed_channels: tuple[int, ...] = ()  # channel ids where rounds may run; empty: everywhere
    host_role: int | None = None  # a role whose members may stop any round
    webhook_mode: str = "auto"
    thread_mode: str = "optional"
    history: bool = True  # store finished rounds (off: nothing more is stored)


SETTING_NAMES = tuple(f.name for f in dataclasses.fields(GuildSettings))


def check_setting(name: str, value: Any) -> Any:
    """``value`` as the setting ``name`` keeps it; a UsageError (one line) when it is not a valid value."""
    if name == "pace":
        return _bounded(name, value, float, 0.0, MAX_PACE, "seconds")
    if name == "cooldown":
        return _bounded(name, value, float, 0.0, MAX_COOLDOWN, "seconds")
    if name == "rounds_cap":
        return _bounded(name, value, int, 1, MAX_ROUNDS, "rounds")
    if name == "allowed_channels":
        if not isinstance(value, (list, tuple)) or not all(_is_id(v) for v in value):
            raise UsageError("allowed_channels must be a list of channel ids")
        return tuple(sorted(set(value)))
    if name == "host_role":
        if value is not None and not _is_id(value):
            raise UsageError("host_role must be a role id, or none")
        return value
    if name in ("webhook_mode", "thread_mode"):
        choices = WEBHOOK_MODES if name == "webhook_mode" else THREAD_MODES
        if value not in choices:
            raise UsageError(f"{name} must be one of {', '.join(choices)}")
        return value
    if name == "history":
        if not isinstance(value, bool):
            raise UsageError("history must be on or off")
        return value
    raise UsageError(f"unknown setting {name!r} (known: {', '.join(SETTING_NAMES)})")


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _bounded(name: str, value: Any, kind: type, low: float, high: float, unit: str) -> Any:
    number = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not number or (kind is int and value != int(value)):
        raise UsageError(f"{name} must be a {'whole ' if kind is int else ''}number of {unit}")
    if not low <= value <= high:
        raise UsageError(f"{name} must be between {low:g} and {high:g} {unit}")
    return kind(value)


def _settings_from(stored: Mapping[str, Any], defaults: GuildSettings) -> GuildSettings:
    """Defaults, with what a server stored on top; a value this version no longer accepts is left out."""
    values = {}
    for name, value in stored.items():
        try:
            values[name] = check_setting(name, tuple(value) if isinstance(value, list) else value)
        except UsageError as exc:
            log.warning("ignoring a stored setting: %s", exc)
    return dataclasses.replace(defaults, **values)


@dataclass(frozen=True, slots=True)
class Round:
    """A finished round, as the round runner hands it over."""

    guild_id: int
    channel_id: int
    starter_id: int
    topic: str
    figures: tuple[str, ...]  # figure ids, in speaking order
    started_at: datetime
    ended_at: datetime
    ended_how: str  # "finished", "stopped", "channel_gone", "failed"...


@dataclass(frozen=True, slots=True)
class StoredRound:
    id: int
    round: Round
    transcript: str | None  # the Markdown transcript; None in listings (get_round loads it)


class Store(Protocol):
    """What the bot keeps. Every method may raise StoreError."""

    defaults: GuildSettings  # what a server that never set anything gets (the deployment's own defaults)

    async def settings(self, guild_id: int) -> GuildSettings: ...

    async def update_settings(self, guild_id: int, **changes: Any) -> GuildSettings:
        """Validates every change first (UsageError), then writes them together."""
        ...

    async def reset_settings(self, guild_id: int) -> GuildSettings: ...

    async def record_round(self, round: Round, transcript: str) -> int | None:
        """The stored round's id; None when the server has history off (nothing is stored)."""
        ...

    async def recent_rounds(self, guild_id: int, limit: int = 10) -> list[StoredRound]: ...

    async def recent_topics(self, guild_id: int, limit: int = 25) -> list[str]: ...

    async def get_round(self, guild_id: int, round_id: int) -> StoredRound | None: ...

    async def delete_guild_rounds(self, guild_id: int) -> int: ...

    async def delete_user_rounds(self, user_id: int, guild_id: int | None = None) -> int:
        """The rounds ``user_id`` started, in one server or (``guild_id`` None) in every server."""
        ...

    async def close(self) -> None: ...


def database_path(env: Mapping[str, str] | None = None) -> Path:
    """``$DEBATE_DATABASE``, else a file in the user's data folder (platformdirs)."""
    env = os.environ if env is None else env
    configured = env.get(DATABASE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DATABASE_FILE


# Each entry takes the schema from the version before it (its index) to the next. Never edit one that has
# shipped: add a new one. The version reached is kept in schema_version.
MIGRATIONS: tuple[str, ...] = (
    # 1: per-server settings, one row per setting a server changed (JSON values, defaults in the code).
    """
    CREATE TABLE settings (
        guild_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (guild_id, name)
    );
    """,
    # 2: the history of finished rounds.
    """
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id INTEGER NOT NULL,
        channel_id INTEGER NOT NULL,
        starter_id INTEGER NOT NULL,
        topic TEXT NOT NULL,
        figures TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        ended_how TEXT NOT NULL,
        transcript TEXT NOT NULL
    );
    CREATE INDEX rounds_by_guild ON rounds (guild_id, ended_at DESC, id DESC);
    CREATE INDEX rounds_by_starter ON rounds (starter_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_ROUND_FIELDS = "id, guild_id, channel_id, starter_id, topic, figures, started_at, ended_at, ended_how"


class SQLiteStore:
    """The Store in one SQLite file. Open it with ``await SQLiteStore.open(path)``."""

    def __init__(self, path: Path, connection: aiosqlite.Connection, defaults: GuildSettings = GuildSettings()):
        self.path = path
        self._db = connection
        self.defaults = defaults
        # One connection, many tasks (two rounds may end at once): one operation at a time, or a second
        # BEGIN would land inside the first one's transaction.
        self._lock = asyncio.Lock()

    @classmethod
    async def open(
        cls, path: Path | None = None, *, upto: int = SCHEMA_VERSION, defaults: GuildSettings = GuildSettings()
    ) -> SQLiteStore:
        """Open (creating it if need be) and migrate to ``upto`` (the latest; lower only for tests).

        ``defaults`` are the settings of a server that changed nothing (the deployment's environment)."""
        path = path or database_path()
        if path.is_dir():  # found before connecting: aiosqlite's clean-up after a failed connect outlives the call
            raise StoreError(
                f"{path}: cannot open the database: it is a folder; name a file, e.g. {path / DATABASE_FILE}"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: transactions are explicit (BEGIN IMMEDIATE ... COMMIT), one per write.
            connection = await aiosqlite.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the database: {_reason(exc)}") from None
        store = cls(path, connection, defaults)
        try:
            await store._prepare(upto)
        except (OSError, sqlite3.Error, StoreError) as exc:
            await connection.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{path}: cannot use the database: {_reason(exc)}") from None
        return store

    async def _prepare(self, upto: int) -> None:
        await self._db.execute("PRAGMA busy_timeout = 5000")  # another process writing: wait, do not fail
        await self._db.execute("PRAGMA synchronous = FULL")  # a finished write survives a power cut
        async with self._db.execute("PRAGMA quick_check") as cursor:
            verdict = (await cursor.fetchone())[0]
        if verdict != "ok":
            raise StoreError(f"{self.path}: the database is damaged ({verdict}); move it away to start afresh")
        async with self._transaction():
            await self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            async with self._db.execute("SELECT MAX(version) FROM schema_version") as cursor:
                version = (await cursor.fetchone())[0] or 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: the database is at schema version {version}, newer than this bot's "
                    f"{SCHEMA_VERSION}; upgrade the bot or point {DATABASE_ENV} elsewhere"
                )
            for number in range(version, upto):
                for statement in _statements(MIGRATIONS[number]):
                    await self._db.execute(statement)
                await self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (number + 1,))
        if version < upto:
            log.info("database %s migrated from schema version %d to %d", self.path, version, upto)

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[None]:
        """One transaction: all of it is written, or none of it (rolled back on any error)."""
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            await self._db.rollback()
            raise
        await self._db.commit()

    async def _run(self, operation: Any) -> Any:
        """Await ``operation`` alone on the connection, turning a database failure into a StoreError."""
        try:
            async with self._lock:
                return await operation
        except (sqlite3.Error, ValueError) as exc:  # ValueError: the connection closed, or a mangled value
            raise StoreError(f"{self.path}: {_reason(exc)}") from None

    async def version(self) -> int:
        return await self._run(self._scalar("SELECT MAX(version) FROM schema_version"))

    async def _scalar(self, sql: str, params: tuple = ()) -> Any:
        async with self._db.execute(sql, params) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    # --- settings ---

    async def settings(self, guild_id: int) -> GuildSettings:
        return await self._run(self._settings(guild_id))

    async def _settings(self, guild_id: int) -> GuildSettings:
        async with self._db.execute("SELECT name, value FROM settings WHERE guild_id = ?", (guild_id,)) as cursor:
            rows = await cursor.fetchall()
        stored = {name: json.loads(value) for name, value in rows if name in SETTING_NAMES}
        return _settings_from(stored, self.defaults)

    async def update_settings(self, guild_id: int, **changes: Any) -> GuildSettings:
        checked = {name: check_setting(name, value) for name, value in changes.items()}
        return await self._run(self._update_settings(guild_id, checked))

    async def _update_settings(self, guild_id: int, checked: dict[str, Any]) -> GuildSettings:
        async with self._transaction():
            await self._db.executemany(
                "INSERT INTO settings (guild_id, name, value) VALUES (?, ?, ?) "
                "ON CONFLICT (guild_id, name) DO UPDATE SET value = excluded.value",
                [(guild_id, name, json.dumps(value)) for name, value in checked.items()],
            )
        return await self._settings(guild_id)

    async def reset_settings(self, guild_id: int) -> GuildSettings:
        await self._run(self._delete("DELETE FROM settings WHERE guild_id = ?", (guild_id,)))
        return self.defaults

    # --- history ---

    async def record_round(self, round: Round, transcript: str) -> int | None:
        return await self._run(self._record_round(round, transcript))

    async def _record_round(self, round: Round, transcript: str) -> int | None:
        if not (await self._settings(round.guild_id)).history:
            return None
        async with self._transaction():
            cursor = await self._db.execute(
                f"INSERT INTO rounds ({_ROUND_FIELDS}, transcript) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    round.guild_id,
                    round.channel_id,
                    round.starter_id,
                    round.topic,
                    json.dumps(list(round.figures)),
                    _stamp(round.started_at),
                    _stamp(round.ended_at),
                    round.ended_how,
                    transcript,
                ),
            )
            return cursor.lastrowid

    async def recent_rounds(self, guild_id: int, limit: int = 10) -> list[StoredRound]:
        sql = f"SELECT {_ROUND_FIELDS} FROM rounds WHERE guild_id = ? ORDER BY ended_at DESC, id DESC LIMIT ?"
        return await self._run(self._rounds(sql, (guild_id, limit)))

    async def recent_topics(self, guild_id: int, limit: int = 25) -> list[str]:
        """Distinct topics of this server's latest rounds, the latest first (for autocomplete)."""
        sql = "SELECT topic FROM rounds WHERE guild_id = ? GROUP BY topic ORDER BY MAX(ended_at) DESC LIMIT ?"
        return await self._run(self._column(sql, (guild_id, limit)))

    async def get_round(self, guild_id: int, round_id: int) -> StoredRound | None:
        """One round of this server with its transcript; None when it is not this server's or not stored."""
        sql = f"SELECT {_ROUND_FIELDS}, transcript FROM rounds WHERE guild_id = ? AND id = ?"
        found = await self._run(self._rounds(sql, (guild_id, round_id)))
        return found[0] if found else None

    async def delete_guild_rounds(self, guild_id: int) -> int:
        return await self._run(self._delete("DELETE FROM rounds WHERE guild_id = ?", (guild_id,)))

    async def delete_user_rounds(self, user_id: int, guild_id: int | None = None) -> int:
        if guild_id is None:
            return await self._run(self._delete("DELETE FROM rounds WHERE starter_id = ?", (user_id,)))
        sql = "DELETE FROM rounds WHERE starter_id = ? AND guild_id = ?"
        return await self._run(self._delete(sql, (user_id, guild_id)))

    async def _delete(self, sql: str, params: tuple) -> int:
        """How many rows went."""
        async with self._transaction():
            cursor = await self._db.execute(sql, params)
        return cursor.rowcount

    async def _rounds(self, sql: str, params: tuple) -> list[StoredRound]:
        async with self._db.execute(sql, params) as cursor:
            rows = await cursor.fetchall()
        return [_stored(row) for row in rows]

    async def _column(self, sql: str, params: tuple) -> list[Any]:
        async with self._db.execute(sql, params) as cursor:
            return [row[0] for row in await cursor.fetchall()]

    async def close(self) -> None:
        await self._db.close()


def _stored(row: tuple) -> StoredRound:
    round_id, guild, channel, starter, topic, figures, started, ended, how, *transcript = row
    return StoredRound(
        id=round_id,
        round=Round(
            guild_id=guild,
            channel_id=channel,
            starter_id=starter,
            topic=topic,
            figures=tuple(json.loads(figures)),
            started_at=datetime.fromisoformat(started),
            ended_at=datetime.fromisoformat(ended),
            ended_how=how,
        ),
        transcript=transcript[0] if transcript else None,
    )


def _stamp(moment: datetime) -> str:
    """UTC, ISO 8601, fixed width: the text sorts as the time does."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if "file is not a database" in text:
        return "the file is not a SQLite database (damaged, or another kind of file); move it away to start afresh"
    if "readonly" in text or "unable to open" in text:
        return f"{text} (check that the folder exists and the bot may write there)"
    return text


class FallbackStore:
    """A Store that keeps the bot serving when its database fails while running: the first StoreError is
    logged as a warning, and from then on history is off (nothing stored, nothing listed) and settings are
    the last ones read, or the defaults."""

    def __init__(self, inner: Store):
        self.inner = inner
        self.defaults = inner.defaults
        self.disabled = False
        self._known: dict[int, GuildSettings] = {}

    def _fail(self, exc: StoreError) -> None:
        if not self.disabled:
            log.warning("history disabled until restart: %s", exc)
        self.disabled = True

    async def _try(self, call: Callable[[], Awaitable[Any]], fallback: Any) -> Any:
        if self.disabled:
            return fallback
        try:
            return await call()
        except StoreError as exc:
            self._fail(exc)
            return fallback

    async def settings(self, guild_id: int) -> GuildSettings:
        fallback = self._known.get(guild_id, self.defaults)
        found = await self._try(lambda: self.inner.settings(guild_id), fallback)
        self._known[guild_id] = found
        return found

    async def update_settings(self, guild_id: int, **changes: Any) -> GuildSettings:
        checked = {name: check_setting(name, value) for name, value in changes.items()}
        here = dataclasses.replace(self._known.get(guild_id, self.defaults), **checked)
        found = await self._try(lambda: self.inner.update_settings(guild_id, **checked), here)
        self._known[guild_id] = found
        return found

    async def reset_settings(self, guild_id: int) -> GuildSettings:
        self._known[guild_id] = await self._try(lambda: self.inner.reset_settings(guild_id), self.defaults)
        return self._known[guild_id]

    async def record_round(self, round: Round, transcript: str) -> int | None:
        return await self._try(lambda: self.inner.record_round(round, transcript), None)

    async def recent_rounds(self, guild_id: int, limit: int = 10) -> list[StoredRound]:
        return await self._try(lambda: self.inner.recent_rounds(guild_id, limit), [])

    async def recent_topics(self, guild_id: int, limit: int = 25) -> list[str]:
        return await self._try(lambda: self.inner.recent_topics(guild_id, limit), [])

    async def get_round(self, guild_id: int, round_id: int) -> StoredRound | None:
        return await self._try(lambda: self.inner.get_round(guild_id, round_id), None)

    async def delete_guild_rounds(self, guild_id: int) -> int:
        return await self._try(lambda: self.inner.delete_guild_rounds(guild_id), 0)

    async def delete_user_rounds(self, user_id: int, guild_id: int | None = None) -> int:
        return await self._try(lambda: self.inner.delete_user_rounds(user_id, guild_id), 0)

    async def close(self) -> None:
        try:
            await self.inner.close()
        except StoreError as exc:
            self._fail(exc)
