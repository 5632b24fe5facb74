"""The pulse through Slack: the weekly digest arrives in the leadership channel on Monday
morning — once, with its chart, a day later after a holiday — and `/tovholder pulse` shows
each role its own scope, privately."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from bot.clock import ManualClock
from bot.domain.tool_tests import ResultDraft
from bot.local import LocalSlack
from bot.services.guides import find_tool, set_tool_status, tool_decisions
from bot.services.tool_tests import save_result
from bot.services.workspace_settings import set_setting
from bot.standin import RecordedCall
from storage.repositories import org
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts
from tests.people import person_id

JENS, LINE = "U0DEMO002", "U0DEMO005"
LEDELSE = "C0LEDELSE"
PNG = b"\x89PNG\r\n\x1a\n"


async def leadership_channel(slack: LocalSlack, clock: ManualClock) -> None:
    slack.standin.add_channel(LEDELSE, "ledelse")
    annette = await person_id(slack.bot.db, ANNETTE)
    await set_setting(slack.bot.db, clock, "leadership_channel", LEDELSE, annette)


async def run_jobs(slack: LocalSlack, clock: ManualClock, moment: datetime) -> list[RecordedCall]:
    """Every job once at `moment`; the calls that reached the leadership channel."""
    mark = slack.standin.mark()
    clock.move_to(moment.replace(tzinfo=clock.tz))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    return [
        c
        for c in slack.standin.calls_since(mark)
        if LEDELSE in (c.args.get("channel"), c.args.get("channel_id"))
    ]


def uploaded(slack: LocalSlack, upload: RecordedCall) -> bytes:
    """The bytes of the (one) file an upload completed."""
    files = upload.args["files"]
    (file_ref,) = json.loads(files) if isinstance(files, str) else files
    content = slack.standin.uploaded_file(file_ref["id"])
    assert content is not None
    return content


async def a_result_in_nord(slack: LocalSlack, clock: ManualClock) -> None:
    db = slack.bot.db
    tool = await find_tool(db, "Bee-Bot")
    assert tool is not None
    maelk = next(d.id for d in await org.all_daycares(db) if d.name == "Børnehuset Mælkebøtten")
    await save_result(
        db,
        clock,
        await person_id(db, METTE),
        ResultDraft(tool_id=tool.id, tested_on=clock.now().date(), daycare_id=maelk, rating=4),
        request_key="pulse-result",
    )


async def test_the_digest_comes_monday_morning_once_with_its_chart(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await leadership_channel(slack, clock)
    clock.move_to(datetime(2026, 12, 2, 10, 0, tzinfo=clock.tz))  # Wednesday of week 49
    await a_result_in_nord(slack, clock)
    assert await run_jobs(slack, clock, datetime(2026, 12, 7, 8, 29)) == []
    calls = await run_jobs(slack, clock, datetime(2026, 12, 7, 8, 30))
    assert all(c.ok for c in calls), [c.errors for c in calls]
    (message,) = [c for c in calls if c.method == "chat.postMessage"]
    shown = texts(message)
    assert "Ugens puls – uge 49 (30. nov. 2026–6. dec. 2026)" in shown
    assert "Hele netværket" in shown
    nord = next(b["text"]["text"] for b in message.args["blocks"] if "*Nord*" in str(b))
    assert "Testresultater: 1" in nord
    assert "Områder uden ambassadør: Øst" in shown
    (upload,) = [c for c in calls if c.method == "files.completeUploadExternal"]
    assert uploaded(slack, upload).startswith(PNG)
    # A second run that morning, and the next day, post nothing.
    assert await run_jobs(slack, clock, datetime(2026, 12, 7, 9, 0)) == []
    assert await run_jobs(slack, clock, datetime(2026, 12, 8, 9, 0)) == []


async def test_a_digest_due_on_a_holiday_comes_the_next_working_day(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await leadership_channel(slack, clock)
    # 29 March 2027 is Easter Monday (2. påskedag): the digest comes Tuesday morning.
    assert await run_jobs(slack, clock, datetime(2027, 3, 29, 9, 0)) == []
    assert await run_jobs(slack, clock, datetime(2027, 3, 30, 7, 59)) == []
    calls = await run_jobs(slack, clock, datetime(2027, 3, 30, 8, 0))
    (message,) = [c for c in calls if c.method == "chat.postMessage"]
    assert "Ugens puls – uge 12 (22. mar. 2027–28. mar. 2027)" in texts(message)


async def test_without_a_leadership_channel_no_digest_is_posted(
    slack: LocalSlack, clock: ManualClock
) -> None:
    mark = slack.standin.mark()
    clock.move_to(datetime(2026, 12, 7, 9, 0, tzinfo=clock.tz))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    posted = [c for c in slack.standin.calls_since(mark) if c.method == "chat.postMessage"]
    assert not any("Ugens puls" in texts(c) for c in posted)


async def pulse(slack: LocalSlack, user: str, text: str = "") -> str:
    mark = slack.standin.mark()
    await slack.driver.slash_command(
        user, "/tovholder", f"pulse {text}".strip(), channel_id=GENERAL
    )
    await slack.settle()
    (answer,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert answer.ok, answer.errors
    assert answer.args.get("response_type") == "ephemeral"
    return texts(answer)


async def test_each_role_sees_its_own_scope(slack: LocalSlack, clock: ManualClock) -> None:
    leader = await pulse(slack, JENS)
    assert "Puls – uge 49" in leader and "Hele netværket" in leader
    assert all(f"*{area}*" in leader for area in ("Nord", "Syd", "Øst"))
    ambassador = await pulse(slack, METTE)
    assert "Område Nord" in ambassador
    assert "*Nord*" in ambassador and "*Syd*" not in ambassador
    superuser = await pulse(slack, LINE)
    assert "Børnehuset Mælkebøtten" in superuser and "*Syd*" not in superuser
    assert "Syd" in await pulse(slack, JENS, "Syd")
    refused = await pulse(slack, METTE, "Syd")
    assert "Området »Syd« kan du ikke se pulsen for. Du kan vælge: Nord" in refused


async def test_periods_and_bad_input(slack: LocalSlack, clock: ManualClock) -> None:
    assert "Puls – 4. kvartal 2026" in await pulse(slack, JENS, "2026-Q4")
    assert "Puls – november 2026" in await pulse(slack, JENS, "2026-11")
    assert "»2026-13« er ikke en periode" in await pulse(slack, JENS, "2026-13")
    assert "»<!channel>« kan du ikke se pulsen for" not in await pulse(slack, JENS, "<!channel>")
    stranger = "U0STRANGER"
    slack.standin.add_user(stranger, "stranger")
    slack.standin.workspace.channels[GENERAL].members.append(stranger)
    assert "du er ikke i netværket endnu" in await pulse(slack, stranger)


async def test_the_export_arrives_as_a_file_by_dm(slack: LocalSlack, clock: ManualClock) -> None:
    mark = slack.standin.mark()
    await slack.driver.slash_command(
        JENS, "/tovholder", "pulse export 2026-Q4 csv", channel_id=GENERAL
    )
    await slack.settle()
    calls = slack.standin.calls_since(mark)
    assert all(c.ok for c in calls), [c.errors for c in calls]
    (upload,) = [c for c in calls if c.method == "files.completeUploadExternal"]
    assert upload.args["channel_id"] == slack.standin.im_channel_id(JENS)
    (answer,) = [c for c in calls if c.method == "response_url"]
    assert "Pulsen for 4. kvartal 2026 er sendt til dig som CSV-fil" in texts(answer)
    assert "2026-Q4" in uploaded(slack, upload).decode("utf-8")


async def test_a_leader_decides_from_the_pulse(slack: LocalSlack, clock: ManualClock) -> None:
    db = slack.bot.db
    ozobot = await find_tool(db, "Ozobot")
    assert ozobot is not None
    await set_tool_status(
        db, clock, ozobot.id, "evaluated", changed_by=await person_id(db, ANNETTE)
    )
    mark = slack.standin.mark()
    await slack.driver.slash_command(JENS, "/tovholder", "pulse", channel_id=GENERAL)
    await slack.settle()
    (shown,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "Venter på ledelsens beslutning: Ozobot" in texts(shown)
    assert "*Ozobot* venter på jeres beslutning:" in texts(shown)
    mark = slack.standin.mark()
    await slack.driver.slash_command(METTE, "/tovholder", "pulse", channel_id=GENERAL)
    await slack.settle()
    (mettes,) = [c for c in slack.standin.calls_since(mark) if c.method == "response_url"]
    assert "home_decide" not in json.dumps(mettes.args["blocks"])  # not hers to decide
    mark = slack.standin.mark()
    await slack.driver.click(
        JENS, action_id="home_decide_approved", value=str(ozobot.id), channel_id=GENERAL
    )
    await slack.settle()
    (kept,) = await tool_decisions(db, ozobot.id)
    assert (kept.decision, kept.recorded_by) == ("approved", await person_id(db, JENS))
    clock.advance(timedelta(minutes=1))
    later = await pulse(slack, JENS)
    assert "Venter på ledelsens beslutning" not in later
    assert "Ozobot – Godkendt (30. nov. 2026)" in later
