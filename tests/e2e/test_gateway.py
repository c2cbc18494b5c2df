"""The gateway as Discord runs it: asked to reconnect (op 7), invalidated but resumable (op 9, d=true), a
zombie connection (heartbeats never acknowledged), and sessions refused at IDENTIFY (4004, 4014)."""

from __future__ import annotations

import pytest

from .harness import bot_running
from .standin import TOKEN, DiscordStandIn
from .test_entry import debate_bot
from .test_faults import still_serving


async def test_opcode_7_reconnect_resumes_the_session(standin: DiscordStandIn, running_bot) -> None:
    await standin.ask_to_reconnect()
    await standin.wait_until(lambda: standin.gateway.resumes == 1)
    assert standin.gateway.identifies == 1
    await still_serving(standin)


async def test_opcode_9_resumable_resumes_the_session(standin: DiscordStandIn, running_bot) -> None:
    await standin.invalidate_resumable()
    await standin.wait_until(lambda: standin.gateway.resumes == 1)
    assert standin.gateway.identifies == 1
    await still_serving(standin)


async def test_a_zombie_connection_is_dropped_and_resumed(standin: DiscordStandIn, restore_discord_globals) -> None:
    """Heartbeats sent but never acknowledged: the bot must give up on the connection and resume."""
    # discord.py gives up after heartbeat_timeout seconds of silence (60 by default); 1 s keeps this test short.
    async with bot_running(standin, client_options={"heartbeat_timeout": 1.0}):
        standin.gateway.acknowledge = False
        await standin.wait_until(lambda: standin.gateway.connections == 2)
        standin.gateway.acknowledge = True
        await standin.wait_until(lambda: standin.gateway.resumes == 1)
        await still_serving(standin)


@pytest.mark.parametrize(
    ("code", "says"),
    [
        (4004, "debate-bot: error: Discord rejected DISCORD_TOKEN"),
        (4014, "debate-bot: error: Discord refused the gateway intents"),
    ],
    ids=["4004 bad token", "4014 disallowed intents"],
)
async def test_a_session_refused_at_identify_is_one_line_and_exit_2(
    standin: DiscordStandIn, code: int, says: str
) -> None:
    standin.gateway.close_identify_with = code
    env = {"DISCORD_TOKEN": TOKEN, "DISCORD_API_BASE": standin.api_base}
    status, output = await debate_bot(env=env)
    assert status == 2, output[-2000:]
    assert "Traceback" not in output
    assert output.strip().splitlines()[-1].startswith(says)
