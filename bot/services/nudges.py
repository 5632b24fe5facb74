"""Which nudges are due: the rules that turn tests, guides, new superusers and the area
evaluation cycle into reminders.

The planning jobs run often and may run twice (or late, after a restart): every reminder has
a de-duplication key derived from what it is about, so planning again creates nothing new.
Whether a planned nudge is still worth sending is decided again when it is due (see
`bot.jobs.nudges`): a result posted meanwhile cancels the follow-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.clock import Clock
from bot.domain.org import Person
from bot.domain.tool_tests import ToolTest
from bot.services import reminders
from bot.services.area_evaluations import plan_area_evaluations
from bot.services.network import snapshot
from bot.services.onboarding import AMBASSADOR_WELCOME, WELCOME, WELCOME_NOTE
from bot.services.sparring import DELIVERY_KINDS
from bot.services.sparring_escalation import ESCALATION, plan_escalations
from bot.services.spreading import plan_spreading
from bot.services.training_reminders import CHANGED as TRAINING_CHANGED
from bot.services.training_reminders import plan_training_invitations
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import nudges as repo
from storage.repositories import tool_tests as tests_repo

CHECKPOINT = "test_checkpoint"
FOLLOW_UP = "test_follow_up"
GUIDE_CHECK = "guide_check"
ONBOARDING = "onboarding_follow_up"
#: Working days an ambassador has to post a result after a checkpoint, before one follow-up;
#: and again after the follow-up, before the checkpoint counts as overdue.
GRACE_WORKING_DAYS = 2
#: A superuser not seen using the bot this long after joining: their ambassador is nudged.
QUIET_DAYS = 14
#: Guide checks due for one owner in one ISO week at most: a guide import checked on one day
#: comes due all at once 180 days later, and is spread over the weeks after instead.
GUIDE_CHECKS_PER_WEEK = 3

#: The one place that says which nudges are *urgent*: they go out as soon as they are due in
#: working time, also before the day's nudge time and after the day's message, on their own.
#: An escalated sparring question waits for an answer while a colleague waits for help; a
#: moved or cancelled oplæring may be sooner than the next morning.
URGENT_KINDS: frozenset[str] = frozenset({ESCALATION, TRAINING_CHANGED})
#: Reminders that are not nudges: a sparring question on its way to the ambassadors (any
#: hour), a new superuser's welcome and the note about them, a new ambassador's welcome.
#: Sent on their own, as before, and not counted as the day's message. Every other kind is a
#: nudge, gathered into the person's one message a day (`bot.jobs.dispatcher.MorningList`).
NOT_NUDGES: frozenset[str] = DELIVERY_KINDS | {WELCOME, WELCOME_NOTE, AMBASSADOR_WELCOME}


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
    days later. The one way they are computed, whether a test has just been started
    (`bot.services.tool_tests.start_test`) or the planning job runs; the keys make the
    second time create nothing. A closed test gets none. Returns how many were new."""
    if test.state != "running":
        return 0
    created = 0
    for checkpoint in test.checkpoints:
        due = calendar.morning(date.fromisoformat(checkpoint))
        payload = {"test_id": test.id, "checkpoint": checkpoint}
        for kind, when in (
            (CHECKPOINT, due),
            (FOLLOW_UP, calendar.add_working_days(due, GRACE_WORKING_DAYS)),
        ):
            made = await reminders.schedule(
                db,
                clock,
                kind=kind,
                recipient=test.ambassador_slack_id,
                due=when,
                payload=payload,
                dedupe_key=f"{kind}:{test.id}:{checkpoint}",
                calendar=calendar,
            )
            created += made is not None
    return created


async def result_since(db: Database, test: ToolTest, checkpoint: str) -> bool:
    """Was a result posted for the test (or its tool, by its ambassador) since the checkpoint?"""
    return await repo.result_since(db, test.id, test.tool.id, test.ambassador_slack_id, checkpoint)


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
            follow_up = calendar.add_working_days(
                calendar.morning(date.fromisoformat(checkpoint)), GRACE_WORKING_DAYS
            )
            deadline = calendar.add_working_days(follow_up, GRACE_WORKING_DAYS)
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
    planned = await reminders.planned_keys(db, f"{GUIDE_CHECK}:")
    per_week: dict[tuple[str, date], int] = {}
    for who, when in await reminders.due_times(db, GUIDE_CHECK, since):
        owner_week = (who, _week_start(calendar, when))
        per_week[owner_week] = per_week.get(owner_week, 0) + 1
    for guide in await repo.guides_to_check(db):
        checked = datetime.fromisoformat(guide.checked_at)
        due = checked + timedelta(days=guide.verify_days)
        key = f"{GUIDE_CHECK}:{guide.guide_id}:{guide.checked_at}"
        if due > now or key in planned:
            continue
        week = this_week
        while per_week.get((guide.owner_slack_id, week), 0) >= GUIDE_CHECKS_PER_WEEK:
            week += timedelta(weeks=1)
        per_week[(guide.owner_slack_id, week)] = per_week.get((guide.owner_slack_id, week), 0) + 1
        if week != this_week:
            due = calendar.morning(week)
        made = await reminders.schedule(
            db,
            clock,
            kind=GUIDE_CHECK,
            recipient=guide.owner_slack_id,
            due=due,
            payload={"guide_id": guide.guide_id},
            dedupe_key=key,
            calendar=calendar,
        )
        created += made is not None
    return created


async def plan_onboarding_follow_ups(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    """A superuser welcomed two weeks ago who has not used the bot since: each ambassador of
    their area is nudged to plan a training (once per superuser)."""
    created = 0
    now = clock.now()
    snap = await snapshot(db)
    planned = await reminders.planned_keys(db, f"{ONBOARDING}:")
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
            key = f"{ONBOARDING}:{person.slack_user_id}:{ambassador.slack_user_id}"
            if key in planned:
                continue
            made = await reminders.schedule(
                db,
                clock,
                kind=ONBOARDING,
                recipient=ambassador.slack_user_id,
                due=now,
                payload={"superuser": person.slack_user_id},
                dedupe_key=key,
                calendar=calendar,
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
