"""A loopback Discord stand-in, as strict as Discord where this bot can meet it: REST routes and a gateway
websocket on 127.0.0.1 only. One module per concern: ids, payload shapes, faults, rate limits, the
gateway, interactions, channels and threads, webhooks; ``server`` puts them together.
"""

from .faults import Call, Fault
from .gateway import HEARTBEAT_MS
from .ids import (
    ADMINISTRATOR,
    ALL_BOT_PERMISSIONS,
    ALL_PERMISSIONS,
    API,
    APP_ID,
    ATTACH_FILES,
    BASIC_BOT_PERMISSIONS,
    BOT_ID,
    CHANNEL_ID,
    CREATE_PUBLIC_THREADS,
    EMBED_LINKS,
    GUILD_ID,
    MANAGE_MESSAGES,
    MANAGE_WEBHOOKS,
    OTHER_CHANNEL_ID,
    OWNER_ID,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    TOKEN,
    USER_ID,
    VIEW_CHANNEL,
)
from .interactions import EPHEMERAL, INTERACTION_DEADLINE, TOKEN_LIFETIME, Interaction
from .server import DiscordStandIn

__all__ = [
    "ADMINISTRATOR",
    "ALL_BOT_PERMISSIONS",
    "ALL_PERMISSIONS",
    "API",
    "APP_ID",
    "ATTACH_FILES",
    "BASIC_BOT_PERMISSIONS",
    "BOT_ID",
    "CHANNEL_ID",
    "CREATE_PUBLIC_THREADS",
    "Call",
    "DiscordStandIn",
    "EMBED_LINKS",
    "EPHEMERAL",
    "Fault",
    "GUILD_ID",
    "HEARTBEAT_MS",
    "INTERACTION_DEADLINE",
    "Interaction",
    "MANAGE_MESSAGES",
    "MANAGE_WEBHOOKS",
    "OTHER_CHANNEL_ID",
    "OWNER_ID",
    "READ_MESSAGE_HISTORY",
    "SEND_MESSAGES",
    "SEND_MESSAGES_IN_THREADS",
    "TOKEN",
    "TOKEN_LIFETIME",
    "USER_ID",
    "VIEW_CHANNEL",
]
