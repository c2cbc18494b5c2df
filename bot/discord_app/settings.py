"""Settings for the Discord bot, from the environment and ``.env`` (see ``.env.example``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

# A round has at most about 40 paced steps: at 20 s each it ends well within the 15 minutes an
# interaction token lives (the starter's private failure notice needs it).
MAX_PACE = 20.0


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None
    guild_id: int | None = None
    pace: float = 2.0
    cooldown: float = 30.0
    rounds_per_guild: int = 2
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    log_level: str = "INFO"
    # The SQLite file of per-server settings and history (DEBATE_DATABASE); None: keep nothing (sync, dumps).
    database: Path | None = None
    # Test-only: where the REST API (and so the gateway URL) lives, e.g. the loopback stand-in.
    api_base: str | None = None

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None or self.shard_ids is not None

    def __repr__(self) -> str:  # the token must never reach a log line
        return f"Settings(guild_id={self.guild_id}, pace={self.pace}, shard_count={self.shard_count})"


def _number(env: Mapping[str, str], name: str, kind: type, default, minimum: float = 0, maximum: float | None = None):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise UsageError(f"{name}={raw[:40]!r} is not a {'whole ' if kind is int else ''}number") from None
    if value < minimum:
        raise UsageError(f"{name} must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise UsageError(f"{name} must be at most {maximum:g}")
    return value


def load_settings(env: Mapping[str, str] | None = None, dotenv: bool = True) -> Settings:
    """Read settings; ``.env`` fills in what the environment leaves unset. Bad values raise UsageError."""
    if env is None:
        if dotenv:
            from dotenv import load_dotenv

            load_dotenv(override=False)
        env = os.environ
    shard_ids = None
    raw_ids = env.get("DISCORD_SHARD_IDS", "").strip()
    if raw_ids:
        try:
            shard_ids = tuple(int(part) for part in raw_ids.split(",") if part.strip())
        except ValueError:
            raise UsageError("DISCORD_SHARD_IDS must be comma-separated whole numbers, e.g. 0,1") from None
    shard_count = _number(env, "DISCORD_SHARD_COUNT", int, None, minimum=1)
    if shard_ids is not None and (shard_count is None or any(i >= shard_count for i in shard_ids)):
        raise UsageError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT, and every id must be below it")
    from .store import database_path  # the store imports this module's limits

    level = env.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise UsageError(f"LOG_LEVEL={level[:20]!r} is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
    return Settings(
        token=env.get("DISCORD_TOKEN", "").strip() or None,
        guild_id=_number(env, "DISCORD_GUILD_ID", int, None, minimum=1),
        pace=_number(env, "DEBATE_PACE_SECONDS", float, 2.0, maximum=MAX_PACE),
        cooldown=_number(env, "DEBATE_COOLDOWN_SECONDS", float, 30.0),
        rounds_per_guild=_number(env, "DEBATE_ROUNDS_PER_GUILD", int, 2, minimum=1),
        shard_count=shard_count,
        shard_ids=shard_ids,
        log_level=level,
        database=database_path(env),
        api_base=env.get("DISCORD_API_BASE", "").strip().rstrip("/") or None,
    )
