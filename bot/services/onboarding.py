"""New superusers and new ambassadors: who is to be welcomed, and what their welcome says.

A superuser is welcomed once — by the import, the settings modal or any later path that
gives someone the role — with who their area's ambassadors are; the ambassadors hear that a
new superuser joined, so that training can be planned.

Both go through the durable reminders, like every other message the bot sends on its own
(`bot.services.reminders`, sent by `bot.jobs.dispatcher`): a welcome that meets a timeout,
an outage or a restart is retried from its row and sent once, and one person's failed DM
does not hold up anyone else's. `plan_welcomes` (every minute) plans, for each superuser
whose `welcomed_at` is NULL, one *stint*: the welcome `welcome:<person id>:<n>` and a note
`welcome_note:<person id>:<n>:<ambassador>` to each ambassador of their area — the notes
first, so a crash between the two plans the welcome next time under the same `n` and the
notes are not planned twice. `welcomed_at` is written only from a welcome reminder that was
*sent* (its `sent_at`), by the next run, so "welcomed" never counts a welcome still in
flight or lost. Someone who becomes a superuser again later (`welcomed_at` cleared) gets a
new stint, `n + 1`.

A welcome that failed for good (`user_not_found`…) stays failed, for the coordinator's
`tovholder reminders failed` / `retry`; a welcome that was cancelled (the person was no
longer a superuser when it was due) is planned anew if they are one again. The kinds and
keys are stored in the database: they must not change.

Someone who becomes an ambassador gets a welcome too (`plan_ambassador_welcomes`): what the
role is for and their areas' questions nobody has taken yet — at most `OPEN_SHOWN`, each with
"Jeg tager den" — since a new ambassador's first useful step is a colleague's open question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.clock import Clock, utc_iso
from bot.domain.network import OrgSnapshot
from bot.domain.org import Area, Daycare, Person
from bot.domain.sparring import Question
from bot.reminders import ambassador_welcome
from bot.reminders import welcome as welcome_kinds
from bot.services.network import snapshot
from bot.services.sparring import open_questions
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.repositories import ambassador_welcomes, org
from storage.repositories import nudges as nudges_repo
from storage.repositories.org import WelcomeState

#: Open questions a new ambassador's welcome lists before "… og N mere".
OPEN_SHOWN = 5


@dataclass(frozen=True)
class Welcome:
    superuser: Person
    daycare: Daycare
    area: Area
    ambassadors: tuple[Person, ...]
    coordinators: tuple[Person, ...]


async def welcome_for(db: Database, person_id: int) -> Welcome | None:
    """The welcome as the organisation is now; None when the person is gone or no longer a
    superuser of a daycare."""
    return welcome_in(await snapshot(db), person_id)


def welcome_in(snap: OrgSnapshot, person_id: int) -> Welcome | None:
    person = next((p for p in snap.people if p.id == person_id), None)
    daycare = snap.daycare_of(person)
    if person is None or daycare is None:
        return None
    area = snap.area(daycare.area_id)
    return Welcome(
        superuser=person,
        daycare=daycare,
        area=area,
        ambassadors=tuple(snap.ambassadors_of(area)),
        coordinators=tuple(snap.coordinators()),
    )


# -- planning ------------------------------------------------------------------------------

Step = Literal["plan", "record", "wait"]


def next_step(state: WelcomeState) -> Step:
    """What one superuser without a recorded welcome needs now.

    - no welcome reminder yet, or the newest was cancelled, or was recorded already (they
      became a superuser again since), or went to someone else: *plan* a new stint;
    - the newest was sent to them: *record* it;
    - it is pending or being sent, or failed to them (the coordinator's to retry): *wait*.
    """
    latest = state.latest_state
    if latest is None or latest == "cancelled":
        return "plan"
    if latest == "sent" and state.latest_key == state.recorded_key:
        return "plan"
    if state.latest_recipient != state.person_id:
        # Pending or sending: its sender cancels it, and the next run plans anew.
        return "plan" if latest in ("sent", "failed") else "wait"
    return "record" if latest == "sent" else "wait"


async def plan_welcomes(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    """Plan each new superuser's welcome and their ambassadors' notes, record sent welcomes,
    and plan each new ambassador's welcome; idempotent (keys), so two runs at once or a run
    after a restart plan nothing twice. Returns how many reminders were new."""
    created = await plan_ambassador_welcomes(db, clock, calendar)
    snap: OrgSnapshot | None = None
    for state in await org.welcome_states(db, welcome_kinds.WELCOME.name):
        step = next_step(state)
        if step == "record":
            assert state.latest_key is not None and state.latest_sent_at is not None
            await org.record_welcome(db, state.person_id, state.latest_key, state.latest_sent_at)
        elif step == "plan":
            snap = snap or await snapshot(db)
            welcome = welcome_in(snap, state.person_id)
            if welcome is not None:
                created += await _plan_stint(db, clock, calendar, state, welcome)
    return created


async def _plan_stint(
    db: Database, clock: Clock, calendar: WorkingCalendar, state: WelcomeState, new: Welcome
) -> int:
    kind = welcome_kinds.WELCOME
    stint = max(kind.stint_of(state.latest_key), kind.stint_of(state.recorded_key)) + 1
    person_id = state.person_id
    created = 0
    # The notes before the welcome: see the module docstring.
    for ambassador in new.ambassadors:
        note = await welcome_kinds.WELCOME_NOTE.plan_for(
            db,
            clock,
            calendar,
            person_id=person_id,
            stint=stint,
            ambassador=ambassador.id,
        )
        created += note is not None
    made = await kind.plan_for(db, clock, calendar, person_id=person_id, stint=stint)
    return created + (made is not None)


# -- when due ------------------------------------------------------------------------------


async def welcome_due(db: Database, person_id: int, recipient: int) -> Welcome | None:
    """The welcome still to send: the person is a superuser, the welcome goes to them, and
    nobody has recorded them as welcomed meanwhile. Else None (the reminder is cancelled)."""
    welcome = await welcome_for(db, person_id)
    if welcome is None or welcome.superuser.id != recipient:
        return None
    return welcome if await org.is_to_welcome(db, person_id) else None


async def note_due(db: Database, person_id: int, recipient: int) -> Welcome | None:
    """The ambassador's note still to send: the person is still a superuser, in an area
    `recipient` is an ambassador of. Else None."""
    welcome = await welcome_for(db, person_id)
    if welcome is None or not any(a.id == recipient for a in welcome.ambassadors):
        return None
    return welcome


async def record_activity(db: Database, clock: Clock, person_id: int) -> None:
    """The person used the bot: a superuser who does, needs no onboarding follow-up."""
    await nudges_repo.touch(db, person_id, clock.now())


# -- new ambassadors -----------------------------------------------------------------------


@dataclass(frozen=True)
class AmbassadorWelcome:
    ambassador: Person
    areas: tuple[Area, ...]
    #: Questions of their areas nobody has answered or taken yet, oldest first.
    open_questions: tuple[Question, ...]
    coordinators: tuple[Person, ...]


async def plan_ambassador_welcomes(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    """Someone who became an ambassador (by the import, the settings modal, any path) gets a
    welcome with their areas' open questions, once per time they become one: the key holds
    when they were noticed (`storage.repositories.ambassador_welcomes`). Returns how many
    reminders were new."""
    now = clock.now()
    await ambassador_welcomes.notice(db, utc_iso(now))
    created = 0
    for new in await ambassador_welcomes.to_welcome(db):
        made = await ambassador_welcome.AMBASSADOR_WELCOME.plan_for(
            db,
            clock,
            calendar,
            person_id=new.person_id,
            noticed_at=new.noticed_at,
        )
        await ambassador_welcomes.planned(db, new.person_id)
        created += made is not None
    return created


async def ambassador_welcome_due(
    db: Database, person_id: int, recipient: int
) -> AmbassadorWelcome | None:
    """The welcome as things are when it is sent: the person is still an ambassador and the
    welcome goes to them (else None: the reminder is cancelled), and the questions still
    open."""
    snap = await snapshot(db)
    person = snap.person(person_id)
    if person is None or person.id != recipient:
        return None
    area_ids = {r.area_id for r in person.roles if r.role == "ambassador"}
    areas = tuple(a for a in snap.areas if a.id in area_ids)
    if not areas:
        return None
    waiting = tuple(
        q
        for q in await open_questions(db)
        if q.area is not None
        and q.area.id in area_ids
        and q.claimed_at is None
        and q.asker_id != recipient
    )
    return AmbassadorWelcome(person, areas, waiting, tuple(snap.coordinators()))
