"""Tool tests and results on real SQLite, with the demo municipality: what an ambassador, a
coordinator or a leader would notice."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock, utc_iso
from bot.domain.guides import Tool
from bot.domain.refs import MessageRef
from bot.domain.tool_tests import ResultDraft, TestPlan
from bot.errors import NotAllowed
from bot.services import spreading
from bot.services.demo import seed_demo
from bot.services.export import export_document
from bot.services.guides import find_tool, status_history
from bot.services.identities import person_for
from bot.services.nudges import plan_checkpoints, plan_test_checkpoints
from bot.services.permissions import Action, person_can
from bot.services.tool_tests import (
    AlreadyClosed,
    CloseRefused,
    NeedsConfirmation,
    PlanRefused,
    ResultRefused,
    check_plan,
    check_result,
    close_test,
    delete_result,
    get_result,
    get_test,
    lifecycle_steps,
    parse_checkpoint_weeks,
    result_for_message,
    results_for_tool,
    running_tests,
    save_result,
    start_test,
    tool_summary,
    update_result,
)
from bot.services.tool_tests import (
    tests_for_tool as all_tests_of,
)
from bot.services.working_time import WorkingCalendar
from bot.views.model import Actions, Button
from bot.views.tool_tests import offer_message, offered_message, summary_message
from handlers.slack import render
from storage import migrations
from storage.db import Database
from storage.repositories import org
from storage.repositories import reminders as reminders_repo
from tests.people import person_id

ANNETTE, METTE, SOEREN, LINE = "U0DEMO001", "U0DEMO003", "U0DEMO004", "U0DEMO005"
TODAY = date(2026, 11, 30)
#: The demo municipality has one running test of its own (Ozobot in Egernet).
DEMO_TESTS = 1


async def tool(db: Database, name: str) -> Tool:
    found = await find_tool(db, name)
    assert found is not None, name
    return found


async def daycare_id(db: Database, name: str) -> int:
    return next(d.id for d in await org.all_daycares(db) if d.name == name)


async def area_id(db: Database, name: str) -> int:
    return next(a.id for a in await org.all_areas(db) if a.name == name)


async def count(db: Database, table: str) -> int:
    row = await db.fetchone(f"SELECT COUNT(*) AS n FROM {table}")  # noqa: S608 - fixed names
    assert row is not None
    return int(row["n"])


def draft(tool_id: int, **fields: object) -> ResultDraft:
    values: dict[str, object] = {"tested_on": TODAY, "rating": 4, "worked": "Det gik fint."}
    values.update(fields)
    return ResultDraft(tool_id=tool_id, **values)  # type: ignore[arg-type]


# -- starting a test ---------------------------------------------------------------------


async def test_a_started_test_has_checkpoints_after_two_and_six_weeks(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    soeren = await person_id(db, SOEREN)
    ozobot = await tool(db, "Ozobot")
    maelk = await daycare_id(db, "Børnehuset Mælkebøtten")
    plan = TestPlan(ozobot.id, "  Kan 3-årige styre Ozobot med farvekoder?  ", (maelk,))
    test = await start_test(db, clock, mette, plan, request_key="V1")
    assert test.state == "running"
    assert test.question == "Kan 3-årige styre Ozobot med farvekoder?"
    assert test.starts_on == "2026-11-30"
    assert test.checkpoints == ("2026-12-14", "2027-01-11")
    assert test.daycare_ids == (maelk,)
    assert test.ambassador_id == mette
    assert test.created_at == utc_iso(clock.now())
    assert await running_tests(db, mette) == [test]
    assert [t.tool.name for t in await running_tests(db, soeren)] == ["Ozobot"]  # the demo's
    assert (await all_tests_of(db, ozobot.id))[0] == test  # newest first; the demo has one
    assert await get_test(db, test.id) == test


async def test_a_chosen_start_and_checkpoints_are_kept_in_order(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    soeren = await person_id(db, SOEREN)
    ozobot = await tool(db, "Ozobot")
    plan = TestPlan(
        ozobot.id,
        "Virker Ozobot i vuggestuen?",
        area_id=await area_id(db, "Syd"),
        starts_on=date(2027, 1, 4),
        checkpoint_weeks=(8, 1, 8),
    )
    test = await start_test(db, clock, soeren, plan, request_key="V1")
    assert test.starts_on == "2027-01-04"
    assert test.checkpoints == ("2027-01-11", "2027-03-01")
    assert test.daycare_ids == ()


async def test_running_tests_are_the_ambassadors_own_newest_first(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    soeren = await person_id(db, SOEREN)
    nord = await area_id(db, "Nord")
    first = await start_test(
        db,
        clock,
        mette,
        TestPlan((await tool(db, "Ozobot")).id, "Først", area_id=nord),
        request_key="A",
    )
    clock.advance(timedelta(minutes=5))
    second = await start_test(
        db, clock, mette, TestPlan((await tool(db, "Osmo")).id, "Så", area_id=nord), request_key="B"
    )
    await start_test(
        db,
        clock,
        soeren,
        TestPlan((await tool(db, "Osmo")).id, "Syd", area_id=nord),
        request_key="C",
    )
    assert [t.id for t in await running_tests(db, mette)] == [second.id, first.id]
    await close_test(db, clock, second.id, "evaluated", "", by=mette)
    assert [t.id for t in await running_tests(db, mette)] == [first.id]


async def test_testing_a_proposed_tool_puts_it_in_test_with_the_ambassador(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    blue = await tool(db, "Blue-Bot")
    assert blue.status == "proposed"
    plan = TestPlan(blue.id, "Kan Blue-Bot styres fra iPad?", area_id=await area_id(db, "Nord"))
    test = await start_test(db, clock, mette, plan, request_key="V1")
    assert test.tool.status == "in_test"
    last = (await status_history(db, blue.id))[-1]
    assert (last.from_status, last.to_status, last.changed_by) == ("proposed", "in_test", mette)


async def test_the_same_submission_starts_one_test(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    blue = await tool(db, "Blue-Bot")
    plan = TestPlan(blue.id, "Kan Blue-Bot styres fra iPad?", area_id=await area_id(db, "Nord"))
    first = await start_test(db, clock, mette, plan, request_key="V1")
    again = await start_test(db, clock, mette, plan, request_key="V1")
    assert again == first
    assert await count(db, "tool_tests") == 1 + DEMO_TESTS
    assert await count(db, "tool_test_checkpoints") == 2 + 2 * DEMO_TESTS
    assert [c.to_status for c in await status_history(db, blue.id)] == ["proposed", "in_test"]


async def test_a_superuser_cannot_start_a_test_and_nothing_is_written(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    annette = await person_id(db, ANNETTE)
    mette = await person_id(db, METTE)
    line = await person_id(db, LINE)
    blue = await tool(db, "Blue-Bot")
    plan = TestPlan(blue.id, "Må jeg?", (await daycare_id(db, "Børnehuset Mælkebøtten"),))
    assert not await person_can(db, line, Action.RUN_TOOL_TESTS)
    assert await person_can(db, mette, Action.RUN_TOOL_TESTS)
    assert await person_can(db, annette, Action.RUN_TOOL_TESTS)
    with pytest.raises(NotAllowed):
        await start_test(db, clock, line, plan, request_key="V1")
    with pytest.raises(NotAllowed):
        stranger = await person_for(db, clock, "slack", "U0STRANGER")  # a guest
        await start_test(db, clock, stranger, plan, request_key="V2")
    assert await count(db, "tool_tests") == DEMO_TESTS
    assert (await tool(db, "Blue-Bot")).status == "proposed"


async def test_a_bad_plan_names_every_field_and_writes_nothing(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    blue = await tool(db, "Blue-Bot")
    plan = TestPlan(blue.id, "   ", checkpoint_weeks=(0, 2, 53), starts_on=date(2009, 12, 31))
    with pytest.raises(PlanRefused) as refused:
        await start_test(db, clock, mette, plan, request_key="V1")
    assert refused.value.errors == {
        "question": ("tests.error.question_empty", {}),
        "daycares": ("tests.error.where_missing", {}),
        "starts_on": ("tests.error.date_too_early", {}),
        "checkpoints": ("tests.error.checkpoints", {"low": 1, "high": 52}),
    }
    long = TestPlan(blue.id, "Æ" * 501, area_id=1)
    assert check_plan(long) == {
        "question": ("tests.error.too_long", {"limit": 500, "length": 501}),
    }
    assert check_plan(replace(long, question="Æ" * 500)) == {}
    gone = TestPlan(blue.id, "Hvor?", daycare_ids=(1, 999), area_id=999)
    with pytest.raises(PlanRefused) as refused:
        await start_test(db, clock, mette, gone, request_key="V2")
    assert refused.value.errors == {
        "daycares": ("tests.error.daycare_unknown", {}),
        "area": ("tests.error.area_unknown", {}),
    }
    with pytest.raises(PlanRefused) as refused:
        await start_test(
            db,
            clock,
            mette,
            replace(gone, tool_id=999, daycare_ids=(1,), area_id=None),
            request_key="V3",
        )
    assert refused.value.errors == {"tool": ("tests.error.tool_unknown", {})}
    assert await count(db, "tool_tests") == DEMO_TESTS
    assert (await tool(db, "Blue-Bot")).status == "proposed"


def test_checkpoint_weeks_are_read_as_people_write_them() -> None:
    assert parse_checkpoint_weeks("2, 6") == (2, 6)
    assert parse_checkpoint_weeks(" 6 2;2 ") == (2, 6)
    assert parse_checkpoint_weeks("") == ()
    assert parse_checkpoint_weeks("to uger") is None
    assert parse_checkpoint_weeks("2,5") == (2, 5)
    assert parse_checkpoint_weeks("-2") is None
    assert parse_checkpoint_weeks("2²") is None


async def checkpoint_reminders(db: Database, test_id: int) -> list[tuple[str, int, str]]:
    """(kind, recipient, due_at) of a test's checkpoint reminders, in the order planned."""
    rows = await db.fetchall(
        "SELECT kind, recipient, due_at FROM reminders WHERE dedupe_key LIKE ? ORDER BY id",
        (f"test_%:{test_id}:%",),
    )
    return [(r["kind"], r["recipient"], r["due_at"]) for r in rows]


