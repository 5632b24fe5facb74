"""The right next step in each nudge, clicked through Slack: the quiet new superuser's nudge
plans a training in their area; the training's ambassador hears of a sign-up and, the working
day after, opens the attendance form from the reminder; a new ambassador's welcome lists the
area's open questions, and "Jeg tager den" there takes one."""

from __future__ import annotations

from datetime import datetime

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.network import snapshot
from bot.services.sparring import ask, get_question
from bot.standin import RecordedCall
from bot.views.sparring import CLAIM
from bot.views.trainings import ATTENDANCE, ATTENDANCE_CALLBACK, PLAN_CALLBACK, PLAN_FOR, YES
from storage.repositories.org import set_role
from tests.e2e.conftest import METTE, texts
from tests.e2e.nudge_lists import opened
from tests.e2e.test_trainings import LINE, click, command, submit
from tests.people import person_id

AHMED = "U0DEMO006"


def at(moment: str, clock: ManualClock) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=clock.tz)


async def dms(slack: LocalSlack, clock: ManualClock, moment: str, user: str) -> list[RecordedCall]:
    """Move the clock, run every job; the messages posted to `user`, a morning list's items
    opened with **Vis** as the person would."""
    mark = slack.standin.mark()
    clock.move_to(at(moment, clock))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    posted = [
        c
        for c in slack.standin.calls_since(mark)
        if c.method == "chat.postMessage" and c.ok and c.args.get("channel") == user
    ]
    return [
        c
        for c in await opened(slack, posted)
        if c.args.get("channel") in (user, slack.standin.im_channel_id(user))
    ]


def with_button(calls: list[RecordedCall], action_id: str) -> list[RecordedCall]:
    return [c for c in calls if f"'action_id': '{action_id}'" in str(c.args.get("blocks"))]


def button(call: RecordedCall, action_id: str) -> dict[str, object]:
    for block in call.args["blocks"]:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if element.get("action_id") == action_id:
                return dict(element)
    raise AssertionError(f"no {action_id} in the message")


async def press(slack: LocalSlack, user: str, message: RecordedCall, action_id: str) -> None:
    mark = slack.standin.mark()
    await slack.driver.click(
        user,
        action_id=action_id,
        channel_id=message.response["channel"],
        message_ts=message.response["ts"],
    )
    await slack.settle()
    assert all(c.ok for c in slack.standin.calls_since(mark))


async def test_the_onboarding_nudge_opens_the_plan_form_in_the_superusers_area(
    slack: LocalSlack, clock: ManualClock
) -> None:
    # Line and Ahmed were welcomed when the demo was set up and have not used the bot since:
    # two weeks later their ambassador Mette is nudged, once for each.
    nudged = with_button(await dms(slack, clock, "2026-12-15T10:00", METTE), PLAN_FOR)
    # The button names the superuser by person id.
    line_id, ahmed_id = [str(await person_id(slack.bot.db, s)) for s in (LINE, AHMED)]
    assert {str(button(c, PLAN_FOR)["value"]) for c in nudged} == {line_id, ahmed_id}
    line = next(c for c in nudged if button(c, PLAN_FOR)["value"] == line_id)
    assert "tid til at aftale en oplæring" in texts(line)
    assert button(line, PLAN_FOR)["text"] == {"type": "plain_text", "text": "Planlæg oplæring"}

    await press(slack, METTE, line, PLAN_FOR)
    modal = slack.standin.views.top(METTE)
    assert modal is not None and modal["callback_id"] == PLAN_CALLBACK
    fields = {b["block_id"]: b for b in modal["blocks"] if b.get("block_id")}
    assert fields["area"]["element"]["initial_option"]["text"]["text"] == "Nord"


