"""A training moved or cancelled: everyone coming is told.

Urgent: a moved training may be sooner than the next morning. Key
`training_changed:<training>:<change>:<person>`, `change` being "cancelled" or the new
version. Not sent when a later change has overtaken this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import Reminder
from bot.domain.trainings import Training
from bot.reminders.kind import Built, Payload, ReminderKind, language
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services


@dataclass(frozen=True)
class ChangePayload(Payload):
    training_id: int
    #: "cancelled", or the version the training was moved to.
    change: str


class TrainingChanged(ReminderKind[ChangePayload, Training]):
    payload = ChangePayload

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        training: Training,
        change: str,
        person: int,
    ) -> Reminder | None:
        """Told at once (in working time)."""
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=person,
            due=clock.now(),
            payload=ChangePayload(training.id, change),
            key=self.key(training.id, change, person),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: ChangePayload
    ) -> Training | None:
        from bot.services import training_reminders

        return await training_reminders.change_for(
            services.db, services.clock, payload.training_id, payload.change, reminder.recipient
        )

    async def message(
        self, services: Services, reminder: Reminder, payload: ChangePayload, found: Training
    ) -> Built:
        from bot.views.trainings import change_message

        lang = await language(services, reminder)
        return change_message(lang, found, services.settings.tz)


CHANGED = TrainingChanged("training_changed", urgent=True)
