"""Trainings at the service level: who is invited (area, not started, still in the
organisation), planning twice, the seat limit, a double submit, moving (the old reminder is
stale), cancelling, and attendance moving adoption without ever lowering it."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest

from bot.clock import ManualClock
from bot.domain.reminders import Reminder
from bot.domain.trainings import TrainingPlan
from bot.errors import NotAllowed
from bot.reminders import (
    training_attendance,
    training_changed,
    training_invite,
    training_reminder,
    training_signed_up,
)
from bot.reminders.training_reminder import day_before
from bot.services import reminders
from bot.services.adoption import set_adoption
from bot.services.demo import seed_demo
from bot.services.export import export_document
from bot.services.guides import find_tool
from bot.services.training_reminders import (
    invitation_for,
    invitees,
    plan_training_invitations,
    reminder_for,
)
from bot.services.trainings import (
    TrainingRefused,
    answer,
    cancel_training,
    get_training,
    move_training,
    next_training,
    plan_training,
    record_attendance,
)
from bot.services.working_time import WorkingCalendar
from bot.views.trainings import invitation_message
from handlers.slack import render
from storage.db import Database
from storage.repositories import adoption as adoption_repo
from storage.repositories import org
from tests.conftest import TZ
from tests.people import member, person_id

#: The kinds' names, as stored with each reminder.
INVITE = training_invite.INVITE.name
REMINDER = training_reminder.REMINDER.name
CHANGED = training_changed.CHANGED.name
ATTENDANCE = training_attendance.ATTENDANCE.name
SIGNED_UP = training_signed_up.SIGNED_UP.name

ANNETTE, METTE, SOEREN, LINE, AHMED, CAMILLA = (
    "U0DEMO001",
    "U0DEMO003",
    "U0DEMO004",
    "U0DEMO005",
    "U0DEMO006",
    "U0DEMO007",
)
PEOPLE = (ANNETTE, METTE, SOEREN, LINE, AHMED, CAMILLA)
CALENDAR = WorkingCalendar(TZ)
MONDAY = date(2026, 12, 7)


async def ids(db: Database) -> dict[str, int]:
    """Area, daycare and tool ids by name."""
    found = {a.name: a.id for a in await org.all_areas(db)}
    found |= {d.name: d.id for d in await org.all_daycares(db)}
    for name in ("Bee-Bot", "Ozobot"):
        tool = await find_tool(db, name)
        assert tool is not None
        found[name] = tool.id
    return found


async def plan(
    db: Database,
    clock: ManualClock,
    *,
    by: str = METTE,
    key: str = "view:V1",
    day: date | None = MONDAY,
    at: time | None = time(13, 0),
    place: str = "Salen i Mælkebøtten",
    seats: int | None = 12,
    area: str = "Nord",
    tool: str = "Bee-Bot",
) -> int:
    known = await ids(db)
    planned = await plan_training(
        db,
        clock,
        CALENDAR,
        await person_id(db, by),
        TrainingPlan(known[tool], known[area], day, at, place, seats),
        request_key=key,
    )
    return planned.training.id


async def pending(db: Database, clock: ManualClock, kind: str) -> list[Reminder]:
    found = await reminders.list_reminders(db, due_only=False, now=clock.now())
    return [r for r in found if r.kind == kind]


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> Database:
    await seed_demo(db, clock)
    return db


@pytest.fixture
async def who(demo: Database) -> dict[str, int]:
    """The demo's people: Slack id → person id (what the services take)."""
    return {slack: await person_id(demo, slack) for slack in PEOPLE}