async def test_starting_a_test_plans_its_checkpoint_reminders_at_once(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    calendar = WorkingCalendar(clock.tz)
    ozobot = await tool(db, "Ozobot")
    plan = TestPlan(ozobot.id, "Kan 4-årige følge en streg?", area_id=await area_id(db, "Nord"))
    test = await start_test(db, clock, mette, plan, request_key="V1", calendar=calendar)
    # The morning of each checkpoint (08:00 local = 07:00 UTC), a follow-up two working days on.
    assert await checkpoint_reminders(db, test.id) == [
        ("test_checkpoint", mette, "2026-12-14T07:00:00+00:00"),
        ("test_follow_up", mette, "2026-12-16T07:00:00+00:00"),
        ("test_checkpoint", mette, "2027-01-11T07:00:00+00:00"),
        ("test_follow_up", mette, "2027-01-13T07:00:00+00:00"),
    ]
    reminder = await reminders_repo.by_key(db, f"test_checkpoint:{test.id}:2026-12-14")
    assert reminder is not None and reminder.state == "pending"
    # The planning job finds nothing left to plan for it, and a retried submission neither.
    assert await plan_test_checkpoints(db, clock, calendar, test) == 0
    await start_test(db, clock, mette, plan, request_key="V1", calendar=calendar)
    assert len(await checkpoint_reminders(db, test.id)) == 4


async def test_the_start_plans_exactly_what_the_planning_job_would(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    calendar = WorkingCalendar(clock.tz)
    nord = await area_id(db, "Nord")
    plan = TestPlan((await tool(db, "Osmo")).id, "Kan de yngste bruge Osmo?", area_id=nord)
    at_start = await start_test(db, clock, mette, plan, request_key="A", calendar=calendar)
    planned_at_start = await checkpoint_reminders(db, at_start.id)  # before any job runs
    later = await start_test(db, clock, mette, plan, request_key="B")  # no calendar: job plans
    assert await checkpoint_reminders(db, later.id) == []
    await plan_checkpoints(db, clock, calendar)
    assert len(planned_at_start) == 4
    assert await checkpoint_reminders(db, later.id) == planned_at_start


async def test_a_closed_test_gets_no_checkpoint_reminders(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    plan = TestPlan((await tool(db, "Osmo")).id, "Kort forsøg", area_id=await area_id(db, "Nord"))
    test = await start_test(db, clock, mette, plan, request_key="A")
    closed = await close_test(db, clock, test.id, "evaluated", "", by=mette)
    assert await plan_test_checkpoints(db, clock, WorkingCalendar(clock.tz), closed) == 0
    assert await checkpoint_reminders(db, test.id) == []


# -- results -----------------------------------------------------------------------------


async def test_the_same_submission_saves_one_result(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    ozobot = await tool(db, "Ozobot")
    first = await save_result(db, clock, mette, draft(ozobot.id), request_key="V1")
    again = await save_result(db, clock, mette, draft(ozobot.id, rating=2), request_key="V1")
    assert first.created and not again.created
    assert again.result == first.result
    assert again.result.draft.rating == 4
    assert await count(db, "test_results") == 1


async def test_the_same_message_saves_one_result(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    ozobot = await tool(db, "Ozobot")
    message = {"source": "channel", "message": MessageRef("slack", "C0TEST", "1764489600.000100")}
    first = await save_result(db, clock, mette, draft(ozobot.id, **message), request_key="E1")
    # the shortcut on the same message, after the channel listener saved it
    again = await save_result(
        db, clock, mette, draft(ozobot.id, **{**message, "source": "shortcut"}), request_key="S9"
    )
    assert first.created and not again.created
    assert again.result.id == first.result.id
    assert await count(db, "test_results") == 1
    found = await result_for_message(db, MessageRef("slack", "C0TEST", "1764489600.000100"))
    assert found == first.result
    assert await result_for_message(db, MessageRef("slack", "C0TEST", "1764489600.000200")) is None
    # the same ids on another platform are another message
    assert await result_for_message(db, MessageRef("teams", "C0TEST", "1764489600.000100")) is None


async def test_the_first_result_puts_a_proposed_tool_in_test_with_the_author(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    soeren = await person_id(db, SOEREN)
    blue = await tool(db, "Blue-Bot")
    saved = await save_result(db, clock, soeren, draft(blue.id), request_key="V1")
    assert saved.created and saved.tool_now_in_test
    assert saved.result.tool.status == "in_test"
    last = (await status_history(db, blue.id))[-1]
    assert (last.from_status, last.to_status, last.changed_by) == ("proposed", "in_test", soeren)
    second = await save_result(db, clock, mette, draft(blue.id), request_key="V2")
    assert second.created and not second.tool_now_in_test
    assert len(await status_history(db, blue.id)) == 2


async def test_a_result_keeps_the_text_as_written(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    ozobot = await tool(db, "Ozobot")
    worked = "\n  Børnene grinede 😄\n\n  Æbletræet – og »ål«!  \n"
    saved = await save_result(
        db,
        clock,
        mette,
        draft(
            ozobot.id,
            worked=worked,
            hard=" <!channel> & *fed* ",
            themes=("natur-udeliv-science", "kommunikation-sprog", "natur-udeliv-science"),
        ),
        request_key="V1",
    )
    stored = await get_result(db, saved.result.id)
    assert stored is not None
    assert stored.draft.worked == "Børnene grinede 😄\n\n  Æbletræet – og »ål«!"
    assert stored.draft.hard == "<!channel> & *fed*"
    assert stored.draft.themes == ("kommunikation-sprog", "natur-udeliv-science")
    assert stored.author_id == mette
    assert stored.created_at == stored.updated_at == utc_iso(clock.now())


async def test_a_bad_result_names_every_field_and_writes_nothing(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    ozobot = await tool(db, "Ozobot")
    bad = draft(
        ozobot.id,
        tested_on=TODAY + timedelta(days=1),
        rating=6,
        children=201,
        minutes_spent=-1,
        worked="x" * 3001,
        hard="y" * 3001,
        themes=("robotter",),
        age_group="dagpleje",
        engagement="wild",
        recommendation="maybe",
    )
    with pytest.raises(ResultRefused) as refused:
        await save_result(db, clock, mette, bad, request_key="V1")
    assert refused.value.errors == {
        "tested_on": ("tests.error.date_future", {}),
        "rating": ("tests.error.rating", {"low": 1, "high": 5}),
        "children": ("tests.error.number_range", {"low": 0, "high": 200}),
        "minutes": ("tests.error.number_range", {"low": 0, "high": 600}),
        "worked": ("tests.error.too_long", {"limit": 3000, "length": 3001}),
        "hard": ("tests.error.too_long", {"limit": 3000, "length": 3001}),
        "age_group": ("tests.error.unknown_choice", {}),
        "engagement": ("tests.error.unknown_choice", {}),
        "recommendation": ("tests.error.unknown_choice", {}),
        "themes": ("tests.error.unknown_choice", {}),
    }
    assert check_result(draft(ozobot.id, tested_on=date(2009, 12, 31)), TODAY) == {
        "tested_on": ("tests.error.date_too_early", {}),
    }
    assert check_result(draft(ozobot.id, rating=None, worked="  \n "), TODAY) == {
        "worked": ("tests.error.result_empty", {}),
    }
    limits = draft(ozobot.id, rating=1, children=200, minutes_spent=600, worked="x" * 3000)
    assert check_result(limits, TODAY) == {}
    with pytest.raises(ValueError):  # the code sets the source: a wrong one is a bug
        await save_result(db, clock, mette, draft(ozobot.id, source="mail"), request_key="V2")
    assert await count(db, "test_results") == 0


async def test_a_result_must_fit_its_test_daycare_and_tool(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    ozobot, osmo = await tool(db, "Ozobot"), await tool(db, "Osmo")
    plan = TestPlan(ozobot.id, "Farvekoder?", area_id=await area_id(db, "Nord"))
    test = await start_test(db, clock, mette, plan, request_key="T1")
    with pytest.raises(ResultRefused) as refused:
        await save_result(
            db, clock, mette, draft(osmo.id, test_id=test.id, daycare_id=999), request_key="V1"
        )
    assert refused.value.errors == {
        "test": ("tests.error.test_other_tool", {"tool": "Ozobot"}),
        "daycare": ("tests.error.daycare_unknown", {}),
    }
    with pytest.raises(ResultRefused) as refused:
        await save_result(db, clock, mette, draft(999, test_id=12345), request_key="V2")
    assert refused.value.errors == {
        "tool": ("tests.error.tool_unknown", {}),
        "test": ("tests.error.test_unknown", {}),
    }
    assert await count(db, "test_results") == 0
    saved = await save_result(db, clock, mette, draft(ozobot.id, test_id=test.id), request_key="V3")
    assert saved.result.draft.test_id == test.id


async def test_a_superuser_cannot_save_a_result(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    line = await person_id(db, LINE)
    blue = await tool(db, "Blue-Bot")
    with pytest.raises(NotAllowed):
        await save_result(db, clock, line, draft(blue.id), request_key="V1")
    assert await count(db, "test_results") == 0
    assert (await tool(db, "Blue-Bot")).status == "proposed"


async def test_a_correction_keeps_the_result_its_author_and_when_it_was_saved(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    annette = await person_id(db, ANNETTE)
    mette = await person_id(db, METTE)
    soeren = await person_id(db, SOEREN)
    ozobot = await tool(db, "Ozobot")
    message = {"source": "channel", "message": MessageRef("slack", "C0TEST", "1.2")}
    saved = (
        await save_result(db, clock, mette, draft(ozobot.id, **message), request_key="E1")
    ).result
    clock.advance(timedelta(hours=1))
    corrected = await update_result(
        db,
        clock,
        saved.id,
        draft(ozobot.id, rating=5, worked="Bedre end ventet.", themes=("social-udvikling",)),
        editor_id=mette,
    )
    assert corrected.id == saved.id
    assert corrected.author_id == mette
    assert corrected.created_at == saved.created_at
    assert corrected.updated_at == utc_iso(clock.now()) != saved.updated_at
    assert corrected.updated_by == mette
    assert corrected.draft.rating == 5
    assert corrected.draft.themes == ("social-udvikling",)
    # where it came from stays, so the edited message still finds it
    assert (corrected.draft.source, corrected.draft.message) == (
        "channel",
        MessageRef("slack", "C0TEST", "1.2"),
    )
    assert await result_for_message(db, MessageRef("slack", "C0TEST", "1.2")) == corrected
    # the same correction again (a retried edit event) changes nothing
    clock.advance(timedelta(hours=1))
    same = await update_result(
        db, clock, saved.id, replace(corrected.draft, source="modal"), editor_id=mette
    )
    assert same == corrected
    with pytest.raises(NotAllowed):
        await update_result(db, clock, saved.id, draft(ozobot.id, rating=1), editor_id=soeren)
    with pytest.raises(ResultRefused):
        await update_result(db, clock, saved.id, draft(ozobot.id, rating=9), editor_id=mette)
    by_coordinator = await update_result(
        db, clock, saved.id, draft(ozobot.id, rating=3), editor_id=annette
    )
    assert (by_coordinator.draft.rating, by_coordinator.updated_by) == (3, annette)
    with pytest.raises(LookupError):
        await update_result(db, clock, 999, draft(ozobot.id), editor_id=mette)


async def test_a_result_is_deleted_by_its_author_once(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    soeren = await person_id(db, SOEREN)
    ozobot = await tool(db, "Ozobot")
    saved = (await save_result(db, clock, mette, draft(ozobot.id), request_key="V1")).result
    with pytest.raises(NotAllowed):
        await delete_result(db, saved.id, by=soeren)
    assert await delete_result(db, saved.id, by=mette)
    assert not await delete_result(db, saved.id, by=mette)
    assert await get_result(db, saved.id) is None
    assert await count(db, "test_result_themes") == 0


# -- closing a test ----------------------------------------------------------------------


def test_the_lifecycle_is_walked_step_by_step() -> None:
    assert lifecycle_steps("in_test", "recommended") == ("evaluated", "recommended")
    assert lifecycle_steps("proposed", "not_recommended") == (
        "in_test",
        "evaluated",
        "not_recommended",
    )
    assert lifecycle_steps("recommended", "not_recommended") == ("not_recommended",)
    assert lifecycle_steps("evaluated", "evaluated") == ()


async def test_closing_as_recommended_goes_via_evaluated_and_says_who(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    soeren = await person_id(db, SOEREN)
    ozobot = await tool(db, "Ozobot")
    assert ozobot.status == "in_test"
    before = len(await status_history(db, ozobot.id))
    plan = TestPlan(ozobot.id, "Farvekoder?", area_id=await area_id(db, "Nord"))
    test = await start_test(db, clock, mette, plan, request_key="T1")
    with pytest.raises(NotAllowed):
        await close_test(db, clock, test.id, "recommended", "", by=soeren)
    with pytest.raises(CloseRefused) as refused:
        await close_test(db, clock, test.id, "retired", "x" * 1001, by=mette)
    assert refused.value.errors == {
        "conclusion": ("tests.error.unknown_choice", {}),
        "note": ("tests.error.too_long", {"limit": 1000, "length": 1001}),
    }
    clock.advance(timedelta(days=42))
    with pytest.raises(NeedsConfirmation) as ask:  # no result speaks for it yet
        await close_test(db, clock, test.id, "recommended", "", by=mette)
    assert ask.value.errors == {
        "conclusion": ("tests.error.no_results_confirm", {"tool": "Ozobot"})
    }
    assert (await get_test(db, test.id)).state == "running"  # type: ignore[union-attr]
    assert await spreading.all_rounds(db) == []
    await save_result(db, clock, mette, draft(ozobot.id, test_id=test.id), request_key="R1")
    closed = await close_test(
        db, clock, test.id, "recommended", "  Børnene elskede den.  ", by=mette
    )
    (spread,) = await spreading.all_rounds(db)  # recommending starts the round, at once
    assert (spread.tool_name, spread.trigger, spread.started_by) == (
        "Ozobot",
        "recommended",
        mette,
    )
    assert closed.state == "closed"
    assert closed.conclusion == "recommended"
    assert closed.conclusion_note == "Børnene elskede den."
    assert (closed.closed_by, closed.closed_at) == (mette, utc_iso(clock.now()))
    assert closed.tool.status == "recommended"
    steps = (await status_history(db, ozobot.id))[before:]
    assert [(s.from_status, s.to_status, s.changed_by) for s in steps] == [
        ("in_test", "evaluated", mette),
        ("evaluated", "recommended", mette),
    ]
    with pytest.raises(AlreadyClosed) as again:
        await close_test(db, clock, test.id, "not_recommended", "", by=mette)
    assert again.value.errors == {"conclusion": ("tests.error.already_closed", {})}
    assert again.value.test.closed_by == mette
    assert (await tool(db, "Ozobot")).status == "recommended"
    with pytest.raises(LookupError):
        await close_test(db, clock, 999, "evaluated", "", by=mette)


async def test_a_coordinator_closes_any_test_and_a_verdict_is_not_undone(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    annette = await person_id(db, ANNETTE)
    soeren = await person_id(db, SOEREN)
    bee = await tool(db, "Bee-Bot")
    assert bee.status == "recommended"
    before = len(await status_history(db, bee.id))
    plan = TestPlan(bee.id, "Også i Syd?", area_id=await area_id(db, "Syd"))
    test = await start_test(db, clock, soeren, plan, request_key="T1")
    assert test.tool.status == "recommended"  # testing again does not drop the verdict
    closed = await close_test(db, clock, test.id, "evaluated", "", by=annette)
    assert (closed.state, closed.closed_by) == ("closed", annette)
    assert closed.tool.status == "recommended"
    assert len(await status_history(db, bee.id)) == before
    again = await start_test(db, clock, soeren, plan, request_key="T2")
    # Already recommended: nothing new spreads, so nothing needs confirming.
    closed = await close_test(db, clock, again.id, "recommended", "", by=soeren)
    assert closed.tool.status == "recommended"
    assert len(await status_history(db, bee.id)) == before


async def test_recommending_without_results_goes_on_when_confirmed(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    soeren = await person_id(db, SOEREN)
    (demo_test,) = await running_tests(db, soeren)  # Ozobot in Egernet, no results
    with pytest.raises(NeedsConfirmation):
        await close_test(db, clock, demo_test.id, "recommended", "", by=soeren)
    closed = await close_test(db, clock, demo_test.id, "recommended", "", by=soeren, confirmed=True)
    assert closed.tool.status == "recommended"
    assert [r.tool_name for r in await spreading.all_rounds(db)] == ["Ozobot"]


# -- the evaluation ----------------------------------------------------------------------


async def test_the_summary_adds_up_what_was_found(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    soeren = await person_id(db, SOEREN)
    blue = await tool(db, "Blue-Bot")
    maelk = await daycare_id(db, "Børnehuset Mælkebøtten")
    sol = await daycare_id(db, "Vuggestuen Solsikken")
    regn = await daycare_id(db, "Børnehaven Regnbuen")
    egern = await daycare_id(db, "Skovbørnehaven Egernet")
    nord_test = await start_test(
        db, clock, mette, TestPlan(blue.id, "Nord?", (maelk, sol)), request_key="T1"
    )
    oest_test = await start_test(
        db,
        clock,
        soeren,
        TestPlan(blue.id, "Øst?", area_id=await area_id(db, "Øst")),
        request_key="T2",
    )
    await close_test(db, clock, oest_test.id, "evaluated", "", by=soeren)
    rows = [
        (
            5,
            "recommend",
            maelk,
            ("kommunikation-sprog", "social-udvikling"),
            "Sproget blomstrede",
            "",
        ),
        (4, "recommend", regn, ("kommunikation-sprog", "krop-sanser-bevaegelse"), "Turtagning", ""),
        (4, "recommend_with_conditions", egern, ("social-udvikling",), "", "Batteriet døde"),
        (3, "needs_more_testing", None, ("natur-udeliv-science",), "Ude i skoven", "Vådt"),
        (None, None, maelk, (), "Stille dag", ""),
    ]
    for day, (rating, recommendation, where, themes, worked, hard) in enumerate(rows, start=20):
        await save_result(
            db,
            clock,
            mette,
            draft(
                blue.id,
                tested_on=date(2026, 11, day),
                test_id=nord_test.id,
                rating=rating,
                recommendation=recommendation,
                daycare_id=where,
                themes=themes,
                worked=worked,
                hard=hard,
            ),
            request_key=f"R{day}",
        )
    summary = await tool_summary(db, blue.id)
    assert summary.tool.name == "Blue-Bot"
    assert summary.tool.status == "evaluated"
    assert (summary.tests, summary.running_tests, summary.results) == (2, 1, 5)
    assert summary.average_rating == 4.0
    assert summary.rating_counts == {1: 0, 2: 0, 3: 1, 4: 2, 5: 1}
    assert summary.recommendations == {
        "recommend": 2,
        "recommend_with_conditions": 1,
        "not_recommended": 0,
        "needs_more_testing": 1,
    }
    assert summary.top_themes == (
        ("social-udvikling", 2),
        ("kommunikation-sprog", 2),
        ("krop-sanser-bevaegelse", 1),
    )
    assert [(q.text, q.daycare, q.tested_on) for q in summary.quotes] == [
        ("Stille dag", "Børnehuset Mælkebøtten", "2026-11-24"),
        ("Ude i skoven", None, "2026-11-23"),
        ("Batteriet døde", "Skovbørnehaven Egernet", "2026-11-22"),
    ]
    assert all(q.author_id == mette for q in summary.quotes)
    assert summary.daycares == (
        "Børnehaven Regnbuen",
        "Børnehuset Mælkebøtten",
        "Skovbørnehaven Egernet",
        "Vuggestuen Solsikken",
    )
    assert summary.areas == ("Nord", "Syd", "Øst")
    one = await tool_summary(db, blue.id, quotes=1)
    assert [q.text for q in one.quotes] == ["Stille dag"]


async def test_a_tool_without_tests_has_an_empty_summary(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    blue = await tool(db, "Blue-Bot")
    summary = await tool_summary(db, blue.id)
    assert (summary.tests, summary.running_tests, summary.results) == (0, 0, 0)
    assert summary.average_rating is None
    assert summary.rating_counts == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    assert set(summary.recommendations.values()) == {0}
    assert (summary.top_themes, summary.quotes, summary.daycares, summary.areas) == ((), (), (), ())
    with pytest.raises(LookupError):
        await tool_summary(db, 999)


async def test_the_export_holds_every_test_and_result(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    mette = await person_id(db, METTE)
    blue = await tool(db, "Blue-Bot")
    maelk = await daycare_id(db, "Børnehuset Mælkebøtten")
    test = await start_test(
        db, clock, mette, TestPlan(blue.id, "Nord?", (maelk,)), request_key="T1"
    )
    saved = await save_result(
        db,
        clock,
        mette,
        draft(
            blue.id,
            test_id=test.id,
            daycare_id=maelk,
            themes=("social-udvikling",),
            worked="Godt 👍",
            source="channel",
            message=MessageRef("slack", "C0TEST", "1.2"),
            link="https://example.slack.com/archives/C0TEST/p12",
        ),
        request_key="R1",
    )
    document = await export_document(db, clock)
    now = utc_iso(clock.now())
    assert document["tool_tests"][DEMO_TESTS:] == [
        {
            "id": test.id,
            "request_key": "T1",
            "tool_id": blue.id,
            "tool": "Blue-Bot",
            "ambassador_id": mette,
            "question": "Nord?",
            "area_id": None,
            "starts_on": "2026-11-30",
            "state": "running",
            "conclusion": None,
            "conclusion_note": "",
            "closed_by": None,
            "closed_at": None,
            "created_at": now,
            "daycare_ids": [maelk],
            "checkpoints": ["2026-12-14", "2027-01-11"],
        }
    ]
    assert document["test_results"] == [
        {
            "id": saved.result.id,
            "request_key": "R1",
            "author_id": mette,
            "tool_id": blue.id,
            "tool": "Blue-Bot",
            "test_id": test.id,
            "daycare_id": maelk,
            "tested_on": "2026-11-30",
            "age_group": None,
            "children": None,
            "rating": 4,
            "engagement": None,
            "worked": "Godt 👍",
            "hard": "",
            "recommendation": None,
            "minutes_spent": None,
            "source": "channel",
            "platform": "slack",
            "conversation_id": "C0TEST",
            "message_id": "1.2",
            "thread_id": None,
            "link": "https://example.slack.com/archives/C0TEST/p12",
            "created_at": now,
            "updated_at": now,
            "updated_by": None,
            "themes": ["social-udvikling"],
        }
    ]


# -- what Slack shows, as before people had ids ------------------------------------------------


def test_an_offer_button_names_its_message_and_one_posted_before_still_reads() -> None:
    tools = (Tool(7, "Bee-Bot", None, "in_test"),)
    message = MessageRef("slack", "C0TEST", "1764489600.000100")
    offer = offer_message("da", tools, message, tagged=True)
    values = [
        element.value
        for part in offer.parts
        if isinstance(part, Actions)
        for element in part.elements
        if isinstance(element, Button)
    ]
    assert [offered_message("slack", value) for value in values] == [
        (message, 7),
        (message, 0),
        (message, 0),
    ]
    before = '{"channel": "C0TEST", "ts": "1764489600.000100", "tool": 7}'
    assert offered_message("slack", before) == (message, 7)


async def test_a_former_member_s_quote_reads_as_it_did(db: Database, clock: ManualClock) -> None:
    """An erased author's quote in the evaluation shows the erasure's old marker, as the
    evaluation showed it when the column held it."""
    await seed_demo(db, clock)
    blue = await tool(db, "Blue-Bot")
    mette = await person_id(db, METTE)
    await save_result(db, clock, mette, draft(blue.id, worked="Sjovt"), request_key="R1")
    await db.execute("UPDATE test_results SET author_id = NULL WHERE request_key = 'R1'")
    summary = await tool_summary(db, blue.id)
    assert [q.author_id for q in summary.quotes] == [None]
    shown = render.message(summary_message("da", summary, clock.tz))
    assert "&lt;@former-member&gt;" in json.dumps(shown, ensure_ascii=False)
    assert "<@" not in json.dumps(shown, ensure_ascii=False)


async def test_a_database_from_before_person_ids_keeps_its_tests_and_results(
    tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migration 0028: each Slack id becomes the person behind it, the erasure's marker a
    former member (NULL), and a result's Slack message its conversation and message id —
    so the saved result is still found from its message, and the tests still read."""
    db = await Database.open(tmp_path / "old.db")
    try:
        before = tuple(m for m in migrations.MIGRATIONS if m.name < "0028")
        with monkeypatch.context() as patch:
            patch.setattr(migrations, "MIGRATIONS", before)
            await migrations.migrate(db, clock)
        now = utc_iso(clock.now())
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO tools (name, status, created_at, updated_at)"
                " VALUES ('Blue-Bot', 'in_test', ?, ?)",
                (now, now),
            )
            for slack_id, name in ((METTE, "Mette"), (ANNETTE, "Annette")):
                cursor = await conn.execute(
                    "INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)",
                    (name, now, now),
                )
                await conn.execute(
                    "INSERT INTO identities (platform, external_id, person_id)"
                    " VALUES ('slack', ?, ?)",
                    (slack_id, cursor.lastrowid),
                )
        blue = await tool(db, "Blue-Bot")
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO tool_tests (request_key, tool_id, ambassador_slack_id, question,"
                " starts_on, state, conclusion, closed_by, closed_at, created_at) VALUES"
                " ('T1', ?, 'former-member', 'Virker den?', '2026-11-01', 'closed', 'evaluated',"
                " 'former-member', ?, ?), ('T2', ?, ?, 'Og her?', '2026-11-02', 'closed',"
                " 'evaluated', ?, ?, ?)",
                (blue.id, now, now, blue.id, METTE, ANNETTE, now, now),
            )
            await conn.execute(
                "INSERT INTO test_results (request_key, author_slack_id, tool_id, tested_on,"
                " rating, source, channel_id, message_ts, permalink, created_at, updated_at,"
                " updated_by) VALUES ('R1', ?, ?, '2026-11-20', 4, 'channel', 'C0TEST', '1.2',"
                " 'https://x.slack.com/archives/C0TEST/p12', ?, ?, 'former-member'),"
                " ('R2', 'former-member', ?, '2026-11-21', 3, 'modal', NULL, NULL, NULL, ?, ?,"
                " NULL)",
                (METTE, blue.id, now, now, blue.id, now, now),
            )
        assert "0028_tool_test_people" in await migrations.migrate(db, clock)

        mette, annette = await person_id(db, METTE), await person_id(db, ANNETTE)
        tests = {t.question: t for t in await all_tests_of(db, blue.id)}
        assert (tests["Virker den?"].ambassador_id, tests["Virker den?"].closed_by) == (None, None)
        assert (tests["Og her?"].ambassador_id, tests["Og her?"].closed_by) == (mette, annette)
        found = await result_for_message(db, MessageRef("slack", "C0TEST", "1.2"))
        assert found is not None
        assert (found.author_id, found.updated_by) == (mette, None)
        assert found.draft.link == "https://x.slack.com/archives/C0TEST/p12"
        by_key = {r.draft.rating: r for r in await results_for_tool(db, blue.id)}
        assert (by_key[3].author_id, by_key[3].draft.message) == (None, None)
        assert await db.fetchall("PRAGMA foreign_key_check") == []
    finally:
        await db.close()
