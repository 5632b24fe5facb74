"""The durable-reminder side of trainings: invitations, day-before reminders and change
notices, queued in the reminder store and decided again when due.

Invitations go by DM to the superusers of the training's area whose daycare has not started
with the tool (`plan_training_invitations`, idempotent by dedupe key), so a restart loses no
invitation and sends none twice. Those coming get a reminder on the working morning before;
a moved training has a new `version`, so reminders planned for the old time are recognised
as stale.

The training's ambassador hears when someone signs up (`SIGNED_UP`, once per person and
training), and on the morning of the working day after the training is asked to record who
came (`ATTENDANCE`, with the button that opens the attendance form): recorded attendance is
what the pulse counts and what moves the daycares' adoption, and it is easily forgotten.

Every message is decided again when due (`invitation_for`, `reminder_for`, `change_for`…,
asked by the kinds in `bot.reminders.training_*`, which also hold the payloads and keys):
`None` means "no longer relevant", and the reminder is cancelled instead of sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.clock import Clock, utc_iso
from bot.domain.org import Daycare, Person
from bot.domain.trainings import Signup, Training, superuser_daycare_in
from bot.reminders import training_attendance, training_invite, training_reminder
from bot.reminders import training_signed_up as signed_up
from bot.services.network import snapshot
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import adoption as adoption_repo
from storage.repositories import trainings as repo


async def invitees(db: Database, training: Training) -> list[tuple[Person, Daycare]]:
    """The superusers of the training's area whose daycare has not started with the tool
    (no adoption row counts as not started), as the organisation is now."""
    snap = await snapshot(db)
    states = {a.daycare_id: a.state for a in await adoption_repo.for_tool(db, training.tool_id)}
    found: list[tuple[Person, Daycare]] = []
    seen: set[int] = set()
    for daycare in sorted(snap.daycares, key=lambda d: d.name.casefold()):
        if daycare.area_id != training.area_id:
            continue
        if states.get(daycare.id, "not_started") != "not_started":
            continue
        for person in snap.superusers_of(daycare):
            if person.id not in seen:
                seen.add(person.id)
                found.append((person, daycare))
    return found


async def plan_for_training(
    db: Database, clock: Clock, calendar: WorkingCalendar, training: Training
) -> int:
    """One training's invitations (to those not yet answered), day-before reminders (to
    those coming, while the training's day has not come) and the ambassador's attendance
    reminder for the working day after. Returns how many were new."""
    now = clock.now()
    if training.state != "planned":
        return 0
    attendance = await training_attendance.ATTENDANCE.plan_for(db, clock, calendar, training)
    if training.starts_at <= utc_iso(now):
        return int(attendance is not None)
    async with db.transaction() as conn:
        answers = {s.person_id: s for s in await repo.signups(conn, training.id)}
    created = int(attendance is not None)
    for person, _ in await invitees(db, training):
        if person.id in answers:
            continue
        made = await training_invite.INVITE.plan_for(
            db, clock, calendar, training=training, person=person.id, due=now
        )
        created += made is not None
    local_day = datetime.fromisoformat(training.starts_at).astimezone(calendar.tz).date()
    if now.astimezone(calendar.tz).date() >= local_day:
        return created
    for signup in answers.values():
        if signup.answer != "yes":
            continue
        made = await training_reminder.REMINDER.plan_for(
            db, clock, calendar, training=training, person=signup.person_id
        )
        created += made is not None
    return created


async def plan_training_invitations(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    """Every planned future training: invitations and day-before reminders (idempotent by
    dedupe key, so running it again creates nothing). Returns how many were new."""
    created = 0
    for training in await repo.planned_from(db, utc_iso(clock.now())):
        created += await plan_for_training(db, clock, calendar, training)
    return created


async def current(db: Database, training_id: int) -> tuple[Training | None, list[Signup]]:
    """The training as it is now and its answers, read together."""
    async with db.transaction() as conn:
        training = await repo.get(conn, training_id)
        found = await repo.signups(conn, training_id) if training else []
    return training, found


def _upcoming(training: Training | None, clock: Clock) -> bool:
    return (
        training is not None
        and training.state == "planned"
        and training.starts_at > utc_iso(clock.now())
    )


async def invitation_for(
    db: Database, clock: Clock, training_id: int, person_id: int
) -> Training | None:
    """The training to invite the person to, or None when the invitation no longer matters:
    the training is cancelled, held or past; the person answered, left the area, or their
    daycare started with the tool meanwhile."""
    training, answers = await current(db, training_id)
    if training is None or not _upcoming(training, clock):
        return None
    if any(s.person_id == person_id for s in answers):
        return None
    if not any(p.id == person_id for p, _ in await invitees(db, training)):
        return None
    return training


async def reminder_for(
    db: Database, clock: Clock, training_id: int, version: int, person_id: int
) -> Training | None:
    """The training to remind about: still planned, in the future, the same version, and the
    person still coming. Else None."""
    training, answers = await current(db, training_id)
    if training is None or not _upcoming(training, clock) or training.version != version:
        return None
    coming = any(s.person_id == person_id and s.answer == "yes" for s in answers)
    return training if coming else None


async def change_for(
    db: Database, clock: Clock, training_id: int, change: str, person_id: int
) -> Training | None:
    """The training to tell about: cancelled (`change` "cancelled"), or moved to the version
    `change` names and still so. None when a later change has overtaken this one."""
    training, answers = await current(db, training_id)
    if training is None:
        return None
    if change == "cancelled":
        return training if training.state == "cancelled" else None
    if not _upcoming(training, clock) or str(training.version) != change:
        return None
    coming = any(s.person_id == person_id and s.answer == "yes" for s in answers)
    return training if coming else None


async def plan_signup_notice(
    db: Database, clock: Clock, calendar: WorkingCalendar, training: Training, person_id: int
) -> bool:
    """Tell the training's ambassador that someone signed up: once per person and training
    (signing up again after "Jeg kan ikke" tells nothing new), never about themselves."""
    made = await signed_up.SIGNED_UP.plan_for(db, clock, calendar, training, person_id)
    return made is not None


@dataclass(frozen=True)
class SignupNotice:
    training: Training
    #: Who signed up, as the organisation knows them now (None: not in it any more).
    person: Person | None
    daycare: Daycare | None


async def signup_notice_for(
    db: Database, clock: Clock, training_id: int, person_id: int, recipient: int
) -> SignupNotice | None:
    """The notice to send: the training is still upcoming, still the recipient's, and the
    person is still coming. Else None."""
    training, answers = await current(db, training_id)
    if training is None or not _upcoming(training, clock):
        return None
    if recipient != training.ambassador_id:
        return None
    if not any(s.person_id == person_id and s.answer == "yes" for s in answers):
        return None
    snap = await snapshot(db)
    person = snap.person(person_id)
    daycare = superuser_daycare_in(person, training.area_id, snap.daycares)
    return SignupNotice(training, person, daycare)


async def attendance_reminder_for(
    db: Database, clock: Clock, training_id: int, version: int, recipient: int
) -> tuple[Training, int] | None:
    """The training whose attendance is still to be recorded, and how many said they would
    come: it took place at the planned version's time, is not cancelled, and nobody has
    recorded attendance yet (that makes it `held`). Else None."""
    training, answers = await current(db, training_id)
    if training is None or training.state != "planned" or training.version != version:
        return None
    if training.starts_at > utc_iso(clock.now()) or recipient != training.ambassador_id:
        return None
    return training, sum(1 for s in answers if s.answer == "yes")
