"""Replies in a sparring question's thread are linked to the question; a reply with a CPR
number is not stored, and its author is asked privately to edit it."""

from __future__ import annotations

from bot.domain.refs import MessageRef
from bot.runtime import Services
from bot.services.identities import person_for
from bot.services.privacy import REPLY_KEY, ContainsCpr
from bot.services.sparring_handling import in_question_thread, record_reply
from handlers.events.privacy import ask_to_edit
from handlers.interactions import MessageChange


async def changed_reply(change: MessageChange, services: Services) -> None:
    """An edited thread reply not stored yet (it held a CPR number) is read anew; one stored
    before stays as it was."""
    if not change.external_id or change.from_bot or not change.message.conversation_id:
        return
    if not await in_question_thread(services.db, change.message):
        return  # nobody is looked up (or made a guest) for an edit elsewhere
    author = await person_for(
        services.db, services.clock, change.message.platform, change.external_id
    )
    await new_reply(author, change.text, change.message, services)


async def new_reply(
    author: int,
    text: str,
    message: MessageRef,
    services: Services,
) -> None:
    """A reply (not the post itself) in a thread that is a question's post is stored once;
    the first one from someone other than the asker sets the question's first reply."""
    thread = message.thread_id
    if not thread or thread == message.message_id:
        return
    try:
        await record_reply(services.db, services.clock, message=message, author=author, text=text)
    except ContainsCpr as cpr:
        lang = await services.language.for_person(author)
        await ask_to_edit(services, author, message, cpr.masked, lang, key=REPLY_KEY)
