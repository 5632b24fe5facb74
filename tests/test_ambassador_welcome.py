"""Someone who becomes an ambassador is welcomed once, with their area's questions nobody has
taken yet (at most five, each with "Jeg tager den", then "… og N mere"); those who were
ambassadors already, and other roles, are not."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.domain.org import Role
from bot.reminders import ambassador_welcome
from bot.services import reminders
from bot.services.demo import seed_demo
from bot.services.network import snapshot
from bot.services.onboarding import ambassador_welcome_due, plan_welcomes
from bot.services.sparring import ask
from bot.services.sparring_handling import claim, mark_answered
from bot.services.working_time import WorkingCalendar
from bot.views.onboarding import ambassador_welcome_message
from bot.views.sparring import CLAIM, is_listed
from handlers.slack import render
from storage.db import Database
from storage.migrations import migrate
from storage.repositories import org
from tests.conftest import TZ
from tests.people import person_id

#: The kinds' names, as stored with each reminder.
AMBASSADOR_WELCOME = ambassador_welcome.AMBASSADOR_WELCOME.name

CALENDAR = WorkingCalendar(TZ)
ANNETTE, JENS, METTE, LINE, AHMED, CAMILLA = (
    "U0DEMO001",
    "U0DEMO002",
    "U0DEMO003",
    "U0DEMO005",
    "U0DEMO006",
    "U0DEMO007",
)


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> Database:
    await seed_demo(db, clock)
    return db


async def set_role(db: Database, slack_id: str, role: Role, area: str | None, *, on: bool) -> int:
    snap = await snapshot(db)
    person = snap.person(await person_id(db, slack_id))
    assert person is not None
    area_id = next(a.id for a in snap.areas if a.name == area) if area else None
    async with db.transaction() as conn:
        await org.set_role(conn, person.id, role, area_id=area_id, daycare_id=None, present=on)
    return person.id


async def welcomes(db: Database, clock: ManualClock) -> list[tuple[int, str]]:
    rows = await reminders.list_reminders(db, due_only=False, now=clock.now())
    return [(r.recipient, r.dedupe_key) for r in rows if r.kind == AMBASSADOR_WELCOME]


async def question(db: Database, clock: ManualClock, asker: str, n: int) -> int:
    routing = await ask(
        db,
        clock,
        request_key=f"test:{asker}:{n}",
        asker_id=await person_id(db, asker),
        text=f"Spørgsmål {n}: hvordan får vi lyd på Book Creator?",
        tool_id=None,
        hold="never",
    )
    return routing.question.id


def texts(message: dict[str, Any]) -> str:
    return str(message["text"]) + "\n" + str(message["blocks"])


async def test_ambassadors_already_there_and_other_roles_are_not_welcomed_as_ambassadors(
    demo: Database, clock: ManualClock
) -> None:
    await plan_welcomes(demo, clock, CALENDAR)
    await set_role(demo, LINE, "coordinator", None, on=True)
    await set_role(demo, JENS, "leader", None, on=True)
    await plan_welcomes(demo, clock, CALENDAR)
    assert await welcomes(demo, clock) == []


async def test_becoming_an_ambassador_plans_one_welcome_and_again_after_a_break(
    demo: Database, clock: ManualClock
) -> None:
    ahmed = await set_role(demo, AHMED, "ambassador", "Nord", on=True)
    assert await plan_welcomes(demo, clock, CALENDAR) == 1
    assert await plan_welcomes(demo, clock, CALENDAR) == 0
    await set_role(demo, AHMED, "ambassador", "Syd", on=True)  # one more area: not new
    assert await plan_welcomes(demo, clock, CALENDAR) == 0
    ((recipient, key),) = await welcomes(demo, clock)
    assert recipient == ahmed and key.startswith(f"{AMBASSADOR_WELCOME}:{ahmed}:")

    # No longer an ambassador: the welcome is not sent; an ambassador again later: a new one.
    await set_role(demo, AHMED, "ambassador", "Nord", on=False)
    await set_role(demo, AHMED, "ambassador", "Syd", on=False)
    await plan_welcomes(demo, clock, CALENDAR)
    assert await ambassador_welcome_due(demo, ahmed, ahmed) is None
    clock.advance(timedelta(minutes=5))
    await set_role(demo, AHMED, "ambassador", "Nord", on=True)
    assert await plan_welcomes(demo, clock, CALENDAR) == 1
    assert len(await welcomes(demo, clock)) == 2


async def test_the_welcome_lists_the_areas_open_questions_five_and_the_rest_counted(
    demo: Database, clock: ManualClock
) -> None:
    asked = [await question(demo, clock, LINE, n) for n in range(1, 9)]  # eight from Nord
    mette = await person_id(demo, METTE)
    await claim(demo, clock, asked[0], mette)  # taken: not listed
    await mark_answered(demo, clock, asked[1], mette, "Tryk på mikrofonen.")  # answered
    await question(demo, clock, CAMILLA, 9)  # Syd: another area
    ahmed = await set_role(demo, AHMED, "ambassador", "Nord", on=True)
    welcome = await ambassador_welcome_due(demo, ahmed, ahmed)
    assert welcome is not None
    assert [q.id for q in welcome.open_questions] == asked[2:]

    message = render.message(ambassador_welcome_message("da", welcome))
    shown = texts(message)
    assert "Hej Ahmed! Du er nu ambassadør for område Nord." in shown
    assert "som ingen har taget endnu (6)" in shown
    listed = [b for b in message["blocks"] if is_listed(b.get("block_id"))]
    assert [b["accessory"]["value"] for b in listed] == [str(i) for i in asked[2:7]]
    assert {b["accessory"]["action_id"] for b in listed} == {CLAIM}
    assert {b["accessory"]["text"]["text"] for b in listed} == {"Jeg tager den"}
    assert "… og 1 mere." in shown
    assert "Spørgsmål 3: hvordan får vi lyd" in shown and "Spørgsmål 9" not in shown
    assert "/tool-test" in shown  # the ambassador's commands
    english = texts(render.message(ambassador_welcome_message("en", welcome)))
    assert "You are now an ambassador for area Nord" in english
    assert "nobody has taken yet (6)" in english and "… and 1 more." in english


async def test_with_no_open_questions_the_welcome_says_so(
    demo: Database, clock: ManualClock
) -> None:
    ahmed = await set_role(demo, AHMED, "ambassador", "Syd", on=True)
    welcome = await ambassador_welcome_due(demo, ahmed, ahmed)
    assert welcome is not None and welcome.open_questions == ()
    shown = texts(render.message(ambassador_welcome_message("da", welcome)))
    assert "ingen ubesvarede spørgsmål fra dit område lige nu" in shown
    assert "Jeg tager den" not in shown


async def test_the_upgrade_welcomes_none_of_the_ambassadors_already_there(
    tmp_path: Path, clock: ManualClock
) -> None:
    db = await Database.open(tmp_path / "old.db")
    try:
        # A database from before 0024: every migration, with 0024 taken back out (the people
        # are written the way the code writes them now).
        await migrate(db, clock)
        async with db.transaction() as conn:
            await conn.execute("DROP TABLE ambassador_welcomes")
            await conn.execute("DELETE FROM _migrations WHERE name = '0024_ambassador_welcomes'")
        async with db.transaction() as conn:
            nord = await org.insert_area(conn, "Nord", "then")
            karen = await org.insert_member(
                conn, "slack", "U0KAREN01", "Karen Dahl", None, None, "then"
            )
            await org.set_role(
                conn, karen, "ambassador", area_id=nord, daycare_id=None, present=True
            )
        assert "0024_ambassador_welcomes" in await migrate(db, clock)
        await plan_welcomes(db, clock, CALENDAR)
        assert await welcomes(db, clock) == []
    finally:
        await db.close()
