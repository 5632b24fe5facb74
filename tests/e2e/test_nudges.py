"""Nudges: a checkpoint reminder arrives on the right working morning at the nudge time
(09:30, not drop-off time), one follow-up, then "overdue"; holidays and pauses move them;
snooze brings them back; guides get checked, at most three a week. A person's nudges of one
morning come as one message; the day's second batch waits for the next morning, an urgent
escalation does not (issue 18.3, 18.4)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from bot.clock import ManualClock
from bot.domain.tool_tests import TestPlan
from bot.local import LocalSlack
from bot.reminders.guide_check import GUIDE_CHECK, checked_at
from bot.reminders.onboarding_follow_up import ONBOARDING
from bot.reminders.tool_test_checkpoint import CHECKPOINT
from bot.services import identities, nudges, reminders
from bot.services.guides import find_tool, get_guide
from bot.services.sparring import ask
from bot.services.tool_tests import start_test
from bot.standin import RecordedCall
from storage.repositories import org
from tests.e2e.conftest import METTE, OLIVER, texts
from tests.e2e.nudge_lists import opened
from tests.people import person_id

LINE = "U0DEMO005"


def at(day: str, hhmm: str = "09:30") -> datetime:
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
        await person_id(slack.bot.db, METTE),
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
    arrive too), each item of a morning list opened as she would open it (in the list's
    thread, in her DM by its own id)."""
    mark = slack.standin.mark()
    clock.move_to(moment.replace(tzinfo=clock.tz))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    hers = (METTE, slack.standin.im_channel_id(METTE))
    return [
        c
        for c in await opened(slack, slack.standin.calls_since(mark))
        if c.method == "chat.postMessage" and c.args["channel"] in hers and about in texts(c)
    ]


async def test_a_checkpoint_nudge_comes_that_morning_then_one_follow_up_then_overdue(
    slack: LocalSlack, clock: ManualClock
) -> None:
    test_id = await ozobot_test(slack, clock)
    assert await run_jobs(slack, clock, at("2026-12-14", "09:29")) == []  # before nudge time
    (nudge,) = await run_jobs(slack, clock, at("2026-12-14", "09:30"))
    assert nudge.ok, nudge.errors
    assert texts(nudge).startswith(
        "Hvordan går det med *Ozobot* i Børnehuset Mælkebøtten? Det er tid til at evaluere"
    )
    assert await run_jobs(slack, clock, at("2026-12-15", "12:00")) == []  # nothing twice
    (follow_up,) = await run_jobs(slack, clock, at("2026-12-16"))
    assert texts(follow_up).startswith("Påmindelse: Der er ikke kommet et resultat for *Ozobot*")
    calendar = slack.bot.app.services.settings.calendar

    async def overdue() -> list[nudges.OverdueCheckpoint]:
        found = await nudges.overdue_checkpoints(slack.bot.db, clock, calendar)
        return [o for o in found if o.test.id == test_id]  # the demo has a test of its own

    assert await overdue() == []
    assert await run_jobs(slack, clock, at("2026-12-18")) == []  # no third message
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
    (nudge,) = await run_jobs(slack, clock, at("2026-12-28"))
    assert "Ozobot" in texts(nudge)


