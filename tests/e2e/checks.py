"""Assertions on recorded REST bodies: Discord's limits and the no-mentions rule, as a user would hit them."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from bot.debate import Planner
from bot.discord_app.payloads import Payloads
from bot.search.ranker import Ranker

from .standin import CHANNEL_ID, GUILD_ID, Call, DiscordStandIn, Interaction

_EMBED_LIMITS = {"title": 256, "description": 4096}
TOPIC = "open source"
EPHEMERAL = 64


def message_body(call: Call) -> dict[str, Any] | None:
    """The message a call creates or edits, or None for calls that post nothing."""
    body = call.body if isinstance(call.body, dict) else None
    if body is None:
        return None
    if call.path.endswith("/callback"):
        body = body.get("data") or None
    if body is None or not (body.get("content") or body.get("embeds") or call.files):
        return None
    return body


def limit_problems(body: dict[str, Any]) -> list[str]:
    problems = []
    if len(body.get("content") or "") > 2000:
        problems.append("content over 2000")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        problems.append("over 10 embeds")
    total = 0
    for embed in embeds:
        for key, limit in _EMBED_LIMITS.items():
            if len(embed.get(key) or "") > limit:
                problems.append(f"embed {key} over {limit}")
        author = (embed.get("author") or {}).get("name") or ""
        footer = (embed.get("footer") or {}).get("text") or ""
        fields = embed.get("fields") or []
        if len(author) > 256 or len(footer) > 2048 or len(fields) > 25:
            problems.append("embed author, footer or fields over the limit")
        if any(len(f["value"]) > 1024 or len(f["name"]) > 256 for f in fields):
            problems.append("embed field over the limit")
        total += len(embed.get("title") or "") + len(embed.get("description") or "") + len(author) + len(footer)
        total += sum(len(f["name"]) + len(f["value"]) for f in fields)
    if total > 6000:
        problems.append("embeds over 6000 in all")
    if len(body.get("username") or "") > 80:
        problems.append("webhook username over 80")
    return problems


def assert_every_post_is_safe(standin: DiscordStandIn) -> int:
    """Every message the bot sent fits Discord's limits and can mention nobody; returns how many."""
    count = 0
    for call in standin.calls:
        body = message_body(call)
        if body is None:
            continue
        count += 1
        assert body.get("allowed_mentions") == {"parse": []}, (call.path, body.get("allowed_mentions"))
        assert not limit_problems(body), (call.path, limit_problems(body))
    return count


def visible(message: dict[str, Any]) -> tuple:
    """What a reader sees of a posted message: author label, text and embeds."""
    embeds = tuple(
        (
            (e.get("author") or {}).get("name"),
            e.get("title"),
            e.get("description"),
            (e.get("footer") or {}).get("text"),
        )
        for e in message["embeds"]
    )
    username = message["author"]["username"] if message.get("webhook_id") else None
    return username, message["content"] or None, embeds


def expected(spec) -> tuple:
    """The same view of a MessageSpec the bot meant to send."""
    embeds = tuple((e.author, e.title, e.description, e.footer) for e in spec.embeds)
    return spec.username, spec.content, embeds


def planned(payloads: Payloads, webhook: bool, topic: str = TOPIC) -> list[tuple]:
    """Every message the round should post, in order, as a reader would see it."""
    plan = Planner(Ranker(payloads.data)).debate(topic, None, 3)
    steps = payloads.debate_steps(plan, webhook=webhook)
    return [expected(m) for step in steps for m in step.messages]


async def run_round(standin: DiscordStandIn, count: int, channel_id: int = CHANNEL_ID, **options) -> list[dict]:
    """Start /debate on TOPIC and wait until ``count`` messages are in the channel and the command answered.

    ``_app_permissions`` in ``options`` sets what the bot may do there (default: everything, webhooks too).
    """
    permissions = {"app_permissions": options.pop("_app_permissions")} if "_app_permissions" in options else {}
    interaction = await standin.interact("debate", {"topic": TOPIC, **options}, channel_id=channel_id, **permissions)
    await standin.wait_until(lambda: len(standin.channel_posts(channel_id)) >= count)
    await standin.wait_until(lambda: interaction.answered)
    return standin.channel_posts(channel_id)


async def rounds_recorded(bot, count: int, guild_id: int = GUILD_ID, timeout: float = 15.0) -> list:
    """Wait until the bot's store holds ``count`` rounds of the guild (a round records itself after its last
    post, so the channel alone does not tell); returns them, the latest first."""

    async def poll() -> list:
        while len(found := await bot.store.recent_rounds(guild_id, 100)) < count:
            await asyncio.sleep(0.02)
        return found

    return await asyncio.wait_for(poll(), timeout)


async def answered(standin: DiscordStandIn, name: str, options: dict | None = None, **kwargs) -> Interaction:
    """Run a command and wait until its first answer is final (no "thinking…" left)."""
    interaction = await standin.interact(name, options, **kwargs)
    await standin.wait_until(lambda: interaction.settled)
    return interaction


def text(interaction: Interaction) -> str:
    """What the member reads, every message joined: Markdown escapes (``rounds\\_cap``) show as the character."""
    return "\n".join(re.sub(r"\\(.)", r"\1", shown) for _, shown in interaction.seen())
