"""The App Home per role, on the demo municipality: what Line (superuser), Mette (ambassador),
Annette (coordinator) and Jens (leader) find there, who may record a decision on a tool, and
that a double click keeps one decision — which then shows on the tool and in the pulse."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import ManualClock
from bot.domain.home import Home
from bot.domain.tool_tests import TestPlan
from bot.domain.trainings import TrainingPlan
from bot.errors import NotAllowed
from bot.services import identities, spreading
from bot.services.adoption import set_adoption
from bot.services.demo import seed_demo
from bot.services.guides import browse_guides, find_tool, set_tool_status, tool_decisions
from bot.services.home import decide, decisions_to_make, home_for
from bot.services.pulse import build_pulse, current_week
from bot.services.sparring import ask
from bot.services.sparring_handling import claim
from bot.services.tool_guide import card
from bot.services.tool_tests import start_test
from bot.services.trainings import answer, plan_training, record_attendance
from bot.services.working_time import WorkingCalendar
from bot.views.decisions import DECIDE
from bot.views.home import BLOCKS_MAX, home_view
from handlers.slack.messenger import SlackMessenger, slack_people
from storage.db import Database
from storage.repositories import org
from tests.people import member, person_id

TZ = ZoneInfo("Europe/Copenhagen")


async def shown_home(db: Database, lang: str, home: Home) -> dict[str, Any]:
    """The Home tab as Slack gets it: each person it mentions by their Slack id."""
    messenger = SlackMessenger(AsyncWebClient(), slack_people(db))
    return await messenger.home(home_view(lang, home, TZ))


CALENDAR = WorkingCalendar(TZ)
ANNETTE, JENS, METTE, SOEREN = "U0DEMO001", "U0DEMO002", "U0DEMO003", "U0DEMO004"
LINE, AHMED, OLIVER = "U0DEMO005", "U0DEMO006", "U0DEMO008"
STRANGER = "U0STRANGER"


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> AsyncIterator[Database]:
    await seed_demo(db, clock)
    yield db


async def tool_id(db: Database, name: str) -> int:
    tool = await find_tool(db, name)
    assert tool is not None, name
    return tool.id


async def daycare_id(db: Database, name: str) -> int:
    return next(d.id for d in await org.all_daycares(db) if d.name == name)


async def area_id(db: Database, name: str) -> int:
    return next(a.id for a in await org.all_areas(db) if a.name == name)


async def who(db: Database, clock: ManualClock, user: str) -> int:
    """The person behind a Slack id; someone the bot has not met is a guest, as the front end
    makes them."""
    return await identities.person_for(db, clock, "slack", user)


async def home(db: Database, clock: ManualClock, user: str) -> Home:
    return await home_for(db, clock, CALENDAR, await who(db, clock, user))


async def plan_nord_training(db: Database, clock: ManualClock, tool: str = "Bee-Bot") -> int:
    planned = await plan_training(
        db,
        clock,
        CALENDAR,
        await person_id(db, METTE),
        TrainingPlan(
            await tool_id(db, tool),
            await area_id(db, "Nord"),
            date(2026, 12, 7),
            time(13),
            "Salen i Mælkebøtten",
            12,
        ),
        request_key=f"test:{tool}",
    )
    return planned.training.id


async def ask_question(db: Database, clock: ManualClock, who: str, text: str) -> int:
    routing = await ask(
        db,
        clock,
        request_key=f"test:{who}:{text}",
        asker_id=await person_id(db, who),
        text=text,
        tool_id=None,
        hold="never",
    )
    return routing.question.id


# -- superuser --------------------------------------------------------------------------------


async def test_line_sees_tools_to_try_trainings_her_questions_and_her_ambassador(
    demo: Database, clock: ManualClock
) -> None:
    maelk = await daycare_id(demo, "Børnehuset Mælkebøtten")
    line = await person_id(demo, LINE)
    await set_adoption(demo, clock, line, maelk, await tool_id(demo, "Bee-Bot"), "in_use")
    await set_adoption(
        demo, clock, line, maelk, await tool_id(demo, "Book Creator"), "getting_started"
    )
    training = await plan_nord_training(demo, clock, "Digitalt mikroskop")
    await answer(demo, clock, CALENDAR, line, training, "yes")
    await ask_question(
        demo, clock, LINE, "Hvordan deler vi en bog fra Book Creator med forældrene?"
    )
    await ask_question(demo, clock, AHMED, "Kan Bee-Bot køre på gulvtæppe?")

    found = await home(demo, clock, LINE)
    assert found.ambassador is None and found.leadership is None
    part = found.superuser
    assert part is not None
    assert (part.daycare, part.area) == ("Børnehuset Mælkebøtten", "Nord")
    # Bee-Bot is in use there: not listed; the others are, each with a guide to open.
    assert [(t.tool, t.state) for t in part.tools] == [
        ("Book Creator", "getting_started"),
        ("Digitalt mikroskop", "not_started"),
    ]
    assert all(t.guide_id is not None for t in part.tools)
    assert [t.id for t in part.trainings] == [training]
    assert part.answer_to(training) == "yes"
    assert [q.asker_id for q in part.questions] == [line]  # not Ahmed's
    assert [p.id for p in part.ambassadors] == [await person_id(demo, METTE)]

    view = await shown_home(demo, "da", found)
    shown = str(view)
    assert "Superbruger i Børnehuset Mælkebøtten" in shown
    assert "*Jeres ambassadør:* <@U0DEMO003>" in shown
    assert "du har sagt ja" in shown and "Salen i Mælkebøtten" in shown
    assert "Bee-Bot" not in shown
    assert "Hvordan deler vi en bog fra Book Creator med forældrene?" in shown


async def test_oliver_has_no_ambassador_and_is_told_whom_to_ask_in_english(
    demo: Database, clock: ManualClock
) -> None:
    found = await home(demo, clock, OLIVER)
    assert found.superuser is not None and found.superuser.ambassadors == ()
    shown = str(await shown_home(demo, "en", found))
    assert "*Øst has no ambassador right now* – ask <@U0DEMO001>." in shown


async def test_someone_outside_the_organisation_is_told_to_ask_the_coordinator(
    demo: Database, clock: ManualClock
) -> None:
    found = await home(demo, clock, STRANGER)
    assert found.person is None
    assert [p.id for p in found.coordinators] == [await person_id(demo, ANNETTE)]
    view = await shown_home(demo, "da", found)
    assert "Spørg <@U0DEMO001>, så bliver du sat op" in str(view)
    assert "home_decide" not in str(view)


# -- ambassador -------------------------------------------------------------------------------


async def test_mette_sees_her_tests_questions_guides_due_and_superusers_to_train(
    demo: Database, clock: ManualClock
) -> None:
    regnbuen = await daycare_id(demo, "Børnehaven Regnbuen")
    mette, line = await person_id(demo, METTE), await person_id(demo, LINE)
    await start_test(
        demo,
        clock,
        mette,
        TestPlan(
            tool_id=await tool_id(demo, "Makey Makey"),
            question="Kan de yngste lave musik med bananer?",
            daycare_ids=(regnbuen,),
            starts_on=date(2026, 11, 30),
            checkpoint_weeks=(2, 4),
        ),
        request_key="test:makey",
    )
    unclaimed = await ask_question(demo, clock, LINE, "Hvordan lader vi Bee-Bot op?")
    mine = await ask_question(demo, clock, AHMED, "Må børnene selv tage billeder med iPad?")
    theirs = await ask_question(demo, clock, AHMED, "Hvor finder jeg Book Creator-kontoen?")
    await ask_question(demo, clock, "U0DEMO007", "Kan Ozobot køre i sandkassen?")  # Syd
    await claim(demo, clock, mine, mette)
    await claim(demo, clock, theirs, await person_id(demo, ANNETTE))
    # Line came to a training; Ahmed did not.
    training = await plan_nord_training(demo, clock)
    await answer(demo, clock, CALENDAR, line, training, "yes")
    clock.move_to(datetime(2026, 12, 7, 15, 0, tzinfo=TZ))
    await record_attendance(demo, clock, mette, training, [line])

    found = await home(demo, clock, METTE)
    assert found.superuser is None and found.leadership is None
    part = found.ambassador
    assert part is not None and part.areas == ("Nord",)
    (test,) = part.tests
    assert (test.test.tool.name, test.next_checkpoint, test.overdue) == (
        "Makey Makey",
        "2026-12-14",
        False,
    )
    assert [q.id for q in part.questions] == [unclaimed, mine]  # not Annette's, not Syd's
    assert part.guides_due == ()  # the demo's guides were imported today
    assert [(s.person.id, s.daycare) for s in part.to_train] == [
        (await person_id(demo, AHMED), "Børnehaven Regnbuen")
    ]
    shown = str(await shown_home(demo, "da", found))
    assert "• *Makey Makey* – næste tjekpunkt 14. dec. 2026" in shown
    assert "Må børnene selv tage billeder med iPad? – <@U0DEMO006>" in shown
    assert "_(du har taget det)_" in shown
    assert "Hvor finder jeg Book Creator-kontoen?" not in shown


async def test_guides_past_their_interval_are_due_for_their_owner(
    demo: Database, clock: ManualClock
) -> None:
    clock.advance(timedelta(days=200))
    mette = (await home(demo, clock, METTE)).ambassador
    soeren = (await home(demo, clock, SOEREN)).ambassador
    assert mette is not None and soeren is not None
    assert mette.guides_due and soeren.guides_due
    mine = {g.guide_id for g in mette.guides_due}
    assert mine.isdisjoint({g.guide_id for g in soeren.guides_due})
    assert all(g.checked_on == "2026-11-30" for g in mette.guides_due)


async def test_long_lists_are_cut_with_how_many_more(demo: Database, clock: ManualClock) -> None:
    for n in range(13):
        await ask_question(demo, clock, LINE, f"Spørgsmål nummer {n} om Bee-Bot og tal?")
    found = await home(demo, clock, METTE)
    assert found.ambassador is not None and len(found.ambassador.questions) == 13
    shown = str(await shown_home(demo, "da", found))
    assert "nummer 9 " in shown and "nummer 10 " not in shown
    assert "_… og 3 mere_" in shown


# -- coordinator and leader -------------------------------------------------------------------


async def test_leaders_see_the_pulse_the_gaps_and_the_decisions_to_make(
    demo: Database, clock: ManualClock
) -> None:
    ozobot = await tool_id(demo, "Ozobot")
    await set_tool_status(
        demo, clock, ozobot, "evaluated", changed_by=await person_id(demo, SOEREN)
    )
    for who in (ANNETTE, JENS):
        found = await home(demo, clock, who)
        assert found.superuser is None and found.ambassador is None
        part = found.leadership
        assert part is not None
        assert part.pulse.period == current_week(clock)
        assert [a.area for a in part.pulse.areas] == ["Nord", "Syd", "Øst"]
        assert part.pulse.gaps.areas_without_ambassador == ("Øst",)
        # Ozobot waits for a verdict; Bee-Bot already has a decision to spread it.
        assert [(d.tool, d.reason) for d in part.decisions] == [
            ("Ozobot", "verdict"),
            ("Book Creator", "spreading"),
            ("Digitalt mikroskop", "spreading"),
        ]
    view = await shown_home(demo, "da", found)
    shown = str(view)
    assert "*Nord* – testresultater: 0" in shown
    assert "Områder uden ambassadør: Øst" in shown
    assert "*Ozobot* er evalueret og venter på jeres beslutning." in shown
    buttons = [
        e
        for b in view["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] in DECIDE.values()
    ]
    assert len(buttons) == 9
    assert [b["text"]["text"] for b in buttons[:3]] == ["Godkend", "Stop", "Spred"]
    assert all(b["confirm"]["title"]["text"] for b in buttons)
    assert buttons[2]["value"] == str(ozobot)


async def test_a_person_with_several_roles_sees_each_part(
    demo: Database, clock: ManualClock
) -> None:
    nord = await area_id(demo, "Nord")
    line = await member(demo, LINE)
    assert line is not None
    async with demo.transaction() as conn:
        await org.add_role(conn, line.id, "ambassador", area_id=nord)
    found = await home(demo, clock, LINE)
    assert found.superuser is not None and found.ambassador is not None
    shown = str(await shown_home(demo, "da", found))
    assert "Ambassadør for Nord" in shown and "Superbruger i Børnehuset Mælkebøtten" in shown


async def test_every_role_at_once_with_long_lists_stays_under_slacks_block_limit(
    demo: Database, clock: ManualClock
) -> None:
    ozobot = await tool_id(demo, "Ozobot")
    await set_tool_status(
        demo, clock, ozobot, "evaluated", changed_by=await person_id(demo, SOEREN)
    )
    await plan_nord_training(demo, clock)
    leader = await home(demo, clock, JENS)
    superuser = await home(demo, clock, LINE)
    assert leader.leadership is not None and superuser.superuser is not None
    many = replace(
        leader,
        leadership=replace(leader.leadership, decisions=leader.leadership.decisions * 20),
        ambassador=(await home(demo, clock, METTE)).ambassador,
        superuser=replace(
            superuser.superuser,
            tools=superuser.superuser.tools * 20,
            trainings=superuser.superuser.trainings * 20,
        ),
    )
    view = await shown_home(demo, "da", many)
    assert len(view["blocks"]) <= BLOCKS_MAX
    shown = str(view)
    assert "_… og 50 mere_" in shown  # 60 decisions, 10 shown
    assert "_… og 52 mere_" in shown  # 60 tools, 8 shown
    assert "_… og 15 mere_" in shown  # 20 trainings, 5 shown
    assert "Der er mere, end siden kan vise" not in shown  # nothing cut at the end


# -- decisions --------------------------------------------------------------------------------


async def test_only_leaders_and_coordinators_record_decisions(
    demo: Database, clock: ManualClock
) -> None:
    tool = await tool_id(demo, "Book Creator")
    for user in (METTE, LINE, STRANGER):
        with pytest.raises(NotAllowed):
            await decide(demo, clock, await who(demo, clock, user), tool, "to_be_spread")
    assert await tool_decisions(demo, tool) == []
    jens, annette = await person_id(demo, JENS), await person_id(demo, ANNETTE)
    with pytest.raises(LookupError):
        await decide(demo, clock, jens, 99999, "approved")
    outcome = await decide(demo, clock, annette, tool, "approved")
    assert outcome.recorded and outcome.decided_on == "2026-11-30"


async def test_a_double_click_keeps_one_decision(demo: Database, clock: ManualClock) -> None:
    ozobot = await tool_id(demo, "Ozobot")
    await set_tool_status(
        demo, clock, ozobot, "evaluated", changed_by=await person_id(demo, SOEREN)
    )
    jens, annette = await person_id(demo, JENS), await person_id(demo, ANNETTE)
    first = await decide(demo, clock, jens, ozobot, "to_be_spread")
    clock.advance(timedelta(seconds=20))
    second = await decide(demo, clock, jens, ozobot, "to_be_spread")
    assert (first.recorded, first.spreading_started) == (True, True)
    assert (second.recorded, second.spreading_started) == (False, False)
    (kept,) = await tool_decisions(demo, ozobot)
    assert (kept.decision, kept.decided_on, kept.recorded_by) == (
        "to_be_spread",
        "2026-11-30",
        jens,
    )
    rounds = [r for r in await spreading.all_rounds(demo) if r.tool_id == ozobot]
    assert len(rounds) == 1 and rounds[0].trigger == "decision"
    # Another decision (or another person) is a decision of its own.
    assert (await decide(demo, clock, jens, ozobot, "approved")).recorded
    assert (await decide(demo, clock, annette, ozobot, "approved")).recorded
    assert len(await tool_decisions(demo, ozobot)) == 3


async def test_a_decision_leaves_the_list_shows_on_the_tool_and_in_the_pulse(
    demo: Database, clock: ManualClock
) -> None:
    ozobot = await tool_id(demo, "Ozobot")
    await set_tool_status(
        demo, clock, ozobot, "evaluated", changed_by=await person_id(demo, SOEREN)
    )
    clock.advance(timedelta(minutes=5))
    jens = await person_id(demo, JENS)
    await decide(demo, clock, jens, ozobot, "approved")
    assert "Ozobot" not in [d.tool for d in await decisions_to_make(demo)]
    # Approving a recommended tool keeps it on the list until it is spread (or stopped).
    book = await tool_id(demo, "Book Creator")
    await decide(demo, clock, jens, book, "approved")
    waiting = {d.tool: d for d in await decisions_to_make(demo)}
    assert waiting["Book Creator"].latest is not None
    await decide(demo, clock, jens, book, "stopped")
    assert "Book Creator" not in [d.tool for d in await decisions_to_make(demo)]

    guide = next(g.guide_id for g in await browse_guides(demo) if g.tool_name == "Ozobot")
    shown = await card(demo, guide, await person_id(demo, LINE))
    assert shown is not None and shown.decision is not None
    assert (shown.decision.decision, shown.decision.decided_on) == ("approved", "2026-11-30")
    clock.advance(timedelta(minutes=1))  # the pulse counts up to now, not including it
    pulse = await build_pulse(demo, clock, CALENDAR, current_week(clock))
    made = [(d.tool, d.decision) for d in pulse.decisions_made]
    assert made[-3:] == [
        ("Ozobot", "approved"),
        ("Book Creator", "approved"),
        ("Book Creator", "stopped"),
    ]
