"""MessageSpecs onto Discord: channel posts, webhook posts and interaction replies, never mentioning anyone."""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable
from typing import Any

import discord

from .payloads import MessageSpec

log = logging.getLogger(__name__)

WEBHOOK_NAME = "Sourced debate"
NO_MENTIONS = discord.AllowedMentions.none()


def to_embed(spec) -> discord.Embed:
    embed = discord.Embed(description=spec.description, title=spec.title, colour=spec.colour)
    if spec.author:
        embed.set_author(name=spec.author)
    if spec.footer:
        embed.set_footer(text=spec.footer)
    for name, value in spec.fields:
        embed.add_field(name=name, value=value, inline=False)
    return embed


def send_kwargs(message: MessageSpec) -> dict[str, Any]:
    """Keyword arguments for send(); every send goes through here, so none can mention anyone."""
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
    if message.content:
        kwargs["content"] = message.content
    if message.embeds:
        kwargs["embeds"] = [to_embed(e) for e in message.embeds]
    if message.attachment:
        name, text = message.attachment
        kwargs["file"] = discord.File(io.BytesIO(text.encode("utf-8")), filename=name)
    return kwargs


async def reply(interaction: discord.Interaction, messages: list[MessageSpec], ephemeral: bool = False) -> None:
    """Answer an interaction with one or more messages (the first as the response when still open)."""
    for message in messages:
        kwargs = send_kwargs(message)
        if not interaction.response.is_done():
            await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
        else:
            await interaction.followup.send(ephemeral=ephemeral, **kwargs)


class Poster:
    """Posts a debate's messages into one channel or thread, through a webhook when it has one."""

    def __init__(
        self,
        target: discord.abc.Messageable,
        webhook: discord.Webhook | None = None,
        on_webhook_gone: Callable[[], None] | None = None,
    ):
        self.target = target
        self.webhook = webhook
        self.on_webhook_gone = on_webhook_gone

    async def typing(self) -> None:
        # The indicator is a nicety; a failure here must not end the round.
        with contextlib.suppress(discord.HTTPException):
            await self.target.typing()

    async def post(self, message: MessageSpec, nonce: str | None = None) -> None:
        kwargs = send_kwargs(message)
        if message.username and self.webhook is not None:
            if isinstance(self.target, discord.Thread):
                kwargs["thread"] = self.target
            try:
                await self.webhook.send(username=message.username, wait=True, **kwargs)
            except discord.NotFound:
                # Someone deleted the webhook: the next round makes a new one.
                if self.on_webhook_gone is not None:
                    self.on_webhook_gone()
                raise
        else:
            # The nonce makes Discord drop a duplicate if a retried request had in fact gone through.
            await self.target.send(nonce=nonce, **kwargs)


class WebhookCache:
    """One webhook per channel, made once by the bot and reused by every later round."""

    def __init__(self) -> None:
        self._hooks: dict[int, discord.Webhook] = {}

    async def get(self, channel: discord.TextChannel, me: discord.abc.User) -> discord.Webhook | None:
        hook = self._hooks.get(channel.id)
        if hook is not None:
            return hook
        try:
            hooks = await channel.webhooks()
            hook = next((h for h in hooks if h.user is not None and h.user.id == me.id and h.token), None)
            if hook is None:
                hook = await channel.create_webhook(name=WEBHOOK_NAME, reason="sourced debate rounds")
        except discord.HTTPException as exc:
            log.warning("webhook mode unavailable in channel %s (%s); posting embeds instead", channel.id, exc.status)
            return None
        self._hooks[channel.id] = hook
        return hook

    def forget(self, channel_id: int) -> None:
        self._hooks.pop(channel_id, None)
