"""A running tool test's checkpoint: the ambassador is asked for a result that morning,
and once more (`FOLLOW_UP`) when none came within `GRACE_WORKING_DAYS` working days.

Key `<kind>:<test id>:<checkpoint date>`, so planning a test's checkpoints again (the test's
start plans them, the planning job repeats it) creates nothing twice. Not sent once the test
is closed; the follow-up not once a result was posted since the checkpoint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.clock import Clock
from bot.domain.reminders import Reminder
from bot.domain.tool_tests import ToolTest
from bot.reminders.kind import Built, Payload, ReminderKind, language
from bot.services.working_time import WorkingCalendar
from storage.db import Database

if TYPE_CHECKING:
    from bot.runtime import Services

#: Working days an ambassador has to post a result after a checkpoint, before one follow-up;
#: and again after the follow-up, before the checkpoint counts as overdue.
GRACE_WORKING_DAYS = 2


@dataclass(frozen=True)
class CheckpointPayload(Payload):
    test_id: int
    #: The checkpoint's local date (ISO).
    checkpoint: str


class Checkpoint(ReminderKind[CheckpointPayload, ToolTest]):
    payload = CheckpointPayload

    def __init__(self, name: str, *, follow_up: bool) -> None:
        super().__init__(name)
        self.follow_up = follow_up

    def due(self, calendar: WorkingCalendar, checkpoint: str) -> datetime:
        """The checkpoint's morning; the follow-up's `GRACE_WORKING_DAYS` working days on."""
        morning = calendar.morning(date.fromisoformat(checkpoint))
        if not self.follow_up:
            return morning
        return calendar.add_working_days(morning, GRACE_WORKING_DAYS)

    async def plan_for(
        self, db: Database, clock: Clock, calendar: WorkingCalendar, test: ToolTest, checkpoint: str
    ) -> Reminder | None:
        if test.ambassador_id is None:
            return None  # a former member's test: closed by the erasure, nobody to ask
        return await self.plan(
            db,
            clock,
            calendar,
            recipient=test.ambassador_id,
            due=self.due(calendar, checkpoint),
            payload=CheckpointPayload(test.id, checkpoint),
            key=self.key(test.id, checkpoint),
        )

    async def still_due(
        self, services: Services, reminder: Reminder, payload: CheckpointPayload
    ) -> ToolTest | None:
        from bot.services import nudges, tool_tests

        test = await tool_tests.get_test(services.db, payload.test_id)
        if test is None or test.state != "running":
            return None
        if self.follow_up and await nudges.result_since(services.db, test, payload.checkpoint):
            return None
        return test

    async def message(
        self, services: Services, reminder: Reminder, payload: CheckpointPayload, found: ToolTest
    ) -> Built:
        from bot.services import network
        from bot.views.nudges import checkpoint_message

        snap = await network.snapshot(services.db)
        daycares = [d.name for d in snap.daycares if d.id in found.daycare_ids]
        if not daycares and found.area_id is not None:
            daycares = [a.name for a in snap.areas if a.id == found.area_id]
        return checkpoint_message(
            await language(services, reminder),
            found,
            daycares,
            payload.checkpoint,
            reminder.id,
            services.settings.tz,
            follow_up=self.follow_up,
        )


CHECKPOINT = Checkpoint("test_checkpoint", follow_up=False)
FOLLOW_UP = Checkpoint("test_follow_up", follow_up=True)
