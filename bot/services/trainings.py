"""Trainings that ambassadors hold for superusers: plan, sign up, record who came, move and
cancel, and what `/tool-test trainings` shows.

An ambassador plans a training for a tool in one of their areas (the coordinator: any area;
who may do what is decided in `bot.services.permissions`). The superusers of that area whose
daycare has not started with the tool are invited, and those coming reminded, through the
durable reminder store (`bot.services.training_reminders`). People answer "Jeg kommer" / "Jeg
kan ikke"; the seat limit is checked and the answer saved in one transaction. Afterwards the
ambassador records who came, and each attending superuser's daycare is marked at least
"getting started". Moving a training (a new time or place) bumps its `version`, so reminders
planned for the old time are recognised as stale; moving or cancelling tells everyone who
said yes. The ambassador hears of each sign-up and is reminded to record attendance the
working day after (`bot.services.training_reminders`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from bot.clock import Clock, utc_iso
from bot.domain.network import OrgSnapshot
from bot.domain.org import Area
from bot.domain.trainings import (
    NOTE_MAX,
    PLACE_MAX,
    SEATS_MAX,
    SEATS_MIN,
    Answer,
    Signup,
    Training,
    TrainingPlan,
    superuser_daycare_in,
)
from bot.errors import FormRefused, NotAllowed
from bot.reminders import training_attendance, training_changed, training_invite
from bot.reminders import training_reminder as day_before
from bot.services.adoption import mark_getting_started
from bot.services.network import snapshot
from bot.services.permissions import (
    Action,
    belongs_to_area,
    can,
    may_manage_training,
    plannable_areas,
)
from bot.services.privacy import cpr_errors
from bot.services.training_reminders import (
    current,
    invitees,
    plan_for_training,
    plan_signup_notice,
)
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import tools as tools_repo
from storage.repositories import trainings as repo

#: How far ahead a training may be planned.
HORIZON = timedelta(days=365)
#: How long after its start a training still shows in `/tool-test trainings`.
RECENT = timedelta(days=30)

Errors = dict[str, tuple[str, dict[str, object]]]


class TrainingRefused(FormRefused):
    """The plan cannot be saved as it is (per field: catalogue key, parameters)."""


@dataclass(frozen=True)
class Planned:
    training: Training
    #: How many superusers are (or will be) invited.
    invited: int
    #: False when the same request had already created the training.
    created: bool


AnswerOutcome = Literal["saved", "full", "closed", "not_in_area", "gone"]


@dataclass(frozen=True)
class AnswerResult:
    outcome: AnswerOutcome
    training: Training | None = None
    answer: Answer | None = None


@dataclass(frozen=True)
class Attendance:
    training: Training
    attended: int
    #: Names of the daycares that moved to "getting started".
    started: tuple[str, ...]


@dataclass(frozen=True)
class MyTrainings:
    """What `/tool-test trainings` shows: an ambassador's own, or a superuser's area's."""

    trainings: tuple[Training, ...]
    #: "held": the person's own trainings (with attendance, move, cancel); "offered": the
    #: planned trainings of their area (with sign-up buttons); "none": not in the network.
    kind: Literal["held", "offered", "none"]
    #: The person's answers, by training id.
    answers: dict[int, Answer]


# -- who ----------------------------------------------------------------------------------


def _plannable(snap: OrgSnapshot, person_id: int) -> list[Area]:
    """The areas the person may plan trainings in, by name."""
    areas = plannable_areas(snap.person(person_id), snap.areas)
    return sorted(areas, key=lambda a: a.name.casefold())


# -- planning -----------------------------------------------------------------------------


