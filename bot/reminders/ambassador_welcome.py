"""The welcome of someone who became an ambassador, with the open questions of their areas
as they are when it is sent, in their language. Not a nudge: on its own, not counted as the
day's message.

Key `ambassador_welcome:<person id>:<when they were noticed>`: once per time they become
one (`storage.repositories.ambassador_welcomes`). Not sent when they are no longer an
ambassador.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import Reminder
from bot.reminders.kind import Built, Payload, ReminderKind, language
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services
    from bot.services import onboarding


@dataclass(frozen=True)
class AmbassadorPayload(Payload):
    person_id: int


class AmbassadorWelcome(ReminderKind[AmbassadorPayload, "onboarding.AmbassadorWelcome"]):
    payload = AmbassadorPayload

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        person_id: int,
        noticed_at: str,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=person_id,
            due=clock.now(),
            payload=AmbassadorPayload(person_id),
            key=self.key(person_id, noticed_at),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: AmbassadorPayload
    ) -> onboarding.AmbassadorWelcome | None:
        from bot.services import onboarding

        return await onboarding.ambassador_welcome_due(
            services.db, payload.person_id, reminder.recipient
        )

    async def message(
        self,
        services: Services,
        reminder: Reminder,
        payload: AmbassadorPayload,
        found: onboarding.AmbassadorWelcome,
    ) -> Built:
        from bot.views.onboarding import ambassador_welcome_message

        return ambassador_welcome_message(await language(services, reminder), found)


AMBASSADOR_WELCOME = AmbassadorWelcome("ambassador_welcome", nudge=False)
