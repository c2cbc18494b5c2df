"""A loopback Discord stand-in: the REST routes this bot uses and a gateway websocket, on 127.0.0.1 only.

It records every REST call so tests can assert on what the bot actually sent, enforces the rules
that matter to this bot (the 3-second interaction deadline, nonce de-duplication with
``enforce_nonce``), and can inject faults: a 429 with ``retry_after`` (per route or global), a 5xx,
a slow answer, a dropped gateway (resumed, or refused so the bot must identify afresh), a channel
deleted or its permissions revoked mid-round. ``add_channels`` grows the guild for load tests.
It speaks API v10 JSON over plain text websocket frames (discord.py accepts uncompressed frames).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

TOKEN = "stand-in-token.not-a-real-one"
APP_ID = 900000000000000001
BOT_ID = APP_ID
OWNER_ID = 900000000000000002
USER_ID = 900000000000000003
GUILD_ID = 900000000000000010
CHANNEL_ID = 900000000000000020
OTHER_CHANNEL_ID = 900000000000000021
INTERACTION_DEADLINE = 3.0  # Discord drops an interaction nobody answered within 3 seconds
HEARTBEAT_MS = 250
API = "/api/v10"

# Every permission the bot might use, as Discord sends them in app_permissions.
ALL_BOT_PERMISSIONS = (
    (1 << 10) | (1 << 11) | (1 << 13) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 29) | (1 << 35) | (1 << 38)
)
BASIC_BOT_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16)
ADMINISTRATOR = 1 << 3
ALL_PERMISSIONS = (1 << 51) - 1


@dataclass
class Call:
    """One REST request as the stand-in received it."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any  # the JSON body, or payload_json for multipart requests
    files: dict[str, bytes]
    status: int = 200
    at: float = 0.0


@dataclass
class Fault:
    """Answer matching requests with ``status`` the next ``times`` times; ``after_commit`` keeps the effect.

    ``status=200`` with a ``delay`` is a slow endpoint: the request is served normally, late.
    """

    method: str
    path: str  # regex on the path
    status: int
    times: int = 1
    retry_after: float = 0.05
    after_commit: bool = False  # the write happens, then the answer is lost (tests nonce de-duplication)
    skip: int = 0  # let this many matching requests through first
    is_global: bool = False  # a 429 for every route at once, as Discord's global limit
    delay: float = 0.0  # seconds to wait before answering


@dataclass
class Interaction:
    id: int
    token: str
    dispatched_at: float
    channel_id: int = CHANNEL_ID
    answered: bool = False
    answered_at: float | None = None
    late: bool = False  # the bot tried to answer after the deadline (Discord says Unknown interaction)


@dataclass
class Gateway:
    identifies: int = 0
    resumes: int = 0
    heartbeats: int = 0
    session_id: str = "stand-in-session"
    seq: int = 0
    socket: web.WebSocketResponse | None = None
    backlog: list[dict] = field(default_factory=list)  # sent dispatches, for RESUME replay


CALL = web.RequestKey("call", Call)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """discord.py only parses bodies whose Content-Type is exactly application/json, as Discord sends."""
    body = json.dumps(data).encode()
    return web.Response(body=body, status=status, headers={"Content-Type": "application/json", **(headers or {})})


def _snowflakes():
    return itertools.count(910000000000000000)


