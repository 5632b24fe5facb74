"""Nudges: a checkpoint reminder arrives on the right working morning, one follow-up, then
"overdue"; holidays and pauses move them; snooze brings them back; guides get checked."""

from __future__ import annotations

from datetime import date, datetime

from bot.clock import ManualClock
from bot.domain.tool_tests import TestPlan
from bot.local import LocalSlack
from bot.services import nudges, reminders
from bot.services.guides import find_tool, get_guide
from bot.services.tool_tests import start_test
from bot.standin import RecordedCall
from storage.repositories import org
from tests.e2e.conftest import METTE, texts

LINE = "U0DEMO005"


def at(day: str, hhmm: str = "08:00") -> datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute)


async def ozobot_test(
    slack: LocalSlack, clock: ManualClock, weeks: tuple[int, ...] = (2, 6)
) -> int:
    tool = await find_tool(slack.bot.db, "Ozobot")
    daycare = next(
        d for d in await org.all_daycares(slack.bot.db) if d.name == "Børnehuset Mælkebøtten"
    )
    assert tool is not None
    test = await start_test(
        slack.bot.db,
        clock,
        METTE,
        TestPlan(
            tool_id=tool.id,
            question="Kan 4-årige følge en streg?",
            daycare_ids=(daycare.id,),
            checkpoint_weeks=weeks,
        ),
        request_key="test:ozobot",
    )
    return test.id


async def run_jobs(
    slack: LocalSlack, clock: ManualClock, moment: datetime, about: str = "Ozobot"
) -> list[RecordedCall]:
    """Move the clock (as the console's `:clock` does), run every job once, and return the
    DMs to Mette that are `about` something (other nudges, e.g. about quiet superusers,
    arrive too)."""
    mark = slack.standin.mark()
    clock.move_to(moment.replace(tzinfo=clock.tz))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    return [
        c
        for c in slack.standin.calls_since(mark)
        if c.method == "chat.postMessage" and c.args["channel"] == METTE and about in texts(c)
    ]


async def test_a_checkpoint_nudge_comes_that_morning_then_one_follow_up_then_overdue(
    slack: LocalSlack, clock: ManualClock
) -> None:
    test_id = await ozobot_test(slack, clock)
    assert await run_jobs(slack, clock, at("2026-12-14", "07:59")) == []  # before working hours
    (nudge,) = await run_jobs(slack, clock, at("2026-12-14", "08:00"))
    assert nudge.ok, nudge.errors
    assert texts(nudge).startswith(
        "Hvordan går det med *Ozobot* i Børnehuset Mælkebøtten? Det er tid til at evaluere"
    )
    assert await run_jobs(slack, clock, at("2026-12-15", "12:00")) == []  # nothing twice
    (follow_up,) = await run_jobs(slack, clock, at("2026-12-16", "08:00"))
    assert texts(follow_up).startswith("Påmindelse: Der er ikke kommet et resultat for *Ozobot*")
    calendar = slack.bot.app.services.settings.calendar

    async def overdue() -> list[nudges.OverdueCheckpoint]:
        found = await nudges.overdue_checkpoints(slack.bot.db, clock, calendar)
        return [o for o in found if o.test.id == test_id]  # the demo has a test of its own

    assert await overdue() == []
    assert await run_jobs(slack, clock, at("2026-12-18", "08:00")) == []  # no third message
    (late,) = await overdue()
    assert late.checkpoint == "2026-12-14"


async def test_the_nudge_button_opens_the_result_modal_for_that_test(
    slack: LocalSlack, clock: ManualClock
) -> None:
    test_id = await ozobot_test(slack, clock)
    await run_jobs(slack, clock, at("2026-12-14"))
    im = slack.standin.im_channel_id(METTE)
    await slack.driver.click(METTE, action_id="test_result_open", value=str(test_id), channel_id=im)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    tool = next(b for b in modal["blocks"] if b.get("block_id") == "tool")
    test = next(b for b in modal["blocks"] if b.get("block_id") == "test")
    assert tool["element"]["initial_option"]["text"]["text"] == "Ozobot"
    assert test["element"]["initial_option"]["value"] == str(test_id)
    await slack.driver.submit_view(METTE, {"rating": {"value": "4"}})
    await slack.settle()
    assert await run_jobs(slack, clock, at("2026-12-16")) == []  # the result came: no follow-up


async def test_a_checkpoint_at_christmas_waits_for_the_first_working_day(
    slack: LocalSlack, clock: ManualClock
) -> None:
    clock.move_to(at("2026-12-10", "09:00").replace(tzinfo=clock.tz))
    await ozobot_test(slack, clock, weeks=(2,))  # due Thursday 24 December, a closing day
    assert await run_jobs(slack, clock, at("2026-12-24", "10:00")) == []
    assert await run_jobs(slack, clock, at("2026-12-27", "10:00")) == []  # holidays, Sunday
    (nudge,) = await run_jobs(slack, clock, at("2026-12-28", "08:00"))
    assert "Ozobot" in texts(nudge)


async def test_a_paused_person_gets_the_nudge_after_the_pause(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await ozobot_test(slack, clock)
    await reminders.pause(slack.bot.db, clock, METTE, date(2026, 12, 18))
    assert await run_jobs(slack, clock, at("2026-12-18", "10:00")) == []
    sent = await run_jobs(slack, clock, at("2026-12-21", "08:00"))
    assert len(sent) >= 1 and "Ozobot" in texts(sent[0])


async def test_snooze_brings_the_nudge_back_the_next_working_day(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await ozobot_test(slack, clock)
    (nudge,) = await run_jobs(slack, clock, at("2026-12-14", "09:00"))
    tomorrow = next(
        e["value"]
        for b in nudge.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "nudge_snooze_1"
    )
    im = slack.standin.im_channel_id(METTE)
    mark = slack.standin.mark()
    await slack.driver.click(METTE, action_id="nudge_snooze_1", value=tomorrow, channel_id=im)
    await slack.settle()
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "jeg minder dig om det igen 15. dec. 2026" in texts(answer)
    (again,) = await run_jobs(slack, clock, at("2026-12-15", "09:00"))
    assert "Ozobot" in texts(again)


async def test_an_old_guide_is_checked_by_its_owner(slack: LocalSlack, clock: ManualClock) -> None:
    # Mette's guides were checked on 30 November: 180 days on is Saturday 29 May.
    assert await run_jobs(slack, clock, at("2027-05-28", "15:00"), "stadig rigtig") == []
    posts = await run_jobs(slack, clock, at("2027-05-31", "08:00"), "stadig rigtig")
    assert len(posts) == 9  # one question for each of the nine guides she owns
    bee_bot = await get_guide(slack.bot.db, "bee-bot")
    assert bee_bot is not None
    im = slack.standin.im_channel_id(METTE)
    await slack.driver.click(
        METTE, action_id="guide_still_right", value=str(bee_bot.guide.id), channel_id=im
    )
    await slack.settle()
    guides = [s.replace(".md", "") for s in ("bee-bot.md", "book-creator.md")]
    checked = [
        slug
        for slug in guides
        if (detail := await get_guide(slack.bot.db, slug)) is not None
        and detail.guide.verified_at is not None
        and detail.guide.verified_at.startswith("2027-05-31")
    ]
    assert checked == ["bee-bot"]
    # Checked: no new question until the next interval; the others are not asked again.
    assert await run_jobs(slack, clock, at("2027-06-01", "08:00"), "stadig rigtig") == []
