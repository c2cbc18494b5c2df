"""The gateway websocket: HELLO, heartbeats, IDENTIFY, RESUME with replay, and the ways Discord ends a session.

Discord's documented behaviours modelled: opcode 7 (reconnect: the client resumes), opcode 9 with
``d=false`` (identify afresh) or ``d=true`` (resume), heartbeats left unacknowledged (a zombie
connection: the client must drop it and resume), close code 4004 (bad token) and 4014 (intents).
It speaks API v10 JSON over plain text frames (discord.py accepts uncompressed frames).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web

from .ids import APP_ID, GUILD_ID, TOKEN
from .shapes import bot_user

HEARTBEAT_MS = 250


@dataclass
class Gateway:
    identifies: int = 0
    resumes: int = 0
    heartbeats: int = 0
    connections: int = 0
    session_id: str = "stand-in-session"
    seq: int = 0
    socket: web.WebSocketResponse | None = None
    backlog: list[dict] = field(default_factory=list)  # sent dispatches, for RESUME replay
    acknowledge: bool = True  # False: heartbeats get no ACK (a zombie connection)
    close_identify_with: int | None = None  # answer IDENTIFY by closing with this code (4004, 4014)


class GatewayMixin:
    """Mixed into DiscordStandIn; uses its ``gateway``, ``_ids``, ``_touch`` and ``guild_payload``."""

    gateway: Gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.gateway.socket = ws
        self.gateway.connections += 1
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            payload = json.loads(msg.data)
            op, data = payload.get("op"), payload.get("d")
            if op == 1:
                self.gateway.heartbeats += 1
                if self.gateway.acknowledge:
                    await ws.send_json({"op": 11})
            elif op == 2:
                if data.get("token") != TOKEN or self.gateway.close_identify_with:
                    code = self.gateway.close_identify_with or 4004
                    await ws.close(code=code, message=b"Authentication failed." if code == 4004 else b"Disallowed")
                    break
                self.gateway.identifies += 1
                await self.dispatch("READY", self._ready())
                await self.dispatch("GUILD_CREATE", self.guild_payload())
            elif op == 6:
                if data.get("token") != TOKEN or data.get("session_id") != self.gateway.session_id:
                    await ws.send_json({"op": 9, "d": False})
                    continue
                self.gateway.resumes += 1
                for missed in self.gateway.backlog:
                    if missed["s"] > (data.get("seq") or 0):
                        await ws.send_json(missed)
                await self.dispatch("RESUMED", {})
            self._touch()
        return ws

    async def dispatch(self, event: str, data: dict) -> None:
        """Send a dispatch (op 0) on the current connection, kept for RESUME replay."""
        self.gateway.seq += 1
        frame = {"op": 0, "t": event, "s": self.gateway.seq, "d": data}
        self.gateway.backlog.append(frame)
        if self.gateway.socket is not None and not self.gateway.socket.closed:
            await self.gateway.socket.send_json(frame)

    async def drop_gateway(self) -> None:
        """Close the websocket as Discord does on a server-side hiccup (4000: resumable)."""
        if self.gateway.socket is not None:
            await self.gateway.socket.close(code=4000, message=b"stand-in: unknown error")

    async def invalidate_session(self) -> None:
        """Forget the session, then drop: the bot's RESUME gets op 9 (not resumable) and must IDENTIFY."""
        self.gateway.session_id = f"stand-in-session-{next(self._ids)}"
        self.gateway.backlog.clear()
        await self.drop_gateway()

    async def ask_to_reconnect(self) -> None:
        """Opcode 7: Discord asks the client to reconnect and resume (e.g. a gateway node is restarting)."""
        assert self.gateway.socket is not None
        await self.gateway.socket.send_json({"op": 7, "d": None})

    async def invalidate_resumable(self) -> None:
        """Opcode 9 with d=true: the session is invalid for now but may be resumed."""
        assert self.gateway.socket is not None
        await self.gateway.socket.send_json({"op": 9, "d": True})

    def _ready(self) -> dict:
        return {
            "v": 10,
            "user": bot_user(),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": self.gateway.session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
