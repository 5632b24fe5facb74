"""A guide past its verification interval: its owner is asked whether it still holds.

Key `guide_check:<guide id>:<when it was last checked>`: after "still right" the next
interval gives a new key, and until then planning again gives none. When due, it is sent
only if the guide was not checked (or edited) since it was planned — the key says when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.guides import GuideDetail
from bot.domain.reminders import Reminder
from bot.reminders.kind import Built, Payload, ReminderKind, language
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services


@dataclass(frozen=True)
class GuideCheckPayload(Payload):
    guide_id: int


def checked_at(detail: GuideDetail) -> str:
    """When the guide was last checked: verified, or else last changed."""
    return detail.guide.verified_at or detail.guide.updated_at


class GuideCheck(ReminderKind[GuideCheckPayload, GuideDetail]):
    payload = GuideCheckPayload

    def key_of(self, guide_id: int, checked: str) -> str:
        return self.key(guide_id, checked)

    async def plan_for(
        self,
        db: Database,
        clock: Clock,
        calendar: WorkingCalendar,
        *,
        guide_id: int,
        checked: str,
        owner: int,
        due: datetime,
    ) -> Reminder | None:
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=owner,
            due=due,
            payload=GuideCheckPayload(guide_id),
            key=self.key_of(guide_id, checked),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: GuideCheckPayload
    ) -> GuideDetail | None:
        from bot.services import guides

        detail = await guides.get_guide_by_id(services.db, payload.guide_id)
        if detail is None:
            return None
        if reminder.base_key != self.key_of(detail.guide.id, checked_at(detail)):
            return None  # checked (or edited) since the nudge was planned
        return detail

    async def message(
        self,
        services: Services,
        reminder: Reminder,
        payload: GuideCheckPayload,
        found: GuideDetail,
    ) -> Built:
        from bot.views.nudges import guide_check_message

        return guide_check_message(
            await language(services, reminder),
            found,
            checked_at(found),
            reminder.id,
            services.settings.tz,
        )


GUIDE_CHECK = GuideCheck("guide_check")