def _check(
    snap: OrgSnapshot, by: int, plan: TrainingPlan, now: datetime, *, signed_up: int = 0
) -> tuple[str, str, int, str]:
    """(starts_at UTC ISO, place, seats, note), or TrainingRefused naming every bad field."""
    errors: Errors = {}
    starts: datetime | None = None
    if plan.day is None:
        errors["day"] = ("training.error.day_missing", {})
    elif plan.at is None:
        errors["time"] = ("training.error.time_missing", {})
    else:
        starts = datetime.combine(plan.day, plan.at, tzinfo=now.tzinfo)
        if starts <= now:
            errors["day"] = ("training.error.past", {})
        elif starts > now + HORIZON:
            errors["day"] = ("training.error.too_far", {})
    place = " ".join(plan.place.split())
    if not place:
        errors["place"] = ("training.error.place_missing", {})
    elif len(place) > PLACE_MAX:
        errors["place"] = ("training.error.too_long", {"limit": PLACE_MAX, "length": len(place)})
    seats = plan.seats
    if seats is None or not SEATS_MIN <= seats <= SEATS_MAX:
        errors["seats"] = ("training.error.seats", {"low": SEATS_MIN, "high": SEATS_MAX})
    elif seats < signed_up:
        errors["seats"] = ("training.error.seats_below", {"signed_up": signed_up})
    note = plan.note.strip()
    if len(note) > NOTE_MAX:
        errors["note"] = ("training.error.too_long", {"limit": NOTE_MAX, "length": len(note)})
    errors.update(cpr_errors(place=place, note=note))
    if not any(a.id == plan.area_id for a in snap.areas):
        errors["area"] = ("training.error.unknown_area", {})
    elif not any(a.id == plan.area_id for a in _plannable(snap, by)):
        errors["area"] = ("training.error.not_your_area", {})
    if errors or starts is None or seats is None:
        raise TrainingRefused(errors)
    return utc_iso(starts), place, seats, note


async def plan_training(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    by: int,
    plan: TrainingPlan,
    *,
    request_key: str,
) -> Planned:
    """Plan a training and queue its invitations. The same `request_key` again (a double
    submit) gives the first training and writes nothing. Raises NotAllowed (not an ambassador
    or coordinator), TrainingRefused (bad fields), LookupError (no such tool)."""
    snap = await snapshot(db)
    if not can(snap.person(by), Action.PLAN_TRAININGS):
        raise NotAllowed(Action.PLAN_TRAININGS)
    now = clock.now().astimezone(calendar.tz)
    async with db.transaction() as conn:
        existing = await repo.id_by_key(conn, request_key)
        if existing is None:
            starts_at, place, seats, note = _check(snap, by, plan, now)
            if await tools_repo.tool_by_id(conn, plan.tool_id) is None:
                raise TrainingRefused({"tool": ("training.error.unknown_tool", {})})
            training_id = await repo.insert(
                conn,
                tool_id=plan.tool_id,
                area_id=plan.area_id,
                ambassador_id=by,
                starts_at=starts_at,
                place=place,
                seats=seats,
                note=note,
                request_key=request_key,
                now=utc_iso(now),
            )
        else:
            training_id = existing
        training = await repo.get(conn, training_id)
    assert training is not None
    await plan_for_training(db, clock, calendar, training)
    return Planned(training, len(await invitees(db, training)), created=existing is None)


async def move_training(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    by: int,
    training_id: int,
    plan: TrainingPlan,
) -> tuple[Training, bool]:
    """Change a planned training; (the training, whether its time or place changed). A new
    time or place bumps the version and tells everyone coming. Raises LookupError (gone or
    not planned any more), NotAllowed, TrainingRefused."""
    snap = await snapshot(db)
    now = clock.now().astimezone(calendar.tz)
    async with db.transaction() as conn:
        old = await repo.get(conn, training_id)
        if old is None or old.state != "planned":
            raise LookupError(training_id)
        if not may_manage_training(snap.person(by), old.ambassador_id):
            raise NotAllowed(Action.PLAN_TRAININGS)  # the plan modal moves it
        starts_at, place, seats, note = _check(snap, by, plan, now, signed_up=old.signed_up)
        if await tools_repo.tool_by_id(conn, plan.tool_id) is None:
            raise TrainingRefused({"tool": ("training.error.unknown_tool", {})})
        moved = starts_at != old.starts_at or place != old.place
        await repo.update_plan(
            conn,
            training_id,
            tool_id=plan.tool_id,
            area_id=plan.area_id,
            starts_at=starts_at,
            place=place,
            seats=seats,
            note=note,
            version=old.version + 1 if moved else old.version,
            now=utc_iso(now),
        )
        training = await repo.get(conn, training_id)
        coming = [s for s in await repo.signups(conn, training_id) if s.answer == "yes"]
    assert training is not None
    if moved:
        await day_before.REMINDER.cancel_under(db, clock, training_id, old.version)
        attendance = training_attendance.ATTENDANCE
        await attendance.cancel(db, clock, attendance.key_of(training_id, old.version))
        await _tell_coming(db, clock, calendar, training, coming, str(training.version))
    await plan_for_training(db, clock, calendar, training)
    return training, moved