async def test_a_paused_person_gets_the_nudge_after_the_pause(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await ozobot_test(slack, clock)
    await reminders.pause(
        slack.bot.db,
        clock,
        await identities.person_for(slack.bot.db, clock, "slack", METTE),
        date(2026, 12, 18),
    )
    assert await run_jobs(slack, clock, at("2026-12-18", "10:00")) == []
    sent = await run_jobs(slack, clock, at("2026-12-21"))
    assert len(sent) >= 1 and "Ozobot" in texts(sent[0])


async def test_snooze_brings_the_nudge_back_the_next_working_day(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await ozobot_test(slack, clock)
    (nudge,) = await run_jobs(slack, clock, at("2026-12-14"))
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
    (again,) = await run_jobs(slack, clock, at("2026-12-15"))
    assert "Ozobot" in texts(again)


async def test_old_guides_are_checked_by_their_owner_three_a_week(
    slack: LocalSlack, clock: ManualClock
) -> None:
    # Mette's nine guides were checked on 30 November: 180 days on is Saturday 29 May.
    assert await run_jobs(slack, clock, at("2027-05-28", "15:00"), "stadig rigtig") == []
    posts = await run_jobs(slack, clock, at("2027-05-31"), "stadig rigtig")
    assert len(posts) == 3  # three this week, all in her one morning message; six later
    mette = await person_id(slack.bot.db, METTE)
    planned = [
        r.due.astimezone(clock.tz).strftime("%Y-%m-%d %H:%M")
        for r in await reminders.list_reminders(slack.bot.db, due_only=False, now=clock.now())
        if r.kind == GUIDE_CHECK.name and r.recipient == mette
    ]
    assert sorted(planned) == ["2027-06-07 09:30"] * 3 + ["2027-06-14 09:30"] * 3
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
    assert await run_jobs(slack, clock, at("2027-06-01"), "stadig rigtig") == []
    assert len(await run_jobs(slack, clock, at("2027-06-07"), "stadig rigtig")) == 3


# -- one message a morning (issue 18.3) ---------------------------------------------------------


def to_mette(slack: LocalSlack, calls: list[RecordedCall]) -> list[RecordedCall]:
    """Posts in Mette's DM (by her id, or by the DM's own id)."""
    hers = (METTE, slack.standin.im_channel_id(METTE))
    return [c for c in calls if c.method == "chat.postMessage" and c.args["channel"] in hers]


async def jobs_at(slack: LocalSlack, clock: ManualClock, moment: datetime) -> list[RecordedCall]:
    """Every job once at `moment`: Mette's DMs as Slack got them (lists not opened)."""
    mark = slack.standin.mark()
    clock.move_to(moment.replace(tzinfo=clock.tz))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    return to_mette(slack, slack.standin.calls_since(mark))


async def plan_guide_check(slack: LocalSlack, clock: ManualClock, slug: str) -> None:
    """A check of one of Mette's guides due now, as the planner would make it."""
    detail = await get_guide(slack.bot.db, slug)
    assert detail is not None
    await GUIDE_CHECK.plan_for(
        slack.bot.db,
        clock,
        slack.bot.app.services.settings.calendar,
        guide_id=detail.guide.id,
        checked=checked_at(detail),
        owner=await person_id(slack.bot.db, METTE),
        due=clock.now(),
    )


async def test_five_nudges_of_one_morning_come_as_one_message_whose_buttons_work(
    slack: LocalSlack, clock: ManualClock
) -> None:
    # Monday 4 January 2027: the Ozobot checkpoint, the quarter's area evaluation, two quiet
    # superusers to plan an oplæring with, and a guide to check — five nudges, one DM.
    test_id = await ozobot_test(slack, clock, weeks=(5,))
    clock.move_to(at("2027-01-04", "09:00").replace(tzinfo=clock.tz))
    await plan_guide_check(slack, clock, "bee-bot")
    assert await jobs_at(slack, clock, at("2027-01-04", "09:29")) == []  # before 09:30
    everyone = slack.standin.mark()
    (morning,) = await jobs_at(slack, clock, at("2027-01-04"))
    assert morning.ok, morning.errors
    # One DM each that morning: ambassadors (Mette, Søren), superusers (Line, Oliver…).
    dms = Counter(
        str(c.args["channel"])
        for c in slack.standin.calls_since(everyone)
        if c.method == "chat.postMessage"
    )
    assert set(dms.values()) == {1} and {METTE, LINE, OLIVER} <= set(dms)
    assert morning.args["text"] == "5 påmindelser i dag"
    lines = [b for b in morning.args["blocks"] if b.get("accessory")]
    assert [b["accessory"]["text"]["text"] for b in lines] == ["Vis"] * 5
    shown = "\n".join(b["text"]["text"] for b in lines)
    assert "Hvordan går det med *Ozobot* i Børnehuset Mælkebøtten?" in shown
    assert "Kvartalets evaluering for område Nord" in shown
    assert shown.count("blev superbruger for to uger siden") == 2
    assert "Er vejledningen *Bee-Bot: Bee-Bot på gulvet" in shown
    kinds = {
        r.kind
        for r in await reminders.list_reminders(slack.bot.db, due_only=False, now=clock.now())
    }
    assert not kinds & {CHECKPOINT.name, GUIDE_CHECK.name, ONBOARDING.name}  # all sent
    # Vis opens the checkpoint's own message in the list's thread; its button works there.
    ozobot = next(b for b in lines if "Ozobot" in b["text"]["text"])
    mark = slack.standin.mark()
    await slack.driver.click(
        METTE, action_id="nudge_show", value=ozobot["accessory"]["value"],
        message_ts=morning.response["ts"],
    )  # fmt: skip
    await slack.settle()
    (item,) = to_mette(slack, slack.standin.calls_since(mark))
    assert item.args["thread_ts"] == morning.response["ts"]
    assert texts(item).startswith("Hvordan går det med *Ozobot* i Børnehuset Mælkebøtten?")
    await slack.driver.click(
        METTE, action_id="test_result_open", value=str(test_id), message_ts=item.response["ts"]
    )
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    test = next(b for b in modal["blocks"] if b.get("block_id") == "test")
    assert test["element"]["initial_option"]["value"] == str(test_id)
    assert await jobs_at(slack, clock, at("2027-01-04", "14:00")) == []  # nothing twice


async def test_the_day_s_second_batch_waits_for_the_next_morning_but_an_escalation_does_not(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await ozobot_test(slack, clock)
    (morning,) = await jobs_at(slack, clock, at("2026-12-14"))
    assert "Ozobot" in texts(morning)
    # Later that Monday: a guide to check (not urgent) and Line's question, unanswered for
    # eight working hours (urgent).
    clock.move_to(at("2026-12-14", "11:00").replace(tzinfo=clock.tz))
    await plan_guide_check(slack, clock, "bee-bot")
    await ask(
        slack.bot.db,
        clock,
        request_key="test:late",
        asker_id=await person_id(slack.bot.db, LINE),
        text="Hvordan får vi lyd på Book Creator?",
        tool_id=None,
        hold="never",
    )
    assert await jobs_at(slack, clock, at("2026-12-14", "11:05")) == []
    (held,) = [
        r
        for r in await reminders.list_reminders(slack.bot.db, due_only=False, now=clock.now())
        if r.kind == GUIDE_CHECK.name
    ]
    assert held.due == at("2026-12-15").replace(tzinfo=clock.tz)  # the next working morning
    (tuesday,) = await jobs_at(slack, clock, at("2026-12-15"))
    assert "stadig rigtig" in texts(tuesday) and "Ozobot" not in texts(tuesday)
    # Eight working hours after 11:00 on Monday is 11:30 on Tuesday: urgent, so it comes
    # although Mette had Tuesday's message.
    assert await jobs_at(slack, clock, at("2026-12-15", "11:29")) == []
    (escalation,) = await jobs_at(slack, clock, at("2026-12-15", "11:30"))
    assert "har ventet på svar i 8 arbejdstimer" in texts(escalation)
    assert "Hvordan får vi lyd på Book Creator?" in texts(escalation)
