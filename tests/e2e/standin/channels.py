"""Channels, threads and their messages: what the bot may do where, as Discord checks it.

Channel posts need Send Messages (in a thread: Send Messages in Threads); a thread's type must suit its
parent (public or private in a text channel, announcement threads in an announcement channel); history
needs Read Message History. A nonce with ``enforce_nonce`` makes a retried post return the first message.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from .faults import Call
from .ids import (
    ALL_BOT_PERMISSIONS,
    CREATE_PUBLIC_THREADS,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
)
from .shapes import (
    ANNOUNCEMENT,
    ANNOUNCEMENT_THREAD,
    PRIVATE_THREAD,
    PUBLIC_THREAD,
    TEXT,
    bot_user,
    error,
    json_response,
    thread,
)

THREAD_TYPES = {TEXT: {PUBLIC_THREAD, PRIVATE_THREAD}, ANNOUNCEMENT: {ANNOUNCEMENT_THREAD}}
MISSING_PERMISSIONS = (403, "Missing Permissions", 50013)
ACTION_ROW, BUTTON = 1, 2  # component types


def components_problem(components: object) -> str | None:
    """Why Discord would refuse these message components (action rows of buttons), or None."""
    if not isinstance(components, list) or len(components) > 5:
        return "components: at most 5 action rows"
    ids = []
    for row in components:
        children = row.get("components") or []
        if row.get("type") != ACTION_ROW or not 1 <= len(children) <= 5:
            return "components: each must be an action row of 1 to 5 components"
        for child in children:
            if child.get("type") == BUTTON and len(child.get("label") or "") > 80:
                return "components.label: must be 80 or fewer in length"
            if child.get("type") == BUTTON and child.get("style") != 5:  # every non-link button has an id
                ids.append(child.get("custom_id") or "")
    if any(not 1 <= len(i) <= 100 for i in ids):
        return "components.custom_id: must be between 1 and 100 in length"
    if len(set(ids)) != len(ids):
        return "components.custom_id: component custom id cannot be duplicated"
    return None


def buttons(message: dict) -> list[dict]:
    """The buttons a reader sees under a message, in order."""
    return [child for row in message.get("components") or [] for child in row.get("components") or []]


class ChannelsMixin:
    """Mixed into DiscordStandIn; uses its ``channels``, ``threads``, ``messages`` and permission maps."""

    channels: dict[int, dict]
    threads: dict[int, dict]
    messages: dict[int, list[dict]]
    bot_permissions: dict[int, int]
    revoked: set[int]

    # --- the model ----------------------------------------------------------------------

    def permissions_in(self, channel_id: int) -> int:
        """The bot's permissions in a channel; a thread has its parent's."""
        parent = self.threads.get(channel_id, {}).get("parent_id")
        where = int(parent) if parent else channel_id
        return self.bot_permissions.get(where, ALL_BOT_PERMISSIONS)

    def channel_object(self, channel_id: int) -> dict:
        """The full channel (or thread) object Discord puts in interaction payloads."""
        return self.threads.get(channel_id) or self.channels[channel_id]

    def _may_post(self, channel_id: int) -> bool:
        needed = SEND_MESSAGES_IN_THREADS if channel_id in self.threads else SEND_MESSAGES
        return channel_id not in self.revoked and bool(self.permissions_in(channel_id) & needed)

    def channel_posts(self, channel_id: int) -> list[dict]:
        """Messages that exist in a channel (after de-duplication), in order."""
        return self.messages.get(channel_id, [])

    def store(self, channel_id: int, body: dict, author: dict, call: Call) -> dict:
        message = self.message_payload(channel_id, body, author, call.files)
        self.messages.setdefault(channel_id, []).append(message)
        for hook in list(self.on_message):
            hook(channel_id, message)
        return message

    def earlier_post(self, channel_id: int, body: dict) -> dict:
        """A message the bot posted before this run (a header whose buttons a killed bot never took away)."""
        return self.store(channel_id, body, bot_user(), Call("POST", f"/channels/{channel_id}/messages", {}, body, {}))

    async def delete_channel(self, channel_id: int) -> None:
        """Someone deletes the channel: Discord tells the bot, and its webhooks go with it."""
        self.deleted.add(channel_id)
        self.webhooks = {k: w for k, w in self.webhooks.items() if int(w["channel_id"]) != channel_id}
        await self.dispatch("CHANNEL_DELETE", self.channels.get(channel_id) or self.threads[channel_id])

    # --- routes -------------------------------------------------------------------------

    async def _create_message(self, call: Call, channel_id: int) -> web.Response:
        body = call.body or {}
        if not self._may_post(channel_id):
            return error(*MISSING_PERMISSIONS)
        if "components" in body and components_problem(body["components"]):
            return error(400, f"Invalid Form Body ({components_problem(body['components'])})", 50035)
        if self.hold is not None and not self.hold.is_set():
            self.held += 1
            self._touch()
            await self.hold.wait()
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce") and nonce in self._nonces:
            return json_response(self._nonces[nonce])  # Discord returns the message it already made
        message = self.store(channel_id, body, bot_user(), call)
        if nonce:
            self._nonces[nonce] = message
        return json_response(message)

    def find_message(self, channel_id: int, message_id: int) -> dict | None:
        return next((m for m in self.channel_posts(channel_id) if int(m["id"]) == message_id), None)

    def update_message(self, message: dict, body: dict) -> None:
        """An edit changes only the fields it sends, as Discord's PATCH does (``components: []`` removes them)."""
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = body[key] if body[key] is not None else ([] if key != "content" else "")
        message["edited_timestamp"] = "2026-01-01T00:00:01+00:00"

    async def _edit_message(self, call: Call, channel_id: int, message_id: int) -> web.Response:
        message = self.find_message(channel_id, message_id)
        if message is None:
            return error(404, "Unknown Message", 10008)
        if message["author"]["id"] != bot_user()["id"] or message.get("webhook_id"):
            return error(403, "Cannot edit a message authored by another user", 50005)
        body = call.body or {}
        if "components" in body and components_problem(body["components"]):
            return error(400, f"Invalid Form Body ({components_problem(body['components'])})", 50035)
        self.update_message(message, body)
        return json_response(message)

    async def _history(self, call: Call, channel_id: int) -> web.Response:
        if not self.permissions_in(channel_id) & READ_MESSAGE_HISTORY:
            return error(*MISSING_PERMISSIONS)
        after = int(call.query.get("after") or 0)
        limit = min(100, int(call.query.get("limit") or 50))
        newer = [m for m in self.channel_posts(channel_id) if int(m["id"]) > after]
        # Discord answers newest first, whichever way it was asked.
        return json_response(list(reversed(newer[:limit] if after else newer[-limit:])))

    async def _typing(self, call: Call, channel_id: int) -> web.Response:
        return web.Response(status=204)

    async def _create_thread(self, call: Call, channel_id: int) -> web.Response:
        parent = self.channels.get(channel_id)
        kind = call.body.get("type", PRIVATE_THREAD)  # Discord's default, as documented
        if parent is None:
            return error(404, "Unknown Channel", 10003)
        if not self.permissions_in(channel_id) & CREATE_PUBLIC_THREADS:
            return error(*MISSING_PERMISSIONS)
        if kind not in THREAD_TYPES.get(parent["type"], set()):
            return error(400, "Invalid Form Body (type: this thread type is not allowed here)", 50035)
        number = next(self._ids)
        created = thread(number, channel_id, call.body["name"], kind, call.body.get("auto_archive_duration", 60))
        self.threads[number] = created
        await self.dispatch("THREAD_CREATE", {**created, "newly_created": True})
        return json_response(created)

    def hold_posts(self) -> asyncio.Event:
        """Keep channel posts waiting until the returned event is set (a round stays "running")."""
        self.hold = asyncio.Event()
        return self.hold

    async def user_thread(self, parent_id: int, kind: int, announce: bool = True) -> int:
        """A thread someone opened; ``announce=False`` skips THREAD_CREATE (the bot was away, say)."""
        number = next(self._ids)
        self.threads[number] = thread(number, parent_id, f"thread-{number}", kind)
        if announce:
            await self.dispatch("THREAD_CREATE", {**self.threads[number], "newly_created": True})
        return number