async def test_the_ambassador_hears_of_a_sign_up_and_records_attendance_the_next_working_day(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await command(slack, METTE, "train bee-bot")
    # Friday 18 December: the next working day is Monday the 21st.
    await submit(slack, METTE, {"day": "2026-12-18", "time": "13:00", "place": "Salen"})
    (invite,) = with_button(await dms(slack, clock, "2026-11-30T10:00", LINE), YES)
    await click(slack, LINE, YES, str(button(invite, YES)["value"]), invite.response["channel"])

    (notice,) = [
        c
        for c in await dms(slack, clock, "2026-11-30T10:05", METTE)
        if "har tilmeldt sig" in texts(c)
    ]
    assert texts(notice).startswith(
        "Line Nielsen (Børnehuset Mælkebøtten) har tilmeldt sig oplæringen i *Bee-Bot*"
        " fredag 18. dec. 2026 kl. 13.00."
    )

    assert with_button(await dms(slack, clock, "2026-12-18T15:00", METTE), ATTENDANCE) == []
    assert with_button(await dms(slack, clock, "2026-12-20T12:00", METTE), ATTENDANCE) == []
    (reminder,) = with_button(await dms(slack, clock, "2026-12-21T11:00", METTE), ATTENDANCE)
    assert "Registrér, hvem der kom" in texts(reminder)
    assert button(reminder, ATTENDANCE)["text"] == {
        "type": "plain_text",
        "text": "Registrér fremmøde",
    }

    await press(slack, METTE, reminder, ATTENDANCE)
    modal = slack.standin.views.top(METTE)
    assert modal is not None and modal["callback_id"] == ATTENDANCE_CALLBACK
    came = next(b for b in modal["blocks"] if b.get("block_id") == "came")
    assert [o["text"]["text"] for o in came["element"]["initial_options"]] == ["Line Nielsen"]
    _, calls = await submit(slack, METTE, {})
    assert "1 deltog" in texts(next(c for c in calls if c.method == "chat.postMessage"))
    # Recorded: no second reminder.
    assert with_button(await dms(slack, clock, "2026-12-22T11:00", METTE), ATTENDANCE) == []


async def test_a_new_ambassador_is_welcomed_with_the_areas_open_questions_and_takes_one(
    slack: LocalSlack, clock: ManualClock
) -> None:
    asked = []
    for n in range(1, 4):
        routing = await ask(
            slack.bot.db,
            clock,
            request_key=f"test:{n}",
            asker_id=await person_id(slack.bot.db, LINE),
            text=f"Spørgsmål {n}: hvordan får vi lyd på Book Creator?",
            tool_id=None,
            hold="never",
        )
        asked.append(routing.question.id)
    # The coordinator makes Ahmed an ambassador for Nord as well (the settings path).
    snap = await snapshot(slack.bot.db)
    ahmed = snap.person(await person_id(slack.bot.db, AHMED))
    nord = next(a for a in snap.areas if a.name == "Nord")
    assert ahmed is not None
    async with slack.bot.db.transaction() as conn:
        await set_role(conn, ahmed.id, "ambassador", area_id=nord.id, daycare_id=None, present=True)

    # Two weeks on, the morning he becomes one also has nudges for him (Line has been quiet).
    received = await dms(slack, clock, "2026-12-15T10:00", AHMED)
    assert with_button(received, PLAN_FOR)
    (welcome,) = [c for c in received if "Velkommen som ambassadør" in texts(c)]
    assert welcome.args.get("thread_ts") is None  # a welcome, on its own: not in the list
    assert "som ingen har taget endnu (3)" in texts(welcome)
    listed = [b for b in welcome.args["blocks"] if (b.get("accessory") or {}).get("action_id")]
    assert [b["accessory"]["value"] for b in listed] == [str(i) for i in asked]

    mark = slack.standin.mark()
    await slack.driver.click(
        AHMED,
        action_id=CLAIM,
        value=str(asked[1]),
        channel_id=welcome.response["channel"],
        message_ts=welcome.response["ts"],
    )
    await slack.settle()
    calls = slack.standin.calls_since(mark)
    question = await get_question(slack.bot.db, asked[1])
    assert question is not None and question.claimed_by == await person_id(slack.bot.db, AHMED)
    assert not [c for c in calls if c.method == "chat.update"]  # the welcome stays whole
    (told,) = [c for c in calls if c.method == "response_url"]
    assert "Du har taget spørgsmålet fra <@U0DEMO005>" in texts(told)
    # A second click is told it is already his.
    mark = slack.standin.mark()
    await slack.driver.click(
        AHMED,
        action_id=CLAIM,
        value=str(asked[1]),
        channel_id=welcome.response["channel"],
        message_ts=welcome.response["ts"],
    )
    await slack.settle()
    (again,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "Du har allerede taget den" in texts(again)
