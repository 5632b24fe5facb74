"""The refusal the guard shows a person who may not do what they asked (`bot.errors.NotAllowed`).

Handlers answer through their `handlers.reply.Reply`; only the guard, which answers for a
handler that raised, still builds Slack's payload itself."""

from __future__ import annotations

from typing import Any

from bot.runtime import Services
from bot.services.network import snapshot
from bot.services.permissions import Action
from bot.views import model
from bot.views.permissions import refusal_message
from handlers.slack.messenger import SlackMessenger


async def refusal(services: Services, lang: str, action: Action) -> dict[str, Any]:
    """ "Only … can do this; ask …" — naming the coordinators, who can grant the role."""
    snap = await snapshot(services.db)
    return await payload(services, refusal_message(lang, action, snap.coordinators()))


async def payload(services: Services, message: model.Message) -> dict[str, Any]:
    """Block Kit for a neutral message, each person it mentions as their Slack user id."""
    messenger = services.messenger
    if not isinstance(messenger, SlackMessenger):
        raise TypeError("the Slack front end needs the Slack messenger")
    return await messenger.payload(message)
