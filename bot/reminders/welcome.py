"""A new superuser's welcome (`bot.services.onboarding.plan_welcomes`): not a nudge, so it
goes on its own and does not count as the day's message.

Key `welcome:<person id>:<stint>`: a stint is one time the person became a superuser, so
someone who becomes one again is welcomed again, and a run that plans twice plans once.
Sent unless the person is no longer a superuser or was marked welcomed some other way.
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
class WelcomePayload(Payload):
    #: The new superuser (a payload from before 0031 also held `superuser`, their Slack id:
    #: the migration drops it).
    person_id: int


class Welcome(ReminderKind[WelcomePayload, "onboarding.Welcome"]):
    payload = WelcomePayload

    def stint_of(self, key: str | None) -> int:
        """The stint of a welcome's key (`welcome:<person id>:<n>`; 0 for none)."""
        if not key:
            return 0
        if not key.startswith(self.prefix()):
            raise ValueError(f"{key!r} is not a key of {self.name}")
        return int(key.rsplit(":", 1)[1])

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        person_id: int,
        stint: int,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=person_id,
            due=clock.now(),
            payload=WelcomePayload(person_id),
            key=self.key(person_id, stint),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: WelcomePayload
    ) -> onboarding.Welcome | None:
        from bot.services import onboarding

        return await onboarding.welcome_due(services.db, payload.person_id, reminder.recipient)

    async def message(
        self,
        services: Services,
        reminder: Reminder,
        payload: WelcomePayload,
        found: onboarding.Welcome,
    ) -> Built:
        from bot.views.onboarding import welcome_message

        return welcome_message(await language(services, reminder), found)


class WelcomeNote(ReminderKind[WelcomePayload, "onboarding.Welcome"]):
    """The note to each ambassador of the new superuser's area (planned before the
    welcome: see `bot.services.onboarding`). Key `welcome_note:<person id>:<stint>:<ambassador>`;
    sent while the person is still a superuser in the ambassador's area."""

    payload = WelcomePayload

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        person_id: int,
        stint: int,
        ambassador: int,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=ambassador,
            due=clock.now(),
            payload=WelcomePayload(person_id),
            key=self.key(person_id, stint, ambassador),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: WelcomePayload
    ) -> onboarding.Welcome | None:
        from bot.services import onboarding

        return await onboarding.note_due(services.db, payload.person_id, reminder.recipient)

    async def message(
        self,
        services: Services,
        reminder: Reminder,
        payload: WelcomePayload,
        found: onboarding.Welcome,
    ) -> Built:
        from bot.views.onboarding import new_superuser_note

        return new_superuser_note(await language(services, reminder), found)


WELCOME = Welcome("welcome", nudge=False)
WELCOME_NOTE = WelcomeNote("welcome_note", nudge=False)
