"""Threads as Discord has them: full channel objects in interactions, THREAD_CREATE, the thread type a parent
allows, and Send Messages in Threads checked before a thread is opened."""

from __future__ import annotations

from bot.discord_app.payloads import Payloads

from .checks import TOPIC, planned, visible
from .standin import (
    ALL_BOT_PERMISSIONS,
    BASIC_BOT_PERMISSIONS,
    CHANNEL_ID,
    SEND_MESSAGES_IN_THREADS,
    DiscordStandIn,
)
from .standin.shapes import ANNOUNCEMENT_THREAD, PUBLIC_THREAD

NO_WEBHOOKS = ALL_BOT_PERMISSIONS & ~(1 << 29)


async def finished(standin: DiscordStandIn, bot, interaction) -> None:
    await standin.wait_until(lambda: interaction.settled and len(bot.cogs["DebateCog"].rounds) == 0)


async def test_thread_mode_without_send_messages_in_threads_opens_no_thread(
    standin: DiscordStandIn, running_bot
) -> None:
    """Reported: the thread was created, its first post refused with 403, an empty thread left behind."""
    standin.bot_permissions[CHANNEL_ID] = ALL_BOT_PERMISSIONS & ~SEND_MESSAGES_IN_THREADS
    debate = await standin.interact("debate", {"topic": TOPIC, "thread": True})
    await standin.wait_until(lambda: debate.settled)
    ((public, text),) = debate.seen()
    assert not public and "Send Messages In Threads" in text
    assert not standin.threads and not standin.messages


async def test_thread_mode_in_an_announcement_channel_opens_an_announcement_thread(
    standin: DiscordStandIn, restore_discord_globals, payloads: Payloads
) -> None:
    from .harness import bot_running

    news = standin.add_announcement_channel()
    standin.bot_permissions[news] = NO_WEBHOOKS
    async with bot_running(standin) as bot:
        debate = await standin.interact("debate", {"topic": TOPIC, "thread": True}, channel_id=news)
        await finished(standin, bot, debate)
        ((thread_id, thread),) = standin.threads.items()
        assert thread["type"] == ANNOUNCEMENT_THREAD and thread["parent_id"] == str(news)
        assert [visible(p) for p in standin.channel_posts(thread_id)] == planned(payloads, webhook=False)
        assert bot.get_channel(thread_id) is not None  # THREAD_CREATE reached the bot's cache


async def test_a_round_started_from_inside_a_thread_the_bot_never_saw(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    """The interaction carries the thread's full object; the bot needs no cached copy to run there."""
    thread_id = await standin.user_thread(CHANNEL_ID, PUBLIC_THREAD, announce=False)
    assert running_bot.get_channel(thread_id) is None
    debate = await standin.interact(
        "debate",
        {"topic": TOPIC},
        channel_id=thread_id,
        app_permissions=BASIC_BOT_PERMISSIONS | SEND_MESSAGES_IN_THREADS,
    )
    await finished(standin, running_bot, debate)
    assert [visible(p) for p in standin.channel_posts(thread_id)] == planned(payloads, webhook=False)
    assert not standin.channel_posts(CHANNEL_ID)


async def test_webhook_turns_in_a_thread_go_through_the_parent_webhook(
    standin: DiscordStandIn, running_bot, payloads: Payloads
) -> None:
    debate = await standin.interact("debate", {"topic": TOPIC, "thread": True})
    await finished(standin, running_bot, debate)
    ((thread_id, _),) = standin.threads.items()
    assert [visible(p) for p in standin.channel_posts(thread_id)] == planned(payloads, webhook=True)
    executes = standin.requests("POST", r"/webhooks/(?!900000000000000001/)\d+/[^/]+")
    assert executes and all(c.query["thread_id"] == str(thread_id) for c in executes)
