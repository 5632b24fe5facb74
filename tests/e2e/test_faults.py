"""Slack having a bad moment, and a database that cannot be written.

A Web API call answered 500 or left hanging is retried with backoff inside the call
(slack_sdk's retry handlers, on the bot's client and on every per-request client Bolt makes);
a reminder that still fails goes back to the durable queue and is sent once later. A database
that cannot be written is said once in the log, and the person gets a short apology.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from slack_sdk.errors import SlackApiError

from bot.clock import ManualClock
from bot.domain.reminders import Reminder
from bot.jobs.dispatcher import Pacer, dispatch
from bot.local import LocalSlack
from bot.runtime import Services
from bot.services import reminders
from bot.views.model import Message
from storage.repositories.sparring import question_records
from tests.conftest import assert_no_refused_payloads
from tests.e2e.conftest import GENERAL, METTE, OLIVER, texts
from tests.people import person_id
from tests.test_dispatcher import Scripted, kinds

#: Every moment is working time: these tests are about Slack, not the calendar.
ALWAYS = reminders.ANYTIME


async def open_result_modal(slack: LocalSlack) -> None:
    result = await slack.driver.slash_command(
        METTE, "/tool-test", "result bee-bot", channel_id=GENERAL
    )
    assert result.status == 200
    await slack.settle()


async def test_a_500_from_slack_is_retried_inside_the_listener(slack: LocalSlack) -> None:
    """`views.open` through the per-request client Bolt hands the listener. One failure: the
    backoff (0.5 s plus up to 1 s of jitter per retry) must stay inside the trigger's 3 s."""
    slack.standin.fail("views.open", times=1)
    await open_result_modal(slack)
    assert [c.status for c in slack.standin.calls_to("views.open")] == [500, 200]
    assert len(slack.standin.open_views(METTE)) == 1


async def test_a_web_api_timeout_is_retried(slack: LocalSlack) -> None:
    slack.bot.app.client.timeout = 1  # the per-request clients copy it
    slack.standin.stall("views.open", times=1, seconds=1.5)
    await open_result_modal(slack)
    assert [c.status for c in slack.standin.calls_to("views.open")][-1] == 200
    assert len(slack.standin.open_views(METTE)) == 1


async def test_a_reminder_that_meets_an_outage_is_sent_once_later(
    slack: LocalSlack, clock: ManualClock
) -> None:
    db = slack.bot.db
    made = await reminders.schedule(
        db,
        clock,
        kind="note",
        recipient=await person_id(db, OLIVER),
        due=clock.now(),
        payload={},
        dedupe_key="outage",
        calendar=ALWAYS,
    )
    assert made is not None

    async def note(services: Services, reminder: Reminder) -> Message | None:
        return Message("Husk evalueringen")

    senders = kinds(Scripted("note", note))
    slack.standin.fail("chat.postMessage", times=3)  # the call and both of its retries
    services = slack.bot.app.services
    first = await dispatch(services, senders, worker="w", pacer=Pacer.instant(), calendar=ALWAYS)
    assert (first.sent, first.retried) == (0, 1)
    waiting = await reminders.get_reminder(db, made.id)
    assert waiting is not None and waiting.state == "pending"
    clock.advance(timedelta(hours=1))
    second = await dispatch(services, senders, worker="w", pacer=Pacer.instant(), calendar=ALWAYS)
    assert second.sent == 1
    third = await dispatch(services, senders, worker="w", pacer=Pacer.instant(), calendar=ALWAYS)
    assert third.claimed == 0
    im = slack.standin.im_channel_id(OLIVER)
    assert im is not None
    assert [m["text"] for m in slack.standin.messages(im)] == ["Husk evalueringen"]


async def writes_allowed(slack: LocalSlack, allowed: bool) -> None:
    """On the writing connection itself: reads have connections of their own, and with
    writes refused not even `BEGIN IMMEDIATE` gets through to turn them on again."""
    await slack.bot.db._conn.execute(f"PRAGMA query_only = {0 if allowed else 1}")


async def test_an_unwritable_database_gives_one_log_line_and_an_apology(
    slack: LocalSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """`query_only` makes every write fail with SQLITE_READONLY, as a read-only file does
    (the tests run as root, who may write a chmod-ed file anyway)."""
    await writes_allowed(slack, False)
    with caplog.at_level(logging.INFO):
        for _ in range(3):
            await slack.driver.slash_command(OLIVER, "/sparring", "", channel_id=GENERAL)
            await slack.settle()
            answer = await slack.driver.submit_view(
                OLIVER, {"question": {"value": "Hvordan kommer vi i gang med Osmo?"}}
            )
            await slack.settle()
            assert answer.status == 200
        await slack.bot.scheduler.run_all_now()  # the jobs fail too, and the bot goes on
        await slack.settle()
    unwritable = [r for r in caplog.records if "database not writable" in r.getMessage()]
    assert len(unwritable) == 1, [r.getMessage() for r in unwritable]
    assert str(slack.bot.db.path) in unwritable[0].getMessage()
    apologies = [
        c for c in slack.standin.calls if "Sorry, something went wrong" in texts(c) and c.ok
    ]
    assert len(apologies) == 3
    assert "readonly" not in "".join(texts(c) for c in slack.standin.calls)  # no details shown
    # Writable again: the next question is stored.
    await writes_allowed(slack, True)
    await slack.driver.slash_command(OLIVER, "/sparring", "", channel_id=GENERAL)
    await slack.settle()
    await slack.driver.submit_view(
        OLIVER, {"question": {"value": "Hvordan kommer vi i gang med Osmo?"}}
    )
    await slack.settle()
    assert len(await question_records(slack.bot.db)) == 1
    assert slack.bot.db.writable


@pytest.mark.allow_refused_payloads
async def test_a_payload_slack_refuses_is_caught_at_the_end_of_a_test(
    slack: LocalSlack, request: pytest.FixtureRequest
) -> None:
    """The check every `slack` fixture makes at teardown (this test opts out of it)."""
    too_long = {"type": "header", "text": {"type": "plain_text", "text": "x" * 200}}
    with pytest.raises(SlackApiError):
        await slack.bot.app.client.chat_postMessage(channel=GENERAL, text="x", blocks=[too_long])
    with pytest.raises(AssertionError, match="invalid_blocks"):
        request.node.own_markers.clear()
        assert_no_refused_payloads(slack.standin, request)
    request.applymarker(pytest.mark.allow_refused_payloads)
