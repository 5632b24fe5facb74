"""The area evaluation cycle through Slack: on the cycle's first working morning each
ambassador and superuser gets a short DM; its button opens four questions for ambassadors,
three for superusers; an answer is stored once and stops the nudge."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from bot.clock import ManualClock, utc_iso
from bot.local import LocalSlack
from bot.services import area_evaluations, identities, reminders
from bot.standin import RecordedCall
from storage.repositories import reminders as reminders_repo
from tests.e2e.conftest import METTE, OLIVER, texts
from tests.e2e.nudge_lists import opened
from tests.people import member, person_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
NORD = 1
OPEN = "area_evaluation_open"
#: What an evaluation DM says, in either language.
ABOUT = ("evaluering for område", "evaluation for area")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def run_jobs(slack: LocalSlack, clock: ManualClock, moment: datetime) -> list[RecordedCall]:
    """Move the clock, run every job once, and return the evaluation DMs sent (other nudges,
    about tests and guides, go to the demo people too)."""
    mark = slack.standin.mark()
    clock.move_to(moment.replace(tzinfo=clock.tz))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    return [
        c
        for c in await opened(slack, slack.standin.calls_since(mark))
        if c.method == "chat.postMessage" and any(a in texts(c).lower() for a in ABOUT)
    ]


def to(slack: LocalSlack, calls: list[RecordedCall], user: str) -> list[RecordedCall]:
    """The calls that reached `user`: alone, or opened from their morning list (in their
    DM)."""
    return [c for c in calls if c.args["channel"] in (user, slack.standin.im_channel_id(user))]


def answer_value(call: RecordedCall) -> str:
    return next(
        str(e["value"])
        for b in call.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == OPEN
    )


async def open_form(slack: LocalSlack, user: str, value: str) -> dict[str, Any]:
    im = slack.standin.im_channel_id(user)
    await slack.driver.click(user, action_id=OPEN, value=value, channel_id=im)
    await slack.settle()
    return slack.standin.open_views(user)[-1]


def inputs(modal: dict[str, Any]) -> list[str]:
    return [b["block_id"] for b in modal["blocks"] if b["type"] == "input"]


async def test_the_cycle_start_asks_each_ambassador_and_superuser_once(
    slack: LocalSlack, clock: ManualClock
) -> None:
    assert await run_jobs(slack, clock, at("2026-12-31T10:00")) == []
    assert await run_jobs(slack, clock, at("2027-01-04T09:29")) == []  # 1 January: a holiday
    sent = await run_jobs(slack, clock, at("2027-01-04T09:30"))
    assert len(sent) == 6  # Mette, Søren and the four superusers; Øst has no ambassador
    assert all(call.ok for call in sent), [call.errors for call in sent]
    (mette,) = to(slack, sent, METTE)
    (line,) = to(slack, sent, LINE)
    (oliver,) = to(slack, sent, OLIVER)
    assert texts(mette).startswith(
        "Kvartalets evaluering for område Nord: Hvordan går det med de digitale redskaber?"
    )
    assert "Fire korte spørgsmål" in texts(mette)
    assert "Tre korte spørgsmål" in texts(line)
    assert "Svar (3 min.)" in texts(mette) and "Mind mig i morgen" in texts(mette)
    assert texts(oliver).startswith("This quarter's evaluation for area Øst")
    assert json.loads(answer_value(mette)) == {"period": "2027-01", "area_id": NORD}
    assert await run_jobs(slack, clock, at("2027-01-05T09:00")) == []  # nothing twice


async def test_ambassadors_answer_four_questions_and_superusers_three(
    slack: LocalSlack, clock: ManualClock
) -> None:
    sent = await run_jobs(slack, clock, at("2027-01-04T09:30"))
    (mette,) = to(slack, sent, METTE)
    (line,) = to(slack, sent, LINE)

    modal = await open_form(slack, METTE, answer_value(mette))
    assert modal["callback_id"] == "area_evaluation"
    assert modal["title"]["text"] == "Områdets evaluering"
    assert inputs(modal) == ["works", "hard", "drop_or_spread", "support"]
    assert "*Område Nord* – evalueringen fra 4. jan. 2027" in json.dumps(
        modal["blocks"], ensure_ascii=False
    )
    mark = slack.standin.mark()
    done = await slack.driver.submit_view(
        METTE,
        {
            "works": {"value": "Bee-Bot i børnehaverne"},
            "drop_or_spread": {"value": "Udbred Book Creator"},
            "support": {"value": "Tid til at træne superbrugerne"},
        },
    )
    await slack.settle()
    assert done.ok and not done.json
    (receipt,) = [
        c
        for c in slack.standin.calls_since(mark)
        if c.method == "chat.postMessage" and c.args["channel"] == METTE
    ]
    assert texts(receipt).startswith("Tak – dine svar er gemt.")

    modal = await open_form(slack, LINE, answer_value(line))
    assert inputs(modal) == ["works", "hard", "support"]
    await slack.driver.submit_view(LINE, {"hard": {"value": "At finde tid & ro"}})
    await slack.settle()

    saved = await area_evaluations.answers_for(slack.bot.db, "2027-01", NORD)
    assert [(e.person_id, e.role) for e in saved] == [
        (await person_id(slack.bot.db, METTE), "ambassador"),
        (await person_id(slack.bot.db, LINE), "superuser"),
    ]
    assert saved[0].answers.drop_or_spread == "Udbred Book Creator"
    assert saved[1].answers.hard == "At finde tid & ro"

    # Opened again: her answers are there to change, and the change replaces them.
    modal = await open_form(slack, METTE, answer_value(mette))
    works = next(b for b in modal["blocks"] if b.get("block_id") == "works")
    assert works["element"]["initial_value"] == "Bee-Bot i børnehaverne"
    await slack.driver.submit_view(METTE, {"works": {"value": "Bee-Bot og Book Creator"}})
    await slack.settle()
    saved = await area_evaluations.answers_for(slack.bot.db, "2027-01", NORD)
    assert len(saved) == 2 and saved[0].answers.works == "Bee-Bot og Book Creator"
    assert await run_jobs(slack, clock, at("2027-01-11T09:00")) == []


async def test_problems_show_on_the_fields(slack: LocalSlack, clock: ManualClock) -> None:
    (line,) = to(slack, await run_jobs(slack, clock, at("2027-01-04T09:30")), LINE)
    await open_form(slack, LINE, answer_value(line))
    empty = await slack.driver.submit_view(LINE, {})
    assert empty.json == {
        "response_action": "errors",
        "errors": {"works": "Skriv mindst ét svar – et par ord er nok."},
    }
    # Line stops being a superuser while the modal is open: checked again on submit.
    person = await member(slack.bot.db, LINE)
    assert person is not None
    async with slack.bot.db.transaction() as conn:
        await conn.execute("DELETE FROM person_roles WHERE person_id = ?", (person.id,))
    gone = await slack.driver.submit_view(LINE, {"works": {"value": "Godt"}})
    assert gone.json is not None
    assert gone.json["errors"] == {
        "works": "Du er ikke længere ambassadør eller superbruger i område Nord, så den "
        "evaluering skal du ikke svare på."
    }
    assert await area_evaluations.answers_for(slack.bot.db, "2027-01") == []


async def test_an_answer_cancels_the_snoozed_nudge(slack: LocalSlack, clock: ManualClock) -> None:
    (mette,) = to(slack, await run_jobs(slack, clock, at("2027-01-04T09:30")), METTE)
    await open_form(slack, METTE, answer_value(mette))
    # While the form is open she also presses "in a week" on the message (another device).
    im = slack.standin.im_channel_id(METTE)
    snooze = next(
        e["value"]
        for b in mette.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "nudge_snooze_7"
    )
    await slack.driver.click(METTE, action_id="nudge_snooze_7", value=snooze, channel_id=im)
    await slack.settle()
    key = f"area_evaluation:2027-01:{NORD}:{await person_id(slack.bot.db, METTE)}:snooze:1"
    copy = await reminders_repo.by_key(slack.bot.db, key)
    assert copy is not None and copy.state == "pending"

    await slack.driver.submit_view(METTE, {"hard": {"value": "Opladning af iPads"}})
    await slack.settle()
    copy = await reminders_repo.by_key(slack.bot.db, key)
    assert copy is not None and copy.state == "cancelled"
    assert await run_jobs(slack, clock, at("2027-01-11T09:00")) == []


async def test_a_pending_nudge_of_someone_who_has_answered_is_cancelled_when_due(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await reminders.pause(
        slack.bot.db,
        clock,
        await identities.person_for(slack.bot.db, clock, "slack", LINE),
        date(2027, 1, 8),
    )
    sent = await run_jobs(slack, clock, at("2027-01-04T09:30"))
    assert to(slack, sent, LINE) == []  # held by her pause
    # Her answer arrives by another way than this nudge (written straight to the table).
    now = utc_iso(clock.now())
    await slack.bot.db.execute(
        "INSERT INTO area_evaluations (period, area_id, person_id, role, works, created_at,"
        " updated_at) VALUES ('2027-01', ?, ?, 'superuser', 'Godt', ?, ?)",
        (NORD, await person_id(slack.bot.db, LINE), now, now),
    )
    assert await run_jobs(slack, clock, at("2027-01-11T09:30")) == []
    line = await person_id(slack.bot.db, LINE)
    nudge = await reminders_repo.by_key(slack.bot.db, f"area_evaluation:2027-01:{NORD}:{line}")
    assert nudge is not None and nudge.state == "cancelled"


async def test_an_old_cycles_button_says_it_has_ended(
    slack: LocalSlack, clock: ManualClock
) -> None:
    (mette,) = to(slack, await run_jobs(slack, clock, at("2027-01-04T09:30")), METTE)
    april = await run_jobs(slack, clock, at("2027-04-01T09:30"))
    assert len(to(slack, april, METTE)) == 1
    mark = slack.standin.mark()
    im = slack.standin.im_channel_id(METTE)
    await slack.driver.click(METTE, action_id=OPEN, value=answer_value(mette), channel_id=im)
    await slack.settle()
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert texts(answer).startswith("Den evaluering er afsluttet.")
    assert slack.standin.open_views(METTE) == []
