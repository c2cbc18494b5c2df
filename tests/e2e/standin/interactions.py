"""Interactions as Discord runs them: answered once within 3 s, then the token lives 15 minutes.

Modelled: a second acknowledgement is refused (40060); an answer after 3 s is ``Unknown interaction``
(10062); after a deferral the first follow-up *replaces* the "thinking…" placeholder and keeps its
visibility whatever flags it asks for; follow-ups and edits of the original fail once the token is
15 minutes old (50027) on the stand-in's settable clock (``advance``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .channels import buttons
from .faults import Call
from .ids import ADMINISTRATOR, ALL_PERMISSIONS, APP_ID, BASIC_BOT_PERMISSIONS, CHANNEL_ID, GUILD_ID, USER_ID
from .shapes import bot_user, error, json_response, member, user

INTERACTION_DEADLINE = 3.0  # Discord drops an interaction nobody answered within 3 seconds
TOKEN_LIFETIME = 15 * 60.0
EPHEMERAL = 64
DEFERRED, MESSAGE, AUTOCOMPLETE = 5, 4, 8  # callback types
DEFERRED_UPDATE, UPDATE_MESSAGE = 6, 7  # only for a component's interaction: acknowledge, or edit its message
COMMAND, COMPONENT = 2, 3  # interaction types


@dataclass
class Interaction:
    id: int
    token: str
    dispatched_at: float
    channel_id: int = CHANNEL_ID
    kind: int = COMMAND
    message_id: int | None = None  # a component's interaction: the message whose button was pressed
    answered: bool = False
    answered_at: float | None = None
    late: bool = False  # the bot tried to answer after the deadline (Discord says Unknown interaction)
    response_type: int | None = None
    original: dict | None = None  # the response message, once there is one (its flags fixed at creation)
    loading: bool = False  # deferred, and the placeholder not yet replaced
    followups: list[dict] = field(default_factory=list)  # messages after the original, each with its flags
    refused: list[int] = field(default_factory=list)  # Discord error codes the bot's calls got

    @property
    def settled(self) -> bool:
        """Answered, and no "thinking…" placeholder left: what the user sees is final for now."""
        return self.original is not None and not self.loading

    def seen(self) -> list[tuple[bool, str]]:
        """What the user was shown, in order: (public, text) for the original and each follow-up."""
        shown = [self.original] if self.original is not None else []
        return [(not m["flags"] & EPHEMERAL, m["content"]) for m in [*shown, *self.followups]]


_TYPES = {str: 3, int: 4, bool: 5}
SUB_COMMAND = 1


def _options(options: dict[str, Any], focused: str | None) -> list[dict]:
    """Options as Discord sends them; a dict value is a subcommand (``{"set": {...}}``) with its own."""
    sent = []
    for key, value in options.items():
        if isinstance(value, dict):
            sent.append({"name": key, "type": SUB_COMMAND, "options": _options(value, focused)})
        else:
            sent.append(
                {
                    "name": key,
                    "type": _TYPES[type(value)],
                    "value": value,
                    **({"focused": True} if key == focused else {}),
                }
            )
    return sent


class InteractionsMixin:
    """Mixed into DiscordStandIn; uses its clock (``now``), ``dispatch`` and channel model."""

    interactions: dict[str, Interaction]

    def advance(self, seconds: float) -> None:
        """Move the stand-in's clock on (interaction deadlines and token lifetimes), without sleeping."""
        self.clock_offset += seconds

    async def interact(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user_id: int = USER_ID,
        channel_id: int = CHANNEL_ID,
        member_permissions: int = BASIC_BOT_PERMISSIONS,
        app_permissions: int | None = None,
        kind: int = 2,
        focused: str | None = None,
        roles: tuple[int, ...] = (),
    ) -> Interaction:
        """Send an INTERACTION_CREATE for a slash command (kind 2) or an autocomplete (kind 4).

        ``app_permissions`` defaults to what the bot may do in that channel (``bot_permissions``).
        """
        assert self.gateway.socket is not None, "the bot is not connected to the gateway"
        if member_permissions & ADMINISTRATOR:  # Discord sends an administrator's permissions as all of them
            member_permissions = ALL_PERMISSIONS
        if app_permissions is None:
            app_permissions = self.permissions_in(channel_id)
        if kind == COMPONENT:
            return await self._component(options or {}, user_id, channel_id, member_permissions, app_permissions, roles)
        data_options = _options(options or {}, focused)
        command_id = next((c["id"] for c in self.commands.get("guild", []) if c["name"] == name), "0")
        data = {"id": command_id, "name": name, "type": 1, "guild_id": str(GUILD_ID), "options": data_options}
        return await self._send_interaction(kind, data, user_id, channel_id, member_permissions, app_permissions, roles)

    async def click(
        self,
        message: dict,
        label: str,
        *,
        user_id: int = USER_ID,
        member_permissions: int = BASIC_BOT_PERMISSIONS,
        roles: tuple[int, ...] = (),
    ) -> Interaction:
        """Someone presses the button labelled ``label`` under ``message`` (a component interaction, type 3).

        Discord only sends this for a button the message shows now: a removed button cannot be pressed."""
        channel_id = int(message["channel_id"])
        current = self.find_message(channel_id, int(message["id"]))
        assert current is not None, "the message is gone"
        pressed = [b for b in buttons(current) if b.get("label") == label]
        assert pressed, f"no {label!r} button under the message: {[b.get('label') for b in buttons(current)]}"
        options = {"message": current, "custom_id": pressed[0]["custom_id"]}
        return await self.interact(
            "",
            options,
            user_id=user_id,
            channel_id=channel_id,
            kind=COMPONENT,
            member_permissions=member_permissions,
            roles=roles,
        )

    async def _component(
        self, options: dict, user_id: int, channel_id: int, permissions: int, app_permissions: int, roles: tuple
    ) -> Interaction:
        shown = {k: v for k, v in options["message"].items() if k != "request"}
        data = {"custom_id": options["custom_id"], "component_type": 2}
        record = await self._send_interaction(
            COMPONENT, data, user_id, channel_id, permissions, app_permissions, roles, message=shown
        )
        return record

    async def _send_interaction(
        self,
        kind: int,
        data: dict,
        user_id: int,
        channel_id: int,
        member_permissions: int,
        app_permissions: int,
        roles: tuple[int, ...],
        message: dict | None = None,
    ) -> Interaction:
        number = next(self._ids)
        token = f"interaction-token-{number}"
        who = {**member(user(user_id, f"user{user_id % 1000}")), "roles": [str(r) for r in roles]}
        payload = {
            "id": str(number),
            "application_id": str(APP_ID),
            "type": kind,
            "token": token,
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(channel_id),
            "channel": self.channel_object(channel_id),  # the full object, threads included, as Discord sends
            "member": {**who, "permissions": str(member_permissions)},
            "app_permissions": str(app_permissions),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
            "data": data,
            **({"message": message} if message is not None else {}),
        }
        record = Interaction(number, token, self.now(), channel_id, kind=kind)
        if message is not None:
            record.message_id = int(message["id"])
        self.interactions[token] = record
        await self.dispatch("INTERACTION_CREATE", payload)
        return record

    def _refuse(self, record: Interaction | None, status: int, message: str, code: int) -> web.Response:
        if record is not None:
            record.refused.append(code)
        return error(status, message, code)

    async def _callback(self, call: Call, interaction_id: int, token: str) -> web.Response:
        record = self.interactions.get(token)
        if record is None:
            return error(404, "Unknown interaction", 10062)
        if record.answered:
            return self._refuse(record, 400, "Interaction has already been acknowledged.", 40060)
        if self.now() - record.dispatched_at > INTERACTION_DEADLINE:
            record.late = True
            return self._refuse(record, 404, "Unknown interaction", 10062)
        record.answered, record.answered_at = True, self.now()
        kind = call.body["type"]
        record.response_type = kind
        if kind == AUTOCOMPLETE:
            return web.Response(status=204)
        data = call.body.get("data") or {}
        if kind in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            if record.kind != COMPONENT or record.message_id is None:
                return self._refuse(record, 400, "Interaction response type is invalid for this interaction", 50035)
            pressed = self.find_message(record.channel_id, record.message_id)
            assert pressed is not None
            if kind == UPDATE_MESSAGE:
                self.update_message(pressed, data)
            return json_response(
                {"interaction": {"id": str(interaction_id), "type": COMPONENT}, "resource": {"type": kind}}
            )
        resource: dict[str, Any] = {"type": kind}
        if kind in (MESSAGE, DEFERRED):
            record.original = self.message_payload(record.channel_id, data, bot_user(), call.files)
            record.loading = kind == DEFERRED
            if kind == MESSAGE:
                resource["message"] = record.original
        return json_response(
            {
                "interaction": {
                    "id": str(interaction_id),
                    "type": 2,
                    "response_message_loading": kind == DEFERRED,
                    "response_message_ephemeral": bool(data.get("flags", 0) & EPHEMERAL),
                },
                "resource": resource,
            }
        )

    def _token_problem(self, record: Interaction | None) -> web.Response | None:
        if record is None or self.now() - record.dispatched_at > TOKEN_LIFETIME:
            return self._refuse(record, 401, "Invalid Webhook Token", 50027)
        if record.channel_id in self.deleted:
            return self._refuse(record, 404, "Unknown Channel", 10003)
        if record.original is None:
            return self._refuse(record, 404, "Unknown Message", 10008)
        return None

    async def _edit_original(self, call: Call, token: str) -> web.Response:
        record = self.interactions.get(token)
        problem = self._token_problem(record)
        if problem is not None:
            return problem
        assert record is not None and record.original is not None
        # An edit cannot change who sees the message: the flags stay those of the response.
        return self._replace_original(record, call.body or {})

    @staticmethod
    def _replace_original(record, body: dict) -> web.Response:
        """The original response takes the new content and embeds, and is no longer 'thinking'."""
        record.original.update(content=body.get("content") or "", embeds=body.get("embeds") or [], request=body)
        record.loading = False
        return json_response(record.original)

    async def _followup(self, call: Call, token: str) -> web.Response:
        record = self.interactions.get(token)
        problem = self._token_problem(record)
        if problem is not None:
            return problem
        assert record is not None and record.original is not None
        body = call.body or {}
        if record.loading:
            # The first follow-up after a deferral *is* the response: it keeps the deferral's visibility.
            return self._replace_original(record, body)
        message = self.message_payload(record.channel_id, body, bot_user(), call.files)
        record.followups.append(message)
        return json_response(message)
