"""Payloads shaped as Discord's API v10 sends them: the fields discord.py's parsers require, and no more."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from .ids import BASIC_BOT_PERMISSIONS, BOT_ID, GUILD_ID, OWNER_ID

TIMESTAMP = "2026-01-01T00:00:00+00:00"
TEXT, ANNOUNCEMENT = 0, 5  # channel types
ANNOUNCEMENT_THREAD, PUBLIC_THREAD, PRIVATE_THREAD = 10, 11, 12


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """discord.py only parses bodies whose Content-Type is exactly application/json, as Discord sends."""
    body = json.dumps(data).encode()
    return web.Response(body=body, status=status, headers={"Content-Type": "application/json", **(headers or {})})


def error(status: int, message: str, code: int) -> web.Response:
    return json_response({"message": message, "code": code}, status=status)


def user(user_id: int, name: str, bot: bool = False) -> dict:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": None,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


def bot_user() -> dict:
    return user(BOT_ID, "sourced-debate", bot=True)


def member(of: dict) -> dict:
    return {
        "user": of,
        "nick": None,
        "avatar": None,
        "roles": [],
        "joined_at": TIMESTAMP,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }


def text_channel(channel_id: int, name: str, position: int, kind: int = TEXT) -> dict:
    """A full guild channel object, as GUILD_CREATE and interaction payloads carry it."""
    return {
        "id": str(channel_id),
        "type": kind,
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


def thread(thread_id: int, parent_id: int, name: str, kind: int, archive_after: int = 60) -> dict:
    return {
        "id": str(thread_id),
        "type": kind,
        "guild_id": str(GUILD_ID),
        "parent_id": str(parent_id),
        "owner_id": str(BOT_ID),
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": archive_after,
            "archive_timestamp": TIMESTAMP,
            "locked": False,
        },
    }


def role(role_id: int, name: str, position: int) -> dict:
    return {
        "id": str(role_id),
        "name": name,
        "permissions": "0",
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def guild(channels: list[dict], threads: list[dict], roles: list[dict] = ()) -> dict:
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
            },
            *roles,
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
        "joined_at": TIMESTAMP,
        "large": False,
        "unavailable": False,
        "member_count": 2,
        "voice_states": [],
        "members": [member(bot_user())],
        "channels": channels,
        "threads": threads,
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def message(message_id: int, channel_id: int, body: dict, author: dict, files: dict[str, bytes], base_url: str) -> dict:
    attachments = [
        {
            "id": f"{message_id}{n}",
            "filename": name,
            "size": len(data),
            "url": f"{base_url}/attachments/{name}",
            "proxy_url": f"{base_url}/attachments/{name}",
            "text": data.decode("utf-8", "replace"),  # not in Discord's payload; kept for assertions
        }
        for n, (name, data) in enumerate(files.items())
    ]
    return {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "guild_id": str(GUILD_ID),
        "author": author,
        "content": body.get("content") or "",
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "pinned": False,
        "type": 0,
        "flags": body.get("flags", 0),
        "nonce": body.get("nonce"),
        "webhook_id": body.get("webhook_id"),
        "request": body,  # not in Discord's payload; the body as sent, for assertions
    }
