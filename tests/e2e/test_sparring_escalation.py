"""An unanswered question is escalated after 8 working hours (weekends and holidays do not
count) — to the area's ambassadors, then to everyone who did not get the first — and an
answer stops it. "Jeg tager den" in the escalation claims it, exactly as in the channel."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.sparring import ask, get_question
from bot.services.sparring_handling import claim, mark_answered
from bot.services.workspace_settings import set_setting
from bot.standin import RecordedCall
from bot.views.sparring import CLAIM
from tests.e2e.conftest import ANNETTE, METTE, texts
from tests.people import person_id

LINE = "U0DEMO005"  # superuser in area Nord, whose ambassador is Mette
SOEREN = "U0DEMO004"  # ambassador in Syd


async def asked_at(slack: LocalSlack, clock: ManualClock, moment: str) -> int:
    clock.move_to(datetime.fromisoformat(moment).replace(tzinfo=clock.tz))
    routing = await ask(
        slack.bot.db,
        clock,
        request_key=f"test:{moment}",
        asker_id=await person_id(slack.bot.db, LINE),
        text="Hvordan får vi lyd på Book Creator?",
        tool_id=None,
        hold="never",  # straight to the network, without "maybe this helps?"
    )
    return routing.question.id


async def escalations(slack: LocalSlack, clock: ManualClock, moment: str) -> list[RecordedCall]:
    """Move the clock, run the jobs; the escalation DMs sent, to whom."""
    mark = slack.standin.mark()
    clock.move_to(datetime.fromisoformat(moment).replace(tzinfo=clock.tz))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    return [
        c
        for c in slack.standin.calls_since(mark)
        if c.method == "chat.postMessage" and "har ventet på svar" in texts(c)
    ]


async def test_an_unanswered_question_reaches_the_area_then_everyone_in_working_hours(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await asked_at(slack, clock, "2026-12-04T14:00")  # a Friday
    assert await escalations(slack, clock, "2026-12-07T14:29") == []  # 7.99 working hours
    (first,) = await escalations(slack, clock, "2026-12-07T14:30")
    assert first.args["channel"] == METTE
    assert "har ventet på svar i 8 arbejdstimer" in texts(first)
    assert await escalations(slack, clock, "2026-12-08T14:59") == []
    # The second goes to those who did not get the first: not Mette again.
    second = await escalations(slack, clock, "2026-12-08T15:00")
    assert {c.args["channel"] for c in second} == {SOEREN, ANNETTE}
    assert all("alle ambassadører og koordinatoren" in texts(c) for c in second)
    assert await escalations(slack, clock, "2026-12-09T15:00") == []


async def test_christmas_does_not_count_and_an_answer_stops_the_rest(
    slack: LocalSlack, clock: ManualClock
) -> None:
    question_id = await asked_at(slack, clock, "2026-12-23T10:00")
    # 5.5 hours on the 23rd; the 24th is a closing day, the 25th and 26th holidays, the 27th
    # a Sunday: the eighth working hour ends on Monday the 28th at 10:30.
    assert await escalations(slack, clock, "2026-12-28T10:29") == []
    (first,) = await escalations(slack, clock, "2026-12-28T10:30")
    assert first.args["channel"] == METTE
    mette = await person_id(slack.bot.db, METTE)
    await mark_answered(slack.bot.db, clock, question_id, mette, "Tryk på mikrofonen øverst.")
    assert await escalations(slack, clock, "2026-12-30T15:00") == []  # answered: no level 2


async def test_the_escalation_time_is_a_setting(slack: LocalSlack, clock: ManualClock) -> None:
    await set_setting(
        slack.bot.db, clock, "sparring_escalate_hours", "2", await person_id(slack.bot.db, ANNETTE)
    )
    await asked_at(slack, clock, "2026-12-01T09:00")
    (first,) = await escalations(slack, clock, "2026-12-01T11:00")
    assert "i 2 arbejdstimer" in texts(first)


def claim_buttons(call: RecordedCall) -> list[dict[str, Any]]:
    return [
        element
        for block in call.args["blocks"]
        for element in [*block.get("elements", []), block.get("accessory") or {}]
        if element.get("action_id") == CLAIM
    ]


async def click_claim(slack: LocalSlack, user: str, message: RecordedCall) -> list[RecordedCall]:
    """`user` clicks "Jeg tager den" in the DM `message`."""
    mark = slack.standin.mark()
    result = await slack.driver.click(
        user,
        action_id=CLAIM,
        channel_id=message.response["channel"],
        message_ts=message.response["ts"],
    )
    await slack.settle()
    assert result.status == 200
    return slack.standin.calls_since(mark)


async def test_jeg_tager_den_in_the_escalation_claims_it_once(
    slack: LocalSlack, clock: ManualClock
) -> None:
    question_id = await asked_at(slack, clock, "2026-12-04T14:00")
    await escalations(slack, clock, "2026-12-07T14:30")
    second = await escalations(slack, clock, "2026-12-08T15:00")
    assert {c.args["channel"] for c in second} == {SOEREN, ANNETTE}
    for call in second:
        (button,) = claim_buttons(call)
        assert (button["text"]["text"], button["value"]) == ("Jeg tager den", str(question_id))

    by = {c.args["channel"]: c for c in second}
    taken = await click_claim(slack, SOEREN, by[SOEREN])
    question = await get_question(slack.bot.db, question_id)
    assert question is not None and question.claimed_by == await person_id(slack.bot.db, SOEREN)
    # The escalation stays as it is (it is not redrawn as the question's post); Søren is
    # told privately that it is his, with the way to answer.
    assert not [c for c in taken if c.method == "chat.update"]
    (receipt,) = [c for c in taken if c.method in ("response_url", "chat.postEphemeral")]
    assert "Du har taget spørgsmålet fra <@U0DEMO005>" in texts(receipt)
    assert "Besvaret" in texts(receipt)

    # Annette clicks the same button in her escalation: Søren was first, and stays the one.
    late = await click_claim(slack, ANNETTE, by[ANNETTE])
    (told,) = [c for c in late if c.method in ("response_url", "chat.postEphemeral")]
    assert "<@U0DEMO004> tog den først" in texts(told)
    question = await get_question(slack.bot.db, question_id)
    assert question is not None and question.claimed_by == await person_id(slack.bot.db, SOEREN)


async def test_an_escalation_once_claimed_has_no_claim_button(
    slack: LocalSlack, clock: ManualClock
) -> None:
    question_id = await asked_at(slack, clock, "2026-12-04T14:00")
    await claim(slack.bot.db, clock, question_id, await person_id(slack.bot.db, METTE))
    (first,) = await escalations(slack, clock, "2026-12-07T14:30")
    assert first.args["channel"] == METTE
    assert claim_buttons(first) == []
    # Nobody else got the first, so the second goes to everyone else.
    second = await escalations(slack, clock, "2026-12-08T15:00")
    assert {c.args["channel"] for c in second} == {SOEREN, ANNETTE}
