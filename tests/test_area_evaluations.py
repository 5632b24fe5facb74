"""The area evaluation cycle: when a cycle starts, who is asked (once, for the current cycle
only), and how answers are checked, saved and replaced."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from bot.clock import ManualClock, utc_iso
from bot.domain.area_evaluations import Answers
from bot.reminders import area_evaluation
from bot.services import area_evaluations as evaluations
from bot.services.area_evaluations import (
    DEFAULT_MONTHS,
    EvaluationRefused,
    EvaluationUnavailable,
    current_cycle,
    cycle_start,
    plan_area_evaluations,
    save_answer,
)
from bot.services.demo import seed_demo
from bot.services.export import export_document
from bot.services.nudges import plan_all
from bot.services.working_time import WorkingCalendar, parse_weeks
from bot.settings import SettingsError, parse_months, parse_settings
from storage.db import Database
from storage.repositories import org
from storage.repositories import reminders as reminders_repo
from tests.conftest import TZ
from tests.people import member, person_id

#: The kinds' names, as stored with each reminder.
AREA_EVALUATION = area_evaluation.AREA_EVALUATION.name

CALENDAR = WorkingCalendar(tz=TZ)
METTE, SOEREN, LINE, AHMED, CAMILLA, OLIVER = (
    "U0DEMO003",
    "U0DEMO004",
    "U0DEMO005",
    "U0DEMO006",
    "U0DEMO007",
    "U0DEMO008",
)
NORD, SYD, OEST = 1, 2, 3


async def people(db: Database) -> dict[str, int]:
    """The demo's people: Slack id → person id (what the services take)."""
    slack_ids = (METTE, SOEREN, LINE, AHMED, CAMILLA, OLIVER)
    return {slack: await person_id(db, slack) for slack in slack_ids}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


# -- the cycle -----------------------------------------------------------------------------


def test_a_cycle_starts_on_its_months_first_working_morning() -> None:
    # 1 January 2027 is a Friday and New Year's Day; then a weekend.
    assert cycle_start(CALENDAR, 2027, 1) == at("2027-01-04T08:00")
    assert cycle_start(CALENDAR, 2026, 10) == at("2026-10-01T08:00")  # a Thursday
    assert cycle_start(CALENDAR, 2027, 5) == at("2027-05-03T08:00")  # Saturday the 1st
    summer = WorkingCalendar(tz=TZ, summer_weeks=parse_weeks("26-31"))
    assert cycle_start(summer, 2027, 7) == at("2027-08-09T08:00")  # closed all July


@pytest.mark.parametrize(
    ("now", "period"),
    [
        ("2026-11-30T09:00", "2026-10"),
        ("2027-01-01T12:00", "2026-10"),  # the holiday: January's cycle has not begun
        ("2027-01-04T07:59", "2026-10"),
        ("2027-01-04T08:00", "2027-01"),
        ("2027-03-31T23:00", "2027-01"),
        ("2027-04-01T08:00", "2027-04"),
        ("2027-12-31T10:00", "2027-10"),
    ],
)
def test_the_current_cycle_is_the_latest_that_has_started(now: str, period: str) -> None:
    cycle = current_cycle(at(now), CALENDAR, DEFAULT_MONTHS)
    assert cycle is not None
    assert cycle.period == period
    assert cycle.quarterly


def test_other_cycles_and_none() -> None:
    assert current_cycle(at("2027-02-01T09:00"), CALENDAR, ()) is None
    yearly = current_cycle(at("2027-02-01T09:00"), CALENDAR, (3,))
    assert yearly is not None
    assert (yearly.period, yearly.length_months, yearly.quarterly) == ("2026-03", 12, False)
    twice = current_cycle(at("2027-09-01T09:00"), CALENDAR, (8, 2))
    assert twice is not None
    assert (twice.period, twice.starts_at, twice.length_months) == (
        "2027-08",
        at("2027-08-02T08:00"),
        6,
    )


