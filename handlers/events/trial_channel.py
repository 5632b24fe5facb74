"""Messages in the test channel: a result saved, offered, updated when edited, or its
author asked what to do when the message is deleted. A message with a CPR number is not
saved: its author is asked, privately in the thread, to edit it; the edit is read anew."""

from __future__ import annotations

from bot.domain.refs import MessageRef
from bot.errors import NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services import trial_channel
from bot.services.identities import person_for
from bot.services.privacy import ContainsCpr
from bot.services.tool_tests import (
    ResultRefused,
    result_for_message,
    save_result,
    update_result,
)
from bot.views.help import text_message
from bot.views.tool_tests import deleted_message, offer_message, saved_in_thread
from handlers.events.privacy import ask_to_edit
from handlers.interactions import MessageChange


async def new_message(person: int, text: str, message: MessageRef, services: Services) -> None:
    channel, ts = message.conversation_id, message.message_id
    if message.thread_id and message.thread_id != ts:
        return  # replies in a thread are conversation about a result, not results
    decided = await trial_channel.decide(services.db, message.conversation, person, text)
    found = decided.read
    lang = await services.language.for_person(person)
    messenger = services.messenger
    if decided.decision == "ignore" or found is None:
        return
    if decided.decision == "refuse":
        refused = text_message(t(lang, "test.channel_refused"))
        await messenger.tell(person, message.conversation, refused)
        return
    if decided.decision == "cpr":
        await ask_to_edit(services, person, message, decided.masked, lang)
        return
    if decided.decision == "offer" or found.tool is None:
        offer = offer_message(lang, found.candidates, message, tagged=found.tagged)
        await messenger.post(message.conversation, offer, thread=message)
        return
    draft = await trial_channel.draft_from(
        services.db,
        found,
        found.tool.id,
        person,
        services.clock.now().date(),
        message=message,
        link=await messenger.link(message),
    )
    try:
        saved = await save_result(
            services.db, services.clock, person, draft, request_key=f"message:{channel}:{ts}"
        )
    except (NotAllowed, ResultRefused):
        not_saved = text_message(t(lang, "test.could_not_save"))
        await messenger.tell(person, message.conversation, not_saved)
        return
    except ContainsCpr as cpr:
        await ask_to_edit(services, person, message, cpr.masked, lang)
        return
    if saved.created:
        reply = saved_in_thread(lang, saved.result, tool_now_in_test=saved.tool_now_in_test)
        await messenger.post(message.conversation, reply, thread=message)


async def changed_message(change: MessageChange, services: Services) -> None:
    """An edited message updates its result; a message edited into a result is read anew."""
    message, user_id = change.message, change.external_id
    if not await trial_channel.is_test_channel(services.db, message.conversation):
        return
    if not user_id:
        return
    person = await person_for(services.db, services.clock, message.platform, user_id)
    result = await result_for_message(services.db, message)
    if result is None:
        await new_message(person, change.text, message, services)
        return
    found = await trial_channel.read(services.db, change.text)
    lang = await services.language.for_person(person)
    try:
        updated = await update_result(
            services.db,
            services.clock,
            result.id,
            await trial_channel.edited_draft(services.db, result, found),
            editor_id=person,
        )
    except ContainsCpr as cpr:  # the result keeps what it said before the edit
        await ask_to_edit(services, person, message, cpr.masked, lang)
        return
    except (ResultRefused, NotAllowed, LookupError):
        # Refused text, someone else's message, or the result deleted meanwhile.
        not_saved = text_message(t(lang, "test.could_not_save"))
        await services.messenger.tell(person, message.conversation, not_saved)
        return
    reply = saved_in_thread(lang, updated, tool_now_in_test=False, updated=True)
    await services.messenger.post(message.conversation, reply, thread=message)


async def deleted_message_event(deleted: MessageRef, services: Services) -> None:
    """A deleted message keeps its result until the author says otherwise."""
    if not await trial_channel.is_test_channel(services.db, deleted.conversation):
        return
    result = await result_for_message(services.db, deleted)
    if result is None or result.author_id is None:
        return
    lang = await services.language.for_person(result.author_id)
    await services.messenger.send_privately(result.author_id, deleted_message(lang, result))
