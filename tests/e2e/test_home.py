"""The App Home through Slack: opening the Home tab publishes what is each person's to do;
Jens records "Spred" on a tool waiting for a verdict and the decision is kept, a spreading
round starts, his Home no longer asks, the tool's guide card shows it and the week's pulse
lists it; Mette's click on a decision button is refused; Line answers a training and opens a
guide from her Home, by DM (a Home has no response_url)."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from bot.clock import ManualClock
from bot.domain.trainings import TrainingPlan
from bot.local import LocalSlack
from bot.services import spreading
from bot.services.guides import find_tool, set_tool_status, tool_decisions
from bot.services.pulse import build_pulse, current_week
from bot.services.trainings import plan_training
from bot.standin import RecordedCall
from tests.conftest import shown_text
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts
from tests.e2e.test_tool_guide import choose, menu, tool_guide
from tests.e2e.test_trainings import all_ok
from tests.people import person_id
from tests.test_home import CALENDAR, area_id, tool_id

JENS = "U0DEMO002"  # leader
SOEREN = "U0DEMO004"  # ambassador in Syd
AHMED = "U0DEMO006"  # superuser in Børnehaven Regnbuen, area Nord
LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
STRANGER = "U0STRANGER"
SPREAD = "home_decide_to_be_spread"


async def open_home(slack: LocalSlack, user: str, tab: str = "home") -> list[RecordedCall]:
    mark = slack.standin.mark()
    result = await slack.driver.event(
        {
            "type": "app_home_opened",
            "user": user,
            "channel": f"D{user[1:]}",
            "tab": tab,
            "event_ts": "1764489600.000100",
        }
    )
    await slack.settle()
    assert result.status == 200
    return all_ok(slack.standin.calls_since(mark))


def home_of(slack: LocalSlack, user: str) -> dict[str, Any]:
    view = slack.standin.home_view(user)
    assert view is not None, f"no Home published for {user}"
    return view


def home_text(slack: LocalSlack, user: str) -> str:
    """Every text a person reads on their Home."""
    return shown_text({"blocks": home_of(slack, user)["blocks"]})


def action_ids(view: dict[str, Any]) -> list[str]:
    found = []
    for block in view["blocks"]:
        elements = list(block.get("elements", [])) if block["type"] == "actions" else []
        if block.get("accessory"):
            elements.append(block["accessory"])
        found += [e["action_id"] for e in elements if "action_id" in e]
    return found


async def click_home(
    slack: LocalSlack, user: str, action_id: str, value: str
) -> list[RecordedCall]:
    mark = slack.standin.mark()
    view = home_of(slack, user)
    result = await slack.driver.click(user, action_id=action_id, value=value, view_id=view["id"])
    await slack.settle()
    assert result.status == 200
    calls = all_ok(slack.standin.calls_since(mark))
    assert not [c for c in calls if c.method == "response_url"]  # a Home has none
    return calls


def dms_to(calls: list[RecordedCall], user: str) -> list[str]:
    return [texts(c) for c in calls if c.method == "chat.postMessage" and c.args["channel"] == user]


async def test_opening_the_home_tab_publishes_each_roles_home(slack: LocalSlack) -> None:
    calls = await open_home(slack, LINE)
    assert [c.method for c in calls if c.method.startswith("views.")] == ["views.publish"]
    line = home_text(slack, LINE)
    assert "Superbruger i Børnehuset Mælkebøtten" in line
    assert "*Anbefalede redskaber, I ikke bruger endnu*" in line
    assert "*Jeres ambassadør:* <@U0DEMO003>" in line
    assert "home_ask" in action_ids(home_of(slack, LINE))
    assert "guide_show" in action_ids(home_of(slack, LINE))

    await open_home(slack, METTE)
    mette = home_text(slack, METTE)
    assert "Ambassadør for Nord" in mette
    assert "*Superbrugere, der ikke har været til oplæring endnu*" in mette
    assert "<@U0DEMO005> – Børnehuset Mælkebøtten" in mette
    assert not any(a.startswith("home_decide") for a in action_ids(home_of(slack, METTE)))

    for leader in (ANNETTE, JENS):
        await open_home(slack, leader)
        shown = home_text(slack, leader)
        assert "Ugens puls – uge 49" in shown and "2026-W49" not in shown
        assert "*Huller i netværket*" in shown and "Områder uden ambassadør: Øst" in shown
        assert "*Book Creator* er anbefalet, men det er ikke besluttet at sprede det." in shown
        assert SPREAD in action_ids(home_of(slack, leader))

    slack.standin.add_user(STRANGER, "kim", real_name="Kim Ny")
    await open_home(slack, STRANGER)
    assert "Spørg <@U0DEMO001>, så bliver du sat op" in home_text(slack, STRANGER)


async def test_the_messages_tab_publishes_nothing(slack: LocalSlack) -> None:
    calls = await open_home(slack, LINE, tab="messages")
    assert [c for c in calls if c.method == "views.publish"] == []
    assert slack.standin.home_view(LINE) is None


async def test_jens_spreads_a_tool_waiting_for_a_verdict_and_it_is_kept(
    slack: LocalSlack, clock: ManualClock
) -> None:
    db = slack.bot.db
    ozobot = await find_tool(db, "Ozobot")
    assert ozobot is not None
    await set_tool_status(db, clock, ozobot.id, "evaluated", changed_by=await person_id(db, SOEREN))
    await open_home(slack, JENS)
    before = home_text(slack, JENS)
    assert "*Ozobot* er evalueret og venter på jeres beslutning." in before

    calls = await click_home(slack, JENS, SPREAD, str(ozobot.id))
    (receipt,) = dms_to(calls, JENS)
    assert "Gemt: *Ozobot* – Skal spredes (30. nov. 2026)" in receipt
    assert "Spredningen er sat i gang" in receipt
    assert [c.method for c in calls].count("views.publish") == 1
    after = home_text(slack, JENS)
    assert "Ozobot" not in after and "Book Creator" in after

    (kept,) = await tool_decisions(db, ozobot.id)
    assert (kept.decision, kept.decided_on, kept.recorded_by) == (
        "to_be_spread",
        "2026-11-30",
        await person_id(db, JENS),
    )
    rounds = [r for r in await spreading.all_rounds(db) if r.tool_id == ozobot.id]
    assert [(r.trigger, r.ended_at) for r in rounds] == [("decision", None)]

    # A second click (the Home re-published without it, so from a stale copy) stores nothing.
    slack.standin.views.publish(JENS, {"type": "home", "blocks": _decision_blocks(ozobot.id)}, None)
    calls = await click_home(slack, JENS, SPREAD, str(ozobot.id))
    (again,) = dms_to(calls, JENS)
    assert "allerede gemt *Ozobot* – Skal spredes i dag" in again
    assert len(await tool_decisions(db, ozobot.id)) == 1

    # The guide card shows the decision…
    mark = slack.standin.mark()
    await slack.driver.slash_command(LINE, "/tool-guide", "Ozobot", channel_id=GENERAL)
    await slack.settle()
    (card,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "Ledelsen: Skal spredes (30. nov. 2026)" in texts(card)
    # …and the week's pulse lists it (it counts up to now, so a minute on).
    clock.advance(timedelta(minutes=1))
    pulse = await build_pulse(
        db, clock, slack.bot.app.services.settings.calendar, current_week(clock)
    )
    assert ("Ozobot", "to_be_spread", "2026-11-30") in [
        (d.tool, d.decision, d.decided_on) for d in pulse.decisions_made
    ]
    assert "Ozobot" not in pulse.decisions_waiting  # decided: no longer waiting


async def test_a_leader_decides_from_the_guide_card_too(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """From the card's "Mere …" once the tool is evaluated (not while it is under test): the
    decision buttons, each behind Slack's confirm dialog."""
    db = slack.bot.db
    ozobot = await find_tool(db, "Ozobot")
    assert ozobot is not None
    under_test = await tool_guide(slack, JENS, "Ozobot")
    assert "guide_decide" not in menu(under_test) and SPREAD not in str(under_test.args)
    await set_tool_status(db, clock, ozobot.id, "evaluated", changed_by=await person_id(db, METTE))
    line_card = await tool_guide(slack, LINE, "Ozobot")
    assert "guide_decide" not in menu(line_card)  # a superuser keeps no decisions
    card = await tool_guide(slack, JENS, "Ozobot")
    assert menu(card)["guide_decide"][0] == "Ledelsens beslutning …"
    (decide,) = [
        c for c in await choose(slack, JENS, card, "guide_decide") if c.method == "response_url"
    ]
    spread = next(
        e
        for b in decide.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == SPREAD
    )
    assert spread["confirm"]["confirm"]["text"]
    mark = slack.standin.mark()
    await slack.driver.click(JENS, action_id=SPREAD, value=str(ozobot.id), channel_id=GENERAL)
    await slack.settle()
    (receipt,) = dms_to(slack.standin.calls_since(mark), JENS)
    assert "Gemt: *Ozobot* – Skal spredes (30. nov. 2026)" in receipt
    (kept,) = await tool_decisions(db, ozobot.id)
    assert (kept.decision, kept.recorded_by) == ("to_be_spread", await person_id(db, JENS))