def test_the_months_setting() -> None:
    assert parse_months("1,4,7,10") == (1, 4, 7, 10)
    assert parse_months(" 10, 1 ,1,") == (1, 10)
    assert parse_months("") == ()
    assert parse_settings({}, "console").evaluation_months == (1, 4, 7, 10)
    assert parse_settings({"TOVHOLDER_EVALUATION_MONTHS": ""}, "console").evaluation_months == ()
    for bad in ("13", "0", "jan", "1;4", "1-3"):
        with pytest.raises(SettingsError) as caught:
            parse_settings({"TOVHOLDER_EVALUATION_MONTHS": bad}, "console")
        line = str(caught.value)
        assert line.startswith("TOVHOLDER_EVALUATION_MONTHS: ") and "\n" not in line
        assert "month number" in line


# -- planning ------------------------------------------------------------------------------


async def planned(db: Database) -> dict[str, str]:
    """dedupe key → due_at (UTC), for the area evaluations that are planned."""
    rows = await db.fetchall(
        "SELECT dedupe_key, due_at FROM reminders WHERE kind = ? ORDER BY dedupe_key",
        (AREA_EVALUATION,),
    )
    return {row["dedupe_key"]: row["due_at"] for row in rows}


async def test_every_ambassador_and_superuser_of_each_area_is_asked_once(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    who = await people(db)
    clock.move_to(at("2027-01-04T08:00"))
    assert await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS) == 6
    due = utc_iso(at("2027-01-04T08:00"))
    assert await planned(db) == {
        f"area_evaluation:2027-01:{NORD}:{who[METTE]}": due,
        f"area_evaluation:2027-01:{NORD}:{who[LINE]}": due,
        f"area_evaluation:2027-01:{NORD}:{who[AHMED]}": due,
        f"area_evaluation:2027-01:{SYD}:{who[SOEREN]}": due,
        f"area_evaluation:2027-01:{SYD}:{who[CAMILLA]}": due,
        f"area_evaluation:2027-01:{OEST}:{who[OLIVER]}": due,  # Øst has no ambassador
    }
    reminder = await reminders_repo.by_key(db, f"area_evaluation:2027-01:{NORD}:{who[METTE]}")
    assert reminder is not None
    assert (reminder.recipient, reminder.payload) == (
        who[METTE],
        {"period": "2027-01", "area_id": 1},
    )
    clock.move_to(at("2027-01-05T10:00"))
    assert await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS) == 0
    assert len(await planned(db)) == 6


async def test_only_the_current_cycle_is_planned_never_older_ones(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    # The people joined on 30 November, after October's cycle began: nothing to ask yet.
    assert await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS) == 0
    clock.move_to(at("2027-01-04T07:59"))
    assert await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS) == 0
    # The bot was down all of January to March: April is asked, January never.
    clock.move_to(at("2027-04-06T11:00"))
    assert await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS) == 6
    assert {key.split(":")[1] for key in await planned(db)} == {"2027-04"}
    assert set((await planned(db)).values()) == {utc_iso(at("2027-04-01T08:00"))}


async def test_someone_who_joined_during_a_cycle_is_first_asked_in_the_next(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    clock.move_to(at("2027-01-05T09:00"))
    async with db.transaction() as conn:
        person = await org.insert_member(
            conn, "slack", "U0NEW0001", "Nina Ny", None, None, utc_iso(at("2027-01-05T09:00"))
        )
        await org.add_role(conn, person, "ambassador", area_id=OEST)
    await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS)
    assert not any(key.endswith(f":{person}") for key in await planned(db))
    clock.move_to(at("2027-04-01T08:00"))
    await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS)
    assert f"area_evaluation:2027-04:{OEST}:{person}" in await planned(db)


