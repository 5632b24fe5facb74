"""What each role finds on their App Home, and the decisions leaders record there.

- superuser: recommended tools their daycare does not use yet (with a guide to open), the
  trainings of their area they can join, their questions not solved yet, their ambassadors;
- ambassador: their running tests and each one's next checkpoint, the open questions of
  their areas that wait for them (claimed by them or by nobody), the guides they own that are
  due for a check, and the superusers of their areas who have not attended a training;
- coordinator and leader: the pulse of the current week (`build_pulse`, the same numbers as
  the digest), its gaps, and the decisions to make — evaluated tools waiting for a verdict,
  and recommended tools without a decision to spread them.

A decision clicked on the Home is kept through `record_decision` (decided today, recorded by
the person who clicked), so it shows on the tool's guide card and in the next digest. Only
leaders and coordinators record decisions. The same person clicking the same decision on the
same tool again the same day (a double click, a second tab) stores nothing new.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.clock import Clock, utc_iso
from bot.domain.guides import Decision, DecisionKind, Tool
from bot.domain.home import (
    AmbassadorHome,
    DecisionOutcome,
    DecisionToMake,
    GuideDue,
    Home,
    LeadershipHome,
    SuperuserHome,
    SuperuserToTrain,
    TestLine,
    ToolToTry,
)
from bot.domain.network import OrgSnapshot
from bot.domain.org import Person
from bot.domain.trainings import Answer
from bot.errors import NotAllowed
from bot.services import spreading
from bot.services.adoption import daycare_tools
from bot.services.guides import (
    browse_guides,
    get_guide_by_id,
    list_tools,
    record_decision,
    status_history,
    tool_decisions,
)
from bot.services.network import snapshot
from bot.services.nudges import overdue_checkpoints
from bot.services.permissions import Action, can
from bot.services.pulse import build_pulse, current_week
from bot.services.sparring import open_questions
from bot.services.tool_tests import running_tests
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import nudges as nudges_repo
from storage.repositories import trainings as trainings_repo

#: Decisions being recorded right now, (tool, decision, person): a second click arriving
#: while the first is still being stored is the same click (one process holds the database).
_IN_HAND: set[tuple[int, DecisionKind, int]] = set()


def _today(clock: Clock) -> date:
    return clock.now().astimezone(clock.tz).date()


# -- the Home -------------------------------------------------------------------------------


async def home_for(db: Database, clock: Clock, calendar: WorkingCalendar, person_id: int) -> Home:
    """Everything the person's Home shows, one part per role they hold."""
    snap = await snapshot(db)
    person = snap.person(person_id)
    coordinators = tuple(snap.coordinators())
    if person is None:
        return Home(None, coordinators=coordinators)
    leads = person.has_role("leader") or person.has_role("coordinator")
    return Home(
        person,
        superuser=await _superuser(db, clock, snap, person),
        ambassador=await _ambassador(db, clock, calendar, snap, person),
        leadership=await _leadership(db, clock, calendar) if leads else None,
        coordinators=coordinators,
    )


async def _superuser(
    db: Database, clock: Clock, snap: OrgSnapshot, person: Person
) -> SuperuserHome | None:
    daycare = snap.daycare_of(person)
    if daycare is None:
        return None
    area = snap.area(daycare.area_id)
    states = {a.tool_id: a.state for a in await daycare_tools(db, daycare.id)}
    guides: dict[str, int] = {}
    for summary in await browse_guides(db):
        guides.setdefault(summary.tool_name.casefold(), summary.guide_id)
    tools = tuple(
        ToolToTry(
            tool.id,
            tool.name,
            states.get(tool.id, "not_started"),
            guides.get(tool.name.casefold()),
        )
        for tool in await list_tools(db)
        if tool.status == "recommended" and states.get(tool.id) != "in_use"
    )
    areas = {
        d.area_id
        for r in person.roles
        if r.role == "superuser"
        for d in snap.daycares
        if d.id == r.daycare_id
    }
    trainings = [
        training
        for training in await trainings_repo.planned_from(db, utc_iso(clock.now()))
        if training.area_id in areas
    ]
    answers: list[tuple[int, Answer]] = []
    async with db.transaction() as conn:
        for training in trainings:
            signup = await trainings_repo.signup_of(conn, training.id, person.id)
            if signup is not None:
                answers.append((training.id, signup.answer))
    questions = await open_questions(db, asker=person.id, with_answered=True)
    return SuperuserHome(
        daycare=daycare.name,
        area=area.name,
        tools=tools,
        trainings=tuple(trainings),
        answers=tuple(answers),
        questions=tuple(questions),
        ambassadors=tuple(snap.ambassadors_of(area)),
    )


async def _ambassador(
    db: Database, clock: Clock, calendar: WorkingCalendar, snap: OrgSnapshot, person: Person
) -> AmbassadorHome | None:
    own = [r.area_id for r in person.roles if r.role == "ambassador" and r.area_id is not None]
    if not own:
        return None
    areas = [a for a in snap.areas if a.id in own]
    me = person.id
    today = _today(clock).isoformat()
    late = {(o.test.id, o.checkpoint) for o in await overdue_checkpoints(db, clock, calendar)}
    tests = tuple(
        TestLine(
            test,
            next((c for c in sorted(test.checkpoints) if c >= today), None),
            overdue=any((test.id, c) in late for c in test.checkpoints),
        )
        for test in await running_tests(db, me)
    )
    questions = tuple(
        q
        for q in await open_questions(db)
        if q.area is not None and q.area.id in own and (q.claimed_at is None or q.claimed_by == me)
    )
    return AmbassadorHome(
        areas=tuple(a.name for a in areas),
        tests=tests,
        questions=questions,
        guides_due=await _guides_due(db, clock, me),
        to_train=await _to_train(db, snap, own),
    )


