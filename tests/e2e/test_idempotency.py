"""Slack retries and people double-click: every submission that creates a record creates one.

Each test does the thing once through the driver, then delivers the very same request again
(what Slack sends on a retry, and what a second click on a slow button sends), and counts
the rows.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.guides import find_tool, guide_history, set_tool_status
from bot.services.tool_tests import tool_summary
from bot.services.workspace_settings import set_setting
from bot.standin import DriverResult
from bot.standin.transport import Kind
from bot.views.decisions import DECIDE
from storage.repositories.sparring import question_records
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, OLIVER, texts
from tests.e2e.test_tool_guide import choose, tool_guide
from tests.people import person_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, area Nord
JENS = "U0DEMO002"  # leader
SOEREN = "U0DEMO004"
SPARRING = "C0SPARRING"


async def again(slack: LocalSlack, first: DriverResult) -> DriverResult:
    """The same request delivered a second time, as Slack's retry or a double click."""
    assert first.status == 200, first.body
    payload: dict[str, Any] = first.payload
    kind: Kind = "slash_commands" if "command" in payload else "interactive"
    repeated = await slack.driver.transport.send(kind, payload)
    await slack.settle()
    assert repeated.status == 200, repeated.body
    return repeated


async def count(slack: LocalSlack, table: str) -> int:
    row = await slack.bot.db.fetchone(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - a test's own constant
    assert row is not None
    return int(row[0])


async def tool_id(slack: LocalSlack, name: str) -> int:
    tool = await find_tool(slack.bot.db, name)
    assert tool is not None
    return tool.id


async def test_a_result_submitted_twice_is_stored_once(slack: LocalSlack) -> None:
    await slack.driver.slash_command(METTE, "/tool-test", "result bee-bot", channel_id=GENERAL)
    await slack.settle()
    first = await slack.driver.submit_view(
        METTE, {"rating": {"value": "4"}, "worked": {"value": "Børnene ventede på tur."}}
    )
    await slack.settle()
    await again(slack, first)
    assert (await tool_summary(slack.bot.db, await tool_id(slack, "Bee-Bot"))).results == 1


async def test_a_tool_test_started_twice_is_one_test(slack: LocalSlack) -> None:
    before = await count(slack, "tool_tests")  # the demo has one
    await slack.driver.slash_command(METTE, "/tool-test", "start ozobot", channel_id=GENERAL)
    await slack.settle()
    (modal,) = slack.standin.open_views(METTE)
    daycares = next(b for b in modal["blocks"] if b.get("block_id") == "daycares")
    first_daycare = daycares["element"]["option_groups"][0]["options"][0]["value"]
    first = await slack.driver.submit_view(
        METTE,
        {
            "question": {"value": "Kan 4-årige følge en streg?"},
            "daycares": {"value": [first_daycare]},
        },
    )
    await slack.settle()
    await again(slack, first)
    assert await count(slack, "tool_tests") == before + 1


async def test_a_sparring_question_submitted_twice_is_one_question(
    slack: LocalSlack, clock: ManualClock
) -> None:
    slack.standin.add_channel(SPARRING, "sparring", members=[METTE, SOEREN, ANNETTE])
    await set_setting(
        slack.bot.db, clock, "sparring_channel", SPARRING, await person_id(slack.bot.db, ANNETTE)
    )
    await slack.driver.slash_command(OLIVER, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    first = await slack.driver.submit_view(
        OLIVER, {"question": {"value": "Hvordan kommer vi i gang med Osmo i vuggestuen?"}}
    )
    await slack.settle()
    await again(slack, first)
    assert len(await question_records(slack.bot.db)) == 1
    posted = [
        c for c in slack.standin.calls_to("chat.postMessage") if c.args["channel"] == SPARRING
    ]
    assert len(posted) <= 1  # never posted twice to the network


async def test_ask_anyway_clicked_twice_is_one_question(
    slack: LocalSlack, clock: ManualClock
) -> None:
    slack.standin.add_channel(SPARRING, "sparring", members=[METTE, SOEREN, ANNETTE])
    await set_setting(
        slack.bot.db, clock, "sparring_channel", SPARRING, await person_id(slack.bot.db, ANNETTE)
    )
    command = await slack.driver.slash_command(
        LINE,
        "/sparring",
        "Hvordan får vi de små til at vente på tur med Bee-Bot?",
        channel_id=GENERAL,
    )
    await slack.settle()
    await again(slack, command)  # Slack retrying the slash command
    first = await slack.driver.click(LINE, action_id="sparring_ask_anyway", channel_id=GENERAL)
    await slack.settle()
    await again(slack, first)
    assert len(await question_records(slack.bot.db)) == 1
    posted = [
        c for c in slack.standin.calls_to("chat.postMessage") if c.args["channel"] == SPARRING
    ]
    assert len(posted) == 1


async def test_a_guide_saved_twice_is_one_version(slack: LocalSlack) -> None:
    answer = await tool_guide(slack, METTE, "bee-bot")
    await choose(slack, METTE, answer, "guide_edit")  # "Ret" in the card's "Mere …"
    first = await slack.driver.submit_view(
        METTE, {"purpose": {"value": "Børnene træner at give præcise beskeder til en robot."}}
    )
    await slack.settle()
    await again(slack, first)
    assert [v.version for v in await guide_history(slack.bot.db, "bee-bot")] == [2, 1]


async def test_a_training_planned_twice_is_one_training_and_a_sign_up_counts_once(
    slack: LocalSlack, clock: ManualClock
) -> None:
    await slack.driver.slash_command(METTE, "/tool-test", "train bee-bot", channel_id=GENERAL)
    await slack.settle()
    fields = {
        b: {"value": v} for b, v in {"day": "2026-12-07", "time": "13:00", "place": "Salen"}.items()
    }
    first = await slack.driver.submit_view(METTE, fields)
    await slack.settle()
    await again(slack, first)
    assert await count(slack, "trainings") == 1
    # The invitation goes out at the day's nudge time; Line answers yes twice.
    clock.advance(timedelta(minutes=30))
    await slack.bot.scheduler.run_all_now()
    await slack.settle()
    im = slack.standin.im_channel_id(LINE)
    assert im is not None
    invite = next(m for m in slack.standin.messages(im) if "training_yes" in str(m.get("blocks")))
    yes = await slack.driver.click(
        LINE, action_id="training_yes", channel_id=im, message_ts=invite["ts"]
    )
    await slack.settle()
    await again(slack, yes)
    rows = await slack.bot.db.fetchall("SELECT answer FROM training_signups")
    assert [r["answer"] for r in rows] == ["yes"]


async def test_a_decision_clicked_twice_on_the_home_is_one_decision(
    slack: LocalSlack, clock: ManualClock
) -> None:
    ozobot = await tool_id(slack, "Ozobot")
    await set_tool_status(
        slack.bot.db, clock, ozobot, "evaluated", changed_by=await person_id(slack.bot.db, SOEREN)
    )
    await slack.driver.event({"type": "app_home_opened", "user": JENS, "tab": "home"})
    await slack.settle()
    mark = slack.standin.mark()
    first = await slack.driver.click(JENS, action_id=DECIDE["approved"], value=str(ozobot))
    await slack.settle()
    await again(slack, first)
    rows = await slack.bot.db.fetchall(
        "SELECT decision FROM tool_decisions WHERE tool_id = ?", (ozobot,)
    )
    assert [r["decision"] for r in rows] == ["approved"]
    assert all(c.ok for c in slack.standin.calls_since(mark)), [
        (c.method, c.error) for c in slack.standin.calls_since(mark) if not c.ok
    ]


async def test_a_retried_mention_in_the_test_channel_saves_one_result(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """One message, three deliveries: `message`, `app_mention`, and Slack's retry."""
    slack.standin.add_channel("C0TESTS", "afproevning", members=[METTE, ANNETTE])
    await set_setting(
        slack.bot.db, clock, "test_channel", "C0TESTS", await person_id(slack.bot.db, ANNETTE)
    )
    first = await slack.driver.user_message(METTE, "C0TESTS", "#test Ozobot 3/5")
    await slack.settle()
    assert first.payload is not None
    event = dict(first.payload["event"], type="app_mention")
    await slack.driver.event(event)
    await slack.driver.event(
        first.payload["event"], event_id=first.payload["event_id"], retry_num=1
    )
    await slack.settle()
    assert (await tool_summary(slack.bot.db, await tool_id(slack, "Ozobot"))).results == 1
    replies = slack.standin.replies("C0TESTS", str(first.payload["event"]["ts"]))
    assert len(replies) == 1, [texts_of(r) for r in replies]


def texts_of(message: dict[str, Any]) -> str:
    return str(message.get("text", ""))


__all__ = ["texts"]