async def test_plan_all_plans_evaluations_only_with_months(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    clock.move_to(at("2027-01-04T09:00"))
    await plan_all(db, clock, CALENDAR)
    assert await planned(db) == {}
    await plan_all(db, clock, CALENDAR, ())
    assert await planned(db) == {}
    await plan_all(db, clock, CALENDAR, DEFAULT_MONTHS)
    assert len(await planned(db)) == 6


# -- answering -----------------------------------------------------------------------------


async def test_an_answer_is_saved_in_the_role_held_and_replaced_when_given_again(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    who = await people(db)
    clock.move_to(at("2027-01-04T10:00"))
    first = await save_answer(
        db,
        clock,
        period="2027-01",
        area_id=NORD,
        person_id=who[METTE],
        answers=Answers(works="  Bee-Bot i børnehaven  ", drop_or_spread="Udbred Bee-Bot"),
    )
    assert first.role == "ambassador"
    assert first.answers == Answers(works="Bee-Bot i børnehaven", drop_or_spread="Udbred Bee-Bot")
    assert await evaluations.answered(db, "2027-01", NORD, who[METTE])
    assert not await evaluations.answered(db, "2027-01", SYD, who[METTE])

    clock.move_to(at("2027-01-06T10:00"))
    again = await save_answer(
        db,
        clock,
        period="2027-01",
        area_id=NORD,
        person_id=who[METTE],
        answers=Answers(works="Bee-Bot", support="Mere tid"),
    )
    assert again.id == first.id
    assert again.answers == Answers(works="Bee-Bot", support="Mere tid")
    assert again.created_at == first.created_at
    assert again.updated_at == utc_iso(at("2027-01-06T10:00"))

    line = await save_answer(
        db, clock, period="2027-01", area_id=NORD, person_id=who[LINE], answers=Answers(hard="Tid")
    )
    assert line.role == "superuser"
    await save_answer(
        db,
        clock,
        period="2027-01",
        area_id=SYD,
        person_id=who[CAMILLA],
        answers=Answers(hard="Wifi"),
    )
    nord = await evaluations.answers_for(db, "2027-01", NORD)
    assert [(e.person_id, e.role) for e in nord] == [
        (who[METTE], "ambassador"),
        (who[LINE], "superuser"),
    ]
    assert len(await evaluations.answers_for(db, "2027-01")) == 3
    assert await evaluations.answers_for(db, "2026-10") == []

    records = (await export_document(db, clock))["area_evaluations"]
    assert [(r["area"], r["person_id"]) for r in records] == [
        ("Nord", who[METTE]),
        ("Nord", who[LINE]),
        ("Syd", who[CAMILLA]),
    ]
    assert records[0]["support"] == "Mere tid"


async def test_answers_are_checked_field_by_field(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    who = await people(db)
    clock.move_to(at("2027-01-04T10:00"))

    async def refused(user: int, answers: Answers, area: int = NORD) -> dict[str, str]:
        with pytest.raises(EvaluationRefused) as caught:
            await save_answer(
                db, clock, period="2027-01", area_id=area, person_id=user, answers=answers
            )
        return {field: key for field, (key, _) in caught.value.errors.items()}

    assert await refused(who[METTE], Answers()) == {"works": "area_eval.error.empty"}
    assert await refused(who[METTE], Answers(works=" \n ", support="\t")) == {
        "works": "area_eval.error.empty"
    }
    assert await refused(who[METTE], Answers(works="x" * 1001, hard="y" * 1001)) == {
        "works": "area_eval.error.too_long",
        "hard": "area_eval.error.too_long",
    }
    # Only ambassadors say which tools to drop or spread.
    assert await refused(who[LINE], Answers(works="Godt", drop_or_spread="Drop Osmo")) == {
        "drop_or_spread": "area_eval.error.ambassadors_only"
    }
    assert await refused(who[LINE], Answers(drop_or_spread="Drop Osmo")) == {
        "drop_or_spread": "area_eval.error.ambassadors_only",
        "works": "area_eval.error.empty",
    }
    saved = await save_answer(
        db,
        clock,
        period="2027-01",
        area_id=NORD,
        person_id=who[METTE],
        answers=Answers(works="x" * 1000),
    )
    assert len(saved.answers.works) == 1000
    assert await evaluations.answers_for(db, "2027-01") == [saved]


@pytest.mark.parametrize(
    ("period", "area", "user", "key"),
    [
        ("2027-01", SYD, METTE, "area_eval.not_in_area"),  # Mette is Nord's ambassador
        ("2027-01", OEST, "U0DEMO001", "area_eval.not_in_area"),  # the coordinator
        ("2027-01", 99, METTE, "area_eval.closed"),
        ("2027-04", NORD, METTE, "area_eval.closed"),  # a cycle still to come
        ("2027-13", NORD, METTE, "area_eval.closed"),
        ("januar", NORD, METTE, "area_eval.closed"),
    ],
)
async def test_only_the_areas_people_answer_for_a_real_cycle(
    db: Database, clock: ManualClock, period: str, area: int, user: str, key: str
) -> None:
    await seed_demo(db, clock)
    clock.move_to(at("2027-01-04T10:00"))
    with pytest.raises(EvaluationUnavailable) as caught:
        await save_answer(
            db,
            clock,
            period=period,
            area_id=area,
            person_id=await person_id(db, user),
            answers=Answers(works="x"),
        )
    assert caught.value.key == key
    assert await evaluations.answers_for(db, period) == []


async def test_an_answer_cancels_the_pending_nudge(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    who = await people(db)
    clock.move_to(at("2027-01-01T10:00"))  # planned ahead? No: January has not begun.
    assert await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS) == 0
    clock.move_to(at("2027-01-04T08:00"))
    await plan_area_evaluations(db, clock, CALENDAR, DEFAULT_MONTHS)
    await save_answer(
        db, clock, period="2027-01", area_id=NORD, person_id=who[LINE], answers=Answers(works="x")
    )
    mine = await reminders_repo.by_key(db, f"area_evaluation:2027-01:{NORD}:{who[LINE]}")
    other = await reminders_repo.by_key(db, f"area_evaluation:2027-01:{NORD}:{who[AHMED]}")
    assert mine is not None and other is not None
    assert (mine.state, other.state) == ("cancelled", "pending")


async def test_the_form_follows_the_organisation_and_the_cycle(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    who = await people(db)
    clock.move_to(at("2027-01-04T10:00"))

    async def form(
        user: int, period: str = "2027-01", area: int = NORD
    ) -> evaluations.EvaluationForm:
        return await evaluations.form_for(db, clock, CALENDAR, DEFAULT_MONTHS, period, area, user)

    assert (await form(who[METTE])).role == "ambassador"
    assert (await form(who[LINE])).role == "superuser"
    assert (await form(who[LINE])).answer is None
    with pytest.raises(EvaluationUnavailable) as caught:
        await form(who[METTE], "2026-10")
    assert caught.value.key == "area_eval.closed"
    # Line becomes an ambassador of Nord: the four questions from now on.
    line = await member(db, LINE)
    assert line is not None
    async with db.transaction() as conn:
        await org.add_role(conn, line.id, "ambassador", area_id=NORD)
    assert (await form(who[LINE])).role == "ambassador"
    await save_answer(
        db, clock, period="2027-01", area_id=NORD, person_id=who[LINE], answers=Answers(hard="Tid")
    )
    answer = (await form(who[LINE])).answer
    assert answer is not None and answer.answers.hard == "Tid"
    clock.move_to(at("2027-04-01T08:00"))
    with pytest.raises(EvaluationUnavailable):
        await form(who[LINE])


async def test_the_table_keeps_one_answer_per_person_area_and_cycle(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    who = await people(db)
    now = utc_iso(clock.now())
    insert = (
        "INSERT INTO area_evaluations (period, area_id, person_id, role, drop_or_spread,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    await db.execute(insert, ("2027-01", NORD, who[METTE], "ambassador", "x", now, now))
    for bad in (
        ("2027-01", NORD, who[METTE], "ambassador", "", now, now),  # twice
        ("2027-01", NORD, who[LINE], "superuser", "x", now, now),  # not a superuser's question
        ("2027-01", NORD, who[LINE], "leader", "", now, now),
        ("2027-1", NORD, who[LINE], "superuser", "", now, now),
        ("2027-01", 99, who[LINE], "superuser", "", now, now),
    ):
        with pytest.raises(sqlite3.IntegrityError):
            await db.execute(insert, bad)
