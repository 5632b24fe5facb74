"""Welcome each new superuser once, and tell their area's ambassadors — durably.

`send_welcomes` (the scheduler's job of that name, every minute, and the settings modal
right after it gives someone the role) only *plans*: the welcome and the notes are durable
reminders (`bot.services.onboarding`), sent by the dispatcher in working time, paced, each
retried from its row after a timeout, an outage or a restart, and the next run records a
sent welcome as `welcomed_at`. The two senders below build each message when it is due, in
its recipient's language, or say it has become pointless (None: the reminder is cancelled).
"""

from __future__ import annotations

from typing import Any

from bot.domain.reminders import Reminder
from bot.runtime import Services
from bot.services.onboarding import note_due, plan_welcomes, welcome_due
from bot.views.onboarding import new_superuser_note, welcome_message


async def send_welcomes(services: Services) -> int:
    """Plan the welcomes and notes still to come and record the sent welcomes; returns how
    many reminders were new. The name is the scheduler's job name."""
    return await plan_welcomes(services.db, services.clock, services.settings.calendar)


async def welcome_sender(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """The welcome, unless the person is no longer a superuser, has another Slack id now, or
    was marked welcomed some other way."""
    welcome = await welcome_due(services.db, int(reminder.payload["person_id"]), reminder.recipient)
    if welcome is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return welcome_message(lang, welcome)


async def welcome_note_sender(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """The note to one ambassador, while the person is still a superuser in their area."""
    welcome = await note_due(services.db, int(reminder.payload["person_id"]), reminder.recipient)
    if welcome is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return new_superuser_note(lang, welcome)
