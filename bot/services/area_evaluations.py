"""The area evaluation cycle: "continuous evaluations and adjustments", asked on a schedule.

A cycle starts on the first working morning of each month listed in
`TOVHOLDER_EVALUATION_MONTHS` (default January, April, July, October). Then each ambassador
of an area, and each superuser of its daycares, is asked once — as a durable reminder
(`bot.services.reminders`), so a restart loses nothing and nobody is asked twice. Only the
*current* cycle is planned: a bot that was down across a cycle's start asks for that cycle
when it is back, never for older ones; and a person who joined the organisation after the
cycle began is first asked in the next one (they have nothing to look back on yet).

Whether the question is still worth sending is decided again when it is due: a person who
has answered meanwhile, left the area, or whose cycle has passed is not asked. An answer is
one row per person, area and cycle; answering again replaces it. The answers are what the
pulse reads (`answers_for`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from bot.clock import Clock, utc_iso
from bot.domain.area_evaluations import (
    FIELDS,
    Answers,
    AreaEvaluation,
    Cycle,
    EvaluationRole,
)
from bot.domain.network import OrgSnapshot
from bot.domain.org import Area, Person
from bot.errors import FormRefused
from bot.reminders import area_evaluation
from bot.services.network import snapshot
from bot.services.privacy import cpr_errors
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import area_evaluations as repo

DEFAULT_MONTHS: tuple[int, ...] = (1, 4, 7, 10)
#: Each answer's limit, as in the modal (bot/views/area_evaluations.py).
TEXT_MAX = 1000
_PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])", re.ASCII)

#: Field name (the modal's block id) → (catalogue key, parameters).
Errors = dict[str, tuple[str, dict[str, object]]]


class EvaluationUnavailable(Exception):
    """This person cannot answer this evaluation (any more): `key` says why, for people."""

    def __init__(self, key: str, area: Area | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.area = area


class EvaluationRefused(FormRefused):
    """The answers cannot be saved as they are, per field; nothing was written."""


@dataclass(frozen=True)
class EvaluationForm:
    """What the modal shows: the cycle, the area, the questions for the role, and the
    person's earlier answer (to change) if there is one."""

    cycle: Cycle
    area: Area
    role: EvaluationRole
    answer: AreaEvaluation | None = None


# -- the cycle (no database) ---------------------------------------------------------------


def cycle_start(calendar: WorkingCalendar, year: int, month: int) -> datetime:
    """The first working morning of the month (1 January 2027, a holiday on a Friday, gives
    Monday 4 January at the nudge time)."""
    return calendar.morning(date(year, month, 1))


def _length(months: Sequence[int], month: int) -> int:
    """Months from `month` to the next listed one (12 when it is the only one)."""
    later = sorted((m - month) % 12 for m in set(months) if m != month)
    return later[0] if later else 12


def current_cycle(now: datetime, calendar: WorkingCalendar, months: Sequence[int]) -> Cycle | None:
    """The latest listed month whose first working morning is at or before `now`; None when
    no months are listed (no area evaluations)."""
    local = now.astimezone(calendar.tz)
    best: Cycle | None = None
    for year in (local.year - 1, local.year):
        for month in sorted(set(months)):
            start = cycle_start(calendar, year, month)
            if start <= now and (best is None or start > best.starts_at):
                best = Cycle(f"{year:04d}-{month:02d}", start, _length(months, month))
    return best


# -- who is asked (no database) ------------------------------------------------------------


def respondents(snap: OrgSnapshot, area: Area) -> list[tuple[EvaluationRole, Person]]:
    """The area's ambassadors, then the superusers of its daycares; a person once, in the
    first role they hold (an ambassador who is also a superuser answers as ambassador)."""
    found: dict[int, tuple[EvaluationRole, Person]] = {}
    for person in snap.ambassadors_of(area):
        found.setdefault(person.id, ("ambassador", person))
    for daycare in snap.daycares_in(area):
        for person in snap.superusers_of(daycare):
            found.setdefault(person.id, ("superuser", person))
    return list(found.values())


def role_in(snap: OrgSnapshot, area: Area, person_id: int) -> EvaluationRole | None:
    """The questions a person answers for the area — None when they hold no role in it."""
    return next((role for role, p in respondents(snap, area) if p.id == person_id), None)


# -- planning ------------------------------------------------------------------------------


