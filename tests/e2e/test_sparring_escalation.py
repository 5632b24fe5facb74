"""An unanswered question is escalated after 8 working hours (weekends and holidays do not
count) — to the area's ambassadors, then to everyone — and an answer stops it."""

from __future__ import annotations

from datetime import datetime

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.sparring import ask
from bot.services.sparring_handling import mark_answered
from bot.services.workspace_settings import set_setting
from bot.standin import RecordedCall
from tests.e2e.conftest import ANNETTE, METTE, texts

LINE = "U0DEMO005"  # superuser in area Nord, whose ambassador is Mette
SOEREN = "U0DEMO004"  # ambassador in Syd


async def asked_at(slack: LocalSlack, clock: ManualClock, moment: str) -> int:
    clock.move_to(datetime.fromisoformat(moment).replace(tzinfo=clock.tz))
    routing = await ask(
        slack.bot.db,
        clock,
        request_key=f"test:{moment}",
        asker_id=LINE,
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
    second = await escalations(slack, clock, "2026-12-08T15:00")
    assert {c.args["channel"] for c in second} == {METTE, SOEREN, ANNETTE}
    assert all("alle ambassadører og koordinatoren" in texts(c) for c in second)


async def test_christmas_does_not_count_and_an_answer_stops_the_rest(
    slack: LocalSlack, clock: ManualClock
) -> None:
    question_id = await asked_at(slack, clock, "2026-12-23T10:00")
    # 5.5 hours on the 23rd; the 24th is a closing day, the 25th and 26th holidays, the 27th
    # a Sunday: the eighth working hour ends on Monday the 28th at 10:30.
    assert await escalations(slack, clock, "2026-12-28T10:29") == []
    (first,) = await escalations(slack, clock, "2026-12-28T10:30")
    assert first.args["channel"] == METTE
    await mark_answered(slack.bot.db, clock, question_id, METTE, "Tryk på mikrofonen øverst.")
    assert await escalations(slack, clock, "2026-12-30T15:00") == []  # answered: no level 2


async def test_the_escalation_time_is_a_setting(slack: LocalSlack, clock: ManualClock) -> None:
    await set_setting(slack.bot.db, clock, "sparring_escalate_hours", "2", ANNETTE)
    await asked_at(slack, clock, "2026-12-01T09:00")
    (first,) = await escalations(slack, clock, "2026-12-01T11:00")
    assert "i 2 arbejdstimer" in texts(first)
