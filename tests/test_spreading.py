"""Spreading rounds: one round per recommendation however often it is started, the daycares
it reaches, reminders planned once (never to someone who left), the follow-up's answers
moving adoption, and progress per area over time."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.errors import NotAllowed
from bot.reminders import spreading as kinds
from bot.services import reminders, spreading
from bot.services.adoption import set_adoption
from bot.services.demo import AREAS, demo_csv, seed_demo
from bot.services.export import export_document
from bot.services.guides import find_tool, record_decision, set_tool_status
from bot.services.org_import import import_org
from bot.services.working_time import WorkingCalendar
from bot.services.workspace_settings import set_setting
from bot.settings import parse_settings
from storage.db import Database
from storage.repositories import adoption as adoption_repo
from storage.repositories import org
from tests.people import person_id

ANNETTE, METTE, LINE, AHMED, CAMILLA, OLIVER = (
    "U0DEMO001",
    "U0DEMO003",
    "U0DEMO005",
    "U0DEMO006",
    "U0DEMO007",
    "U0DEMO008",
)
MAELK, REGNBUEN, EGERNET = (
    "Børnehuset Mælkebøtten",
    "Børnehaven Regnbuen",
    "Skovbørnehaven Egernet",
)
ALL_DAYCARES = sum(len(names) for names in AREAS.values())


def calendar(clock: ManualClock, closing_days: str = "12-24,12-31") -> WorkingCalendar:
    return parse_settings({"TOVHOLDER_CLOSING_DAYS": closing_days}, "console").calendar


async def daycare_id(db: Database, name: str) -> int:
    return next(d.id for d in await org.all_daycares(db) if d.name == name)


async def ozobot(db: Database) -> int:
    tool = await find_tool(db, "Ozobot")
    assert tool is not None
    return tool.id


async def recommend(db: Database, clock: ManualClock, tool_id: int) -> None:
    """Ozobot is in test in the demo: evaluated, then recommended by the coordinator."""
    await set_tool_status(db, clock, tool_id, "evaluated", changed_by=await person_id(db, ANNETTE))
    await set_tool_status(
        db, clock, tool_id, "recommended", changed_by=await person_id(db, ANNETTE)
    )


async def planned(db: Database, clock: ManualClock, kind: str) -> list[tuple[int, int]]:
    """(recipient's person id, daycare id) of the pending reminders of one kind, sorted."""
    rows = await reminders.list_reminders(db, due_only=False, now=clock.now())
    return sorted(
        (r.recipient, int(r.payload.get("daycare_id", 0))) for r in rows if r.kind == kind
    )


async def test_recommending_starts_one_round_reaching_every_daycare_not_using_it(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    tool = await ozobot(db)
    maelk = await daycare_id(db, MAELK)
    await set_adoption(db, clock, await person_id(db, LINE), maelk, tool, "in_use")
    await recommend(db, clock, tool)
    # A retry, the decision after the recommendation, and the same step again start nothing.
    assert not await set_tool_status(
        db, clock, tool, "recommended", changed_by=await person_id(db, ANNETTE)
    )
    await record_decision(db, clock, tool, "to_be_spread", date(2026, 11, 30), recorded_by="cli")
    await record_decision(db, clock, tool, "to_be_spread", date(2026, 11, 30), recorded_by="cli")
    (found,) = await spreading.all_rounds(db)
    annette = await person_id(db, ANNETTE)
    assert (found.tool_name, found.trigger, found.started_by) == ("Ozobot", "recommended", annette)
    assert found.follow_up_weeks == 4 and found.is_open
    reached = {t.daycare_name for t in await spreading.targets(db, found.id)}
    assert MAELK not in reached
    assert len(reached) == ALL_DAYCARES - 1


async def test_a_decision_to_spread_starts_a_round_and_leaving_recommended_ends_it(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    tool = await ozobot(db)
    await record_decision(
        db,
        clock,
        tool,
        "to_be_spread",
        date(2026, 11, 30),
        recorded_by=await person_id(db, ANNETTE),
    )
    (first,) = await spreading.all_rounds(db)
    assert first.trigger == "decision"
    await record_decision(
        db, clock, tool, "stopped", date(2026, 12, 1), recorded_by=await person_id(db, ANNETTE)
    )
    (ended,) = await spreading.all_rounds(db)
    assert not ended.is_open and ended.ended_reason == "decision:stopped"
    await recommend(db, clock, tool)
    newest, older = await spreading.all_rounds(db)
    assert newest.is_open and newest.trigger == "recommended" and not older.is_open
    await set_tool_status(db, clock, tool, "retired", changed_by=await person_id(db, ANNETTE))
    assert not any(r.is_open for r in await spreading.all_rounds(db))


async def test_the_follow_up_weeks_come_from_the_workspace_setting(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    await set_setting(db, clock, "spread_follow_up_weeks", "2", await person_id(db, ANNETTE))
    await recommend(db, clock, await ozobot(db))
    (found,) = await spreading.all_rounds(db)
    assert found.follow_up_weeks == 2
    # Started Monday 30 November 09:00: two weeks on is Monday 14 December, at the nudge time.
    due = spreading.follow_up_due(calendar(clock), found)
    assert due == datetime(2026, 12, 14, 9, 30, tzinfo=clock.tz)


async def test_the_follow_up_skips_the_christmas_closure(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    await recommend(db, clock, await ozobot(db))
    (found,) = await spreading.all_rounds(db)
    # Four weeks on is Monday 28 December: this municipality closes until New Year, and
    # 1 January is a holiday.
    due = spreading.follow_up_due(calendar(clock, "12-24..12-31"), found)
    assert due == datetime(2027, 1, 4, 9, 30, tzinfo=clock.tz)
    assert spreading.follow_up_due(calendar(clock), found).date() == date(2026, 12, 28)


async def test_planning_invites_each_superuser_once_and_the_coordinator_hears_of_it(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    tool = await ozobot(db)
    await set_adoption(
        db, clock, await person_id(db, LINE), await daycare_id(db, MAELK), tool, "in_use"
    )
    await recommend(db, clock, tool)
    first = await spreading.plan_spreading(db, clock, calendar(clock))
    assert await spreading.plan_spreading(db, clock, calendar(clock)) == 0
    invited = [who for who, _ in await planned(db, clock, kinds.INVITE.name)]
    superusers = [await person_id(db, who) for who in (AHMED, CAMILLA, OLIVER)]
    assert invited == sorted(superusers)  # Line's daycare uses it already
    coordinators = [who for who, _ in await planned(db, clock, kinds.STARTED.name)]
    assert coordinators == [await person_id(db, ANNETTE)]
    assert [who for who, _ in await planned(db, clock, kinds.FOLLOW_UP.name)] == invited
    assert first == 7


async def test_someone_who_left_is_neither_invited_nor_followed_up(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    tool = await ozobot(db)
    await recommend(db, clock, tool)
    await spreading.plan_spreading(db, clock, calendar(clock))
    (found,) = await spreading.all_rounds(db)
    regnbuen = await daycare_id(db, REGNBUEN)
    ahmed = await person_id(db, AHMED)
    assert await spreading.still_due(db, found.id, regnbuen, ahmed) is not None
    without_ahmed = "\n".join(line for line in demo_csv().splitlines() if AHMED not in line)
    await import_org(db, clock, (without_ahmed + "\n").encode(), lookup=None, prune=True)
    assert await spreading.still_due(db, found.id, regnbuen, ahmed) is None


async def test_a_daycare_that_answered_or_uses_the_tool_hears_no_more(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    tool = await ozobot(db)
    await recommend(db, clock, tool)
    (found,) = await spreading.all_rounds(db)
    regnbuen, egernet = await daycare_id(db, REGNBUEN), await daycare_id(db, EGERNET)
    await spreading.answer(db, clock, await person_id(db, AHMED), found.id, regnbuen, "not_yet")
    assert await spreading.still_due(db, found.id, regnbuen, await person_id(db, AHMED)) is None
    await set_adoption(db, clock, await person_id(db, CAMILLA), egernet, tool, "in_use")
    assert await spreading.still_due(db, found.id, egernet, await person_id(db, CAMILLA)) is None
    # Answered daycares get nothing new when planning runs again.
    await spreading.plan_spreading(db, clock, calendar(clock))
    ahmed = await person_id(db, AHMED)
    assert (ahmed, regnbuen) not in await planned(db, clock, kinds.INVITE.name)


async def test_answers_move_adoption_and_not_for_us_keeps_its_reason(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    tool = await ozobot(db)
    await recommend(db, clock, tool)
    (found,) = await spreading.all_rounds(db)
    regnbuen, egernet = await daycare_id(db, REGNBUEN), await daycare_id(db, EGERNET)

    used = await spreading.answer(
        db, clock, await person_id(db, AHMED), found.id, regnbuen, "in_use"
    )
    assert used.changed and used.target.answer == "in_use"
    again = await spreading.answer(
        db, clock, await person_id(db, AHMED), found.id, regnbuen, "in_use"
    )
    assert not again.changed
    async with db.transaction() as conn:
        assert await adoption_repo.state_of(conn, regnbuen, tool) == "in_use"

    with pytest.raises(spreading.AnswerRefused) as refused:
        await spreading.answer(
            db, clock, await person_id(db, CAMILLA), found.id, egernet, "not_for_us", "   "
        )
    assert "reason" in refused.value.errors
    with pytest.raises(spreading.AnswerRefused):
        await spreading.answer(
            db, clock, await person_id(db, CAMILLA), found.id, egernet, "not_for_us", "x" * 501
        )
    with pytest.raises(spreading.AnswerRefused):
        await spreading.answer(db, clock, await person_id(db, CAMILLA), found.id, egernet, "maybe")
    with pytest.raises(NotAllowed):  # Ahmed is not Egernet's superuser
        await spreading.answer(db, clock, await person_id(db, AHMED), found.id, egernet, "in_use")
    declined = await spreading.answer(
        db,
        clock,
        await person_id(db, CAMILLA),
        found.id,
        egernet,
        "not_for_us",
        " Robotterne kører fast i sand ",
    )
    assert declined.target.reason == "Robotterne kører fast i sand"
    async with db.transaction() as conn:
        assert await adoption_repo.state_of(conn, egernet, tool) == "stopped"
    progress = await spreading.progress(db, clock, tool)
    assert progress.declined == ((EGERNET, "Robotterne kører fast i sand"),)

    await set_tool_status(
        db, clock, tool, "not_recommended", changed_by=await person_id(db, ANNETTE)
    )
    with pytest.raises(spreading.RoundEnded):
        await spreading.answer(db, clock, await person_id(db, AHMED), found.id, regnbuen, "not_yet")


async def test_progress_per_area_week_by_week(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    tool = await ozobot(db)
    await recommend(db, clock, tool)
    await set_adoption(
        db, clock, await person_id(db, LINE), await daycare_id(db, MAELK), tool, "in_use"
    )
    clock.advance(timedelta(weeks=1))
    await set_adoption(
        db,
        clock,
        await person_id(db, AHMED),
        await daycare_id(db, REGNBUEN),
        tool,
        "getting_started",
    )
    clock.advance(timedelta(weeks=1))
    await set_adoption(
        db, clock, await person_id(db, AHMED), await daycare_id(db, REGNBUEN), tool, "in_use"
    )
    await set_adoption(
        db, clock, await person_id(db, CAMILLA), await daycare_id(db, EGERNET), tool, "in_use"
    )
    found = await spreading.progress(db, clock, tool, weeks=3)
    assert [p.day for p in found.points] == ["2026-11-30", "2026-12-07", "2026-12-14"]
    assert [p.in_use for p in found.points] == [1, 1, 3]
    nord = [next(a for a in p.areas if a.area == "Nord") for p in found.points]
    assert [(a.in_use, a.counts["getting_started"], a.daycares) for a in nord] == [
        (1, 0, 3),
        (1, 1, 3),
        (2, 0, 3),
    ]
    assert found.points[-1].daycares == ALL_DAYCARES
    assert found.round is not None and found.round.tool_name == "Ozobot"


async def test_the_export_holds_rounds_and_answers(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    tool = await ozobot(db)
    await recommend(db, clock, tool)
    (found,) = await spreading.all_rounds(db)
    await spreading.answer(
        db, clock, await person_id(db, AHMED), found.id, await daycare_id(db, REGNBUEN), "not_yet"
    )
    document = await export_document(db, clock)
    (exported,) = document["spreading_rounds"]
    assert (exported["tool"], exported["trigger"], exported["ended_at"]) == (
        "Ozobot",
        "recommended",
        None,
    )
    answers = {row["daycare"]: row["answer"] for row in document["spreading_targets"]}
    assert answers[REGNBUEN] == "not_yet" and answers[MAELK] is None
    assert len(answers) == ALL_DAYCARES
