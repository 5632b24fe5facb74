"""Trainings through Slack: Mette plans a Bee-Bot training for area Nord, the superusers of
Nord whose daycares have not started are invited in working time, Line signs up, gets the
reminder on the working morning before, her attendance moves her daycare's adoption, and a
cancelled training tells those signed up."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.standin import RecordedCall
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts
from tests.e2e.nudge_lists import opened
from tests.e2e.test_tool_guide import buttons, choose, menu, tool_guide
from tests.people import person_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
AHMED = "U0DEMO006"  # superuser in Børnehaven Regnbuen, area Nord
#: Monday 7 December 2026, 13:00 — the Friday before is 4 December.
DAY, TIME = "2026-12-07", "13:00"


def at(day: str, hhmm: str, clock: ManualClock) -> datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=clock.tz)


def all_ok(calls: list[RecordedCall]) -> list[RecordedCall]:
    assert all(call.ok for call in calls), [(c.method, c.errors) for c in calls if not c.ok]
    return calls


async def command(slack: LocalSlack, user: str, text: str) -> list[RecordedCall]:
    mark = slack.standin.mark()
    result = await slack.driver.slash_command(user, "/tool-test", text, channel_id=GENERAL)
    await slack.settle()
    assert result.status == 200
    return all_ok(slack.standin.calls_since(mark))


async def submit(slack: LocalSlack, user: str, values: dict[str, Any]) -> tuple[Any, list[Any]]:
    mark = slack.standin.mark()
    fields = {block: {"value": value} for block, value in values.items()}
    result = await slack.driver.submit_view(user, fields)
    await slack.settle()
    assert result.status == 200
    return result.json, all_ok(slack.standin.calls_since(mark))


async def click(
    slack: LocalSlack, user: str, action_id: str, value: str, channel_id: str | None
) -> list[RecordedCall]:
    mark = slack.standin.mark()
    result = await slack.driver.click(user, action_id=action_id, value=value, channel_id=channel_id)
    await slack.settle()
    assert result.status == 200
    return all_ok(slack.standin.calls_since(mark))


async def run_jobs(slack: LocalSlack, clock: ManualClock, moment: datetime) -> list[RecordedCall]:
    """Move the clock, run every job once; the DMs about trainings."""
    mark = slack.standin.mark()
    clock.move_to(moment)
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    return [
        c
        for c in await opened(slack, all_ok(slack.standin.calls_since(mark)))
        if c.method == "chat.postMessage" and "plæring" in texts(c)
    ]


def dm_to(calls: list[RecordedCall], user: str) -> list[RecordedCall]:
    return [c for c in calls if c.args.get("channel") == user]


def value_of(call: RecordedCall, action_id: str) -> str:
    for block in call.args["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"no {action_id} in the message")


async def plan_bee_bot(slack: LocalSlack, place: str = "Mælkebøtten, <salen>") -> str:
    """Mette plans the training; returns her receipt's text."""
    await command(slack, METTE, "train bee-bot")
    modal = slack.standin.views.top(METTE)
    assert modal is not None
    blocks = {b["block_id"]: b for b in modal["blocks"] if b.get("block_id")}
    assert blocks["tool"]["element"]["initial_option"]["text"]["text"] == "Bee-Bot"
    assert blocks["area"]["element"]["initial_option"]["text"]["text"] == "Nord"
    assert blocks["seats"]["element"]["initial_value"] == "12"
    _, calls = await submit(slack, METTE, {"day": DAY, "time": TIME, "place": place})
    (receipt,) = [c for c in calls if c.method in ("chat.postEphemeral", "chat.postMessage")]
    return texts(receipt)


