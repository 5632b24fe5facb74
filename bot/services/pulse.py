"""The pulse for a period and a scope, computed from what the bot already holds — so the
weekly digest, `/tovholder pulse`, the App Home and the quality-report exports all show the
same numbers (one function, `build_pulse`).

Counts are of what happened in the period (local dates, in the bot's time zone). Questions
still open and tests running are as they stood at the period's end (or now, for a period
not over yet). Overdue evaluations, spreading, gaps and the tools waiting for a verdict are
as they stand *now* — the bot keeps no history of them — which the README says of the
quality-report exports. Who sees which scope is decided by
`scope_for` (leaders and coordinators: the network; ambassadors: their areas; superusers:
their daycare).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.clock import Clock, utc_iso
from bot.domain.network import OrgSnapshot
from bot.domain.org import Area
from bot.domain.pulse import (
    ACTIVITY_WEEKS,
    NETWORK,
    ActivityWeek,
    AreaPulse,
    AreaSpread,
    BadPeriod,
    DecisionMade,
    Gaps,
    LifecycleMove,
    OverdueGuide,
    Period,
    Pulse,
    Scope,
    Spread,
    ToolInTest,
    parse_period,
    week_of,
)
from bot.services import spreading
from bot.services.commands import PULSE_EXPORT
from bot.services.network import coverage_of, snapshot
from bot.services.nudges import overdue_checkpoints
from bot.services.permissions import Action, person_can
from bot.services.sparring_measures import median_minutes, minutes_between
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import pulse as repo
from storage.repositories import tools as tools_repo


class NoScope(Exception):
    """The person holds no role that has a pulse (not in the organisation)."""


def _utc(day: date, clock: Clock) -> str:
    return utc_iso(datetime.combine(day, time(0), tzinfo=clock.tz))


def today(clock: Clock) -> date:
    """The local day: what "denne uge" and a month without a year are read against."""
    return clock.now().astimezone(clock.tz).date()


def current_week(clock: Clock) -> Period:
    return week_of(today(clock))


def previous_week(clock: Clock) -> Period:
    """The week the Monday digest looks back on."""
    return week_of(clock.now().astimezone(clock.tz).date() - timedelta(days=7))


async def scope_for(db: Database, person_id: int) -> Scope:
    """The widest pulse the person may read. Raises NoScope."""
    snap = await snapshot(db)
    person = snap.person(person_id)
    if person is None:
        raise NoScope(person_id)
    if person.has_role("leader") or person.has_role("coordinator"):
        return NETWORK
    own = frozenset(r.area_id for r in person.roles if r.role == "ambassador" and r.area_id)
    if own:
        names = ", ".join(a.name for a in snap.areas if a.id in own)
        return Scope("areas", names, area_ids=own)
    daycare = snap.daycare_of(person)
    if daycare is None:
        raise NoScope(person_id)
    return Scope("daycare", daycare.name, frozenset({daycare.area_id}), daycare.id)


def narrow(scope: Scope, snap: OrgSnapshot, area_name: str) -> Scope | None:
    """`/tovholder pulse Nord`: one area within what the person may read; None when the area
    is unknown or outside their scope."""
    wanted = area_name.strip().casefold()
    area = next((a for a in snap.areas if a.name.casefold() == wanted), None)
    if area is None or (scope.kind != "network" and area.id not in scope.area_ids):
        return None
    if scope.kind == "daycare":
        return scope
    return Scope("areas", area.name, area_ids=frozenset({area.id}))


def _areas(snap: OrgSnapshot, scope: Scope) -> list[Area]:
    if scope.kind == "network":
        return list(snap.areas)
    return [a for a in snap.areas if a.id in scope.area_ids]


async def _area_pulses(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    snap: OrgSnapshot,
    scope: Scope,
    start: str,
    end: str,
    *,
    details: bool,
) -> tuple[AreaPulse, ...]:
    """Each scoped area's counts in [start, end); `details`: also tests, open questions and
    overdue evaluations as they stand at `end` (not needed for the chart's weeks)."""
    daycare = scope.daycare_id
    results = await repo.results(db, start, end, daycare)
    published = await repo.guides_published(db, start, end)
    updated = await repo.guides_updated(db, start, end)
    onboarded = await repo.superusers_onboarded(db, start, end, daycare)
    held = await repo.trainings_held(db, start, end)
    attendees = await repo.training_attendees(db, start, end, daycare)
    asked = await repo.questions(db, start, end, daycare)
    tools: dict[int, list[ToolInTest]] = {}
    overdue: dict[int, int] = {}
    if details:
        for row in await repo.tests_running(db, end, daycare):
            if row["area_id"] is None:
                continue
            newest = await repo.newest_result(db, row["tool_id"], row["area_id"], end)
            tools.setdefault(row["area_id"], []).append(
                ToolInTest(row["tool"], newest["rating"], newest["newest_on"], newest["n"])
            )
        for late in await overdue_checkpoints(db, clock, calendar):
            areas = {d.area_id for d in snap.daycares if d.id in late.test.daycare_ids}
            if late.test.area_id is not None:
                areas.add(late.test.area_id)
            for area_id in areas:
                overdue[area_id] = overdue.get(area_id, 0) + 1
    found = []
    for area in _areas(snap, scope):
        mine = [q for q in asked if q["area_id"] == area.id]
        answered = [q for q in mine if q["answered_at"] is not None and q["answered_at"] < end]
        still_open = [
            q
            for q in mine
            if (q["answered_at"] is None or q["answered_at"] >= end)
            and (q["resolved_at"] is None or q["resolved_at"] >= end)
        ]
        found.append(
            AreaPulse(
                area_id=area.id,
                area=area.name,
                tools_in_test=tuple(tools.get(area.id, ())),
                results=results.get(area.id, 0),
                guides_published=published.get(area.id, 0),
                guides_updated=updated.get(area.id, 0),
                questions_asked=len(mine),
                questions_answered=len(answered),
                questions_open=len(still_open),
                median_answer_minutes=median_minutes(
                    minutes_between(q["created_at"], q["answered_at"]) for q in answered
                ),
                overdue_evaluations=overdue.get(area.id, 0),
                superusers_onboarded=onboarded.get(area.id, 0),
                trainings_held=held.get(area.id, 0),
                training_attendees=attendees.get(area.id, 0),
            )
        )
    return tuple(found)


async def _spreading(
    db: Database, clock: Clock, snap: OrgSnapshot, scope: Scope
) -> tuple[Spread, ...]:
    """Each spreading tool's reach now, within the scope: an area's pulse counts the area's
    own daycares ("i brug i 1 af 3 dagtilbud (Nord 1/3)") and the reasons they gave — the
    network's totals belong to the network's pulse only."""
    scoped = _areas(snap, scope)
    names = {a.name for a in scoped}
    daycares = {d.name for a in scoped for d in snap.daycares_in(a)}
    found = []
    for row in await repo.spreading_tools(db):
        progress = await spreading.progress(db, clock, row["id"], weeks=1)
        shares = [a for a in progress.points[-1].areas if a.area in names]
        declined = progress.declined
        if scope.kind != "network":
            declined = tuple((name, reason) for name, reason in declined if name in daycares)
        found.append(
            Spread(
                tool=row["name"],
                in_use=sum(a.in_use for a in shares),
                daycares=sum(a.daycares for a in shares),
                areas=tuple(AreaSpread(a.area, a.in_use, a.daycares) for a in shares if a.daycares),
                declined=declined,
            )
        )
    return tuple(found)


async def _gaps(db: Database, clock: Clock, snap: OrgSnapshot, scope: Scope) -> Gaps:
    """The scope's gaps now. An area's pulse lists the guides its own ambassadors owe a check
    (placed as guides published are); a daycare's pulse lists none — guides are not theirs."""
    scoped = {a.id for a in _areas(snap, scope)}
    coverage = [c for c in coverage_of(snap) if c.area.id in scoped]
    overdue = [
        OverdueGuide(row["title"], row["tool"], row["owner"], row["checked_at"][:10])
        for row in await repo.guides_overdue(db, utc_iso(clock.now()))
        if scope.kind == "network" or (scope.kind == "areas" and row["area_id"] in scoped)
    ]
    return Gaps(
        areas_without_ambassador=tuple(c.area.name for c in coverage if c.ambassadors == 0),
        daycares_without_superuser=tuple(d.name for c in coverage for d in c.without_superuser),
        guides_overdue=tuple(overdue),
    )


async def build_pulse(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    period: Period,
    scope: Scope = NETWORK,
) -> Pulse:
    """Everything the pulse shows for `period`, narrowed to `scope`."""
    snap = await snapshot(db)
    start = _utc(period.start, clock)
    # Stored times have whole seconds: what happened in the current second counts too.
    end = min(_utc(period.end, clock), utc_iso(clock.now() + timedelta(seconds=1)))
    areas = await _area_pulses(db, clock, calendar, snap, scope, start, end, details=True)
    activity = []
    last = week_of(period.last_day)
    for back in range(ACTIVITY_WEEKS - 1, -1, -1):
        week = week_of(last.start - timedelta(weeks=back))
        counts = await _area_pulses(
            db,
            clock,
            calendar,
            snap,
            scope,
            _utc(week.start, clock),
            _utc(week.end, clock),
            details=False,
        )
        activity.append(ActivityWeek(week.label, tuple((a.area, a.activity) for a in counts)))
    return Pulse(
        period=period,
        scope=scope,
        areas=areas,
        moves=tuple(
            LifecycleMove(r["tool"], r["from_status"], r["to_status"], r["changed_at"])
            for r in await repo.status_moves(db, start, end)
        ),
        decisions_made=tuple(
            DecisionMade(r["tool"], r["decision"], r["decided_on"], r["note"])
            for r in await repo.decisions_recorded(db, start, end)
        ),
        decisions_waiting=tuple(await repo.tools_awaiting_verdict(db)),
        spreading=await _spreading(db, clock, snap, scope),
        gaps=await _gaps(db, clock, snap, scope),
        activity=tuple(activity),
    )


EXPORT_WORDS = PULSE_EXPORT
FORMATS = ("md", "csv", "json")
_PERIOD_LIKE = re.compile(r"^\d{2,4}(-\S*)?$")
#: Words that begin a period; one that no period follows is a mistake, not an area's name.
_PERIOD_WORDS = frozenset({"uge", "week", "kvartal", "quarter", "sidste", "forrige", "last"})
#: The most words one period takes: "i sidste uge", "3. kvartal 2025", "uge 48 2025".
_PERIOD_SPAN = 3


@dataclass(frozen=True)
class PulseRequest:
    """What `/tovholder pulse …` asked for: words in any order — a period (`uge 48`,
    `november`, `3. kvartal`, `sidste uge`, `i år`, `2026-W48`, `2026-11`, `2026-Q3`, `2026`
    …, see `parse_period`), `export` and a format, and the rest an area's name."""

    period: Period
    area: str = ""
    export: bool = False
    format: str = "md"


def read_request(text: str, clock: Clock) -> PulseRequest:
    """Raises BadPeriod for something that looks like a period but is none. A period is
    the longest run of words (up to three) that reads as one, so `uge 48 Nord` is week 48
    of area Nord and `Nord sidste måned` area Nord last month."""
    period: Period | None = None
    export = False
    fmt = "md"
    area: list[str] = []
    words = text.split()
    day = today(clock)
    index = 0
    while index < len(words):
        word = words[index]
        folded = word.casefold()
        index += 1
        if folded in EXPORT_WORDS:
            export = True
            continue
        if folded in FORMATS:
            fmt = folded
            continue
        found = _period_at(words, index - 1, day)
        if found is not None:
            period, taken = found
            index += taken - 1
        elif _PERIOD_LIKE.match(word) or folded in _PERIOD_WORDS:
            raise BadPeriod(" ".join(words[index - 1 : index + 1]))
        else:
            area.append(word)
    return PulseRequest(period or week_of(day), " ".join(area), export, fmt)


def _period_at(words: list[str], start: int, day: date) -> tuple[Period, int] | None:
    """The period the words from `start` make, longest first, and how many it took."""
    for size in range(min(_PERIOD_SPAN, len(words) - start), 0, -1):
        try:
            return parse_period(" ".join(words[start : start + size]), day), size
        except BadPeriod:
            continue
    return None


async def decidable(db: Database, reader_id: int, found: Pulse) -> tuple[tuple[int, str], ...]:
    """The tools waiting for a verdict, as (id, name), when the reader keeps leadership's
    decisions — so a leader can decide from the pulse itself; nobody else gets buttons."""
    if not found.decisions_waiting or not await person_can(db, reader_id, Action.RECORD_DECISIONS):
        return ()
    tools = []
    async with db.transaction() as conn:
        for name in found.decisions_waiting:
            tool = await tools_repo.find_tool(conn, name)
            if tool is not None:
                tools.append((tool.id, tool.name))
    return tuple(tools)
