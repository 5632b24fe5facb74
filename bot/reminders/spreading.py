"""A spreading round (`bot.services.spreading`): the invitation to each superuser of a
target daycare, the follow-up `follow_up_weeks` later, and the summary to each coordinator
when the round starts.

Keys: `spread_invite:<round>:<daycare>:<person>` and `spread_follow_up:…` likewise (one per
person and daycare), `spread_started:<round>:<coordinator>`. An invitation or follow-up is
sent only while the round is open, the daycare has not answered and does not use the tool
yet, and the person is still its superuser; the summary while the round is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import Reminder
from bot.domain.spreading import SpreadingRound
from bot.reminders.kind import Built, Payload, ReminderKind, language
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services
    from bot.services import spreading


@dataclass(frozen=True)
class TargetPayload(Payload):
    round_id: int
    daycare_id: int


@dataclass(frozen=True)
class RoundPayload(Payload):
    round_id: int


class _ToTarget(ReminderKind[TargetPayload, "spreading.Due"]):
    """What goes to a target daycare's superuser."""

    payload = TargetPayload

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        round_id: int,
        daycare_id: int,
        person: int,
        due: datetime,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=person,
            due=due,
            payload=TargetPayload(round_id, daycare_id),
            key=self.key(round_id, daycare_id, person),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: TargetPayload
    ) -> spreading.Due | None:
        from bot.services import spreading

        return await spreading.still_due(
            services.db, payload.round_id, payload.daycare_id, reminder.recipient
        )


class Invitation(_ToTarget):
    async def message(
        self, services: Services, reminder: Reminder, payload: TargetPayload, found: spreading.Due
    ) -> Built:
        from bot.services import spreading_invite
        from bot.views.spreading import invitation_message

        lang = await language(services, reminder)
        offer = await spreading_invite.invitation(services.db, services.clock, found)
        return invitation_message(lang, offer, services.settings.tz)


class FollowUp(_ToTarget):
    async def message(
        self, services: Services, reminder: Reminder, payload: TargetPayload, found: spreading.Due
    ) -> Built:
        from bot.views.spreading import follow_up_message

        lang = await language(services, reminder)
        return follow_up_message(lang, found.round, found.target, services.settings.tz)


class Started(ReminderKind[RoundPayload, SpreadingRound]):
    """The coordinator's summary of a round that started: which daycares it reaches, and
    which of them have no superuser to tell."""

    payload = RoundPayload

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        round_id: int,
        coordinator: int,
        due: datetime,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=coordinator,
            due=due,
            payload=RoundPayload(round_id),
            key=self.key(round_id, coordinator),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: RoundPayload
    ) -> SpreadingRound | None:
        from bot.services import spreading

        found = await spreading.get_round(services.db, payload.round_id)
        return found if found is not None and found.is_open else None

    async def message(
        self, services: Services, reminder: Reminder, payload: RoundPayload, found: SpreadingRound
    ) -> Built:
        from bot.services import network, spreading
        from bot.views.spreading import started_message

        snap = await network.snapshot(services.db)
        reached = await spreading.targets(services.db, found.id)
        without = [
            d.name
            for d in snap.daycares
            if any(t.daycare_id == d.id for t in reached) and not snap.superusers_of(d)
        ]
        follow_up = spreading.follow_up_due(services.settings.calendar, found)
        return started_message(
            await language(services, reminder), found, reached, without, follow_up
        )


INVITE = Invitation("spread_invite")
FOLLOW_UP = FollowUp("spread_follow_up")
STARTED = Started("spread_started")
