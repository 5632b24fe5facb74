"""The training's ambassador hears of each sign-up, and the working day after the training is
asked to record who came (weekends, Danish holidays and closing days skipped)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot.clock import ManualClock
from bot.domain.reminders import Reminder
from bot.reminders import training_attendance, training_signed_up
from bot.reminders.training_attendance import day_after
from bot.services import reminders
from bot.services.demo import seed_demo
from bot.services.guides import list_tools
from bot.services.training_reminders import attendance_reminder_for, signup_notice_for
from bot.services.trainings import (
    answer,
    cancel_training,
    home_area_id,
    planning_areas,
    record_attendance,
)
from bot.views.nudges import onboarding_message
from bot.views.trainings import ATTENDANCE as ATTENDANCE_BUTTON
from bot.views.trainings import (
    PLAN_FOR,
    attendance_reminder_message,
    plan_modal,
    signup_notice_message,
)
from handlers.slack import render
from handlers.slack.render_form import modal as render_modal
from storage.db import Database
from tests.conftest import TZ
from tests.people import person_id
from tests.test_trainings import AHMED, ANNETTE, CALENDAR, LINE, METTE, PEOPLE, plan

#: The kinds' names, as stored with each reminder.
ATTENDANCE = training_attendance.ATTENDANCE.name
SIGNED_UP = training_signed_up.SIGNED_UP.name


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> Database:
    await seed_demo(db, clock)
    return db


@pytest.fixture
async def who(demo: Database) -> dict[str, int]:
    """The demo's people: Slack id → person id (what the services take)."""
    return {slack: await person_id(demo, slack) for slack in PEOPLE}


def at(day: str, hhmm: str = "13:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=TZ)


async def planned(db: Database, clock: ManualClock, kind: str) -> list[Reminder]:
    found = await reminders.list_reminders(db, due_only=False, now=clock.now())
    return [r for r in found if r.kind == kind]


def texts(message: dict[str, object]) -> str:
    return str(message["text"]) + "\n" + str(message["blocks"])


@pytest.mark.parametrize(
    ("training", "reminded"),
    [
        ("2026-12-02", "2026-12-03"),  # Wednesday → Thursday
        ("2026-12-04", "2026-12-07"),  # Friday → Monday
        # The 24th is a closing day, the 25th and 26th holidays, the 27th a Sunday.
        ("2026-12-23", "2026-12-28"),
        # Easter 2027: Maundy Thursday 25 March to Easter Monday 29 March.
        ("2027-03-24", "2027-03-30"),
    ],
)
def test_the_attendance_reminder_comes_the_next_working_day(training: str, reminded: str) -> None:
    due = day_after(CALENDAR, at(training).isoformat())
    assert due.date() == date.fromisoformat(reminded)
    assert due == CALENDAR.morning(due.date())  # the day's nudge time


async def test_a_sign_up_tells_the_ambassador_once(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    training_id = await plan(demo, clock)
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "no")
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")  # changed her mind twice
    await answer(demo, clock, CALENDAR, who[AHMED], training_id, "no")
    notices = await planned(demo, clock, SIGNED_UP)
    assert [(r.recipient, r.payload["person"]) for r in notices] == [(who[METTE], who[LINE])]

    found = await signup_notice_for(demo, clock, training_id, who[LINE], who[METTE])
    assert found is not None
    assert found.person is not None and found.daycare is not None
    for lang, words, seats in (
        (
            "da",
            "Line Nielsen (Børnehuset Mælkebøtten) har tilmeldt sig oplæringen i *Bee-Bot*"
            " mandag 7. dec. 2026 kl. 13.00.",
            "Tilmeldt: 1 af 12",
        ),
        (
            "en",
            "Line Nielsen (Børnehuset Mælkebøtten) has signed up for the training in *Bee-Bot*"
            " Monday 7 Dec 2026 at 13:00.",
            "1 of 12",
        ),
    ):
        message = render.message(
            signup_notice_message(lang, found.training, found.person.name, found.daycare.name, TZ)
        )
        assert message["text"] == words
        assert seats in texts(message)

    # Not coming after all, or the training cancelled: the notice is not sent.
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "no")
    assert await signup_notice_for(demo, clock, training_id, who[LINE], who[METTE]) is None
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")
    await cancel_training(demo, clock, CALENDAR, who[METTE], training_id)
    assert await signup_notice_for(demo, clock, training_id, who[LINE], who[METTE]) is None


