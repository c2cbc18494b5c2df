"""`debate-bot` as a user runs it, as a subprocess against the stand-in: exit codes, one-line errors, no token leaks."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import tempfile
from pathlib import Path

import pytest

from .standin import TOKEN, DiscordStandIn

RUN_TIMEOUT = 30.0


async def debate_bot(
    *args: str, env: dict[str, str], interrupt_after: str | None = None, signum: int = signal.SIGINT
) -> tuple[int, str]:
    """Run ``python -m bot`` with only the given settings (no .env from the working tree).

    With ``interrupt_after``, press Ctrl-C (or send ``signum``) once a log line contains that text.
    """
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEBATE_", "LOG_LEVEL"))}
    with tempfile.TemporaryDirectory(prefix="debate-db-") as folder:
        # Never the user's own data folder: a database file of this run's own unless the test names one.
        env = {"DEBATE_DATABASE": str(Path(folder) / "debate.sqlite3"), **env}
        return await _run(args, {**clean, **env}, interrupt_after, signum)


async def _run(args: tuple[str, ...], env: dict[str, str], interrupt_after: str | None, signum: int) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        cwd=str(Path(__file__).parent),  # no .env here
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    assert process.stdout is not None
    lines: list[bytes] = []

    async def read() -> None:
        async for line in process.stdout:  # read all along: a DEBUG log would otherwise fill the pipe
            lines.append(line)
            if interrupt_after and interrupt_after.encode() in line:
                process.send_signal(signum)

    try:
        await asyncio.wait_for(asyncio.gather(read(), process.wait()), RUN_TIMEOUT)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    return process.returncode, b"".join(lines).decode()


async def test_missing_token_is_one_line_and_exit_2() -> None:
    code, output = await debate_bot(env={})
    assert code == 2
    assert output.strip().splitlines() == [
        "debate-bot: error: DISCORD_TOKEN is not set; put it in the environment or in .env (see .env.example)"
    ]


async def test_rejected_token_is_one_line_exit_2_and_never_shown(standin: DiscordStandIn) -> None:
    wrong = "wrong-token.abcdef.secret"
    env = {"DISCORD_TOKEN": wrong, "DISCORD_API_BASE": standin.api_base, "LOG_LEVEL": "DEBUG"}
    code, output = await debate_bot(env=env)
    assert code == 2
    assert "debate-bot: error: Discord rejected DISCORD_TOKEN" in output.strip().splitlines()[-1]
    assert wrong not in output and "Traceback" not in output


async def test_a_debug_run_never_logs_the_token(standin: DiscordStandIn) -> None:
    env = {"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": standin.api_base, "LOG_LEVEL": "DEBUG"}
    code, output = await debate_bot(env=env, interrupt_after="ready as")
    assert standin.gateway.identifies == 1
    assert TOKEN not in output
    assert code == 0
    assert "voice will NOT be supported" not in output  # a bot that never speaks needs no voice warnings


async def test_sync_pushes_exactly_the_dumped_commands(standin: DiscordStandIn) -> None:
    code, dumped = await debate_bot("--dump-commands", env={})
    assert code == 0
    code, output = await debate_bot("sync", env={"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": standin.api_base})
    assert code == 0, output
    assert "synced 14 commands globally" in output  # /reload lives only in the owner's guild
    pushed = standin.requests("PUT", r"/applications/\d+/commands")
    assert len(pushed) == 1 and pushed[0].body == json.loads(dumped)
    assert standin.gateway.identifies == 0  # a sync needs no gateway session


@pytest.mark.parametrize("moment", ["logging in using static token", "Created websocket", "has sent the IDENTIFY"])
async def test_ctrl_c_during_startup_stops_the_bot(standin: DiscordStandIn, moment: str) -> None:
    """Reported: Ctrl-C in the first seconds (before ready) left the process running."""
    env = {"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": standin.api_base, "LOG_LEVEL": "DEBUG"}
    code, output = await debate_bot(env=env, interrupt_after=moment)  # a hang fails after RUN_TIMEOUT
    assert code == 0, output[-2000:]
    assert "ready as" not in output  # it stopped where it was, instead of carrying on to ready


async def test_sigterm_stops_a_running_bot_cleanly(standin: DiscordStandIn, tmp_path: Path) -> None:
    from bot.discord_app.store import SCHEMA_VERSION, SQLiteStore

    database = tmp_path / "new" / "debate.sqlite3"  # neither the file nor its folder exists yet
    env = {"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": standin.api_base, "DEBATE_DATABASE": str(database)}
    code, output = await debate_bot(env=env, interrupt_after="ready as", signum=signal.SIGTERM)
    assert code == 0 and "stopping" in output and "Traceback" not in output
    store = await SQLiteStore.open(database)  # the start created it and migrated it to the latest schema
    try:
        assert await store.version() == SCHEMA_VERSION
    finally:
        await store.close()


@pytest.mark.parametrize("kind", ["damaged", "folder"])
async def test_an_unusable_database_is_one_line_and_exit_2(standin: DiscordStandIn, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "debate.sqlite3"
    if kind == "damaged":
        path.write_bytes(b"this is not a database, it is a note someone saved here " * 100)
    else:
        path.mkdir()
    env = {"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": standin.api_base, "DEBATE_DATABASE": str(path)}
    code, output = await debate_bot(env=env)
    assert code == 2, output[-2000:]
    last = output.strip().splitlines()[-1]
    assert last.startswith(f"debate-bot: error: {path}: ")
    assert ("not a SQLite database" in last) if kind == "damaged" else ("it is a folder" in last)
    assert "Traceback" not in output and standin.gateway.identifies == 0  # it never went online
