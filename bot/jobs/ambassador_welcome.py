"""The welcome of someone who became an ambassador, built when due (so the open questions it
lists are those open then) in their language; None — the reminder is cancelled — when they
are no longer an ambassador or have another Slack id now."""

from __future__ import annotations

from typing import Any

from bot.domain.reminders import Reminder
from bot.runtime import Services
from bot.services.onboarding import ambassador_welcome_due
from bot.views.onboarding import ambassador_welcome_message


async def ambassador_welcome_sender(
    services: Services, reminder: Reminder
) -> dict[str, Any] | None:
    welcome = await ambassador_welcome_due(
        services.db, int(reminder.payload["person_id"]), reminder.recipient
    )
    if welcome is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return ambassador_welcome_message(lang, welcome)