class DiscordStandIn:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.messages: dict[int, list[dict]] = {}
        self.gateway = Gateway()
        self.interactions: dict[str, Interaction] = {}
        self.webhooks: dict[int, dict] = {}
        self.threads: dict[int, dict] = {}
        self.commands: dict[str, list[dict]] = {}
        self.channel_ids: list[int] = [CHANNEL_ID, OTHER_CHANNEL_ID]
        self.deleted: set[int] = set()  # channels (or threads) deleted: every call on them is a 404
        self.revoked: set[int] = set()  # channels where the bot lost Send Messages: posts are a 403
        self.on_message: list[Callable[[int, dict], None]] = []  # hooks, e.g. drop the gateway mid-round
        # While set and not yet released, channel posts wait here: keeps a round "running" for a test.
        self.hold: asyncio.Event | None = None
        self.held = 0
        self._ids = _snowflakes()
        self._nonces: dict[str, dict] = {}
        self._actions: set[asyncio.Future] = set()
        self._runner: web.AppRunner | None = None
        self.changed = asyncio.Event()
        self.port = 0

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self.gateway.socket is not None:
            await self.gateway.socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def now(self) -> float:
        return asyncio.get_running_loop().time()

    def _touch(self) -> None:
        self.changed.set()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 15.0) -> None:
        """Wait for a condition on the recorded state; fails the test instead of hanging."""

        async def poll() -> None:
            while not predicate():
                self.changed.clear()
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self.changed.wait(), 0.2)

        await asyncio.wait_for(poll(), timeout)

    # --- queries for tests --------------------------------------------------------------

    def requests(self, method: str, pattern: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and re.fullmatch(pattern, c.path)]

    def add_channels(self, count: int) -> list[int]:
        """More text channels in the guild (call before the bot connects); returns their ids."""
        start = max(self.channel_ids) + 1
        added = list(range(start, start + count))
        self.channel_ids += added
        return added

    def when_posted(
        self, count: int, action: Callable[[], Awaitable[object] | None], channel_id: int = CHANNEL_ID
    ) -> None:
        """Run ``action`` once, right after the ``count``-th message lands in the channel (a fault mid-round)."""

        def hook(posted_in: int, message: dict) -> None:
            if posted_in == channel_id and len(self.channel_posts(channel_id)) == count:
                self.on_message.remove(hook)
                result = action()
                if result is not None:
                    future = asyncio.ensure_future(result)
                    self._actions.add(future)
                    future.add_done_callback(self._actions.discard)

        self.on_message.append(hook)

    def channel_posts(self, channel_id: int = CHANNEL_ID) -> list[dict]:
        """Messages that exist in a channel (after de-duplication), in order."""
        return self.messages.get(channel_id, [])

    # --- gateway ------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.gateway.socket = ws
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            payload = json.loads(msg.data)
            op, data = payload.get("op"), payload.get("d")
            if op == 1:
                self.gateway.heartbeats += 1
                await ws.send_json({"op": 11})
            elif op == 2:
                if data.get("token") != TOKEN:
                    await ws.close(code=4004, message=b"Authentication failed.")
                    break
                self.gateway.identifies += 1
                await self._dispatch(ws, "READY", self._ready())
                await self._dispatch(ws, "GUILD_CREATE", self._guild())
            elif op == 6:
                if data.get("token") != TOKEN or data.get("session_id") != self.gateway.session_id:
                    await ws.send_json({"op": 9, "d": False})
                    continue
                self.gateway.resumes += 1
                for missed in self.gateway.backlog:
                    if missed["s"] > (data.get("seq") or 0):
                        await ws.send_json(missed)
                await self._dispatch(ws, "RESUMED", {})
            self._touch()
        return ws

    async def _dispatch(self, ws: web.WebSocketResponse, event: str, data: dict) -> None:
        self.gateway.seq += 1
        frame = {"op": 0, "t": event, "s": self.gateway.seq, "d": data}
        self.gateway.backlog.append(frame)
        await ws.send_json(frame)

    async def drop_gateway(self) -> None:
        """Close the websocket as Discord does on a server-side hiccup (4000: resumable)."""
        if self.gateway.socket is not None:
            await self.gateway.socket.close(code=4000, message=b"stand-in: unknown error")

    async def invalidate_session(self) -> None:
        """Forget the session, then drop: the bot's RESUME gets op 9 (not resumable) and must IDENTIFY."""
        self.gateway.session_id = f"stand-in-session-{next(self._ids)}"
        self.gateway.backlog.clear()
        await self.drop_gateway()

    async def delete_channel(self, channel_id: int) -> None:
        """Someone deletes the channel: Discord tells the bot, and its webhooks go with it."""
        self.deleted.add(channel_id)
        self.webhooks = {k: w for k, w in self.webhooks.items() if int(w["channel_id"]) != channel_id}
        if self.gateway.socket is not None:
            data = self._text_channel(channel_id, "deleted", 0)
            await self._dispatch(self.gateway.socket, "CHANNEL_DELETE", data)

    def _ready(self) -> dict:
        return {
            "v": 10,
            "user": self._bot_user(),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": self.gateway.session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }

    @staticmethod
    def _text_channel(channel_id: int, name: str, position: int) -> dict:
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(GUILD_ID),
            "name": name,
            "position": position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
        }

    def _guild(self) -> dict:
        names = {CHANNEL_ID: "debates", OTHER_CHANNEL_ID: "other"}
        channels = [
            self._text_channel(c, names.get(c, f"room-{i}"), i)
            for i, c in enumerate(self.channel_ids)
            if c not in self.deleted
        ]
        return {
            "id": str(GUILD_ID),
            "name": "Stand-in guild",
            "icon": None,
            "owner_id": str(OWNER_ID),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [
                {
                    "id": str(GUILD_ID),
                    "name": "@everyone",
                    "permissions": str(BASIC_BOT_PERMISSIONS),
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
            ],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": "2026-01-01T00:00:00+00:00",
            "large": False,
            "unavailable": False,
            "member_count": 2,
            "voice_states": [],
            "members": [self._member(self._bot_user())],
            "channels": channels,
            "threads": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    # --- interactions -------------------------------------------------------------------

    async def interact(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user_id: int = USER_ID,
        channel_id: int = CHANNEL_ID,
        member_permissions: int = BASIC_BOT_PERMISSIONS,
        app_permissions: int = ALL_BOT_PERMISSIONS,
        kind: int = 2,
        focused: str | None = None,
    ) -> Interaction:
        """Send an INTERACTION_CREATE for a slash command (kind 2) or an autocomplete (kind 4)."""
        assert self.gateway.socket is not None, "the bot is not connected to the gateway"
        if member_permissions & ADMINISTRATOR:  # Discord sends an administrator's permissions as all of them
            member_permissions = ALL_PERMISSIONS
        number = next(self._ids)
        token = f"interaction-token-{number}"
        types = {str: 3, int: 4, bool: 5}
        data_options = [
            {"name": key, "type": types[type(value)], "value": value, **({"focused": True} if key == focused else {})}
            for key, value in (options or {}).items()
        ]
        command_id = next((c["id"] for c in self.commands.get("guild", []) if c["name"] == name), "0")
        payload = {
            "id": str(number),
            "application_id": str(APP_ID),
            "type": kind,
            "token": token,
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(channel_id),
            "channel": {"id": str(channel_id), "type": 0, "guild_id": str(GUILD_ID), "name": "debates"},
            "member": {
                **self._member(self._user(user_id, f"user{user_id % 1000}")),
                "permissions": str(member_permissions),
            },
            "app_permissions": str(app_permissions),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
            "data": {
                "id": command_id,
                "name": name,
                "type": 1,
                "guild_id": str(GUILD_ID),
                "options": data_options,
            },
        }
        record = Interaction(number, token, self.now(), channel_id)
        self.interactions[token] = record
        await self._dispatch(self.gateway.socket, "INTERACTION_CREATE", payload)
        return record

    # --- REST ---------------------------------------------------------------------------

    @web.middleware
    async def _record(self, request: web.Request, handler):
        if not request.path.startswith(API):
            return await handler(request)
        body, files = None, {}
        if request.content_type == "multipart/form-data":
            form = await request.post()
            for key, value in form.items():
                if key == "payload_json":
                    body = json.loads(value)
                elif hasattr(value, "file"):
                    files[value.filename] = value.file.read()
        elif request.can_read_body:
            body = await request.json()
        call = Call(request.method, request.path[len(API) :], dict(request.query), body, files, at=self.now())
        self.calls.append(call)
        request[CALL] = call
        fault = self._fault_for(call)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.status == 200:
            fault = None  # only slow: serve it normally
        if fault is not None and not fault.after_commit:
            response = self._fault_response(fault)
        else:
            response = await handler(request)
            if fault is not None:
                response = self._fault_response(fault)
        call.status = response.status
        self._touch()
        return response

    def _fault_for(self, call: Call) -> Fault | None:
        for fault in self.faults:
            if fault.method == call.method and re.fullmatch(fault.path, call.path) and fault.times > 0:
                if fault.skip > 0:
                    fault.skip -= 1
                    return None
                fault.times -= 1
                return fault
        return None

    @staticmethod
    def _fault_response(fault: Fault) -> web.Response:
        if fault.status == 429:
            body = {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": fault.is_global,
            }
            # discord.py treats a 429 without Via as Cloudflare's, so Discord's own carry it.
            headers = {"Via": "1.1 google", "Retry-After": str(fault.retry_after)}
            if fault.is_global:
                headers["X-RateLimit-Global"] = "true"
            return _json(body, status=429, headers=headers)
        return _json({"message": "stand-in fault", "code": 0}, status=fault.status)

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        call: Call = request[CALL]
        # Interaction callbacks and webhooks authenticate with the token in their path instead.
        bot_route = not call.path.startswith(("/interactions/", "/webhooks/"))
        if bot_route and request.headers.get("Authorization") != f"Bot {TOKEN}":
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        channel = re.match(r"/channels/(\d+)/", call.path)
        if channel and int(channel.group(1)) in self.deleted:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        if channel and int(channel.group(1)) in self.revoked and call.method == "POST":
            return _json({"message": "Missing Permissions", "code": 50013}, status=403)
        for method, pattern, handler in self._routes():
            match = re.fullmatch(pattern, call.path)
            if method == call.method and match:
                return await handler(call, *[int(g) if g.isdigit() else g for g in match.groups()])
        return _json({"message": f"stand-in has no route {call.method} {call.path}"}, status=404)

    def _routes(self):
        return [
            ("GET", r"/users/@me", self._me),
            ("GET", r"/oauth2/applications/@me", self._application),
            ("GET", r"/gateway/bot", self._gateway_bot),
            ("PUT", r"/applications/(\d+)/guilds/(\d+)/commands", self._put_guild_commands),
            ("PUT", r"/applications/(\d+)/commands", self._put_global_commands),
            ("POST", r"/interactions/(\d+)/([^/]+)/callback", self._callback),
            ("PATCH", rf"/webhooks/{APP_ID}/([^/]+)/messages/@original", self._edit_original),
            ("POST", rf"/webhooks/{APP_ID}/([^/]+)", self._followup),
            ("POST", r"/channels/(\d+)/messages", self._create_message),
            ("POST", r"/channels/(\d+)/typing", self._typing),
            ("GET", r"/channels/(\d+)/webhooks", self._list_webhooks),
            ("POST", r"/channels/(\d+)/webhooks", self._create_webhook),
            ("POST", r"/webhooks/(\d+)/([^/]+)", self._execute_webhook),
            ("POST", r"/channels/(\d+)/threads", self._create_thread),
        ]

    async def _me(self, call: Call) -> web.Response:
        return _json(self._bot_user())

    async def _application(self, call: Call) -> web.Response:
        return _json(
            {
                "id": str(APP_ID),
                "name": "Sourced debate (stand-in)",
                "icon": None,
                "description": "",
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": self._user(OWNER_ID, "owner"),
                "verify_key": "0" * 64,
                "flags": 0,
                "team": None,
            }
        )

    async def _gateway_bot(self, call: Call) -> web.Response:
        limits = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limits})

    def _stored_commands(self, key: str, body: list[dict]) -> web.Response:
        stored = [{**c, "id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1"} for c in body]
        self.commands[key] = stored
        return _json(stored)

    async def _put_guild_commands(self, call: Call, app_id: int, guild_id: int) -> web.Response:
        return self._stored_commands("guild", [{**c, "guild_id": str(guild_id)} for c in call.body])

    async def _put_global_commands(self, call: Call, app_id: int) -> web.Response:
        return self._stored_commands("global", call.body)

    async def _callback(self, call: Call, interaction_id: int, token: str) -> web.Response:
        record = self.interactions.get(token)
        if record is not None and not record.answered and self.now() - record.dispatched_at > INTERACTION_DEADLINE:
            record.late = True
        if record is None or record.answered or record.late:
            return _json({"message": "Unknown interaction", "code": 10062}, status=404)
        record.answered, record.answered_at = True, self.now()
        kind = call.body["type"]
        resource: dict[str, Any] = {"type": kind}
        if kind == 4:
            resource["message"] = self._message(CHANNEL_ID, call.body.get("data") or {}, author=self._bot_user())
        if kind == 8:
            return web.Response(status=204)
        flags = (call.body.get("data") or {}).get("flags", 0)
        return _json(
            {
                "interaction": {
                    "id": str(interaction_id),
                    "type": 2,
                    "response_message_loading": kind == 5,
                    "response_message_ephemeral": bool(flags & 64),
                },
                "resource": resource,
            }
        )

    async def _edit_original(self, call: Call, token: str) -> web.Response:
        return _json(self._message(CHANNEL_ID, call.body or {}, author=self._bot_user()))

    async def _followup(self, call: Call, token: str) -> web.Response:
        record = self.interactions.get(token)
        channel_id = record.channel_id if record is not None else CHANNEL_ID
        if channel_id in self.deleted:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        return _json(self._message(channel_id, call.body or {}, author=self._bot_user()))

    async def _create_message(self, call: Call, channel_id: int) -> web.Response:
        body = call.body or {}
        if self.hold is not None and not self.hold.is_set():
            self.held += 1
            self._touch()
            await self.hold.wait()
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce") and nonce in self._nonces:
            return _json(self._nonces[nonce])  # Discord returns the message it already made
        message = self._store(channel_id, body, self._bot_user(), call)
        if nonce:
            self._nonces[nonce] = message
        return _json(message)

    def _store(self, channel_id: int, body: dict, author: dict, call: Call) -> dict:
        message = self._message(channel_id, body, author=author, files=call.files)
        self.messages.setdefault(channel_id, []).append(message)
        for hook in list(self.on_message):
            hook(channel_id, message)
        return message

    async def _typing(self, call: Call, channel_id: int) -> web.Response:
        return web.Response(status=204)

    async def _list_webhooks(self, call: Call, channel_id: int) -> web.Response:
        return _json([w for w in self.webhooks.values() if w["channel_id"] == str(channel_id)])

    async def _create_webhook(self, call: Call, channel_id: int) -> web.Response:
        number = next(self._ids)
        hook = {
            "id": str(number),
            "type": 1,
            "token": f"webhook-token-{number}",
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
            "name": call.body["name"],
            "avatar": None,
            "user": self._bot_user(),
            "application_id": str(APP_ID),
        }
        self.webhooks[number] = hook
        return _json(hook)

    async def _execute_webhook(self, call: Call, webhook_id: int, token: str) -> web.Response:
        hook = self.webhooks.get(webhook_id)
        if hook is None or hook["token"] != token:
            return _json({"message": "Unknown Webhook", "code": 10015}, status=404)
        channel_id = int(call.query.get("thread_id") or hook["channel_id"])
        if channel_id in self.deleted:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        author = {"id": str(webhook_id), "username": call.body.get("username") or hook["name"], "bot": True}
        author.update(discriminator="0000", avatar=None)
        message = self._store(channel_id, {**call.body, "webhook_id": str(webhook_id)}, author, call)
        return _json(message)

    async def _create_thread(self, call: Call, channel_id: int) -> web.Response:
        number = next(self._ids)
        thread = {
            "id": str(number),
            "type": call.body.get("type", 11),
            "guild_id": str(GUILD_ID),
            "parent_id": str(channel_id),
            "owner_id": str(BOT_ID),
            "name": call.body["name"],
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": call.body.get("auto_archive_duration", 60),
                "archive_timestamp": "2026-01-01T00:00:00+00:00",
                "locked": False,
            },
        }
        self.threads[number] = thread
        return _json(thread)

    # --- payload shapes -----------------------------------------------------------------

    def _message(self, channel_id: int, body: dict, author: dict, files: dict | None = None) -> dict:
        number = next(self._ids)
        attachments = [
            {
                "id": str(next(self._ids)),
                "filename": name,
                "size": len(data),
                "url": f"http://127.0.0.1:{self.port}/attachments/{name}",
                "proxy_url": f"http://127.0.0.1:{self.port}/attachments/{name}",
                "text": data.decode("utf-8", "replace"),  # not in Discord's payload; kept for assertions
            }
            for name, data in (files or {}).items()
        ]
        return {
            "id": str(number),
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
            "author": author,
            "content": body.get("content") or "",
            "timestamp": "2026-01-01T00:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": attachments,
            "embeds": body.get("embeds") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags", 0),
            "nonce": body.get("nonce"),
            "webhook_id": body.get("webhook_id"),
            "request": body,  # not in Discord's payload; the body as sent, for assertions
        }

    @staticmethod
    def _user(user_id: int, name: str, bot: bool = False) -> dict:
        return {
            "id": str(user_id),
            "username": name,
            "global_name": None,
            "discriminator": "0",
            "avatar": None,
            "bot": bot,
        }

    def _bot_user(self) -> dict:
        return self._user(BOT_ID, "sourced-debate", bot=True)

    @staticmethod
    def _member(user: dict) -> dict:
        return {
            "user": user,
            "nick": None,
            "avatar": None,
            "roles": [],
            "joined_at": "2026-01-01T00:00:00+00:00",
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
