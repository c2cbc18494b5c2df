"""The stand-in refuses what Discord refuses: checked with plain HTTP, without the bot, so a kinder
stand-in cannot hide a bot that breaks Discord's rules."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from .standin import APP_ID, CHANNEL_ID, EPHEMERAL, TOKEN, DiscordStandIn, Interaction
from .standin.shapes import ANNOUNCEMENT_THREAD, PUBLIC_THREAD

BOT = {"Authorization": f"Bot {TOKEN}"}


@pytest.fixture
async def http(standin: DiscordStandIn) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=standin.api_base + "/") as session:
        yield session


async def call(http: aiohttp.ClientSession, method: str, path: str, body=None, **kwargs) -> tuple[int, dict]:
    async with http.request(method, path.lstrip("/"), json=body, **kwargs) as response:
        data = await response.json() if response.content_type == "application/json" else {}
        return response.status, {**data, "_headers": dict(response.headers)} if isinstance(data, dict) else data


def pending(standin: DiscordStandIn) -> Interaction:
    record = Interaction(1, "tok", standin.now())
    standin.interactions["tok"] = record
    return record


async def test_an_interaction_is_acknowledged_once_and_a_deferral_keeps_its_visibility(
    standin: DiscordStandIn, http
) -> None:
    record = pending(standin)
    deferred = {"type": 5, "data": {"flags": EPHEMERAL}}
    assert (await call(http, "POST", "/interactions/1/tok/callback", deferred))[0] == 200
    status, body = await call(http, "POST", "/interactions/1/tok/callback", deferred)
    assert (status, body["code"]) == (400, 40060)
    status, message = await call(http, "POST", f"/webhooks/{APP_ID}/tok", {"content": "hi", "flags": 0})
    assert status == 200 and message["flags"] & EPHEMERAL  # the first follow-up *is* the private response
    assert record.seen() == [(False, "hi")]
    standin.advance(15 * 60 + 1)
    status, body = await call(http, "POST", f"/webhooks/{APP_ID}/tok", {"content": "late"})
    assert (status, body["code"]) == (401, 50027)


async def test_an_answer_after_3_seconds_is_unknown(standin: DiscordStandIn, http) -> None:
    pending(standin)
    standin.advance(3.1)
    status, body = await call(http, "POST", "/interactions/1/tok/callback", {"type": 4, "data": {"content": "x"}})
    assert (status, body["code"]) == (404, 10062)


async def test_webhook_rules(standin: DiscordStandIn, http) -> None:
    status, body = await call(
        http, "POST", f"/channels/{CHANNEL_ID}/webhooks", {"name": "My Dis\u200bcord"}, headers=BOT
    )
    assert (status, body["code"]) == (400, 50035)  # zero-width stripped, then "discord" refused
    for n in range(14):
        standin.add_webhook(CHANNEL_ID, f"h{n}")
    status, hook = await call(http, "POST", f"/channels/{CHANNEL_ID}/webhooks", {"name": "15th"}, headers=BOT)
    assert status == 200
    status, body = await call(http, "POST", f"/channels/{CHANNEL_ID}/webhooks", {"name": "16th"}, headers=BOT)
    assert (status, body["code"]) == (400, 30007)
    path = f"/webhooks/{hook['id']}/{hook['token']}"
    assert (await call(http, "POST", path, {"content": "a"}))[0] == 204  # no wait: no message back
    status, message = await call(http, "POST", path, {"content": "b"}, params={"wait": "true"})
    assert status == 200 and message["content"] == "b"
    status, body = await call(http, "POST", path, {"content": "c", "username": "x" * 81}, params={"wait": "1"})
    assert (status, body["code"]) == (400, 50035)
    status, body = await call(http, "POST", path, {"content": "d"}, params={"thread_id": "123"})
    assert (status, body["code"]) == (400, 10003)


async def test_thread_types_follow_the_parent_and_threads_are_announced(standin: DiscordStandIn, http) -> None:
    news = standin.add_announcement_channel()
    status, _ = await call(http, "POST", f"/channels/{news}/threads", {"name": "t", "type": PUBLIC_THREAD}, headers=BOT)
    assert status == 400
    status, thread = await call(
        http, "POST", f"/channels/{news}/threads", {"name": "t", "type": ANNOUNCEMENT_THREAD}, headers=BOT
    )
    assert status == 200 and thread["parent_id"] == str(news)
    assert standin.gateway.backlog[-1]["t"] == "THREAD_CREATE"


async def test_every_answer_carries_rate_limit_headers_and_a_full_bucket_is_a_429(
    standin: DiscordStandIn, http
) -> None:
    answers = [
        await call(http, "POST", f"/channels/{CHANNEL_ID}/messages", {"content": str(n)}, headers=BOT) for n in range(6)
    ]
    first = answers[0][1]["_headers"]
    assert first["X-RateLimit-Limit"] == "5" and first["X-RateLimit-Remaining"] == "4" and first["X-RateLimit-Bucket"]
    assert answers[4][1]["_headers"]["X-RateLimit-Remaining"] == "0"
    status, body = answers[5]
    assert status == 429 and body["_headers"]["X-RateLimit-Scope"] == "user" and body["retry_after"] > 0


def row(*buttons: dict) -> list[dict]:
    return [{"type": 1, "components": list(buttons)}]


def button(label: str, custom_id: str) -> dict:
    return {"type": 2, "style": 1, "label": label, "custom_id": custom_id}


async def test_buttons_follow_discords_rules_and_an_edit_can_take_them_away(standin: DiscordStandIn, http) -> None:
    path = f"/channels/{CHANNEL_ID}/messages"
    twice = {"content": "x", "components": row(button("A", "same"), button("B", "same"))}
    status, body = await call(http, "POST", path, twice, headers=BOT)
    assert (status, body["code"]) == (400, 50035)
    long_id = {"content": "x", "components": row(button("A", "x" * 101))}
    assert (await call(http, "POST", path, long_id, headers=BOT))[0] == 400
    status, posted = await call(http, "POST", path, {"content": "x", "components": row(button("A", "a"))}, headers=BOT)
    assert status == 200 and [b["label"] for b in posted["components"][0]["components"]] == ["A"]
    status, edited = await call(http, "PATCH", f"{path}/{posted['id']}", {"components": []}, headers=BOT)
    assert status == 200 and edited["components"] == [] and edited["content"] == "x"  # only what was sent changes
    with pytest.raises(AssertionError, match="no 'A' button"):
        await standin.click(standin.channel_posts(CHANNEL_ID)[0], "A")  # nobody can press a removed button


async def test_only_a_components_interaction_may_update_its_message(standin: DiscordStandIn, http) -> None:
    pending(standin)  # a slash command's interaction
    status, body = await call(http, "POST", "/interactions/1/tok/callback", {"type": 7, "data": {"components": []}})
    assert (status, body["code"]) == (400, 50035)


async def test_nobody_edits_another_authors_message(standin: DiscordStandIn, http) -> None:
    hook = standin.add_webhook(CHANNEL_ID, "someone else's")
    status, posted = await call(http, "POST", f"/webhooks/{hook['id']}/{hook['token']}?wait=true", {"content": "hi"})
    assert status == 200
    status, body = await call(
        http, "PATCH", f"/channels/{CHANNEL_ID}/messages/{posted['id']}", {"content": "x"}, headers=BOT
    )
    assert (status, body["code"]) == (403, 50005)
