"""Replies in a sparring question's thread are linked to the question; a reply with a CPR
number is not stored, and its author is asked privately to edit it."""

from __future__ import annotations

from bot.domain.refs import MessageRef
from bot.runtime import Services
from bot.services.privacy import REPLY_KEY, ContainsCpr
from bot.services.sparring_handling import record_reply
from handlers.events.privacy import ask_to_edit
from handlers.interactions import MessageChange


async def changed_reply(change: MessageChange, services: Services) -> None:
    """An edited thread reply not stored yet (it held a CPR number) is read anew; one stored
    before stays as it was."""
    if change.external_id and not change.from_bot and change.message.conversation_id:
        await new_reply(change.external_id, change.text, change.message, services)


async def new_reply(
    author: str,
    text: str,
    message: MessageRef,
    services: Services,
) -> None:
    """A reply (not the post itself) in a thread that is a question's post is stored once;
    the first one from someone other than the asker sets the question's first reply."""
    thread_ts = message.thread_id
    if not thread_ts or thread_ts == message.message_id:
        return
    try:
        await record_reply(
            services.db,
            services.clock,
            channel_id=message.conversation_id,
            thread_ts=thread_ts,
            ts=message.message_id,
            author_slack_id=author,
            text=text,
        )
    except ContainsCpr as cpr:
        lang = await services.language.for_user(author)
        await ask_to_edit(services, author, message, cpr.masked, lang, key=REPLY_KEY)
