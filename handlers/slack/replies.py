"""Telling one person something privately where they are, or by DM when the bot cannot."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.domain.refs import ConversationRef
from bot.ports import Message, Messenger, Person
from bot.runtime import Services
from bot.services.network import snapshot
from bot.services.permissions import Action
from bot.views import model
from bot.views.permissions import refusal_message
from handlers.slack import render


async def tell_privately(
    messenger: Messenger, person: Person, channel_id: str | None, message: Message
) -> None:
    """Shown to the person only in the conversation `channel_id` they acted in; a DM when
    there is none or the platform will not show it there (`Messenger.tell`)."""
    where = ConversationRef(messenger.platform, channel_id) if channel_id else None
    await messenger.tell(person, where, message)


async def refusal(services: Services, lang: str, action: Action) -> dict[str, Any]:
    """ "Only … can do this; ask …" — naming the coordinators, who can grant the role."""
    snap = await snapshot(services.db)
    return render.message(refusal_message(lang, action, snap.coordinators()))


async def private(respond: AsyncRespond, message: Message) -> None:
    """Shown to the person who clicked only, below the message they clicked (kept); a
    neutral message is rendered here (its mentions are Slack ids already)."""
    payload = render.message(message) if isinstance(message, model.Message) else message
    await respond(response_type="ephemeral", replace_original=False, **payload)


async def answer_click(
    respond: AsyncRespond | None, messenger: Messenger, person: Person, message: Message
) -> None:
    """`private` below the clicked message; a DM when the click came from a view without a
    response_url (the App Home)."""
    if respond is None or respond.response_url is None:
        await messenger.send_privately(person, message)
        return
    await private(respond, message)
