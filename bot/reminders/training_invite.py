"""An invitation to a training, by DM to each superuser of its area whose daycare has not
started with the tool (`bot.services.training_reminders.plan_for_training`).

Key `training_invite:<training>:<person>`. Not sent when the training is cancelled, held or
past, or the person answered, left the area, or their daycare started with the tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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
class InvitePayload(Payload):
    training_id: int


class TrainingInvite(ReminderKind[InvitePayload, Training]):
    payload = InvitePayload

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        training: Training,
        person: int,
        due: datetime,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=person,
            due=due,
            payload=InvitePayload(training.id),
            key=self.key(training.id, person),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: InvitePayload
    ) -> Training | None:
        from bot.services import training_reminders

        return await training_reminders.invitation_for(
            services.db, services.clock, payload.training_id, reminder.recipient
        )

    async def message(
        self, services: Services, reminder: Reminder, payload: InvitePayload, found: Training
    ) -> Built:
        from bot.views.trainings import invitation_message

        lang = await language(services, reminder)
        return invitation_message(lang, found, services.settings.tz)


INVITE = TrainingInvite("training_invite")
