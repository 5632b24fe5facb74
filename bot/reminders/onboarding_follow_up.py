"""A superuser welcomed two weeks ago who has not used the bot since: each ambassador of
their area is nudged to plan a training — once per superuser and ambassador (key
`onboarding_follow_up:<superuser>:<ambassador>`, both person ids)."""

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


@dataclass(frozen=True)
class OnboardingPayload(Payload):
    #: The quiet superuser (a person id).
    superuser: int


class OnboardingFollowUp(ReminderKind[OnboardingPayload, int]):
    payload = OnboardingPayload

    def key_of(self, superuser: int, ambassador: int) -> str:
        return self.key(superuser, ambassador)

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        superuser: int,
        ambassador: int,
        due: datetime,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=ambassador,
            due=due,
            payload=OnboardingPayload(superuser),
            key=self.key_of(superuser, ambassador),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: OnboardingPayload
    ) -> int | None:
        """Always: planning a training is worth a nudge once it was planned."""
        return payload.superuser

    async def message(
        self, services: Services, reminder: Reminder, payload: OnboardingPayload, found: int
    ) -> Built:
        from bot.views.nudges import onboarding_message

        return onboarding_message(await language(services, reminder), found, reminder.id)


ONBOARDING = OnboardingFollowUp("onboarding_follow_up")