async def test_invited_are_the_areas_superusers_whose_daycare_has_not_started(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    known = await ids(demo)
    await set_adoption(
        demo, clock, who[AHMED], known["Børnehaven Regnbuen"], known["Bee-Bot"], "in_use"
    )
    training_id = await plan(demo, clock)
    training = await next_training(demo, clock, known["Bee-Bot"], known["Nord"])
    assert training is not None and training.id == training_id
    assert [p.id for p, _ in await invitees(demo, training)] == [who[LINE]]
    queued = await pending(demo, clock, INVITE)
    assert [(r.recipient, r.dedupe_key) for r in queued] == [
        (who[LINE], f"{INVITE}:{training_id}:{who[LINE]}")
    ]
    # Planning again (the scheduler every 5 minutes) creates nothing new.
    assert await plan_training_invitations(demo, clock, CALENDAR) == 0
    assert len(await pending(demo, clock, INVITE)) == 1
    assert await invitation_for(demo, clock, training_id, who[LINE]) == training

    # Line leaves the organisation (her role is removed): not invited, the queued one is moot.
    line = await member(demo, LINE)
    assert line is not None
    (role,) = line.roles
    async with demo.transaction() as conn:
        await org.set_role(
            conn,
            line.id,
            "superuser",
            area_id=role.area_id,
            daycare_id=role.daycare_id,
            present=False,
        )
    assert await invitees(demo, training) == []
    assert await invitation_for(demo, clock, training_id, who[LINE]) is None


async def test_a_double_submit_is_one_training_and_bad_fields_are_refused(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    first = await plan(demo, clock, key="view:SAME")
    second = await plan(demo, clock, key="view:SAME", place="another place")
    assert first == second
    (row,) = await demo.fetchall("SELECT COUNT(*) AS n FROM trainings")
    assert row["n"] == 1

    cases = [
        ({"day": date(2026, 11, 27)}, "day", "training.error.past"),
        ({"day": date(2028, 1, 3)}, "day", "training.error.too_far"),
        ({"at": None}, "time", "training.error.time_missing"),
        ({"place": "   "}, "place", "training.error.place_missing"),
        ({"place": "x" * 301}, "place", "training.error.too_long"),
        ({"seats": 0}, "seats", "training.error.seats"),
        ({"seats": 201}, "seats", "training.error.seats"),
        ({"area": "Syd"}, "area", "training.error.not_your_area"),
    ]
    for n, (change, field, key) in enumerate(cases):
        with pytest.raises(TrainingRefused) as refused:
            await plan(demo, clock, key=f"view:bad{n}", **change)  # type: ignore[arg-type]
        assert refused.value.errors[field][0] == key
    with pytest.raises(NotAllowed):
        await plan(demo, clock, by=LINE, key="view:line")
    known = await ids(demo)
    with pytest.raises(TrainingRefused) as unknown:
        await plan_training(
            demo,
            clock,
            CALENDAR,
            who[ANNETTE],
            TrainingPlan(known["Bee-Bot"], 9999, MONDAY, time(13), "Salen", 12),
            request_key="view:unknown-area",
        )
    assert unknown.value.errors["area"][0] == "training.error.unknown_area"
    (row,) = await demo.fetchall("SELECT COUNT(*) AS n FROM trainings")
    assert row["n"] == 1
    # The coordinator may plan in any area.
    assert await plan(demo, clock, by=ANNETTE, key="view:annette", area="Syd")


async def test_the_seat_limit_holds_and_a_changed_mind_frees_the_seat(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    training_id = await plan(demo, clock, seats=1)
    yes = await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")
    assert yes.outcome == "saved" and yes.training is not None and yes.training.signed_up == 1
    again = await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")
    assert again.outcome == "saved"  # her own seat
    full = await answer(demo, clock, CALENDAR, who[AHMED], training_id, "yes")
    assert full.outcome == "full"
    rows = await demo.fetchall("SELECT person_id FROM training_signups")
    assert [r["person_id"] for r in rows] == [who[LINE]]
    known = await ids(demo)
    assert await next_training(demo, clock, known["Bee-Bot"], known["Nord"]) is None  # full
    assert (await answer(demo, clock, CALENDAR, who[CAMILLA], training_id, "yes")).outcome == (
        "not_in_area"
    )
    assert (await answer(demo, clock, CALENDAR, who[LINE], training_id, "no")).outcome == "saved"
    assert (await answer(demo, clock, CALENDAR, who[AHMED], training_id, "yes")).outcome == "saved"
    rows = await demo.fetchall("SELECT person_id, answer FROM training_signups")
    assert {r["person_id"]: r["answer"] for r in rows} == {who[LINE]: "no", who[AHMED]: "yes"}
    assert await invitation_for(demo, clock, training_id, who[AHMED]) is None  # he answered


async def test_the_reminder_is_the_working_morning_before() -> None:
    due = day_before(CALENDAR, "2026-12-07T12:00:00+00:00")  # Monday → Friday
    assert due.isoformat() == "2026-12-04T08:00:00+01:00"
    due = day_before(CALENDAR, "2026-12-28T12:00:00+00:00")  # after Christmas → 23 Dec
    assert due.date() == date(2026, 12, 23)


async def test_moving_bumps_the_version_and_the_old_reminder_is_not_sent(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    training_id = await plan(demo, clock)
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")
    (old,) = await pending(demo, clock, REMINDER)
    assert old.dedupe_key == f"{REMINDER}:{training_id}:1:{who[LINE]}"
    assert old.due_at == "2026-12-04T07:00:00+00:00"
    known = await ids(demo)
    same_time = TrainingPlan(
        known["Bee-Bot"], known["Nord"], MONDAY, time(13), "Salen i Mælkebøtten", 20
    )
    training, moved = await move_training(demo, clock, CALENDAR, who[METTE], training_id, same_time)
    assert not moved and training.version == 1 and training.seats == 20
    later = TrainingPlan(
        known["Bee-Bot"], known["Nord"], MONDAY + timedelta(days=1), time(9), "Salen", 20
    )
    with pytest.raises(NotAllowed):
        await move_training(demo, clock, CALENDAR, who[SOEREN], training_id, later)
    training, moved = await move_training(demo, clock, CALENDAR, who[METTE], training_id, later)
    assert moved and training.version == 2
    assert await reminder_for(demo, clock, training_id, 1, who[LINE]) is None
    assert await reminder_for(demo, clock, training_id, 2, who[LINE]) == training
    (new,) = await pending(demo, clock, REMINDER)
    assert new.dedupe_key == f"{REMINDER}:{training_id}:2:{who[LINE]}"
    assert new.due_at == "2026-12-07T07:00:00+00:00"  # Monday morning, before Tuesday
    (told,) = await pending(demo, clock, CHANGED)
    assert (told.recipient, told.dedupe_key) == (
        who[LINE],
        f"{CHANGED}:{training_id}:2:{who[LINE]}",
    )

    cancelled, changed = await cancel_training(demo, clock, CALENDAR, who[METTE], training_id)
    assert changed and cancelled.state == "cancelled"
    assert (await cancel_training(demo, clock, CALENDAR, who[METTE], training_id))[1] is False
    assert await pending(demo, clock, REMINDER) == []
    keys = sorted(r.dedupe_key for r in await pending(demo, clock, CHANGED))
    assert f"{CHANGED}:{training_id}:cancelled:{who[LINE]}" in keys


async def test_attendance_marks_getting_started_and_never_lowers_in_use(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    known = await ids(demo)
    maelk, regnbuen, bee = (
        known["Børnehuset Mælkebøtten"],
        known["Børnehaven Regnbuen"],
        known["Bee-Bot"],
    )
    training_id = await plan(demo, clock)
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")
    await answer(demo, clock, CALENDAR, who[AHMED], training_id, "yes")
    with pytest.raises(TrainingRefused):  # not started yet
        await record_attendance(demo, clock, who[METTE], training_id, [who[LINE]])
    await set_adoption(demo, clock, who[LINE], maelk, bee, "in_use")
    clock.advance(timedelta(days=7, hours=6))  # Monday 7 December, 15:00
    with pytest.raises(NotAllowed):
        await record_attendance(demo, clock, who[LINE], training_id, [who[LINE]])
    done = await record_attendance(demo, clock, who[METTE], training_id, [who[LINE], who[AHMED]])
    assert done.training.state == "held" and done.attended == 2
    assert done.started == ("Børnehaven Regnbuen",)
    async with demo.transaction() as conn:
        assert await adoption_repo.state_of(conn, maelk, bee) == "in_use"
        assert await adoption_repo.state_of(conn, regnbuen, bee) == "getting_started"
    # Recording again replaces the attendance.
    again = await record_attendance(demo, clock, who[ANNETTE], training_id, [who[AHMED]])
    assert again.attended == 1 and again.started == ()
    document = await export_document(demo, clock)
    assert document["trainings"][0]["state"] == "held"
    signups = {s["person_id"]: s["attended"] for s in document["training_signups"]}
    assert signups == {who[LINE]: 0, who[AHMED]: 1}
    assert len(await adoption_repo.changes(demo, regnbuen, bee)) == 1


async def test_a_training_whose_ambassador_was_erased_reads_as_before_and_asks_nobody(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    training_id = await plan(demo, clock)
    # The erasure forgets who planned it: NULL, a former member.
    await demo.execute("UPDATE trainings SET ambassador_id = NULL WHERE id = ?", (training_id,))
    await demo.execute("DELETE FROM reminders WHERE kind = ?", (ATTENDANCE,))
    training = await get_training(demo, training_id)
    assert training is not None and training.ambassador_id is None
    shown = render.message(invitation_message("da", training, TZ))
    assert "&lt;@former-member&gt;" in json.dumps(shown, ensure_ascii=False)
    # Nobody to hear of a sign-up or to be asked who came; the coordinator still may.
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")
    assert await pending(demo, clock, SIGNED_UP) == []
    assert await pending(demo, clock, ATTENDANCE) == []
    with pytest.raises(NotAllowed):
        await cancel_training(demo, clock, CALENDAR, who[METTE], training_id)
    assert (await cancel_training(demo, clock, CALENDAR, who[ANNETTE], training_id))[1]
