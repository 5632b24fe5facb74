"""Messages in the test channel: a result saved, offered, updated when edited, or its
author asked what to do when the message is deleted. A message with a CPR number is not
saved: its author is asked, privately in the thread, to edit it; the edit is read anew."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.refs import MessageRef
from bot.errors import NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services import trial_channel
from bot.services.privacy import ContainsCpr
from bot.services.tool_tests import (
    ResultRefused,
    result_for_message,
    save_result,
    update_result,
)
from bot.views.help import text_message
from bot.views.tool_tests import deleted_message, offer_message, saved_in_thread
from handlers.interactions import MessageChange
from handlers.slack import render
from handlers.slack.privacy import ask_to_edit


async def new_message(
    user_id: str, text: str, message: MessageRef, client: AsyncWebClient, services: Services
) -> None:
    channel, ts = message.conversation_id, message.message_id
    if message.thread_id and message.thread_id != ts:
        return  # replies in a thread are conversation about a result, not results
    decided = await trial_channel.decide(services.db, channel, user_id, text)
    found = decided.read
    lang = await services.language.for_user(user_id)
    if decided.decision == "ignore" or found is None:
        return
    if decided.decision == "refuse":
        await client.chat_postEphemeral(
            channel=channel,
            user=user_id,
            **render.message(text_message(t(lang, "test.channel_refused"))),
        )
        return
    if decided.decision == "cpr":
        await ask_to_edit(
            client, channel=channel, ts=ts, user_id=user_id, masked=decided.masked, lang=lang
        )
        return
    if decided.decision == "offer" or found.tool is None:
        await client.chat_postMessage(
            channel=channel,
            thread_ts=ts,
            **render.message(
                offer_message(lang, found.candidates, channel, ts, tagged=found.tagged)
            ),
        )
        return
    permalink = (await client.chat_getPermalink(channel=channel, message_ts=ts)).get("permalink")
    draft = await trial_channel.draft_from(
        services.db,
        found,
        found.tool.id,
        user_id,
        services.clock.now().date(),
        channel_id=channel,
        message_ts=ts,
        permalink=str(permalink) if permalink else None,
    )
    try:
        saved = await save_result(
            services.db, services.clock, user_id, draft, request_key=f"message:{channel}:{ts}"
        )
    except (NotAllowed, ResultRefused):
        await client.chat_postEphemeral(
            channel=channel,
            user=user_id,
            **render.message(text_message(t(lang, "test.could_not_save"))),
        )
        return
    except ContainsCpr as cpr:
        await ask_to_edit(
            client, channel=channel, ts=ts, user_id=user_id, masked=cpr.masked, lang=lang
        )
        return
    if saved.created:
        reply = render.message(
            saved_in_thread(lang, saved.result, tool_now_in_test=saved.tool_now_in_test)
        )
        await client.chat_postMessage(channel=channel, thread_ts=ts, **reply)


async def changed_message(
    change: MessageChange, client: AsyncWebClient, services: Services
) -> None:
    """An edited message updates its result; a message edited into a result is read anew."""
    channel, ts = change.message.conversation_id, change.message.message_id
    user_id = change.external_id
    if not await trial_channel.is_test_channel(services.db, channel) or not user_id:
        return
    result = await result_for_message(services.db, channel, ts)
    if result is None:
        await new_message(user_id, change.text, change.message, client, services)
        return
    found = await trial_channel.read(services.db, change.text)
    lang = await services.language.for_user(user_id)
    try:
        updated = await update_result(
            services.db,
            services.clock,
            result.id,
            await trial_channel.edited_draft(services.db, result, found),
            editor_id=user_id,
        )
    except ContainsCpr as cpr:  # the result keeps what it said before the edit
        await ask_to_edit(
            client, channel=channel, ts=ts, user_id=user_id, masked=cpr.masked, lang=lang
        )
        return
    except (ResultRefused, NotAllowed, LookupError):
        # Refused text, someone else's message, or the result deleted meanwhile.
        await client.chat_postEphemeral(
            channel=channel,
            user=user_id,
            **render.message(text_message(t(lang, "test.could_not_save"))),
        )
        return
    reply = render.message(saved_in_thread(lang, updated, tool_now_in_test=False, updated=True))
    await client.chat_postMessage(channel=channel, thread_ts=ts, **reply)


async def deleted_message_event(
    deleted: MessageRef, client: AsyncWebClient, services: Services
) -> None:
    """A deleted message keeps its result until the author says otherwise."""
    channel = deleted.conversation_id
    if not await trial_channel.is_test_channel(services.db, channel):
        return
    result = await result_for_message(services.db, channel, deleted.message_id)
    if result is None:
        return
    lang = await services.language.for_user(result.author_slack_id)
    message = render.message(deleted_message(lang, result))
    await client.chat_postMessage(channel=result.author_slack_id, **message)
