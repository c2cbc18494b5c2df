"""Channel webhooks as Discord checks them: Manage Webhooks to list or make one, at most 15 per channel,
names of 1 to 80 characters with zero-width characters stripped and no "discord" or "clyde", ``thread_id``
naming a live thread of the webhook's own channel, and ``wait`` deciding whether the message comes back.
"""

from __future__ import annotations

import re

from aiohttp import web

from .faults import Call
from .ids import APP_ID, GUILD_ID, MANAGE_WEBHOOKS
from .shapes import bot_user, error, json_response

WEBHOOKS_PER_CHANNEL = 15
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_FORBIDDEN = re.compile("discord|clyde", re.IGNORECASE)


def name_problem(name: object) -> str | None:
    """Why Discord would refuse this webhook name or username, or None."""
    if not isinstance(name, str):
        return "must be a string"
    shown = _ZERO_WIDTH.sub("", name).strip()
    if not 1 <= len(shown) <= 80:
        return "must be between 1 and 80 in length"
    if _FORBIDDEN.search(shown):
        return f'username cannot contain "{_FORBIDDEN.search(shown).group(0).lower()}"'
    return None


def _invalid(field: str, why: str) -> web.Response:
    return error(400, f"Invalid Form Body ({field}: {why})", 50035)


class WebhooksMixin:
    """Mixed into DiscordStandIn; uses its ``webhooks``, ``threads`` and ``permissions_in``."""

    webhooks: dict[int, dict]

    def add_webhook(self, channel_id: int, name: str, owner: dict | None = None) -> dict:
        """A channel webhook, made by the bot unless ``owner`` (another user or integration) is given."""
        number = next(self._ids)
        self.webhooks[number] = {
            "id": str(number),
            "type": 1,
            "token": f"webhook-token-{number}",
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
            "name": name,
            "avatar": None,
            "user": owner or bot_user(),
            "application_id": str(APP_ID) if owner is None else None,
        }
        return self.webhooks[number]

    def delete_webhook(self, webhook_id: int) -> None:
        """A moderator deletes the webhook (Server Settings > Integrations)."""
        del self.webhooks[webhook_id]

    async def _list_webhooks(self, call: Call, channel_id: int) -> web.Response:
        if not self.permissions_in(channel_id) & MANAGE_WEBHOOKS:
            return error(403, "Missing Permissions", 50013)
        return json_response([w for w in self.webhooks.values() if w["channel_id"] == str(channel_id)])

    async def _create_webhook(self, call: Call, channel_id: int) -> web.Response:
        if not self.permissions_in(channel_id) & MANAGE_WEBHOOKS:
            return error(403, "Missing Permissions", 50013)
        if channel_id in self.threads:
            return error(400, "Cannot execute action on this channel type", 50024)
        problem = name_problem((call.body or {}).get("name"))
        if problem:
            return _invalid("name", problem)
        if sum(w["channel_id"] == str(channel_id) for w in self.webhooks.values()) >= WEBHOOKS_PER_CHANNEL:
            return error(400, "Maximum number of webhooks reached (15)", 30007)
        return json_response(self.add_webhook(channel_id, call.body["name"]))

    async def _execute_webhook(self, call: Call, webhook_id: int, token: str) -> web.Response:
        hook = self.webhooks.get(webhook_id)
        if hook is None or hook["token"] != token:
            return error(404, "Unknown Webhook", 10015)
        body = call.body or {}
        channel_id = int(hook["channel_id"])
        if "thread_id" in call.query:
            thread = self.threads.get(int(call.query["thread_id"])) if call.query["thread_id"].isdigit() else None
            if thread is None or int(thread["id"]) in self.deleted or thread["parent_id"] != hook["channel_id"]:
                return error(400, "Unknown Channel", 10003)
            channel_id = int(thread["id"])
        if channel_id in self.deleted:
            return error(404, "Unknown Channel", 10003)
        if "username" in body:
            problem = name_problem(body["username"])
            if problem:
                return _invalid("username", problem)
        shown = _ZERO_WIDTH.sub("", body.get("username") or hook["name"])  # Discord strips them
        author = {"id": str(webhook_id), "username": shown, "bot": True}
        author.update(discriminator="0000", avatar=None)
        message = self.store(channel_id, {**body, "webhook_id": str(webhook_id)}, author, call)
        if call.query.get("wait", "false").lower() not in ("true", "1"):
            return web.Response(status=204)  # posted, but without wait=true Discord returns no message
        return json_response(message)
