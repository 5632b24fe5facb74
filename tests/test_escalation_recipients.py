"""Who a sparring question's escalations go to, on real SQLite: the second goes only to
those who did not get the first — someone whose first is still on its way (a pause, a retry)
waits for that one, someone whose first was cancelled gets the second — and a second planned
before this rule for someone told already is not sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from bot.clock import ManualClock
from bot.reminders import escalation
from bot.services import reminders
from bot.services.demo import seed_demo
from bot.services.sparring import ask, get_question, mark_delivered
from bot.services.sparring_escalation import plan_escalations
from bot.services.sparring_handling import claim
from bot.services.working_time import WorkingCalendar
from bot.views.nudges import escalation_message
from bot.views.sparring import CLAIM, is_listed
from handlers.slack import render
from storage.db import Database
from tests.conftest import TZ
from tests.people import person_id

#: The kinds' names, as stored with each reminder.
ESCALATION = escalation.ESCALATION.name

CALENDAR = WorkingCalendar(TZ)
ANNETTE, METTE, SOEREN, LINE = "U0DEMO001", "U0DEMO003", "U0DEMO004", "U0DEMO005"


@pytest.fixture
async def question(db: Database, clock: ManualClock) -> int:
    """Line's question (area Nord, whose ambassador is Mette), delivered now."""
    await seed_demo(db, clock)
    routing = await ask(
        db,
        clock,
        request_key="test:1",
        asker_id=await person_id(db, LINE),
        text="Hvordan får vi lyd på Book Creator?",
        tool_id=None,
        hold="never",
    )
    await mark_delivered(db, clock, routing.question.id)
    return routing.question.id


@dataclass(frozen=True)
class Ids:
    """The demo's people by person id (the core's), named as the demo's Slack ids above."""

    ANNETTE: int
    METTE: int
    SOEREN: int
    LINE: int


@pytest.fixture
async def ids(db: Database, question: int) -> Ids:
    return Ids(*[await person_id(db, slack) for slack in (ANNETTE, METTE, SOEREN, LINE)])


async def planned(db: Database, clock: ManualClock) -> dict[tuple[int, int], object]:
    rows = await reminders.list_reminders(db, due_only=False, now=clock.now())
    return {(int(r.payload["level"]), r.recipient): r.state for r in rows if r.kind == ESCALATION}


async def test_the_second_is_planned_for_those_not_told_the_first(
    db: Database, clock: ManualClock, question: int, ids: Ids
) -> None:
    await plan_escalations(db, clock, CALENDAR)
    assert set(await planned(db, clock)) == {(1, ids.METTE), (2, ids.SOEREN), (2, ids.ANNETTE)}

    # Mette's first is cancelled (not sent): she did not get it, so the second is for her.
    assert await reminders.cancel(db, clock, dedupe_key=f"{ESCALATION}:{question}:1:{ids.METTE}")
    await plan_escalations(db, clock, CALENDAR)
    assert (2, ids.METTE) in await planned(db, clock)


async def test_a_second_planned_before_for_someone_told_is_not_sent(
    db: Database, clock: ManualClock, question: int, ids: Ids
) -> None:
    await plan_escalations(db, clock, CALENDAR)
    # As the rule before: a second for Mette too, planned ahead.
    old = await reminders.schedule(
        db,
        clock,
        kind=ESCALATION,
        recipient=ids.METTE,
        due=datetime(2026, 12, 2, 9, 0, tzinfo=TZ),
        payload={"question_id": question, "level": 2, "hours": 16},
        dedupe_key=f"{ESCALATION}:{question}:2:{ids.METTE}",
        calendar=CALENDAR,
    )
    assert old is not None
    clock.move_to(datetime(2026, 12, 1, 10, 0, tzinfo=TZ))  # the first is due
    (first,) = await reminders.claim_due(db, clock, worker="test", limit=10, kinds={ESCALATION})
    assert (first.recipient, first.payload["level"]) == (ids.METTE, 1)
    assert await reminders.mark_sent(db, clock, first.id)

    await plan_escalations(db, clock, CALENDAR)
    states = await planned(db, clock)
    assert (2, ids.METTE) not in states  # cancelled: no longer scheduled
    assert {(2, ids.SOEREN), (2, ids.ANNETTE)} <= set(states)
    row = await reminders.get_reminder(db, old.id)
    assert row is not None and row.state == "cancelled"


async def test_the_escalation_offers_jeg_tager_den_until_someone_has_it(
    db: Database, clock: ManualClock, question: int, ids: Ids
) -> None:
    found = await get_question(db, question)
    assert found is not None
    for lang, label in (("da", "Jeg tager den"), ("en", "I'll take it")):
        message = render.message(
            escalation_message(lang, found, level=2, hours=16, channel_id=None, reminder_id=1)
        )
        (row,) = [b for b in message["blocks"] if b["type"] == "actions"]
        assert is_listed(row.get("block_id"))
        claim_button = row["elements"][0]
        assert (claim_button["action_id"], claim_button["value"]) == (CLAIM, str(question))
        assert claim_button["text"]["text"] == label
    await claim(db, clock, question, ids.SOEREN)
    taken = await get_question(db, question)
    assert taken is not None
    message = render.message(
        escalation_message("da", taken, level=1, hours=8, channel_id=None, reminder_id=1)
    )
    assert CLAIM not in str(message["blocks"])