async def test_the_attendance_reminder_asks_until_attendance_is_recorded(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    training_id = await plan(demo, clock, day=date(2026, 12, 4), at=time(13, 0))  # a Friday
    await answer(demo, clock, CALENDAR, who[LINE], training_id, "yes")
    (reminder,) = await planned(demo, clock, ATTENDANCE)
    assert reminder.recipient == who[METTE]
    assert datetime.fromisoformat(reminder.due_at).astimezone(TZ).date() == date(2026, 12, 7)

    assert (
        await attendance_reminder_for(demo, clock, training_id, 1, who[METTE]) is None
    )  # not held
    clock.move_to(at("2026-12-07", "09:30"))
    found = await attendance_reminder_for(demo, clock, training_id, 1, who[METTE])
    assert found is not None
    training, coming = found
    assert coming == 1
    message = render.message(attendance_reminder_message("da", training, coming, TZ))
    assert "Registrér, hvem der kom" in str(message["text"])
    (actions,) = [b for b in message["blocks"] if b["type"] == "actions"]
    (button,) = actions["elements"]
    assert (button["text"]["text"], button["action_id"], button["value"]) == (
        "Registrér fremmøde",
        ATTENDANCE_BUTTON,
        str(training_id),
    )
    english = render.message(attendance_reminder_message("en", training, coming, TZ))
    assert "Record attendance" in texts(english)

    await record_attendance(demo, clock, who[METTE], training_id, [who[LINE]])
    assert await attendance_reminder_for(demo, clock, training_id, 1, who[METTE]) is None


async def test_a_cancelled_training_asks_for_no_attendance(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    training_id = await plan(demo, clock)
    await cancel_training(demo, clock, CALENDAR, who[METTE], training_id)
    assert await planned(demo, clock, ATTENDANCE) == []
    clock.move_to(at("2026-12-08", "09:30"))
    assert await attendance_reminder_for(demo, clock, training_id, 1, who[METTE]) is None


def test_the_onboarding_nudge_has_planlaeg_oplaering() -> None:
    line = 5  # the new superuser's person id: the button's value, for the plan form
    for lang, label in (("da", "Planlæg oplæring"), ("en", "Plan a training")):
        message = render.message(onboarding_message(lang, line, 7), {"5": LINE})
        (row,) = [b for b in message["blocks"] if b["type"] == "actions"]
        first = row["elements"][0]
        assert (first["text"]["text"], first["action_id"], first["value"]) == (
            label,
            PLAN_FOR,
            "5",
        )
        assert first["style"] == "primary"


async def test_the_plan_form_from_the_nudge_has_the_superusers_area_chosen(
    demo: Database, clock: ManualClock, who: dict[str, int]
) -> None:
    areas = await planning_areas(demo, who[ANNETTE])  # the coordinator: every area
    assert areas is not None and len(areas) > 1
    nord = await home_area_id(demo, who[LINE])
    modal = render_modal(plan_modal("da", await list_tools(demo), areas, TZ, area_id=nord))
    (area,) = [b for b in modal["blocks"] if b.get("block_id") == "area"]
    assert area["element"]["initial_option"]["text"]["text"] == "Nord"
    # An area the person may not plan in is not chosen for them.
    assert await planning_areas(demo, who[LINE]) is None  # a superuser plans nothing
    others = [a for a in areas if a.name != "Nord"]
    assert len(others) > 1
    modal = render_modal(plan_modal("da", await list_tools(demo), others, TZ, area_id=nord))
    (area,) = [b for b in modal["blocks"] if b.get("block_id") == "area"]
    assert "initial_option" not in area["element"]
