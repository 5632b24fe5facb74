"""The short, private refusal: what the person cannot do here, and who can."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.org import Person
from bot.i18n import either, t
from bot.services.permissions import Action, allowed_roles
from bot.views.model import Message, Text
from bot.views.network import mentions


def refusal_message(lang: str, action: Action, coordinators: Sequence[Person]) -> Message:
    roles = either(lang, [t(lang, f"role.{role}") for role in allowed_roles(action)])
    text = t(
        lang,
        "permission.refused",
        action=t(lang, f"permission.{action.value}"),
        roles=roles,
        coordinators=mentions(list(coordinators)) or t(lang, "network.no_coordinator"),
    )
    return Message(text, (Text(text),))