async def test_mette_plans_line_signs_up_is_reminded_and_attendance_moves_adoption(
    slack: LocalSlack, clock: ManualClock
) -> None:
    # A date in the past is refused on the field, and nothing is stored.
    await command(slack, METTE, "træning bee-bot")
    refused, _ = await submit(slack, METTE, {"day": "2026-11-27", "time": TIME, "place": "Salen"})
    assert refused["response_action"] == "errors"
    assert "passeret" in refused["errors"]["day"]
    refused, _ = await submit(slack, METTE, {"day": DAY, "time": TIME, "place": "   "})
    assert set(refused["errors"]) == {"place"}
    await slack.driver.close_view(METTE)

    receipt = await plan_bee_bot(slack)
    assert "Planlagt: Oplæring i *Bee-Bot*: mandag 7. dec. 2026 kl. 13.00" in receipt
    assert "Mælkebøtten, &lt;salen&gt;" in receipt
    assert "2 superbrugere bliver inviteret" in receipt

    # Monday 09:30 is the day's nudge time: Line and Ahmed (Nord, not started) are invited.
    invites = await run_jobs(slack, clock, at("2026-11-30", "09:30", clock))
    assert sorted(c.args["channel"] for c in invites) == [LINE, AHMED]
    (invite,) = dm_to(invites, LINE)
    shown = texts(invite)
    assert "<@U0DEMO003> inviterer dig til oplæring i *Bee-Bot*" in shown
    assert "*Hvor:* Mælkebøtten, &lt;salen&gt;" in shown
    assert "*Ledige pladser:* 12 af 12" in shown
    assert buttons(invite) == {"training_yes": "Jeg kommer", "training_no": "Jeg kan ikke"}
    assert await run_jobs(slack, clock, at("2026-11-30", "10:00", clock)) == []  # once

    im = slack.standin.im_channel_id(LINE)
    calls = await click(slack, LINE, "training_yes", value_of(invite, "training_yes"), im)
    (answer,) = [c for c in calls if c.method == "response_url"]
    assert texts(answer).startswith("Tilmeldt – Oplæring i *Bee-Bot*")

    # Mette hears that Line signed up; Line's reminder: the working day before a Monday is
    # the Friday, at the nudge time (09:30), not earlier.
    (told,) = await run_jobs(slack, clock, at("2026-12-03", "15:00", clock))
    assert told.args["channel"] == METTE
    assert texts(told).startswith("Line Nielsen (Børnehuset Mælkebøtten) har tilmeldt sig")
    assert await run_jobs(slack, clock, at("2026-12-04", "09:29", clock)) == []
    reminded = await run_jobs(slack, clock, at("2026-12-04", "09:30", clock))
    (reminder,) = dm_to(reminded, LINE)
    assert texts(reminder).startswith("Påmindelse: Du er tilmeldt – Oplæring i *Bee-Bot*")
    assert dm_to(reminded, AHMED) == []  # he never answered

    # After the start, Mette records who came: Line (signed up) and Ahmed (came anyway).
    clock.move_to(at(DAY, "15:00", clock))
    (listing,) = [c for c in await command(slack, METTE, "trainings") if c.method == "response_url"]
    assert "*Dine oplæringer*" in texts(listing)
    assert buttons(listing) == {"training_attendance": "Fremmøde"}
    await click(
        slack,
        METTE,
        "training_attendance",
        value_of(listing, "training_attendance"),
        GENERAL,
    )
    modal = slack.standin.views.top(METTE)
    assert modal is not None
    came = next(b for b in modal["blocks"] if b.get("block_id") == "came")
    # Line, who signed up, is chosen: shown by name (the option's value is her person id).
    chosen = came["element"]["initial_options"]
    assert [o["text"]["text"] for o in chosen] == ["Line Nielsen"]
    assert [o["value"] for o in chosen] == [str(await person_id(slack.bot.db, LINE))]
    _, calls = await submit(slack, METTE, {"others": [AHMED]})
    (saved,) = [c for c in calls if c.method == "chat.postMessage"]
    assert "2 deltog" in texts(saved)
    assert "i gang med redskabet: Børnehuset Mælkebøtten, Børnehaven Regnbuen" in texts(saved)
    mark = slack.standin.mark()
    await slack.driver.slash_command(LINE, "/tovholder", "network Mælkebøtten", channel_id=GENERAL)
    await slack.settle()
    (network,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "• *Bee-Bot* – i gang" in texts(network)


async def test_cancelling_tells_those_signed_up(slack: LocalSlack, clock: ManualClock) -> None:
    await plan_bee_bot(slack, place="https://teams.example/training")
    invites = await run_jobs(slack, clock, at("2026-11-30", "09:30", clock))
    (invite,) = dm_to(invites, AHMED)
    training = value_of(invite, "training_yes")
    await click(slack, AHMED, "training_yes", training, slack.standin.im_channel_id(AHMED))
    (listing,) = [c for c in await command(slack, METTE, "trainings") if c.method == "response_url"]
    assert buttons(listing) == {"training_move": "Flyt", "training_cancel": "Aflys"}
    cancel_button = next(
        e
        for b in listing.args["blocks"]
        for e in b.get("elements", [])
        if e.get("action_id") == "training_cancel"
    )
    assert cancel_button["confirm"]["confirm"]["text"] == "Aflys"
    calls = await click(slack, METTE, "training_cancel", training, GENERAL)
    assert "Aflyst: Oplæring i *Bee-Bot*" in texts(calls[-1])

    told = await run_jobs(slack, clock, at("2026-11-30", "10:00", clock))
    (notice,) = dm_to(told, AHMED)
    assert texts(notice).startswith("Oplæringen er desværre aflyst – Oplæring i *Bee-Bot*")
    assert dm_to(told, LINE) == []  # Line never signed up (her invitation is not resent)
    assert await run_jobs(slack, clock, at("2026-12-04", "09:30", clock)) == []  # no reminder

    late = await click(slack, LINE, "training_yes", training, slack.standin.im_channel_id(LINE))
    assert "Oplæringen er aflyst" in texts(late[-1])


async def test_a_superuser_is_refused_and_sees_her_areas_trainings(
    slack: LocalSlack, clock: ManualClock
) -> None:
    (refusal,) = [
        c for c in await command(slack, LINE, "train bee-bot") if c.method == "response_url"
    ]
    assert "planlægge oplæringer" in texts(refusal)
    assert "<@U0DEMO001>" in texts(refusal)
    assert slack.standin.views.top(LINE) is None
    (empty,) = [c for c in await command(slack, LINE, "trainings") if c.method == "response_url"]
    assert "ingen oplæringer planlagt i dit område" in texts(empty)
    await plan_bee_bot(slack)
    (listing,) = [c for c in await command(slack, LINE, "trainings") if c.method == "response_url"]
    assert "*Oplæringer i dit område*" in texts(listing)
    assert buttons(listing) == {"training_yes": "Jeg kommer", "training_no": "Jeg kan ikke"}
    (english,) = [
        c for c in await command(slack, OLIVER, "trainings") if c.method == "response_url"
    ]
    assert "No trainings are planned in your area" in texts(english)


async def test_the_guide_card_offers_planning_to_ambassadors_and_coordinators(
    slack: LocalSlack, clock: ManualClock
) -> None:
    for user in (METTE, ANNETTE):
        card = await tool_guide(slack, user, "bee-bot")
        assert menu(card)["training_plan"][0] == "Planlæg oplæring"  # in "Mere …"
    card = await tool_guide(slack, LINE, "bee-bot")
    assert "training_plan" not in {**buttons(card), **menu(card)}
    card = await tool_guide(slack, ANNETTE, "bee-bot")
    await choose(slack, ANNETTE, card, "training_plan")
    modal = slack.standin.views.top(ANNETTE)
    assert modal is not None
    area = next(b for b in modal["blocks"] if b.get("block_id") == "area")
    assert "initial_option" not in area["element"]  # the coordinator chooses among all
    assert len(area["element"]["options"]) == 3
