"""Which nudges are due: the rules that turn tests, guides, new superusers and the area
evaluation cycle into reminders.

The planning jobs run often and may run twice (or late, after a restart): every reminder has
a de-duplication key derived from what it is about (its kind's, `bot.reminders`), so
planning again creates nothing new. Whether a planned nudge is still worth sending is
decided again when it is due, by its kind: a result posted meanwhile cancels the follow-up.
Which kinds are urgent and which are not nudges at all is each kind's to say
(`bot.reminders.kind.ReminderKind`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.clock import Clock
from bot.domain.org import Person
from bot.domain.tool_tests import ToolTest
from bot.reminders import guide_check, onboarding_follow_up, tool_test_checkpoint
from bot.services import reminders
from bot.services.area_evaluations import plan_area_evaluations
from bot.services.network import snapshot
from bot.services.sparring_escalation import plan_escalations
from bot.services.spreading import plan_spreading
from bot.services.training_reminders import plan_training_invitations
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import nudges as repo
from storage.repositories import tool_tests as tests_repo

#: A superuser not seen using the bot this long after joining: their ambassador is nudged.
QUIET_DAYS = 14
#: Guide checks due for one owner in one ISO week at most: a guide import checked on one day
#: comes due all at once 180 days later, and is spread over the weeks after instead.
GUIDE_CHECKS_PER_WEEK = 3


async def running_tests(db: Database) -> list[ToolTest]:
    async with db.transaction() as conn:
        return await tests_repo.tests(conn, state="running")


async def plan_checkpoints(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    """Each checkpoint of each running test (`plan_test_checkpoints`): the periodic safety
    net behind the planning a test's start does itself. Returns how many reminders were
    new."""
    created = 0
    for test in await running_tests(db):
        created += await plan_test_checkpoints(db, clock, calendar, test)
    return created


async def plan_test_checkpoints(
    db: Database, clock: Clock, calendar: WorkingCalendar, test: ToolTest
) -> int:
    """One running test's checkpoints: a nudge that morning, and one follow-up two working
    days later (`bot.reminders.tool_test_checkpoint`). The one way they are planned, whether
    a test has just been started (`bot.services.tool_tests.start_test`) or the planning job
    runs; the keys make the second time create nothing. A closed test gets none. Returns how
    many were new."""
    if test.state != "running":
        return 0
    created = 0
    for checkpoint in test.checkpoints:
        for kind in (tool_test_checkpoint.CHECKPOINT, tool_test_checkpoint.FOLLOW_UP):
            made = await kind.plan_for(db, clock, calendar, test, checkpoint)
            created += made is not None
    return created


async def result_since(db: Database, test: ToolTest, checkpoint: str) -> bool:
    """Was a result posted for the test (or its tool, by its ambassador) since the checkpoint?"""
    return await repo.result_since(db, test.id, test.tool.id, test.ambassador_id, checkpoint)


@dataclass(frozen=True)
class OverdueCheckpoint:
    test: ToolTest
    checkpoint: str
    #: When the follow-up's own grace ran out.
    overdue_since: datetime


async def overdue_checkpoints(
    db: Database, clock: Clock, calendar: WorkingCalendar
) -> list[OverdueCheckpoint]:
    """Checkpoints with no result after the nudge and the follow-up — for the pulse and the
    ambassador's list of tests. Computed, not stored, so a late result clears it at once."""
    now = clock.now()
    overdue: list[OverdueCheckpoint] = []
    for test in await running_tests(db):
        for checkpoint in test.checkpoints:
            follow_up = tool_test_checkpoint.FOLLOW_UP.due(calendar, checkpoint)
            deadline = calendar.add_working_days(follow_up, tool_test_checkpoint.GRACE_WORKING_DAYS)
            if deadline <= now and not await result_since(db, test, checkpoint):
                overdue.append(OverdueCheckpoint(test, checkpoint, deadline))
    return overdue


def _week_start(calendar: WorkingCalendar, moment: datetime) -> date:
    local = moment.astimezone(calendar.tz).date()
    return local - timedelta(days=local.weekday())


async def plan_guide_checks(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    """A guide past its verification interval: its owner is asked whether it still holds.

    The key includes when it was last checked, so after "still right" the next interval
    gives a new nudge, and until then planning again gives none. At most
    `GUIDE_CHECKS_PER_WEEK` are due per owner per week: guides imported together come due
    together, and the rest go to the mornings of the following weeks."""
    created = 0
    now = clock.now()
    this_week = _week_start(calendar, now)
    since = datetime.combine(this_week, datetime.min.time(), tzinfo=calendar.tz)
    kind = guide_check.GUIDE_CHECK
    planned = await kind.planned_keys(db)
    per_week: dict[tuple[int, date], int] = {}
    for who, when in await reminders.due_times(db, kind.name, since):
        owner_week = (who, _week_start(calendar, when))
        per_week[owner_week] = per_week.get(owner_week, 0) + 1
    for guide in await repo.guides_to_check(db):
        checked = datetime.fromisoformat(guide.checked_at)
        due = checked + timedelta(days=guide.verify_days)
        if due > now or kind.key_of(guide.guide_id, guide.checked_at) in planned:
            continue
        week = this_week
        while per_week.get((guide.owner, week), 0) >= GUIDE_CHECKS_PER_WEEK:
            week += timedelta(weeks=1)
        per_week[(guide.owner, week)] = per_week.get((guide.owner, week), 0) + 1
        if week != this_week:
            due = calendar.morning(week)
        made = await kind.plan_for(
            db,
            clock,
            calendar,
            guide_id=guide.guide_id,
            checked=guide.checked_at,
            owner=guide.owner,
            due=due,
        )
        created += made is not None
    return created


async def plan_onboarding_follow_ups(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    """A superuser welcomed two weeks ago who has not used the bot since: each ambassador of
    their area is nudged to plan a training (once per superuser)."""
    created = 0
    now = clock.now()
    snap = await snapshot(db)
    kind = onboarding_follow_up.ONBOARDING
    planned = await kind.planned_keys(db)
    people = {p.id: p for p in snap.people}
    ambassadors: dict[int, list[Person]] = {}
    for quiet in await repo.quiet_superusers(db, now - timedelta(days=QUIET_DAYS)):
        person = people.get(quiet.person_id)
        area = snap.home_area(person) if person else None
        if person is None or area is None:
            continue
        if area.id not in ambassadors:
            ambassadors[area.id] = snap.ambassadors_of(area)
        for ambassador in ambassadors[area.id]:
            if kind.key_of(person.id, ambassador.id) in planned:
                continue
            made = await kind.plan_for(
                db,
                clock,
                calendar,
                superuser=person.id,
                ambassador=ambassador.id,
                due=now,
            )
            created += made is not None
    return created


async def plan_all(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    evaluation_months: Sequence[int] = (),
) -> int:
    """Every planning rule once. `evaluation_months` (`TOVHOLDER_EVALUATION_MONTHS`, as the
    scheduler passes it): the area evaluation cycle; none given, no area evaluations."""
    return (
        await plan_checkpoints(db, clock, calendar)
        + await plan_guide_checks(db, clock, calendar)
        + await plan_onboarding_follow_ups(db, clock, calendar)
        + await plan_area_evaluations(db, clock, calendar, evaluation_months)
        + await plan_escalations(db, clock, calendar)
        + await plan_spreading(db, clock, calendar)
        + await plan_training_invitations(db, clock, calendar)
    )