async def plan_area_evaluations(
    db: Database, clock: Clock, calendar: WorkingCalendar, months: Sequence[int]
) -> int:
    """One reminder per person and area for the current cycle, due its first working
    morning. Idempotent by key; older cycles are never planned. Returns how many were new."""
    cycle = current_cycle(clock.now(), calendar, months)
    if cycle is None:
        return 0
    snap = await snapshot(db)
    joined = await repo.people_joined_by(db, utc_iso(cycle.starts_at))
    kind = area_evaluation.AREA_EVALUATION
    planned = await kind.planned_in(db, cycle.period)
    created = 0
    for area in snap.areas:
        for _, person in respondents(snap, area):
            key = kind.key_of(cycle.period, area.id, person.id)
            if person.id not in joined or key in planned:
                continue
            made = await kind.plan_for(
                db,
                clock,
                calendar,
                period=cycle.period,
                area_id=area.id,
                person=person.id,
                due=cycle.starts_at,
            )
            created += made is not None
    return created


# -- answering -----------------------------------------------------------------------------


async def form_for(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    months: Sequence[int],
    period: str,
    area_id: int,
    person_id: int,
) -> EvaluationForm:
    """The evaluation a person is asked (by the nudge, or the button in it), with the role
    decided from the organisation now. Raises EvaluationUnavailable when the cycle has
    passed, the area is gone, or the person holds no role in it any more."""
    cycle = current_cycle(clock.now(), calendar, months)
    if cycle is None or cycle.period != period:
        raise EvaluationUnavailable("area_eval.closed")
    snap = await snapshot(db)
    area = next((a for a in snap.areas if a.id == area_id), None)
    if area is None:
        raise EvaluationUnavailable("area_eval.closed")
    role = role_in(snap, area, person_id)
    if role is None:
        raise EvaluationUnavailable("area_eval.not_in_area", area)
    return EvaluationForm(cycle, area, role, await repo.get(db, period, area_id, person_id))


def check_answers(role: EvaluationRole, answers: Answers) -> Errors:
    """Every problem at once: each answer at most `TEXT_MAX` characters, at least one given,
    and the tools to drop or spread are the ambassadors' question only."""
    errors: Errors = {}
    for field in FIELDS["ambassador"]:
        text = answers.value(field)
        if len(text) > TEXT_MAX:
            errors[field] = ("area_eval.error.too_long", {"limit": TEXT_MAX, "length": len(text)})
    errors.update(cpr_errors(**{field: answers.value(field) for field in FIELDS["ambassador"]}))
    if role != "ambassador" and answers.drop_or_spread and "drop_or_spread" not in errors:
        errors["drop_or_spread"] = ("area_eval.error.ambassadors_only", {})
    if not any(answers.value(field) for field in FIELDS[role]) and "works" not in errors:
        errors["works"] = ("area_eval.error.empty", {})
    return errors


def _stripped(answers: Answers) -> Answers:
    return replace(
        answers,
        works=answers.works.strip(),
        hard=answers.hard.strip(),
        drop_or_spread=answers.drop_or_spread.strip(),
        support=answers.support.strip(),
    )


async def save_answer(
    db: Database,
    clock: Clock,
    *,
    period: str,
    area_id: int,
    person_id: int,
    answers: Answers,
) -> AreaEvaluation:
    """Save (or replace) the person's answer for the area and cycle, in the role they hold
    there now, and cancel their pending nudge for it.

    Raises EvaluationUnavailable (no such cycle or area, or no role in it) and
    EvaluationRefused (the answers' problems, per field)."""
    now = clock.now()
    if not _PERIOD.fullmatch(period) or period > f"{now.year:04d}-{now.month:02d}":
        raise EvaluationUnavailable("area_eval.closed")
    snap = await snapshot(db)
    area = next((a for a in snap.areas if a.id == area_id), None)
    if area is None:
        raise EvaluationUnavailable("area_eval.closed")
    role = role_in(snap, area, person_id)
    if role is None:
        raise EvaluationUnavailable("area_eval.not_in_area", area)
    answers = _stripped(answers)
    errors = check_answers(role, answers)
    if errors:
        raise EvaluationRefused(errors)
    saved = await repo.upsert(
        db,
        period=period,
        area_id=area_id,
        person_id=person_id,
        role=role,
        answers=answers,
        now=utc_iso(now),
    )
    await area_evaluation.AREA_EVALUATION.answered(db, clock, period, area_id, person_id)
    return saved


async def answered(db: Database, period: str, area_id: int, person_id: int) -> bool:
    return await repo.get(db, period, area_id, person_id) is not None


async def get_answer(
    db: Database, period: str, area_id: int, person_id: int
) -> AreaEvaluation | None:
    return await repo.get(db, period, area_id, person_id)


async def answers_for(
    db: Database, period: str, area_id: int | None = None
) -> list[AreaEvaluation]:
    """A cycle's answers, of one area or of all, for the pulse: by area, ambassadors first."""
    return await repo.for_period(db, period, area_id)
