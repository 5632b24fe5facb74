"""An open sparring question nobody has answered: after `hours` working hours its
ambassadors are asked again (level 1), later everyone who can answer (level 2)
(`bot.services.sparring_escalation`).

Urgent: a colleague waits for help, so it goes out as soon as it is due in working time, on
its own. Key `sparring_escalation:<question id>:<level>:<person>`. Not sent once the question
is answered or resolved, and at level 1 only to the claimer once someone claimed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import SNOOZE_MARK, Reminder
from bot.domain.sparring import Question
from bot.reminders.kind import Built, Payload, ReminderKind, language
from bot.services import reminders
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services

    pass


@dataclass(frozen=True)
class EscalationPayload(Payload):
    question_id: int
    level: int
    #: Working hours the question has waited when this one is due.
    hours: int


class Escalation(ReminderKind[EscalationPayload, Question]):
    payload = EscalationPayload

    def key_of(self, question_id: int, level: int, person: int) -> str:
        return self.key(question_id, level, person)

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        question: Question,
        level: int,
        hours: int,
        person: int,
        due: datetime,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=person,
            due=due,
            payload=EscalationPayload(question.id, level, hours),
            key=self.key_of(question.id, level, person),
        )

    async def told(self, db: Database, question_id: int) -> dict[tuple[int, int], str]:
        """The state of each escalation of the question, by (level, recipient): the record
        of who was told at which level. Snoozed copies are left out: the original says
        whether they were told."""
        found: dict[tuple[int, int], str] = {}
        prefix = self.key(question_id) + ":"
        for key, state in (await reminders.planned_states(db, prefix)).items():
            if SNOOZE_MARK in key:
                continue
            level, _, recipient = key.removeprefix(prefix).partition(":")
            if level.isdigit() and recipient.isdigit():
                found[int(level), int(recipient)] = state
        return found

    async def still_due(
        self, services: Services, reminder: Reminder, payload: EscalationPayload
    ) -> Question | None:
        from bot.services import sparring, sparring_escalation

        question = await sparring.get_question(services.db, payload.question_id)
        if question is None:
            return None
        if not sparring_escalation.still_due(question, payload.level, reminder.recipient):
            return None
        return question

    async def message(
        self, services: Services, reminder: Reminder, payload: EscalationPayload, found: Question
    ) -> Built:
        from bot.views.nudges import escalation_message

        return escalation_message(
            await language(services, reminder),
            found,
            level=payload.level,
            hours=payload.hours,
            channel_id=found.channel_id,
            reminder_id=reminder.id,
        )


ESCALATION = Escalation("sparring_escalation", urgent=True)
