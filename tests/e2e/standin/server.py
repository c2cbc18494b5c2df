"""The stand-in server: one aiohttp app on 127.0.0.1 with the REST routes this bot uses and the gateway.

Every REST call is recorded so tests can assert on what the bot actually sent. Each request meets, in
order: authentication, the rate limits (headers on every answer), any injected fault, then its route.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
from collections.abc import Awaitable, Callable

from aiohttp import web

from .channels import ChannelsMixin
from .faults import Call, Fault, fault_for, fault_response
from .gateway import Gateway, GatewayMixin
from .ids import API, APP_ID, CHANNEL_ID, OTHER_CHANNEL_ID, OWNER_ID, TOKEN
from .interactions import Interaction, InteractionsMixin
from .ratelimits import GLOBAL_LIMIT, Limit, RateLimits
from .shapes import ANNOUNCEMENT, bot_user, error, guild, json_response, message, role, text_channel, user
from .webhooks import WebhooksMixin

CALL = web.RequestKey("call", Call)
OWNER_NAME = "owner"


class DiscordStandIn(GatewayMixin, InteractionsMixin, ChannelsMixin, WebhooksMixin):
    def __init__(self, rate_scale: float = 0.01, global_limit: Limit = GLOBAL_LIMIT) -> None:
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.messages: dict[int, list[dict]] = {}
        self.gateway = Gateway()
        self.interactions: dict[str, Interaction] = {}
        self.webhooks: dict[int, dict] = {}
        self.channels: dict[int, dict] = {}
        self.threads: dict[int, dict] = {}
        self.commands: dict[str, list[dict]] = {}
        self.roles: list[dict] = []  # the guild's roles besides @everyone (add_role)
        self.uploads: dict[str, bytes] = {}  # every attachment's bytes, by attachment id
        self.bot_permissions: dict[int, int] = {}  # per channel; unset means every permission the bot asks for
        self.deleted: set[int] = set()  # channels (or threads) deleted: every call on them is a 404
        self.revoked: set[int] = set()  # channels where the bot lost Send Messages: posts are a 403
        self.on_message: list[Callable[[int, dict], None]] = []  # hooks, e.g. drop the gateway mid-round
        # While set and not yet released, channel posts wait here: keeps a round "running" for a test.
        self.hold: asyncio.Event | None = None
        self.held = 0
        self.clock_offset = 0.0
        self.rate_limits = RateLimits(self._loop_time, rate_scale, global_limit)
        self._ids = itertools.count(910000000000000000)
        self._nonces: dict[str, dict] = {}
        self._actions: set[asyncio.Future] = set()
        self._runner: web.AppRunner | None = None
        self.changed = asyncio.Event()
        self.port = 0
        for position, (channel_id, name) in enumerate([(CHANNEL_ID, "debates"), (OTHER_CHANNEL_ID, "other")]):
            self.channels[channel_id] = text_channel(channel_id, name, position)

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

    @staticmethod
    def _loop_time() -> float:
        return asyncio.get_running_loop().time()

    def now(self) -> float:
        """The stand-in's clock: real time plus whatever ``advance`` added."""
        return self._loop_time() + self.clock_offset

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

    # --- the world, for tests -----------------------------------------------------------

    @property
    def channel_ids(self) -> list[int]:
        return list(self.channels)

    def add_channels(self, count: int, kind: int = 0) -> list[int]:
        """More channels in the guild (call before the bot connects); returns their ids."""
        start = max(self.channels) + 1
        added = list(range(start, start + count))
        for channel_id in added:
            self.channels[channel_id] = text_channel(channel_id, f"room-{len(self.channels)}", len(self.channels), kind)
        return added

    def add_announcement_channel(self) -> int:
        (channel_id,) = self.add_channels(1, ANNOUNCEMENT)
        return channel_id

    def add_role(self, name: str) -> int:
        """A role of the guild (call before the bot connects); returns its id."""
        role_id = next(self._ids)
        self.roles.append(role(role_id, name, len(self.roles) + 1))
        return role_id

    def guild_payload(self) -> dict:
        channels = [c for c in self.channels.values() if int(c["id"]) not in self.deleted]
        threads = [t for t in self.threads.values() if int(t["id"]) not in self.deleted]
        return guild(channels, threads, self.roles)

    def requests(self, method: str, pattern: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and re.fullmatch(pattern, c.path)]

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
        return super().channel_posts(channel_id)

    def message_payload(self, channel_id: int, body: dict, author: dict, files: dict | None = None) -> dict:
        made = message(next(self._ids), channel_id, body, author, files or {}, f"http://127.0.0.1:{self.port}")
        for attachment, data in zip(made["attachments"], (files or {}).values(), strict=True):
            self.uploads[attachment["id"]] = data
        return made

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
        response = await self._answer(request, call)
        call.status = response.status
        self._touch()
        return response

    async def _answer(self, request: web.Request, call: Call) -> web.StreamResponse:
        # Interaction callbacks and webhooks authenticate with the token in their path instead.
        bot_route = not call.path.startswith(("/interactions/", "/webhooks/"))
        if bot_route and request.headers.get("Authorization") != f"Bot {TOKEN}":
            return error(401, "401: Unauthorized", 0)
        headers, limited = self.rate_limits.check(call, bot_route)
        if limited is not None:
            return limited
        fault = fault_for(self.faults, call)
        if fault is not None:
            await fault.wait()
            if fault.status == 200:
                fault = None  # only slow: serve it normally
        if fault is not None and not fault.after_commit:
            return fault_response(fault)
        response = await self._rest(request)
        if fault is not None:
            return fault_response(fault)
        response.headers.update(headers)
        return response

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        call: Call = request[CALL]
        channel = re.match(r"/channels/(\d+)/", call.path)
        if channel and int(channel.group(1)) in self.deleted:
            return error(404, "Unknown Channel", 10003)
        for method, pattern, handler in self._routes():
            match = re.fullmatch(pattern, call.path)
            if method == call.method and match:
                return await handler(call, *[int(g) if g.isdigit() else g for g in match.groups()])
        return json_response({"message": f"stand-in has no route {call.method} {call.path}"}, status=404)

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
            ("GET", r"/channels/(\d+)/messages", self._history),
            ("PATCH", r"/channels/(\d+)/messages/(\d+)", self._edit_message),
            ("POST", r"/channels/(\d+)/typing", self._typing),
            ("GET", r"/channels/(\d+)/webhooks", self._list_webhooks),
            ("POST", r"/channels/(\d+)/webhooks", self._create_webhook),
            ("POST", r"/webhooks/(\d+)/([^/]+)", self._execute_webhook),
            ("POST", r"/channels/(\d+)/threads", self._create_thread),
        ]

    async def _me(self, call: Call) -> web.Response:
        return json_response(bot_user())

    async def _application(self, call: Call) -> web.Response:
        return json_response(
            {
                "id": str(APP_ID),
                "name": "Sourced debate (stand-in)",
                "icon": None,
                "description": "",
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": user(OWNER_ID, OWNER_NAME),
                "verify_key": "0" * 64,
                "flags": 0,
                "team": None,
            }
        )

    async def _gateway_bot(self, call: Call) -> web.Response:
        limits = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_response({"url": self.gateway_url, "shards": 1, "session_start_limit": limits})

    def _stored_commands(self, key: str, body: list[dict]) -> web.Response:
        stored = [{**c, "id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1"} for c in body]
        self.commands[key] = stored
        return json_response(stored)

    async def _put_guild_commands(self, call: Call, app_id: int, guild_id: int) -> web.Response:
        return self._stored_commands("guild", [{**c, "guild_id": str(guild_id)} for c in call.body])

    async def _put_global_commands(self, call: Call, app_id: int) -> web.Response:
        return self._stored_commands("global", call.body)
