"""Which test and daycare a result written in the test channel belongs to: the author's own
running test of the tool — among several, the one covering the daycare the text names."""

from __future__ import annotations

from datetime import date

from bot.clock import ManualClock
from bot.domain.refs import MessageRef
from bot.domain.tool_tests import ResultDraft, TestPlan
from bot.services import trial_channel
from bot.services.demo import seed_demo
from bot.services.guides import find_tool
from bot.services.tool_tests import running_tests, start_test
from storage.db import Database
from storage.repositories import org
from tests.people import person_id

METTE, SOEREN = "U0DEMO003", "U0DEMO004"
TODAY = date(2026, 11, 30)


async def drafted(db: Database, author: str, text: str) -> ResultDraft:
    """The draft the test channel's message `text` by the Slack user `author` gives."""
    found = await trial_channel.read(db, text)
    assert found.tool is not None
    message = MessageRef("slack", "C0T", "1.1")
    person = await person_id(db, author)
    return await trial_channel.draft_from(
        db, found, found.tool.id, person, TODAY, message=message, link=None
    )


async def daycare(db: Database, name: str) -> int:
    return next(d.id for d in await org.all_daycares(db) if d.name == name)


async def test_among_several_tests_the_daycare_named_chooses(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    ozobot = await find_tool(db, "Ozobot")
    assert ozobot is not None
    soeren = await person_id(db, SOEREN)
    (egernet_test,) = await running_tests(db, soeren)
    havblik = await daycare(db, "Dagtilbud Havblik")
    plan = TestPlan(ozobot.id, "Også de store?", daycare_ids=(havblik,))
    havblik_test = await start_test(db, clock, soeren, plan, request_key="T1")

    named = await drafted(db, SOEREN, "#test Ozobot i havblik: 3/5, 5 børn")
    assert (named.test_id, named.daycare_id, named.children) == (havblik_test.id, havblik, 5)
    egernet = await drafted(db, SOEREN, "#test Ozobot i Egernet 4/5")
    assert (egernet.test_id, egernet.daycare_id) == (
        egernet_test.id,
        await daycare(db, "Skovbørnehaven Egernet"),
    )
    unnamed = await drafted(db, SOEREN, "#test Ozobot 4/5")  # which of the two? not guessed
    assert (unnamed.test_id, unnamed.daycare_id) == (None, None)


async def test_someone_else_s_test_is_not_theirs(db: Database, clock: ManualClock) -> None:
    """Mette writes about Ozobot in Egernet: the daycare is hers to name, Søren's test not."""
    await seed_demo(db, clock)
    found = await drafted(db, METTE, "#test Ozobot i Egernet 4/5, 25 min")
    assert (found.test_id, found.daycare_id, found.minutes_spent) == (
        None,
        await daycare(db, "Skovbørnehaven Egernet"),
        25,
    )


async def test_numbers_a_form_would_refuse_are_left_for_the_modal(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    found = await drafted(db, SOEREN, "#test Ozobot 4/5, 250 børn, 900 minutter")
    assert (found.children, found.minutes_spent) == (None, None)
