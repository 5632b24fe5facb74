"""Adoption per daycare and tool: state changes with who and when, who may set them, a
repeated click, and a test result marking a daycare "getting started" (never lower)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import ManualClock, utc_iso
from bot.domain.tool_tests import ResultDraft
from bot.errors import NotAllowed
from bot.services import identities
from bot.services.adoption import (
    AdoptionRefused,
    daycare_tools,
    set_adoption,
    settable_daycares,
    summary,
)
from bot.services.demo import seed_demo
from bot.services.export import export_document
from bot.services.guides import find_tool
from bot.services.tool_tests import save_result
from storage.db import Database
from storage.repositories import adoption as repo
from storage.repositories import org
from tests.people import person_id

ANNETTE, METTE, SOEREN, LINE, AHMED, CAMILLA = (
    "U0DEMO001",
    "U0DEMO003",
    "U0DEMO004",
    "U0DEMO005",
    "U0DEMO006",
    "U0DEMO007",
)
MAELK, REGNBUEN, EGERNET = (
    "Børnehuset Mælkebøtten",
    "Børnehaven Regnbuen",
    "Skovbørnehaven Egernet",
)


async def ids(db: Database, daycare: str, tool: str = "Bee-Bot") -> tuple[int, int]:
    found = await find_tool(db, tool)
    assert found is not None
    return next(d.id for d in await org.all_daycares(db) if d.name == daycare), found.id


async def test_each_change_is_recorded_with_who_and_when(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    maelk, bee = await ids(db, MAELK)
    first = await set_adoption(db, clock, await person_id(db, LINE), maelk, bee, "getting_started")
    assert first.changed
    assert (first.adoption.state, first.adoption.changed_by) == (
        "getting_started",
        await person_id(db, LINE),
    )
    assert first.adoption.changed_at == utc_iso(clock.now())
    clock.advance(timedelta(days=3))
    used = await set_adoption(db, clock, await person_id(db, LINE), maelk, bee, "in_use")
    assert used.adoption.state == "in_use"
    assert used.adoption.changed_at == utc_iso(clock.now())
    clock.advance(timedelta(days=30))
    stopped = await set_adoption(
        db,
        clock,
        await person_id(db, METTE),
        maelk,
        bee,
        "stopped",
        "  Robotterne gik i stykker.  ",
    )
    assert (stopped.adoption.state, stopped.adoption.reason) == (
        "stopped",
        "Robotterne gik i stykker.",
    )
    history = await repo.changes(db, maelk, bee)
    line, mette = await person_id(db, LINE), await person_id(db, METTE)
    assert [(c["from_state"], c["to_state"], c["changed_by"]) for c in history] == [
        ("not_started", "getting_started", line),
        ("getting_started", "in_use", line),
        ("in_use", "stopped", mette),
    ]
    document = await export_document(db, clock)
    assert document["adoption"][0]["state"] == "stopped"
    assert len(document["adoption_changes"]) == 3
    assert document["adoption_changes"][2]["daycare"] == MAELK


async def test_a_repeated_click_changes_nothing(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    maelk, bee = await ids(db, MAELK)
    await set_adoption(db, clock, await person_id(db, LINE), maelk, bee, "in_use")
    clock.advance(timedelta(minutes=1))
    again = await set_adoption(db, clock, await person_id(db, LINE), maelk, bee, "in_use")
    assert not again.changed
    assert len(await repo.changes(db, maelk, bee)) == 1
    nothing = await set_adoption(
        db, clock, await person_id(db, AHMED), *(await ids(db, REGNBUEN)), "not_started"
    )
    assert not nothing.changed


async def test_stopping_needs_a_reason_and_only_known_states_are_saved(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    maelk, bee = await ids(db, MAELK)
    with pytest.raises(AdoptionRefused) as refused:
        await set_adoption(db, clock, await person_id(db, LINE), maelk, bee, "stopped", "   ")
    assert refused.value.errors["reason"][0] == "adoption.error.reason_missing"
    with pytest.raises(AdoptionRefused):
        await set_adoption(db, clock, await person_id(db, LINE), maelk, bee, "adopted")
    with pytest.raises(AdoptionRefused):
        await set_adoption(db, clock, await person_id(db, LINE), maelk, bee, "stopped", "x" * 501)
    assert await repo.changes(db, maelk, bee) == []


async def test_who_may_set_it(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    maelk, bee = await ids(db, MAELK)
    egernet, _ = await ids(db, EGERNET)
    with pytest.raises(NotAllowed):  # a superuser, for another daycare
        await set_adoption(db, clock, await person_id(db, AHMED), maelk, bee, "in_use")
    with pytest.raises(NotAllowed):  # an ambassador, outside their areas
        await set_adoption(db, clock, await person_id(db, METTE), egernet, bee, "in_use")
    stranger = await identities.person_for(db, clock, "slack", "U0STRANGER")
    with pytest.raises(NotAllowed):  # not in the organisation (a guest)
        await set_adoption(db, clock, stranger, maelk, bee, "in_use")
    assert (
        await set_adoption(db, clock, await person_id(db, SOEREN), egernet, bee, "in_use")
    ).changed
    assert (
        await set_adoption(db, clock, await person_id(db, ANNETTE), maelk, bee, "in_use")
    ).changed
    assert [d.name for d in await settable_daycares(db, await person_id(db, METTE))] == [
        "Børnehaven Regnbuen",
        "Børnehuset Mælkebøtten",
        "Vuggestuen Solsikken",
    ]
    assert [d.name for d in await settable_daycares(db, await person_id(db, LINE))] == [MAELK]
    assert len(await settable_daycares(db, await person_id(db, ANNETTE))) == 7
    with pytest.raises(LookupError):
        await set_adoption(db, clock, await person_id(db, ANNETTE), 9999, bee, "in_use")


async def test_a_result_marks_the_daycare_getting_started_but_never_lower(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    maelk, bee = await ids(db, MAELK)
    regnbuen, _ = await ids(db, REGNBUEN)
    today = clock.now().date()
    await save_result(
        db,
        clock,
        await person_id(db, METTE),
        ResultDraft(tool_id=bee, tested_on=today, daycare_id=maelk, rating=4),
        request_key="R1",
    )
    async with db.transaction() as conn:
        assert await repo.state_of(conn, maelk, bee) == "getting_started"
    (change,) = await repo.changes(db, maelk, bee)
    assert change["changed_by"] == await person_id(db, METTE)
    await set_adoption(db, clock, await person_id(db, AHMED), regnbuen, bee, "in_use")
    await save_result(
        db,
        clock,
        await person_id(db, METTE),
        ResultDraft(tool_id=bee, tested_on=today, daycare_id=regnbuen, rating=5),
        request_key="R2",
    )
    async with db.transaction() as conn:
        assert await repo.state_of(conn, regnbuen, bee) == "in_use"
    assert len(await repo.changes(db, regnbuen, bee)) == 1


async def test_the_summary_counts_and_names_the_neighbours(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    maelk, bee = await ids(db, MAELK)
    egernet, _ = await ids(db, EGERNET)
    await set_adoption(db, clock, await person_id(db, LINE), maelk, bee, "in_use")
    await set_adoption(db, clock, await person_id(db, CAMILLA), egernet, bee, "in_use")
    seen = await summary(db, bee, await person_id(db, AHMED))
    assert (seen.in_use, seen.daycares) == (2, 7)
    assert seen.neighbours == (MAELK,)  # Egernet is in Syd, not Ahmed's area
    assert seen.own_daycare_name == REGNBUEN
    assert seen.own_state == "not_started"
    own = await summary(db, bee, await person_id(db, LINE))
    assert own.neighbours == ()
    assert own.own_state == "in_use"
    assert not own.sets_for_others
    assert (await summary(db, bee, await person_id(db, METTE))).sets_for_others
    assert [a.tool_name for a in await daycare_tools(db, maelk)] == ["Bee-Bot"]