def _decision_blocks(tool_id: int) -> list[dict[str, Any]]:
    """The decision buttons as a Home showed them before (a copy still open elsewhere)."""
    return [
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Spred"},
                    "action_id": SPREAD,
                    "value": str(tool_id),
                }
            ],
        }
    ]


async def test_an_ambassadors_click_on_a_decision_is_refused(
    slack: LocalSlack, clock: ManualClock
) -> None:
    db = slack.bot.db
    book = await find_tool(db, "Book Creator")
    assert book is not None
    # A Home left open from a time Mette held a leader's view (or a forged click).
    slack.standin.views.publish(METTE, {"type": "home", "blocks": _decision_blocks(book.id)}, None)
    calls = await click_home(slack, METTE, SPREAD, str(book.id))
    (refusal,) = dms_to(calls, METTE)
    assert "koordinator eller ledelse" in refusal
    assert "registrere ledelsens beslutninger om redskaber" in refusal
    assert await tool_decisions(db, book.id) == []
    assert [r for r in await spreading.all_rounds(db) if r.tool_id == book.id] == []


async def test_line_answers_a_training_and_opens_a_guide_from_her_home(
    slack: LocalSlack, clock: ManualClock
) -> None:
    db = slack.bot.db
    planned = await plan_training(
        db,
        clock,
        CALENDAR,
        await person_id(db, METTE),
        TrainingPlan(
            await tool_id(db, "Book Creator"),
            await area_id(db, "Nord"),
            date(2026, 12, 7),
            time(13),
            "Salen",
            12,
        ),
        request_key="e2e:home",
    )
    await open_home(slack, LINE)
    training = str(planned.training.id)
    calls = await click_home(slack, LINE, "training_yes", training)
    (receipt,) = dms_to(calls, LINE)
    assert "Book Creator" in receipt
    assert "du har sagt ja" in home_text(slack, LINE)

    view = home_of(slack, LINE)
    guide = next(
        b["accessory"]["value"]
        for b in view["blocks"]
        if b.get("accessory", {}).get("action_id") == "guide_show"
    )
    calls = await click_home(slack, LINE, "guide_show", guide)
    shown = dms_to(calls, LINE)
    assert shown and "*Formål*" in shown[0]

    mark = slack.standin.mark()
    await slack.driver.click(LINE, action_id="home_ask", view_id=view["id"])
    await slack.settle()
    opened = [c for c in all_ok(slack.standin.calls_since(mark)) if c.method == "views.open"]
    assert len(opened) == 1


async def test_a_change_made_elsewhere_refreshes_an_open_home(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Line marks Bee-Bot in use on the guide card: her open Home drops it from the tools to
    try. Someone who never opened the Home gets no publish."""
    await open_home(slack, LINE)
    assert "*Bee-Bot* – hos jer: ikke startet" in home_text(slack, LINE)
    card = await tool_guide(slack, LINE, "Bee-Bot")
    calls = await choose(slack, LINE, card, "adoption_in_use")
    assert [c.method for c in calls].count("views.publish") == 1
    refreshed = home_text(slack, LINE)
    assert "*Bee-Bot*" not in refreshed and "*Book Creator* – hos jer: ikke startet" in refreshed

    card = await tool_guide(slack, AHMED, "Bee-Bot")
    calls = await choose(slack, AHMED, card, "adoption_in_use")
    assert "views.publish" not in [c.method for c in calls]