async def cancel_training(
    db: Database, clock: Clock, calendar: WorkingCalendar, by: int, training_id: int
) -> tuple[Training, bool]:
    """Cancel a planned training; (the training, whether it changed: a second click changes
    nothing). Everyone coming is told. Raises LookupError (gone), NotAllowed."""
    snap = await snapshot(db)
    async with db.transaction() as conn:
        training = await repo.get(conn, training_id)
        if training is None:
            raise LookupError(training_id)
        if not may_manage_training(snap.person(by), training.ambassador_id):
            raise NotAllowed(Action.MANAGE_TRAININGS)
        if training.state != "planned":
            return training, False
        await repo.set_state(conn, training_id, "cancelled", utc_iso(clock.now()))
        coming = [s for s in await repo.signups(conn, training_id) if s.answer == "yes"]
        cancelled = await repo.get(conn, training_id)
    assert cancelled is not None
    await training_invite.INVITE.cancel_under(db, clock, training_id)
    await day_before.REMINDER.cancel_under(db, clock, training_id)
    await training_attendance.ATTENDANCE.cancel_under(db, clock, training_id)
    await _tell_coming(db, clock, calendar, cancelled, coming, "cancelled")
    return cancelled, True


async def _tell_coming(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    training: Training,
    coming: list[Signup],
    change: str,
) -> None:
    for signup in coming:
        await training_changed.CHANGED.plan_for(
            db, clock, calendar, training=training, change=change, person=signup.person_id
        )


# -- answers and attendance ---------------------------------------------------------------


async def answer(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    person_id: int,
    training_id: int,
    choice: str,
) -> AnswerResult:
    """ "Jeg kommer" / "Jeg kan ikke": one answer per person, the latest counts. A "yes"
    when every seat is taken is refused and nothing is stored (checked and saved in one
    transaction)."""
    if choice not in ("yes", "no"):
        return AnswerResult("gone")
    picked: Answer = "yes" if choice == "yes" else "no"
    snap = await snapshot(db)
    person = snap.person(person_id)
    now = clock.now()
    async with db.transaction() as conn:
        training = await repo.get(conn, training_id)
        if training is None:
            return AnswerResult("gone")
        if training.state != "planned" or training.starts_at <= utc_iso(now):
            return AnswerResult("closed", training)
        if not belongs_to_area(person, training.area_id, snap.daycares):
            return AnswerResult("not_in_area", training)
        before = await repo.signup_of(conn, training_id, person_id)
        already = before is not None and before.answer == "yes"
        if picked == "yes" and not already and training.signed_up >= training.seats:
            return AnswerResult("full", training)
        daycare = superuser_daycare_in(person, training.area_id, snap.daycares)
        await repo.save_answer(
            conn, training_id, person_id, daycare.id if daycare else None, picked, utc_iso(now)
        )
        saved = await repo.get(conn, training_id)
    assert saved is not None
    if picked == "yes":
        await plan_for_training(db, clock, calendar, saved)
        if not already:
            await plan_signup_notice(db, clock, calendar, saved, person_id)
    else:
        reminder = day_before.REMINDER
        await reminder.cancel(db, clock, reminder.key_of(training_id, saved.version, person_id))
    return AnswerResult("saved", saved, picked)


async def attendance_form(
    db: Database, clock: Clock, by: int, training_id: int
) -> tuple[Training, list[Signup]]:
    """The training and those who said yes, for the attendance modal. Raises LookupError
    (gone or cancelled), NotAllowed, TrainingRefused (it has not started yet)."""
    snap = await snapshot(db)
    training, answers = await current(db, training_id)
    if training is None or training.state == "cancelled":
        raise LookupError(training_id)
    if not may_manage_training(snap.person(by), training.ambassador_id):
        raise NotAllowed(Action.MANAGE_TRAININGS)
    if training.starts_at > utc_iso(clock.now()):
        raise TrainingRefused({"came": ("training.error.not_started", {})})
    return training, [s for s in answers if s.answer == "yes"]


