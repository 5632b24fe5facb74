"""The morning of the working day after a training, its ambassador is asked to record who
came (recorded attendance is what the pulse counts and what moves adoption).

Key `training_attendance:<training>:<version>`: moving the training cancels the old one.
Not sent when the training was cancelled or moved, or attendance is recorded (it is `held`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import Reminder
from bot.domain.trainings import Training
from bot.reminders.kind import Built, ReminderKind, language
from bot.reminders.training_reminder import VersionPayload
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services


def day_after(calendar: WorkingCalendar, starts_at: str) -> datetime:
    """The nudge time of the first working day after the training's day (a Friday's
    training: Monday; before Christmas: after the holidays)."""
    day = datetime.fromisoformat(starts_at).astimezone(calendar.tz).date()
    return calendar.morning(day + timedelta(days=1))


@dataclass(frozen=True)
class Attendance:
    training: Training
    #: How many said they would come.
    coming: int


class TrainingAttendance(ReminderKind[VersionPayload, Attendance]):
    payload = VersionPayload

    def key_of(self, training_id: int, version: int) -> str:
        return self.key(training_id, version)

    async def plan_for(
        self, db: Database, clock: Clock, calendar: WorkingCalendar, training: Training
    ) -> Reminder | None:
        """None when planned before, or when the ambassador is a former member (nobody
        to ask)."""
        if training.ambassador_id is None:
            return None
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=training.ambassador_id,
            due=day_after(calendar, training.starts_at),
            payload=VersionPayload(training.id, training.version),
            key=self.key_of(training.id, training.version),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: VersionPayload
    ) -> Attendance | None:
        from bot.services import training_reminders

        found = await training_reminders.attendance_reminder_for(
            services.db, services.clock, payload.training_id, payload.version, reminder.recipient
        )
        return None if found is None else Attendance(*found)

    async def message(
        self, services: Services, reminder: Reminder, payload: VersionPayload, found: Attendance
    ) -> Built:
        from bot.views.trainings import attendance_reminder_message

        lang = await language(services, reminder)
        return attendance_reminder_message(lang, found.training, found.coming, services.settings.tz)


ATTENDANCE = TrainingAttendance("training_attendance")
