"""The weekly digest goes out once, also when Slack or the process fails at the worst moment.

Every failure of the post hands the claim back for the next run (five minutes later) instead
of holding it for the lease; a post that may be in Slack (the process died after posting,
the answer was lost) is looked up by its tag in the channel before anything is posted again;
a look-up Slack does not answer posts nothing and waits. Slack's failures come from the
stand-in's fault switch; the crash is a task cancelled while Slack is accepting the post.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import json
from datetime import datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.jobs.digest import send_digest
from bot.local import LocalSlack
from bot.runtime import Services
from bot.services import digest
from bot.services.workspace_settings import set_setting
from bot.standin import RecordedCall
from bot.standin.server import EMPTY_404, HANG, HTML_503, LOST_ANSWER, Fault
from handlers.slack.messenger import SlackMessenger, slack_people
from storage.repositories.digests import digest_records
from tests.e2e.conftest import ANNETTE
from tests.people import person_id

LEDELSE = "C0LEDELSE"
#: Monday of week 50, 2026, when the digest of week 49 is due.
DUE = datetime(2026, 12, 7, 8, 30)
RUN_EVERY = timedelta(minutes=5)


@pytest.fixture
async def ready(slack: LocalSlack, clock: ManualClock) -> LocalSlack:
    slack.standin.add_channel(LEDELSE, "ledelse")
    await set_setting(
        slack.bot.db, clock, "leadership_channel", LEDELSE, await person_id(slack.bot.db, ANNETTE)
    )
    clock.move_to(DUE.replace(tzinfo=clock.tz))
    return slack


def services(slack: LocalSlack) -> Services:
    return slack.bot.app.services


def without_retries(slack: LocalSlack, *, timeout: int | None = None) -> Services:
    """A messenger whose client gives up at once: slack_sdk's own 5xx retries sleep for real
    seconds, and the test is about what the digest does after them."""
    client = copy.copy(slack.bot.app.client)
    client.retry_handlers = []
    if timeout is not None:
        client.timeout = timeout
    messenger = SlackMessenger(client, slack_people(slack.bot.db))
    return dataclasses.replace(services(slack), messenger=messenger)


def digests_in_channel(slack: LocalSlack) -> list[dict[str, object]]:
    return [m for m in slack.standin.messages(LEDELSE) if "Ugens puls" in str(m.get("text"))]


def charts(slack: LocalSlack) -> list[RecordedCall]:
    return [c for c in slack.standin.calls_to("files.completeUploadExternal") if c.ok]


async def state(slack: LocalSlack) -> str:
    (row,) = await digest_records(slack.bot.db)
    return str(row["state"])


async def crash_while_slack_takes_the_post(slack: LocalSlack) -> None:
    """The job killed the moment Slack accepts the post, before the bot could record it."""
    task = asyncio.create_task(send_digest(services(slack)))

    def kill(call: RecordedCall) -> None:
        if call.method == "chat.postMessage" and call.ok and call.args.get("channel") == LEDELSE:
            task.cancel()

    unsubscribe = slack.standin.subscribe(kill)
    try:
        with pytest.raises(asyncio.CancelledError):
            await task
    finally:
        unsubscribe()


async def test_the_digest_post_carries_its_week_and_channel(ready: LocalSlack) -> None:
    assert await send_digest(services(ready))
    (message,) = digests_in_channel(ready)
    assert message["metadata"] == {
        "event_type": "tovholder_digest",
        "event_payload": {"period": "2026-W49", "channel": LEDELSE},
    }
    assert ready.standin.calls_to("conversations.history") == []  # nothing to look up
    assert await state(ready) == "sent"


async def test_a_digest_posted_as_the_process_died_is_not_posted_again(
    ready: LocalSlack, clock: ManualClock
) -> None:
    await crash_while_slack_takes_the_post(ready)
    assert len(digests_in_channel(ready)) == 1
    assert await state(ready) == "sending"
    clock.advance(RUN_EVERY)
    assert not await send_digest(services(ready))  # the dead claim's lease holds
    clock.advance(digest.LEASE)
    assert await send_digest(services(ready))
    assert len(digests_in_channel(ready)) == 1  # found in the channel, not posted again
    assert len(charts(ready)) == 1  # the chart the crash left out comes now
    assert await state(ready) == "sent"
    (lookup,) = ready.standin.calls_to("conversations.history")
    assert lookup.args["channel"] == LEDELSE
    clock.advance(RUN_EVERY)
    assert not await send_digest(services(ready))


async def test_a_digest_whose_answer_was_lost_is_found_by_the_next_run(
    ready: LocalSlack, clock: ManualClock
) -> None:
    """Slack posted, the connection dropped: the claim is handed back (not held for the
    lease), and the next run finds the post instead of posting it again."""
    ready.standin.fault("chat.postMessage", LOST_ANSWER, times=1)
    assert not await send_digest(services(ready))
    assert len(digests_in_channel(ready)) == 1
    clock.advance(RUN_EVERY)
    assert await send_digest(services(ready))
    assert len(digests_in_channel(ready)) == 1
    assert len(charts(ready)) == 1
    assert await state(ready) == "sent"


@pytest.mark.parametrize(
    "fault",
    [HTML_503, EMPTY_404, Fault(status=500), Fault(status=0, disconnect=True)],
    ids=["html-503", "empty-404", "json-500", "disconnect"],
)
async def test_every_failure_of_the_post_is_tried_again_at_the_next_run(
    ready: LocalSlack, clock: ManualClock, fault: Fault
) -> None:
    ready.standin.fault("chat.postMessage", fault, times=1)
    assert not await send_digest(without_retries(ready))
    assert digests_in_channel(ready) == []
    clock.advance(RUN_EVERY)  # far inside the lease
    assert await send_digest(without_retries(ready))
    assert len(digests_in_channel(ready)) == 1
    assert await state(ready) == "sent"


async def test_a_post_that_times_out_is_tried_again_at_the_next_run(
    ready: LocalSlack, clock: ManualClock
) -> None:
    ready.standin.fault("chat.postMessage", HANG, times=1)
    quick = without_retries(ready, timeout=1)
    assert not await send_digest(quick)
    ready.standin.clear_faults()
    clock.advance(RUN_EVERY)
    assert await send_digest(quick)
    assert len(digests_in_channel(ready)) == 1
    assert await state(ready) == "sent"


async def test_a_look_up_slack_does_not_answer_posts_nothing_and_waits(
    ready: LocalSlack, clock: ManualClock
) -> None:
    await crash_while_slack_takes_the_post(ready)
    clock.advance(digest.LEASE)
    ready.standin.fault("conversations.history", HTML_503)
    assert not await send_digest(without_retries(ready))
    clock.advance(RUN_EVERY)
    assert not await send_digest(without_retries(ready))
    assert len(digests_in_channel(ready)) == 1
    assert await state(ready) == "sending"
    ready.standin.clear_faults()
    clock.advance(RUN_EVERY)
    assert await send_digest(without_retries(ready))
    assert len(digests_in_channel(ready)) == 1
    assert await state(ready) == "sent"


async def test_a_channel_slack_refuses_fails_the_week_for_good(
    ready: LocalSlack, clock: ManualClock
) -> None:
    refused = json.dumps({"ok": False, "error": "channel_not_found"})
    ready.standin.fault("chat.postMessage", Fault(status=200, body=refused), times=1)
    assert not await send_digest(services(ready))
    (row,) = await digest_records(ready.bot.db)
    assert (row["state"], row["error"]) == ("failed", "channel_not_found")
    clock.advance(digest.LEASE + RUN_EVERY)
    assert not await send_digest(services(ready))
    assert digests_in_channel(ready) == []