async def record_attendance(
    db: Database, clock: Clock, by: int, training_id: int, came: Sequence[int]
) -> Attendance:
    """Who came: the training is `held`, each person's `attended` is set (recording again
    replaces it), and each attending superuser's daycare is marked at least "getting started"
    — all in one transaction. Raises LookupError, NotAllowed, TrainingRefused."""
    snap = await snapshot(db)
    now = clock.now()
    stamp = utc_iso(now)
    present = list(dict.fromkeys(p for p in came if p))
    started: list[str] = []
    async with db.transaction() as conn:
        training = await repo.get(conn, training_id)
        if training is None or training.state == "cancelled":
            raise LookupError(training_id)
        if not may_manage_training(snap.person(by), training.ambassador_id):
            raise NotAllowed(Action.MANAGE_TRAININGS)
        if training.starts_at > stamp:
            raise TrainingRefused({"came": ("training.error.not_started", {})})
        answered = {s.person_id: s for s in await repo.signups(conn, training_id)}
        await repo.clear_attendance(conn, training_id)
        for person_id in present:
            signup = answered.get(person_id)
            daycare = superuser_daycare_in(
                snap.person(person_id), training.area_id, snap.daycares
            ) or snap.daycare_of(snap.person(person_id))
            daycare_id = daycare.id if daycare else (signup.daycare_id if signup else None)
            await repo.set_attended(conn, training_id, person_id, daycare_id, True, stamp)
            if daycare is None:
                continue  # not a superuser (or no longer one): no daycare to move
            if await mark_getting_started(conn, daycare.id, training.tool_id, by, stamp):
                started.append(daycare.name)
        await repo.set_state(conn, training_id, "held", stamp)
        held = await repo.get(conn, training_id)
    assert held is not None
    return Attendance(held, len(present), tuple(started))


# -- reading ------------------------------------------------------------------------------


async def get_training(db: Database, training_id: int) -> Training | None:
    async with db.transaction() as conn:
        return await repo.get(conn, training_id)


async def next_training(db: Database, clock: Clock, tool_id: int, area_id: int) -> Training | None:
    """The soonest planned training for the tool in the area that starts in the future and
    has a seat left (for the spreading round's messages)."""
    return await repo.next_for(db, tool_id, area_id, utc_iso(clock.now()))


async def my_trainings(db: Database, clock: Clock, person_id: int) -> MyTrainings:
    """An ambassador's (or coordinator's) own upcoming and recent trainings; a superuser's
    area's planned ones; else nothing."""
    snap = await snapshot(db)
    person = snap.person(person_id)
    now = clock.now()
    if can(person, Action.PLAN_TRAININGS):
        found = await repo.held_by(db, person_id, utc_iso(now - RECENT))
        kind: Literal["held", "offered", "none"] = "held"
    elif person is not None and snap.daycare_of(person) is not None:
        areas = {
            d.area_id
            for r in person.roles
            if r.role == "superuser"
            for d in snap.daycares
            if d.id == r.daycare_id
        }
        found = [t for t in await repo.planned_from(db, utc_iso(now)) if t.area_id in areas]
        kind = "offered"
    else:
        return MyTrainings((), "none", {})
    answers: dict[int, Answer] = {}
    async with db.transaction() as conn:
        for training in found:
            signup = await repo.signup_of(conn, training.id, person_id)
            if signup is not None:
                answers[training.id] = signup.answer
    return MyTrainings(tuple(found), kind, answers)


def today_in(calendar: WorkingCalendar, clock: Clock) -> date:
    return clock.now().astimezone(calendar.tz).date()


async def planning_areas(db: Database, by: int) -> list[Area] | None:
    """The areas the person may plan trainings in; None when they may not plan at all."""
    snap = await snapshot(db)
    if not can(snap.person(by), Action.PLAN_TRAININGS):
        return None
    return _plannable(snap, by)


async def home_area_id(db: Database, person_id: int) -> int | None:
    """The area of the person's daycare (a superuser's), to plan their training in."""
    snap = await snapshot(db)
    person = snap.person(person_id)
    area = snap.home_area(person) if person else None
    return area.id if area else None


async def names(db: Database) -> dict[int, str]:
    """Person id → name, for the attendance modal: everyone who may have come, a guest (not
    in the organisation, recorded as having come) too."""
    return await repo.person_names(db)


async def may_change(db: Database, by: int, training: Training) -> bool:
    """Move, cancel, record attendance: the training's ambassador or a coordinator."""
    return may_manage_training((await snapshot(db)).person(by), training.ambassador_id)
