"""The reminder dispatcher against the local Slack stand-in: each reminder sent once, 429s
and errors recorded on the row, pacing on fake time (no sleeping)."""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.clock import ManualClock
from bot.domain.reminders import Reminder
from bot.jobs.dispatcher import (
    LOOKUPS_PER_RUN,
    DispatchCalendar,
    DispatchReport,
    Kinds,
    MorningList,
    Pacer,
    dispatch,
    install_pacer,
    interleaved,
    judge,
    shared_pacer,
)
from bot.local import LocalSlack
from bot.reminders.kind import Built, Payload, ReminderKind
from bot.runtime import Services
from bot.services import identities, reminders
from bot.services.working_time import WorkingCalendar
from bot.settings import parse_settings
from bot.standin import RecordedCall
from bot.standin.server import EMPTY_404, HANG, HTML_503, LOST_ANSWER, Fault
from bot.views.model import Message
from handlers.slack.failures import neutral_error
from handlers.slack.messenger import SlackMessenger, slack_people
from storage.db import Database
from tests.conftest import FROZEN_AT, TZ

PEOPLE = [f"U0PERSON{n:02d}" for n in range(12)]


#: Every moment is working time: these tests are about Slack, not the calendar.
ALWAYS = reminders.ANYTIME


class FakeTime:
    """Monotonic seconds that only move when someone sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
async def slack(tmp_path: Path, clock: ManualClock) -> AsyncIterator[LocalSlack]:
    settings = parse_settings({"TOVHOLDER_DB": str(tmp_path / "tovholder.db")}, "console")
    local = await LocalSlack.start(settings, clock)
    for n, user in enumerate(PEOPLE):
        local.standin.add_user(user, f"person{n}")
    yield local
    await local.stop()


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


@pytest.fixture
def pacer(fake: FakeTime) -> Pacer:
    return Pacer(monotonic=fake.monotonic, sleep=fake.sleep)


def services_of(slack: LocalSlack) -> Services:
    return slack.bot.app.services


#: A test's message for a reminder; None: it no longer matters.
Build = Callable[[Services, Reminder], Awaitable[Message | None]]


@dataclasses.dataclass(frozen=True)
class NotePayload(Payload):
    n: int = 0


class Scripted(ReminderKind[NotePayload, Built]):
    """A kind whose message (or None) the test writes: these tests are about sending."""

    payload = NotePayload

    def __init__(
        self,
        name: str,
        build: Build,
        *,
        urgent: bool = False,
        nudge: bool = True,
        anytime: bool = False,
    ) -> None:
        super().__init__(name, urgent=urgent, nudge=nudge, anytime=anytime)
        self.build_message = build

    async def still_due(
        self, services: Services, reminder: Reminder, payload: NotePayload
    ) -> Built | None:
        return await self.build_message(services, reminder)

    async def message(
        self, services: Services, reminder: Reminder, payload: NotePayload, found: Built
    ) -> Built:
        return found


def kinds(*made: Scripted) -> Kinds:
    return {kind.name: kind for kind in made}


async def note(services: Services, reminder: Reminder) -> Message | None:
    return Message(f"Husk evalueringen ({reminder.payload.get('n')})")


async def gone(services: Services, reminder: Reminder) -> Message | None:
    return None


NOTES = kinds(Scripted("note", note), Scripted("gone", gone))


async def plan(
    db: Database, clock: ManualClock, key: str, recipient: str, kind: str = "note", n: int = 0
) -> Reminder:
    """A reminder to the person with the Slack id `recipient` (a guest person when the
    database does not know them: the stand-in does)."""
    made = await reminders.schedule(
        db,
        clock,
        kind=kind,
        recipient=await identities.person_for(db, clock, "slack", recipient),
        due=clock.now(),
        payload={"n": n},
        dedupe_key=key,
        calendar=ALWAYS,
    )
    assert made is not None
    return made


async def run(slack: LocalSlack, pacer: Pacer, **kwargs: Any) -> DispatchReport:
    return await dispatch(
        services_of(slack), NOTES, worker="test", pacer=pacer, calendar=ALWAYS, **kwargs
    )


def posts(slack: LocalSlack, ok: bool | None = True) -> list[str]:
    """Recipients of chat.postMessage calls (the successful ones by default)."""
    return [
        str(call.args["channel"])
        for call in slack.standin.calls_to("chat.postMessage")
        if ok is None or call.ok == ok
    ]


async def state_of(db: Database, reminder_id: int) -> Reminder:
    found = await reminders.get_reminder(db, reminder_id)
    assert found is not None
    return found


# -- sending -----------------------------------------------------------------------------------


async def test_each_due_reminder_is_sent_once(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = [await plan(db, clock, f"k{n}", PEOPLE[n], n=n) for n in range(5)]
    report = await run(slack, pacer)
    assert (report.claimed, report.sent, report.retried, report.failed) == (5, 5, 0, 0)
    assert sorted(posts(slack)) == PEOPLE[:5]
    assert slack.standin.messages(PEOPLE[0])[0]["text"] == "Husk evalueringen (0)"
    assert {(await state_of(db, r.id)).state for r in made} == {"sent"}
    again = await run(slack, pacer)
    assert (again.claimed, again.sent) == (0, 0)
    assert len(posts(slack, ok=None)) == 5


async def test_a_429_is_retried_later_and_then_delivered_once(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer, fake: FakeTime
) -> None:
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    slack.standin.rate_limit("chat.postMessage", times=1, retry_after=45)
    report = await run(slack, pacer)
    # The dispatcher saw the 429 itself: the client's in-call 429 retry is off for it.
    assert (report.sent, report.retried) == (0, 1)
    assert [call.status for call in slack.standin.calls_to("chat.postMessage")] == [429]
    waiting = await state_of(db, made.id)
    assert (waiting.state, waiting.attempts, waiting.last_error) == ("pending", 1, "ratelimited")
    assert waiting.due == FROZEN_AT + timedelta(seconds=45)  # Retry-After > the 30 s backoff
    clock.advance(timedelta(seconds=44))
    assert (await run(slack, pacer)).claimed == 0
    clock.advance(timedelta(seconds=1))
    before = fake.now
    assert (await run(slack, pacer)).sent == 1
    assert fake.now - before >= 45 - 1e-9  # the pacer held off for Retry-After as well
    assert posts(slack) == [PEOPLE[0]]
    assert (await state_of(db, made.id)).state == "sent"


async def test_a_reminder_its_kind_finds_no_longer_due_is_cancelled(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    made = await plan(slack.bot.db, clock, "k", PEOPLE[0], kind="gone")
    report = await run(slack, pacer)
    assert (report.cancelled, report.sent) == (1, 0)
    assert posts(slack, ok=None) == []
    cancelled = await state_of(slack.bot.db, made.id)
    assert (cancelled.state, cancelled.last_error) == ("cancelled", "no longer relevant")


async def test_an_unknown_kind_fails_with_a_clear_reason(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    made = await plan(slack.bot.db, clock, "k", PEOPLE[0], kind="mystery")
    assert (await run(slack, pacer)).failed == 1
    failed = await state_of(slack.bot.db, made.id)
    assert failed.state == "failed"
    assert failed.last_error == "unknown kind 'mystery': no sender for it"
    assert posts(slack, ok=None) == []


async def test_a_person_slack_does_not_know_fails_at_once(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    made = await plan(slack.bot.db, clock, "k", "U0LEFTSLACK")
    report = await run(slack, pacer)
    assert (report.failed, report.retried) == (1, 0)
    failed = await state_of(slack.bot.db, made.id)
    assert (failed.state, failed.attempts, failed.last_error) == (
        "failed",
        1,
        "channel_not_found",
    )


async def test_a_connection_error_is_retried(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    made = await plan(slack.bot.db, clock, "k", PEOPLE[0])
    unreachable = AsyncWebClient(token="xoxb-x", base_url="http://127.0.0.1:9/api/")
    unreachable.retry_handlers = []
    messenger = SlackMessenger(unreachable, slack_people(slack.bot.db))
    services = dataclasses.replace(services_of(slack), messenger=messenger)
    report = await dispatch(services, NOTES, worker="w", pacer=pacer, calendar=ALWAYS)
    assert report.retried == 1
    waiting = await state_of(slack.bot.db, made.id)
    assert (waiting.state, waiting.attempts) == ("pending", 1)
    assert waiting.last_error is not None and "Error" in waiting.last_error


async def test_a_lease_expired_claim_is_sent_once_by_the_next_worker(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    # A worker claimed it and died before sending or recording anything.
    assert len(await reminders.claim_due(db, clock, worker="dead", limit=10)) == 1
    assert (await run(slack, pacer)).claimed == 0
    clock.advance(reminders.LEASE)
    report = await run(slack, pacer)
    assert (report.claimed, report.sent) == (1, 1)
    assert (await run(slack, pacer)).claimed == 0
    assert posts(slack) == [PEOPLE[0]]
    sent = await state_of(db, made.id)
    assert (sent.state, sent.claimed_by, sent.attempts) == ("sent", "test", 1)


async def test_nothing_is_claimed_in_closed_time(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    clock.move_to(datetime(2026, 11, 30, 16, 0, tzinfo=TZ))  # after working hours
    calendar = WorkingCalendar(TZ)
    report = await dispatch(services_of(slack), NOTES, worker="w", pacer=pacer)
    assert report.closed and report.claimed == 0
    clock.move_to(datetime(2026, 12, 1, 8, 0, tzinfo=TZ))
    report = await dispatch(services_of(slack), NOTES, worker="w", pacer=pacer, calendar=calendar)
    assert report.sent == 1
    assert (await state_of(db, made.id)).state == "sent"


async def test_a_kind_that_crashes_building_its_message_is_tried_again_later(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    async def broken(services: Services, reminder: Reminder) -> Message | None:
        raise RuntimeError("a bug")

    made = await plan(slack.bot.db, clock, "k", PEOPLE[0], kind="broken")
    report = await dispatch(
        services_of(slack),
        kinds(Scripted("broken", broken)),
        worker="w",
        pacer=pacer,
        calendar=ALWAYS,
    )
    assert report.retried == 1
    waiting = await state_of(slack.bot.db, made.id)
    assert (waiting.state, waiting.last_error) == ("pending", "sender failed: RuntimeError")
    assert posts(slack, ok=None) == []


async def test_a_batch_that_runs_past_half_its_lease_hands_the_rest_back(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    async def slow(services: Services, reminder: Reminder) -> Message | None:
        clock.advance(reminders.LEASE / 2 + timedelta(seconds=1))  # e.g. long 429 holds
        return Message("Husk evalueringen")

    made = [await plan(slack.bot.db, clock, f"k{n}", PEOPLE[n], kind="slow") for n in range(3)]
    report = await dispatch(
        services_of(slack),
        kinds(Scripted("slow", slow)),
        worker="w",
        pacer=pacer,
        calendar=ALWAYS,
    )
    assert (report.claimed, report.sent, report.released) == (3, 1, 2)
    rest = [await state_of(slack.bot.db, r.id) for r in made[1:]]
    assert [(r.state, r.claimed_by, r.attempts) for r in rest] == [("pending", None, 0)] * 2
    assert len(posts(slack)) == 1


# -- pacing ------------------------------------------------------------------------------------


async def test_ten_dms_to_one_person_are_a_second_apart(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer, fake: FakeTime
) -> None:
    for n in range(10):
        await plan(slack.bot.db, clock, f"k{n}", PEOPLE[0], n=n)
    start = fake.now
    assert (await run(slack, pacer)).sent == 10
    assert fake.now - start >= 9.0
    assert posts(slack) == [PEOPLE[0]] * 10
    texts = [m["text"] for m in slack.standin.messages(PEOPLE[0])]
    assert texts == [f"Husk evalueringen ({n})" for n in range(10)]


async def test_ten_dms_to_ten_people_do_not_wait_per_channel(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer, fake: FakeTime
) -> None:
    for n in range(10):
        await plan(slack.bot.db, clock, f"k{n}", PEOPLE[n], n=n)
    start = fake.now
    assert (await run(slack, pacer)).sent == 10
    # Only the workspace spacing (60 / 300 / 0.98 ≈ 0.2 s) between sends.
    assert fake.now - start == pytest.approx(9 * pacer.workspace_seconds)
    assert fake.now - start < 2.5


async def test_the_process_pacer_can_be_replaced_for_tests(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer, fake: FakeTime
) -> None:
    for n in range(3):
        await plan(slack.bot.db, clock, f"k{n}", PEOPLE[0], n=n)
    install_pacer(pacer)
    try:
        assert shared_pacer() is pacer
        report = await dispatch(services_of(slack), NOTES, worker="w", calendar=ALWAYS)
    finally:
        install_pacer(None)
    assert report.sent == 3
    assert fake.sleeps == [pytest.approx(1.0), pytest.approx(1.0)]
    assert shared_pacer() is not pacer


def test_the_pacer_keeps_both_limits_and_holds_after_a_429(fake: FakeTime) -> None:
    pacer = Pacer(per_minute=120, headroom=1.0, monotonic=fake.monotonic, sleep=fake.sleep)
    assert pacer.reserve("A") == 0.0
    assert pacer.reserve("B") == pytest.approx(0.5)  # workspace: 120 per minute
    assert pacer.reserve("A") == pytest.approx(1.0)  # channel: one per second
    pacer.hold(30)
    assert pacer.reserve("C") == pytest.approx(30.0)


def test_a_batch_for_one_person_is_interleaved_with_the_others() -> None:
    def r(n: int, who: int) -> Reminder:
        return Reminder(n, "note", who, "2026-11-30T08:00:00+00:00", "sending", 0, f"k{n}")

    batch = [r(1, 1), r(2, 1), r(3, 1), r(4, 2), r(5, 3)]
    assert [x.id for x in interleaved(batch)] == [1, 4, 5, 2, 3]


# -- which layer retries what --------------------------------------------------------------------


def api_error(status: int, body: dict[str, Any], headers: dict[str, str]) -> SlackApiError:
    response = AsyncSlackResponse(
        client=AsyncWebClient(),
        http_verb="POST",
        api_url="https://slack.com/api/chat.postMessage",
        req_args={},
        data=body,
        headers=headers,
        status_code=status,
    )
    return SlackApiError("failed", response)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(
    ("error", "verdict", "code", "retry_after", "maybe_posted"),
    [
        (api_error(429, {"ok": False, "error": "ratelimited"}, {"retry-after": "7"}), "retry",
         "ratelimited", 7.0, False),
        (api_error(503, {"ok": False, "error": "service_unavailable"}, {}), "retry",
         "service_unavailable (HTTP 503)", None, True),
        (api_error(200, {"ok": False, "error": "account_inactive"}, {}), "fail",
         "account_inactive", None, False),
        (api_error(200, {"ok": False, "error": "not_authed"}, {}), "fail", "not_authed", None,
         False),
        (api_error(200, {"ok": False, "error": "internal_error"}, {}), "retry",
         "internal_error", None, True),
        (aiohttp.ServerDisconnectedError(), "retry", "ServerDisconnectedError", None, True),
        (TimeoutError(), "retry", "TimeoutError", None, True),
    ],
)  # fmt: skip
def test_errors_are_judged_retry_or_fail(
    error: Exception, verdict: str, code: str, retry_after: float | None, maybe_posted: bool
) -> None:
    """`maybe_posted`: whether Slack may have posted all the same (then look before
    posting again)."""
    problem = judge(neutral_error(error))
    assert (problem.verdict, problem.error, problem.retry_after) == (verdict, code, retry_after)
    assert problem.maybe_posted is maybe_posted


# -- exactly once, also across a crash -----------------------------------------------------------

TAG_EVENT = "tovholder_reminder"


async def crash_mid_post(
    slack: LocalSlack, pacer: Pacer, morning: MorningList | None = None
) -> None:
    """A dispatcher killed the moment Slack accepts its first post, while it still awaits the
    answer: the message is in Slack, and the bot never recorded it (the worst moment)."""
    task = asyncio.create_task(
        dispatch(
            services_of(slack),
            NOTES,
            worker="dead",
            pacer=pacer,
            calendar=ALWAYS,
            morning=morning,
        )
    )

    def kill(call: RecordedCall) -> None:
        if call.method == "chat.postMessage" and call.ok:
            task.cancel()

    unsubscribe = slack.standin.subscribe(kill)
    try:
        with pytest.raises(asyncio.CancelledError):
            await task
    finally:
        unsubscribe()


async def died_before_slack_had_it(slack: LocalSlack, clock: ManualClock) -> None:
    """A dispatcher that claimed and began to post, and died before the post reached Slack:
    the rows as such a process leaves them."""
    db = slack.bot.db
    for claimed in await reminders.claim_due(db, clock, worker="dead", limit=50):
        assert await reminders.posting(db, clock, claimed.id, worker="dead")


def without_retries(slack: LocalSlack, *, timeout: int | None = None) -> Services:
    """The bot's services with a messenger whose client gives up at once (slack_sdk's own
    5xx retries sleep for real seconds; the test is about what the dispatcher does after
    them)."""
    client = copy.copy(slack.bot.app.client)
    client.retry_handlers = []
    if timeout is not None:
        client.timeout = timeout
    messenger = SlackMessenger(client, slack_people(slack.bot.db))
    return dataclasses.replace(services_of(slack), messenger=messenger)


def dm(slack: LocalSlack, user: str) -> list[dict[str, Any]]:
    return slack.standin.messages(user)


async def test_every_reminder_dm_carries_its_tag(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    made = await plan(slack.bot.db, clock, "checkpoint:4:2", PEOPLE[0])
    assert (await run(slack, pacer)).sent == 1
    (message,) = dm(slack, PEOPLE[0])
    assert message["metadata"] == {
        "event_type": TAG_EVENT,
        "event_payload": {"reminder_id": made.id, "dedupe_key": "checkpoint:4:2"},
    }
    # A post whose outcome was seen needs no look-up.
    assert slack.standin.calls_to("conversations.history") == []


async def test_a_reminder_posted_as_the_process_died_is_not_sent_again(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    await crash_mid_post(slack, pacer)
    assert len(dm(slack, PEOPLE[0])) == 1
    assert (await state_of(db, made.id)).state == "sending"
    assert (await run(slack, pacer)).claimed == 0  # the dead worker's lease still holds
    clock.advance(reminders.LEASE)
    report = await run(slack, pacer)
    assert (report.claimed, report.confirmed, report.sent) == (1, 1, 0)
    assert len(dm(slack, PEOPLE[0])) == 1  # one message, not two
    done = await state_of(db, made.id)
    assert (done.state, done.claimed_by) == ("sent", "test")
    (lookup,) = slack.standin.calls_to("conversations.history")
    assert lookup.args["channel"] == slack.standin.im_channel_id(PEOPLE[0])
    assert (await run(slack, pacer)).claimed == 0


async def test_a_reminder_whose_post_never_reached_slack_is_sent_once_after_the_look_up(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    await died_before_slack_had_it(slack, clock)
    clock.advance(reminders.LEASE)
    report = await run(slack, pacer)
    assert (report.confirmed, report.sent) == (0, 1)
    assert len(dm(slack, PEOPLE[0])) == 1
    assert len(slack.standin.calls_to("conversations.history")) == 1
    assert (await state_of(db, made.id)).state == "sent"


async def test_a_post_whose_answer_was_lost_is_neither_repeated_in_the_call_nor_later(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    """Slack posted, the connection dropped before the answer. The bot's own client would
    post again inside the call (a dropped connection is retried); the dispatcher's does not,
    and its next run finds the post."""
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    slack.standin.fault("chat.postMessage", LOST_ANSWER, times=1)
    first = await run(slack, pacer)
    assert (first.sent, first.retried) == (0, 1)
    assert len(dm(slack, PEOPLE[0])) == 1
    waiting = await state_of(db, made.id)
    assert (waiting.state, waiting.attempts) == ("pending", 1)
    clock.advance(reminders.backoff(0))
    second = await run(slack, pacer)
    assert (second.confirmed, second.sent) == (1, 0)
    assert len(dm(slack, PEOPLE[0])) == 1
    assert (await state_of(db, made.id)).state == "sent"


@pytest.mark.parametrize(
    "fault",
    [HTML_503, EMPTY_404, Fault(status=0, disconnect=True)],
    ids=["html-503", "empty-404", "disconnect"],
)
async def test_when_slack_cannot_be_asked_nothing_is_sent_blindly_and_nothing_is_lost(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer, fault: Fault
) -> None:
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    await crash_mid_post(slack, pacer)
    clock.advance(reminders.LEASE)
    slack.standin.fault("conversations.history", fault)
    services = without_retries(slack)
    report = await dispatch(services, NOTES, worker="w", pacer=pacer, calendar=ALWAYS)
    assert (report.deferred, report.sent, report.confirmed) == (1, 0, 0)
    waiting = await state_of(db, made.id)
    # The reclaim counted an attempt; the failed look-up does not.
    assert (waiting.state, waiting.attempts) == ("pending", 1)
    assert waiting.last_error is not None and waiting.last_error.startswith("look-up failed")
    assert waiting.due == clock.now() + reminders.backoff(1)
    clock.advance(reminders.backoff(1))
    again = await dispatch(services, NOTES, worker="w", pacer=pacer, calendar=ALWAYS)
    assert (again.deferred, again.sent) == (1, 0)  # Slack still down: still waiting
    slack.standin.clear_faults()
    clock.advance(reminders.backoff(1))
    report = await dispatch(services, NOTES, worker="w", pacer=pacer, calendar=ALWAYS)
    assert (report.confirmed, report.sent) == (1, 0)
    assert len(dm(slack, PEOPLE[0])) == 1
    assert (await state_of(db, made.id)).state == "sent"


async def test_a_look_up_that_times_out_waits_for_a_later_run(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    await crash_mid_post(slack, pacer)
    clock.advance(reminders.LEASE)
    slack.standin.fault("conversations.history", HANG)
    services = without_retries(slack, timeout=1)
    report = await dispatch(services, NOTES, worker="w", pacer=pacer, calendar=ALWAYS)
    slack.standin.clear_faults()
    assert (report.deferred, report.sent) == (1, 0)
    waiting = await state_of(db, made.id)
    assert waiting.last_error == "look-up failed: TimeoutError"
    assert len(dm(slack, PEOPLE[0])) == 1


async def test_a_look_up_slack_refuses_for_good_sends_rather_than_loses(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    """Without `im:history` the bot cannot know; it sends, at least once, as before tags."""
    db = slack.bot.db
    made = await plan(db, clock, "k", PEOPLE[0])
    await died_before_slack_had_it(slack, clock)
    clock.advance(reminders.LEASE)
    refused = json.dumps({"ok": False, "error": "missing_scope"})
    slack.standin.fault("conversations.history", Fault(status=200, body=refused))
    report = await run(slack, pacer)
    assert (report.sent, report.deferred) == (1, 0)
    assert len(dm(slack, PEOPLE[0])) == 1
    assert (await state_of(db, made.id)).state == "sent"


async def test_a_post_slack_refused_needs_no_look_up_before_the_retry(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    """A 429 means "not posted": the retry posts without asking Slack first."""
    made = await plan(slack.bot.db, clock, "k", PEOPLE[0])
    slack.standin.rate_limit("chat.postMessage", times=1, retry_after=45)
    assert (await run(slack, pacer)).retried == 1
    clock.advance(timedelta(seconds=45))
    assert (await run(slack, pacer)).sent == 1
    assert slack.standin.calls_to("conversations.history") == []
    assert (await state_of(slack.bot.db, made.id)).state == "sent"


async def test_a_run_looks_up_at_most_its_share_and_hands_the_rest_back(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    """Look-ups are Tier 3 calls: after a crash with many rows mid-post, a run asks about
    `LOOKUPS_PER_RUN` of them and leaves the others, unsent and uncounted, to the next."""
    people = [f"U0MORE{n:03d}" for n in range(LOOKUPS_PER_RUN + 1)]
    for user in people:
        slack.standin.add_user(user, user.lower())
        await plan(slack.bot.db, clock, f"k-{user}", user)
    await died_before_slack_had_it(slack, clock)
    clock.advance(reminders.LEASE)
    report = await run(slack, pacer)
    assert (report.claimed, report.sent, report.released) == (
        LOOKUPS_PER_RUN + 1,
        LOOKUPS_PER_RUN,
        1,
    )
    assert len(slack.standin.calls_to("conversations.history")) == LOOKUPS_PER_RUN
    assert (await run(slack, pacer)).sent == 1
    assert sorted(posts(slack)) == sorted(people)


# -- kinds that may go out at any hour -----------------------------------------------------------


async def test_anytime_kinds_go_out_in_closed_time_and_only_they(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    urgent = await plan(db, clock, "u", PEOPLE[0], kind="urgent")
    later = await plan(db, clock, "u2", PEOPLE[1], kind="urgent")
    normal = await plan(db, clock, "n", PEOPLE[2])
    clock.move_to(datetime(2026, 11, 30, 20, 0, tzinfo=TZ))  # Monday evening
    known = {**NOTES, **kinds(Scripted("urgent", note, anytime=True))}
    slack.standin.rate_limit("chat.postMessage", times=1, retry_after=45)

    async def evening() -> DispatchReport:
        return await dispatch(
            services_of(slack), known, worker="w", pacer=pacer, calendar=WorkingCalendar(TZ)
        )

    report = await evening()
    assert report.closed and (report.claimed, report.sent, report.retried) == (2, 1, 1)
    # The one that met a 429 is due in 45 s, not on Tuesday morning.
    retried = [r for r in [await state_of(db, urgent.id), await state_of(db, later.id)]]
    waiting = next(r for r in retried if r.state == "pending")
    assert waiting.due == clock.now() + timedelta(seconds=45)
    clock.advance(timedelta(seconds=45))
    assert (await evening()).sent == 1
    assert (await state_of(db, normal.id)).state == "pending"
    assert sorted(posts(slack)) == PEOPLE[:2]
    # Unless a kind is `anytime`, closed time is closed for it.
    ordinary = {**NOTES, **kinds(Scripted("urgent", note))}
    assert (await run_closed(slack, pacer, ordinary)).claimed == 0


async def run_closed(slack: LocalSlack, pacer: Pacer, known: Kinds) -> DispatchReport:
    report = await dispatch(
        services_of(slack), known, worker="w", pacer=pacer, calendar=WorkingCalendar(TZ)
    )
    assert report.closed
    return report


# -- one message a morning (issue 18.3) ----------------------------------------------------------


async def listed(
    services: Services, recipient: int, items: Sequence[tuple[Reminder, Message]]
) -> Message:
    return Message(" | ".join(message.text for _, message in items))


MORNING = MorningList(message=listed)
NINE_THIRTY = WorkingCalendar(TZ, nudge_at=time(9, 30))


async def run_morning(
    slack: LocalSlack, pacer: Pacer, calendar: DispatchCalendar = ALWAYS, **kwargs: Any
) -> DispatchReport:
    known = {
        **NOTES,
        **kinds(Scripted("urgent", note, urgent=True), Scripted("apart", note, nudge=False)),
    }
    return await dispatch(
        services_of(slack),
        known,
        worker="test",
        pacer=pacer,
        calendar=calendar,
        morning=MORNING,
        **kwargs,
    )


async def test_a_person_s_due_nudges_are_one_message_tagged_with_every_reminder(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    made = [await plan(slack.bot.db, clock, f"k{n}", PEOPLE[0], n=n) for n in range(3)]
    single = await plan(slack.bot.db, clock, "other", PEOPLE[1], n=9)
    report = await run_morning(slack, pacer)
    assert (report.claimed, report.sent, report.lists) == (4, 4, 1)
    (message,) = dm(slack, PEOPLE[0])
    assert message["text"] == " | ".join(f"Husk evalueringen ({n})" for n in range(3))
    assert message["metadata"] == {
        "event_type": TAG_EVENT,
        "event_payload": {"reminder_ids": ",".join(str(r.id) for r in made), "day": "2026-11-30"},
    }
    (alone,) = dm(slack, PEOPLE[1])  # one nudge: its own message and tag
    assert alone["metadata"]["event_payload"]["dedupe_key"] == single.dedupe_key
    assert {(await state_of(slack.bot.db, r.id)).state for r in made} == {"sent"}


async def test_a_list_posted_as_the_process_died_is_not_sent_again(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = [await plan(db, clock, f"k{n}", PEOPLE[0], n=n) for n in range(3)]
    await crash_mid_post(slack, pacer, MORNING)
    assert len(dm(slack, PEOPLE[0])) == 1
    assert {(await state_of(db, r.id)).state for r in made} == {"sending"}
    clock.advance(reminders.LEASE)
    report = await run_morning(slack, pacer)
    assert (report.claimed, report.confirmed, report.sent) == (3, 3, 0)
    assert len(dm(slack, PEOPLE[0])) == 1  # one list, not two
    assert len(slack.standin.calls_to("conversations.history")) == 1  # one look-up for all
    assert {(await state_of(db, r.id)).state for r in made} == {"sent"}


async def test_a_list_slack_answers_429_is_sent_later_whole_and_once(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = [await plan(db, clock, f"k{n}", PEOPLE[0], n=n) for n in range(3)]
    slack.standin.rate_limit("chat.postMessage", times=1, retry_after=45)
    first = await run_morning(slack, pacer)
    assert (first.sent, first.retried, first.lists) == (0, 3, 0)
    assert {(await state_of(db, r.id)).due for r in made} == {clock.now() + timedelta(seconds=45)}
    clock.advance(timedelta(seconds=45))
    again = await run_morning(slack, pacer)
    assert (again.sent, again.lists) == (3, 1)
    (message,) = dm(slack, PEOPLE[0])
    assert message["text"].count("Husk evalueringen") == 3


async def test_after_the_day_s_message_nudges_wait_for_the_next_morning_but_urgent_ones_go(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    await plan(db, clock, "first", PEOPLE[0])
    clock.move_to(datetime(2026, 11, 30, 9, 0, tzinfo=TZ))
    early = await plan(db, clock, "welcome", PEOPLE[0], kind="apart")
    report = await run_morning(slack, pacer, NINE_THIRTY)  # 09:00: only what may not wait
    assert (report.claimed, report.sent) == (1, 1)
    assert (await state_of(db, early.id)).state == "sent"
    clock.move_to(datetime(2026, 11, 30, 9, 30, tzinfo=TZ))
    assert (await run_morning(slack, pacer, NINE_THIRTY)).sent == 1  # the day's message
    clock.move_to(datetime(2026, 11, 30, 11, 0, tzinfo=TZ))
    later = await plan(db, clock, "later", PEOPLE[0])
    urgent = await plan(db, clock, "urgent", PEOPLE[0], kind="urgent")
    report = await run_morning(slack, pacer, NINE_THIRTY)
    assert (report.sent, report.held) == (1, 1)
    assert (await state_of(db, urgent.id)).state == "sent"
    waiting = await state_of(db, later.id)
    assert (waiting.state, waiting.attempts) == ("pending", 0)
    assert waiting.due == datetime(2026, 12, 1, 9, 30, tzinfo=TZ)
    assert len(dm(slack, PEOPLE[0])) == 3  # the welcome, the day's message, the urgent one
    clock.move_to(datetime(2026, 12, 1, 9, 30, tzinfo=TZ))
    assert (await run_morning(slack, pacer, NINE_THIRTY)).sent == 1


async def test_while_slack_cannot_say_whether_the_list_went_out_the_person_gets_nothing_more(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    db = slack.bot.db
    made = [await plan(db, clock, f"k{n}", PEOPLE[0], n=n) for n in range(3)]
    await crash_mid_post(slack, pacer, MORNING)
    clock.advance(reminders.LEASE)
    newer = await plan(db, clock, "newer", PEOPLE[0], n=7)
    slack.standin.fault("conversations.history", HTML_503)
    services = without_retries(slack)
    report = await dispatch(
        services, NOTES, worker="w", pacer=pacer, calendar=ALWAYS, morning=MORNING
    )
    assert (report.deferred, report.released, report.sent) == (3, 1, 0)
    assert len(dm(slack, PEOPLE[0])) == 1  # not a second list beside the one in doubt
    assert (await state_of(db, newer.id)).state == "pending"
    slack.standin.clear_faults()
    clock.advance(reminders.backoff(1))
    report = await dispatch(
        services, NOTES, worker="w", pacer=pacer, calendar=ALWAYS, morning=MORNING
    )
    assert (report.confirmed, report.sent, report.held) == (3, 0, 1)  # today's went out
    assert len(dm(slack, PEOPLE[0])) == 1
    assert {(await state_of(db, r.id)).state for r in made} == {"sent"}
    assert (await state_of(db, newer.id)).due == clock.now() + timedelta(days=1)
