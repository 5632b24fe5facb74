"""What a training's ambassador hears: a sign-up, and the day after, "record who came".

Both are durable reminders (`bot.services.training_reminders`), built when due in the
ambassador's language — or None when they no longer matter (the person said no after all,
the training was cancelled or moved, attendance is recorded), and the reminder is cancelled.
"""

from __future__ import annotations

from typing import Any

from bot.domain.reminders import Reminder
from bot.runtime import Services
from bot.services.training_reminders import attendance_reminder_for, signup_notice_for
from bot.views.trainings import attendance_reminder_message, signup_notice_message


async def signed_up_sender(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    found = await signup_notice_for(
        services.db,
        services.clock,
        int(reminder.payload["training_id"]),
        str(reminder.payload["person"]),
        reminder.recipient,
    )
    if found is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return signup_notice_message(
        lang,
        found.training,
        found.person.name if found.person else None,
        found.daycare.name if found.daycare else None,
        services.settings.tz,
    )


async def attendance_sender(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    found = await attendance_reminder_for(
        services.db,
        services.clock,
        int(reminder.payload["training_id"]),
        int(reminder.payload["version"]),
        reminder.recipient,
    )
    if found is None:
        return None
    training, coming = found
    lang = await services.language.for_user(reminder.recipient)
    return attendance_reminder_message(lang, training, coming, services.settings.tz)
