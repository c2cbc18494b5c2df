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
UNKNOWN_WEBHOOK = 10015  # Discord's error code when a webhook was deleted
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
        name, data = message.attachment
        raw = data.encode("utf-8") if isinstance(data, str) else data
        kwargs["file"] = discord.File(io.BytesIO(raw), filename=name)
    return kwargs


async def reply(interaction: discord.Interaction, messages: list[MessageSpec], ephemeral: bool = False) -> None:
    """Answer an interaction with one or more messages (the first as the response when still open)."""
    for message in messages:
        kwargs = send_kwargs(message)
        if not interaction.response.is_done():
            await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
        else:
            await interaction.followup.send(ephemeral=ephemeral, **kwargs)


class PostInDoubt(Exception):
    """A webhook post answered 5xx: it may have gone through, so it is checked before it is sent again."""

    def __init__(self, status: int):
        super().__init__(f"webhook post answered {status}")
        self.status, self.text = status, "the post may or may not have gone through"


class _CheckedAnswer:
    """One request's answer: a 5xx raises PostInDoubt instead of reaching discord.py's blind retry."""

    def __init__(self, pending: Any):
        self._pending = pending

    async def __aenter__(self) -> Any:
        response = await self._pending.__aenter__()
        if response.status >= 500:
            await self._pending.__aexit__(None, None, None)
            raise PostInDoubt(response.status)
        return response

    async def __aexit__(self, *exc_info: Any) -> Any:
        return await self._pending.__aexit__(*exc_info)


class NoBlindRetry:
    """The session a webhook uses: webhook posts carry no nonce, so discord.py's retry of a 5xx could
    post a turn twice; with this session the Poster checks the channel before posting again."""

    def __init__(self, session: Any):
        self._session = session

    def request(self, *args: Any, **kwargs: Any) -> _CheckedAnswer:
        return _CheckedAnswer(self._session.request(*args, **kwargs))


def _same(posted: discord.Message, kwargs: dict[str, Any], webhook_id: int) -> bool:
    embeds = [e.to_dict() for e in kwargs.get("embeds", [])]
    mine = [(e.get("description"), (e.get("author") or {}).get("name")) for e in embeds]
    theirs = [(e.description, e.author.name) for e in posted.embeds]
    return posted.webhook_id == webhook_id and mine == theirs and (posted.content or None) == kwargs.get("content")


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
        self.last_id: int | None = None  # the round's latest message, where a doubtful post would follow

    async def typing(self) -> None:
        # The indicator is a nicety; a failure here must not end the round.
        with contextlib.suppress(discord.HTTPException):
            await self.target.typing()

    async def post(
        self, message: MessageSpec, nonce: str | None = None, view: discord.ui.View | None = None
    ) -> discord.Message:
        """Post one message (with ``view``'s buttons when given; only the bot's own posts carry any)."""
        kwargs = send_kwargs(message)
        if message.username and self.webhook is not None:
            if isinstance(self.target, discord.Thread):
                kwargs["thread"] = self.target
            try:
                posted = await self._voice(message.username, kwargs)
                self.last_id = posted.id
                return posted
            except discord.NotFound as exc:
                if exc.code != UNKNOWN_WEBHOOK:
                    raise
                # A moderator deleted the webhook: the round goes on with embeds (the same label as author),
                # and the next round makes a new webhook.
                log.warning("the debate webhook in channel %s was deleted; posting embeds instead", self.target.id)
                self.webhook = None
                if self.on_webhook_gone is not None:
                    self.on_webhook_gone()
                kwargs = send_kwargs(message)
        # The nonce makes Discord drop a duplicate if a retried request had in fact gone through.
        if view is not None:
            kwargs["view"] = view
        posted = await self.target.send(nonce=nonce, **kwargs)  # type: ignore[attr-defined]
        self.last_id = posted.id
        return posted

    async def _voice(self, username: str, kwargs: dict[str, Any]) -> discord.Message:
        """A webhook post, sent again after a 5xx only if the channel shows it did not land."""
        assert self.webhook is not None
        for attempt in range(2):
            try:
                return await self.webhook.send(username=username, wait=True, **kwargs)
            except PostInDoubt:
                landed = await self._find(kwargs)
                if landed is not None:
                    return landed
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    async def _find(self, kwargs: dict[str, Any]) -> discord.Message | None:
        after = discord.Object(self.last_id) if self.last_id is not None else None
        async for posted in self.target.history(limit=10, after=after):  # type: ignore[attr-defined]
            if _same(posted, kwargs, self.webhook.id):  # type: ignore[union-attr]
                return posted
        return None


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
            hook.session = NoBlindRetry(hook.session)  # type: ignore[assignment]
        except discord.HTTPException as exc:
            log.warning("webhook mode unavailable in channel %s (%s); posting embeds instead", channel.id, exc.status)
            return None
        self._hooks[channel.id] = hook
        return hook

    def forget(self, channel_id: int) -> None:
        self._hooks.pop(channel_id, None)
