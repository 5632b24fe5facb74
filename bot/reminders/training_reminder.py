"""The day-before reminder to each person coming to a training, on the working morning
before it.

Key `training_reminder:<training>:<version>:<person>`: a moved training has a new version,
so the reminders of the old time are cancelled (`cancel_under(training, version)`) and new
ones planned. Sent only for the same version of a training still planned, to someone still
coming.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import Reminder
from bot.domain.trainings import Training
from bot.reminders.kind import Built, Payload, ReminderKind, language
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services


def day_before(calendar: WorkingCalendar, starts_at: str) -> datetime:
    """The nudge time on the working day before the training."""
    day = datetime.fromisoformat(starts_at).astimezone(calendar.tz).date() - timedelta(days=1)
    for _ in range(366):
        if calendar.is_working_day(day):
            break
        day -= timedelta(days=1)
    return calendar.morning(day)


@dataclass(frozen=True)
class VersionPayload(Payload):
    training_id: int
    version: int


class TrainingReminder(ReminderKind[VersionPayload, Training]):
    payload = VersionPayload

    def key_of(self, training_id: int, version: int, person: int) -> str:
        return self.key(training_id, version, person)

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        training: Training,
        person: int,
    ) -> Reminder | None:
        """On the working morning before the training."""
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=person,
            due=day_before(calendar, training.starts_at),
            payload=VersionPayload(training.id, training.version),
            key=self.key_of(training.id, training.version, person),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: VersionPayload
    ) -> Training | None:
        from bot.services import training_reminders

        return await training_reminders.reminder_for(
            services.db, services.clock, payload.training_id, payload.version, reminder.recipient
        )

    async def message(
        self, services: Services, reminder: Reminder, payload: VersionPayload, found: Training
    ) -> Built:
        from bot.views.trainings import reminder_message

        lang = await language(services, reminder)
        return reminder_message(lang, found, services.settings.tz)


REMINDER = TrainingReminder("training_reminder")
