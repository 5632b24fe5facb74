"""The area evaluation: once a cycle, each ambassador and leader of an area is asked how
the area is doing with its tools (`bot.services.area_evaluations`).

Key `area_evaluation:<period>:<area id>:<person>`: one per person, area and cycle. Not sent
when the person has answered, left the area, or the cycle has passed; an answer cancels
the pending reminder and its snoozed copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import Reminder
from bot.reminders.kind import Built, Payload, ReminderKind, language
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services
    from bot.services import area_evaluations


@dataclass(frozen=True)
class AreaEvaluationPayload(Payload):
    period: str
    area_id: int


class AreaEvaluation(ReminderKind[AreaEvaluationPayload, "area_evaluations.EvaluationForm"]):
    payload = AreaEvaluationPayload

    def key_of(self, period: str, area_id: int, person: int) -> str:
        return self.key(period, area_id, person)

    async def planned_in(self, db: Database, period: str) -> set[str]:
        """The cycle's keys already planned."""
        return await self.planned_keys(db, period)

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        period: str,
        area_id: int,
        person: int,
        due: datetime,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=person,
            due=due,
            payload=AreaEvaluationPayload(period, area_id),
            key=self.key_of(period, area_id, person),
        )

    async def answered(
        self, db: Database, clock: Clock, period: str, area_id: int, person: int
    ) -> None:
        """The person answered: their reminder and its snoozed copies are not sent."""
        await self.cancel(db, clock, self.key_of(period, area_id, person))

    async def still_due(
        self, services: Services, reminder: Reminder, payload: AreaEvaluationPayload
    ) -> area_evaluations.EvaluationForm | None:
        from bot.services import area_evaluations

        settings = services.settings
        try:
            form = await area_evaluations.form_for(
                services.db,
                services.clock,
                settings.calendar,
                settings.evaluation_months,
                payload.period,
                payload.area_id,
                reminder.recipient,
            )
        except area_evaluations.EvaluationUnavailable:
            return None
        return form if form.answer is None else None

    async def message(
        self,
        services: Services,
        reminder: Reminder,
        payload: AreaEvaluationPayload,
        found: area_evaluations.EvaluationForm,
    ) -> Built:
        from bot.views.area_evaluations import evaluation_message

        return evaluation_message(await language(services, reminder), found, reminder.id)


AREA_EVALUATION = AreaEvaluation("area_evaluation")
