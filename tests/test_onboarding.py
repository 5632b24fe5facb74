"""Planning welcomes on real SQLite: which step each superuser needs, stints, and the
migration that keeps people already welcomed from being welcomed again."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock, utc_iso
from bot.reminders import welcome
from bot.services import reminders
from bot.services.demo import seed_demo
from bot.services.network import snapshot
from bot.services.onboarding import Step, next_step, plan_welcomes
from bot.services.working_time import WorkingCalendar
from storage.db import Database
from storage.migrations import migrate
from storage.repositories import org
from storage.repositories.org import WelcomeState
from tests.conftest import TZ
from tests.people import person_id

#: The kinds' names, as stored with each reminder.
WELCOME = welcome.WELCOME.name
WELCOME_NOTE = welcome.WELCOME_NOTE.name

CALENDAR = WorkingCalendar(TZ)
SARA = "U0SARA001"
#: The person a `state` is about, and someone else.
ME, OTHER = 9, 7


def state(
    latest: str | None,
    *,
    recipient: int = ME,
    key: str | None = "welcome:9:1",
    recorded: str | None = None,
) -> WelcomeState:
    return WelcomeState(
        person_id=ME,
        recorded_key=recorded,
        latest_key=key if latest else None,
        latest_state=latest,
        latest_recipient=recipient if latest else None,
        latest_sent_at="2026-11-30T08:00:00+00:00" if latest == "sent" else None,
    )


@pytest.mark.parametrize(
    ("given", "step"),
    [
        (state(None), "plan"),  # never welcomed through a reminder
        (state("pending"), "wait"),
        (state("sending"), "wait"),  # in flight, or left by a process that died: the lease
        (state("sent"), "record"),
        (state("sent", recorded="welcome:9:1"), "plan"),  # a superuser again since
        (state("failed"), "wait"),  # for the coordinator's retry
        (state("cancelled"), "plan"),  # not a superuser when it was due; one again now
        (state("pending", recipient=OTHER), "wait"),  # its sender cancels it
        (state("sent", recipient=OTHER), "plan"),  # it went to someone else
        (state("failed", recipient=OTHER), "plan"),
    ],
)
def test_each_superuser_gets_the_step_their_newest_welcome_calls_for(
    given: WelcomeState, step: Step
) -> None:
    assert next_step(given) == step


def test_a_stint_is_the_last_part_of_the_key() -> None:
    stint_of = welcome.WELCOME.stint_of
    assert (stint_of(None), stint_of("welcome:9:1"), stint_of("welcome:12:10")) == (0, 1, 10)


async def make_superuser(db: Database, clock: ManualClock, slack_id: str) -> int:
    daycare = next(d for d in (await snapshot(db)).daycares if d.name == "Børnehuset Mælkebøtten")
    async with db.transaction() as conn:
        person_id = await org.insert_member(
            conn, "slack", slack_id, "Sara Møller", None, None, utc_iso(clock.now())
        )
        await org.set_role(
            conn, person_id, "superuser", area_id=None, daycare_id=daycare.id, present=True
        )
    return person_id


async def test_a_stint_plans_the_ambassadors_notes_then_the_welcome_once(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    sara = await make_superuser(db, clock, SARA)
    mette = await person_id(db, "U0DEMO003")
    assert await plan_welcomes(db, clock, CALENDAR) == 2
    assert await plan_welcomes(db, clock, CALENDAR) == 0  # waits while pending
    rows = await reminders.list_reminders(db, due_only=False, now=clock.now())
    assert [(r.kind, r.recipient, r.dedupe_key) for r in rows] == [
        (WELCOME_NOTE, mette, f"{WELCOME_NOTE}:{sara}:1:{mette}"),
        (WELCOME, sara, f"{WELCOME}:{sara}:1"),
    ]
    assert rows[1].payload == {"person_id": sara}
    # Only another person's welcome with a key that begins alike: not Sara's.
    other = await reminders.schedule(
        db,
        clock,
        kind=WELCOME,
        recipient=await person_id(db, "U0DEMO005"),
        due=clock.now(),
        payload={},
        dedupe_key=f"{WELCOME}:{sara}0:3",
        calendar=CALENDAR,
    )
    assert other is not None
    (mine,) = [s for s in await org.welcome_states(db, WELCOME) if s.person_id == sara]
    assert (mine.latest_key, mine.latest_state) == (f"{WELCOME}:{sara}:1", "pending")


async def test_people_welcomed_before_the_migration_are_not_welcomed_again(
    tmp_path: Path, clock: ManualClock
) -> None:
    db = await Database.open(tmp_path / "old.db")
    try:
        # Every migration but 0017 (the demo's import needs the later tables): all of them,
        # with 0017 taken back out.
        await migrate(db, clock)
        async with db.transaction() as conn:
            await conn.execute("ALTER TABLE people DROP COLUMN welcome_key")
            await conn.execute("DELETE FROM _migrations WHERE name = '0017_welcome_reminders'")
        await seed_demo(db, clock)  # the cast is recorded as welcomed
        waiting = await make_superuser(db, clock, SARA)  # queued, not welcomed yet
        assert "0017_welcome_reminders" in await migrate(db, clock)
        await plan_welcomes(db, clock, CALENDAR)
        rows = await reminders.list_reminders(db, due_only=False, now=clock.now())
        assert {r.recipient for r in rows if r.kind == WELCOME} == {waiting}
        assert await org.superusers_to_welcome(db) == [waiting]
    finally:
        await db.close()


async def test_a_sent_welcome_is_recorded_at_its_sending_time(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    sara = await make_superuser(db, clock, SARA)
    await plan_welcomes(db, clock, CALENDAR)
    claimed = await reminders.claim_due(db, clock, worker="w", limit=10)
    welcome = next(r for r in claimed if r.kind == WELCOME)
    await reminders.mark_sent(db, clock, welcome.id)
    assert await org.is_to_welcome(db, sara)  # not until the next run records it
    clock.move_to(datetime(2026, 11, 30, 9, 1, tzinfo=TZ))
    await plan_welcomes(db, clock, CALENDAR)
    assert not await org.is_to_welcome(db, sara)
    row = await db.fetchone("SELECT welcomed_at, welcome_key FROM people WHERE id = ?", (sara,))
    assert row is not None
    assert (row["welcomed_at"], row["welcome_key"]) == (
        utc_iso(datetime(2026, 11, 30, 9, 0, tzinfo=TZ)),
        f"{WELCOME}:{sara}:1",
    )
