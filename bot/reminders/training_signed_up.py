"""The training's ambassador hears that someone signed up: once per person and training
(key `training_signed_up:<training>:<person>`; signing up again after "Jeg kan ikke" tells
nothing new), never about themselves. Not sent once the training is no longer upcoming or
theirs, or the person is no longer coming.
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
    from bot.services import training_reminders


@dataclass(frozen=True)
class SignedUpPayload(Payload):
    training_id: int
    #: Who signed up (a person id).
    person: int


class TrainingSignedUp(ReminderKind[SignedUpPayload, "training_reminders.SignupNotice"]):
    payload = SignedUpPayload

    async def plan_for(
        self, db: Database, clock: Clock, calendar: WorkingCalendar, training: Training, person: int
    ) -> Reminder | None:
        """At once (in working time); None when it was planned before, is about the
        ambassador themselves, or the ambassador is a former member."""
        if training.ambassador_id is None or person == training.ambassador_id:
            return None
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=training.ambassador_id,
            due=clock.now(),
            payload=SignedUpPayload(training.id, person),
            key=self.key(training.id, person),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: SignedUpPayload
    ) -> training_reminders.SignupNotice | None:
        from bot.services import training_reminders

        return await training_reminders.signup_notice_for(
            services.db, services.clock, payload.training_id, payload.person, reminder.recipient
        )

    async def message(
        self,
        services: Services,
        reminder: Reminder,
        payload: SignedUpPayload,
        found: training_reminders.SignupNotice,
    ) -> Built:
        from bot.views.trainings import signup_notice_message

        return signup_notice_message(
            await language(services, reminder),
            found.training,
            found.person.name if found.person else None,
            found.daycare.name if found.daycare else None,
            services.settings.tz,
        )


SIGNED_UP = TrainingSignedUp("training_signed_up")
