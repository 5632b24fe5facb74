"""The day's nudges as one message, and one of them opened from it.

What each reminder says, and whether it still matters, is its kind's
(`bot.reminders.registry.KINDS`); here is only how a person's due nudges are listed
(`MORNING`, for `bot.jobs.dispatcher`) and what **Vis** on one of the list's lines shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.reminders import Reminder
from bot.jobs.dispatcher import MorningList
from bot.reminders.kind import Built
from bot.reminders.registry import KINDS
from bot.runtime import Services
from bot.services import reminders
from bot.views.nudges import morning_list_message


async def morning_list(
    services: Services, recipient: int, items: Sequence[tuple[Reminder, Built]]
) -> Built:
    """The person's nudges of the day as one list (`bot.views.nudges.morning_list_message`),
    each line the item's own notification text."""
    lang = await services.language.for_person(recipient)
    return morning_list_message(lang, [(r.id, m.text) for r, m in items])


async def shown(services: Services, reminder_id: int, person_id: int) -> Built | None:
    """A nudge of the morning list opened with **Vis**: its own message, built now by its
    kind. None when it is not this person's sent nudge or no longer matters."""
    reminder = await reminders.get_reminder(services.db, reminder_id)
    if reminder is None or reminder.recipient != person_id or reminder.state != "sent":
        return None
    kind = KINDS.get(reminder.kind)
    return await kind.build(services, reminder) if kind is not None else None


#: How the dispatcher gathers the day's nudges (`bot.jobs.dispatcher.MorningList`).
MORNING = MorningList(message=morning_list)