async def _guides_due(db: Database, clock: Clock, owner: int) -> tuple[GuideDue, ...]:
    """The owner's guides past their verification interval (as the check nudge sees them)."""
    now = clock.now()
    found = []
    for guide in await nudges_repo.guides_to_check(db):
        checked = datetime.fromisoformat(guide.checked_at)
        if guide.owner != owner or checked + timedelta(days=guide.verify_days) > now:
            continue
        detail = await get_guide_by_id(db, guide.guide_id)
        if detail is not None:
            found.append(
                GuideDue(
                    guide.guide_id,
                    detail.current.content.title,
                    detail.tool.name,
                    checked.astimezone(clock.tz).date().isoformat(),
                )
            )
    return tuple(sorted(found, key=lambda g: g.checked_on))


async def _to_train(
    db: Database, snap: OrgSnapshot, area_ids: list[int]
) -> tuple[SuperuserToTrain, ...]:
    """Superusers of the areas who have not attended any training yet, by daycare and name."""
    trained = {
        int(row["person_id"]) for row in await trainings_repo.signup_records(db) if row["attended"]
    }
    found = []
    for area in snap.areas:
        if area.id not in area_ids:
            continue
        for daycare in sorted(snap.daycares_in(area), key=lambda d: d.name.casefold()):
            for superuser in sorted(snap.superusers_of(daycare), key=lambda p: p.name):
                if superuser.id not in trained:
                    found.append(SuperuserToTrain(superuser, daycare.name))
    return tuple(found)


async def _leadership(db: Database, clock: Clock, calendar: WorkingCalendar) -> LeadershipHome:
    pulse = await build_pulse(db, clock, calendar, current_week(clock))
    return LeadershipHome(pulse, tuple(await decisions_to_make(db)))


# -- decisions --------------------------------------------------------------------------------


async def _waiting(tool: Tool, decisions: list[Decision], db: Database) -> DecisionToMake | None:
    latest = decisions[0] if decisions else None
    if tool.status == "evaluated":
        # Any decision kept since the tool was evaluated is leadership's verdict on it.
        history = await status_history(db, tool.id)
        since = next((c.changed_at for c in reversed(history) if c.to_status == "evaluated"), "")
        if any(d.recorded_at >= since for d in decisions):
            return None
        return DecisionToMake(tool.id, tool.name, tool.status, "verdict", latest)
    if tool.status == "recommended":
        if any(d.decision == "to_be_spread" for d in decisions):
            return None
        if latest is not None and latest.decision == "stopped":
            return None
        return DecisionToMake(tool.id, tool.name, tool.status, "spreading", latest)
    return None


async def decisions_to_make(db: Database) -> list[DecisionToMake]:
    """Evaluated tools waiting for a verdict, then recommended tools without a decision to
    spread them (nor to stop them), each by name."""
    found = []
    for tool in await list_tools(db):
        if tool.status in ("evaluated", "recommended"):
            waiting = await _waiting(tool, await tool_decisions(db, tool.id), db)
            if waiting is not None:
                found.append(waiting)
    order = {"verdict": 0, "spreading": 1}
    return sorted(found, key=lambda d: (order[d.reason], d.tool.casefold()))


def _repeated(latest: Decision | None, decision: DecisionKind, today: date, by: int) -> bool:
    return (
        latest is not None
        and latest.decision == decision
        and latest.decided_on == today.isoformat()
        and latest.recorded_by == by
    )


async def decide(
    db: Database, clock: Clock, by: int, tool_id: int, decision: DecisionKind
) -> DecisionOutcome:
    """Record leadership's decision on the tool, decided today by `by`. "to_be_spread" starts
    a spreading round, "stopped" ends an open one (as `record_decision` does).

    Raises NotAllowed (not a leader or coordinator: nothing stored) and LookupError (no such
    tool). The same decision by the same person on the same tool already today is not
    stored again (`recorded` False).
    """
    person = (await snapshot(db)).person(by)
    if not can(person, Action.RECORD_DECISIONS):
        raise NotAllowed(Action.RECORD_DECISIONS)
    tool = next((t for t in await list_tools(db) if t.id == tool_id), None)
    if tool is None:
        raise LookupError(tool_id)
    today = _today(clock)
    key = (tool_id, decision, by)
    if key in _IN_HAND:
        return DecisionOutcome(tool.name, decision, today.isoformat(), recorded=False)
    _IN_HAND.add(key)
    try:
        found = await tool_decisions(db, tool_id)
        if _repeated(found[0] if found else None, decision, today, by):
            return DecisionOutcome(tool.name, decision, today.isoformat(), recorded=False)
        kept = await record_decision(db, clock, tool_id, decision, today, recorded_by=by)
    finally:
        _IN_HAND.discard(key)
    started = decision == "to_be_spread" and any(
        r.tool_id == tool_id
        and r.ended_at is None
        and r.trigger == "decision"
        and r.started_at == kept.recorded_at
        for r in await spreading.all_rounds(db)
    )
    return DecisionOutcome(
        tool.name, decision, today.isoformat(), recorded=True, spreading_started=started
    )
