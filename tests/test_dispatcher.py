"""The reminder dispatcher against the local Slack stand-in: each reminder sent once, 429s
and errors recorded on the row, pacing on fake time (no sleeping)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.clock import ManualClock
from bot.domain.reminders import Reminder
from bot.jobs.dispatcher import (
    DispatchReport,
    Pacer,
    Sender,
    dispatch,
    dispatch_client,
    install_pacer,
    interleaved,
    judge,
    shared_pacer,
)
from bot.local import LocalSlack
from bot.runtime import Services
from bot.services import reminders
from bot.services.working_time import WorkingCalendar
from bot.settings import parse_settings
from storage.db import Database
from tests.conftest import FROZEN_AT, TZ

PEOPLE = [f"U0PERSON{n:02d}" for n in range(12)]


class Always:
    def is_allowed(self, moment: datetime) -> bool:
        return True

    def next_allowed(self, moment: datetime) -> datetime:
        return moment


ALWAYS = Always()


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


async def note(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    return {"text": f"Husk evalueringen ({reminder.payload.get('n')})"}


async def gone(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    return None


SENDERS: dict[str, Sender] = {"note": note, "gone": gone}


async def plan(
    db: Database, clock: ManualClock, key: str, recipient: str, kind: str = "note", n: int = 0
) -> Reminder:
    made = await reminders.schedule(
        db,
        clock,
        kind=kind,
        recipient=recipient,
        due=clock.now(),
        payload={"n": n},
        dedupe_key=key,
        calendar=ALWAYS,
    )
    assert made is not None
    return made


async def run(slack: LocalSlack, pacer: Pacer, **kwargs: Any) -> DispatchReport:
    return await dispatch(
        services_of(slack), SENDERS, worker="test", pacer=pacer, calendar=ALWAYS, **kwargs
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


async def test_a_sender_returning_none_cancels(
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
    services = dataclasses.replace(services_of(slack), slack=unreachable)
    report = await dispatch(services, SENDERS, worker="w", pacer=pacer, calendar=ALWAYS)
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
    report = await dispatch(services_of(slack), SENDERS, worker="w", pacer=pacer)
    assert report.closed and report.claimed == 0
    clock.move_to(datetime(2026, 12, 1, 8, 0, tzinfo=TZ))
    report = await dispatch(services_of(slack), SENDERS, worker="w", pacer=pacer, calendar=calendar)
    assert report.sent == 1
    assert (await state_of(db, made.id)).state == "sent"


async def test_a_sender_that_crashes_is_tried_again_later(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    async def broken(services: Services, reminder: Reminder) -> dict[str, Any] | None:
        raise RuntimeError("a bug")

    made = await plan(slack.bot.db, clock, "k", PEOPLE[0], kind="broken")
    report = await dispatch(
        services_of(slack), {"broken": broken}, worker="w", pacer=pacer, calendar=ALWAYS
    )
    assert report.retried == 1
    waiting = await state_of(slack.bot.db, made.id)
    assert (waiting.state, waiting.last_error) == ("pending", "sender failed: RuntimeError")
    assert posts(slack, ok=None) == []


async def test_a_batch_that_runs_past_half_its_lease_hands_the_rest_back(
    slack: LocalSlack, clock: ManualClock, pacer: Pacer
) -> None:
    async def slow(services: Services, reminder: Reminder) -> dict[str, Any] | None:
        clock.advance(reminders.LEASE / 2 + timedelta(seconds=1))  # e.g. long 429 holds
        return {"text": "Husk evalueringen"}

    made = [await plan(slack.bot.db, clock, f"k{n}", PEOPLE[n], kind="slow") for n in range(3)]
    report = await dispatch(
        services_of(slack), {"slow": slow}, worker="w", pacer=pacer, calendar=ALWAYS
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
        report = await dispatch(services_of(slack), SENDERS, worker="w", calendar=ALWAYS)
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
    def r(n: int, who: str) -> Reminder:
        return Reminder(n, "note", who, "2026-11-30T08:00:00+00:00", "sending", 0, f"k{n}")

    batch = [r(1, "A"), r(2, "A"), r(3, "A"), r(4, "B"), r(5, "C")]
    assert [x.id for x in interleaved(batch)] == [1, 4, 5, 2, 3]


# -- which layer retries what --------------------------------------------------------------------


def test_the_dispatch_client_leaves_429s_to_the_dispatcher(slack: LocalSlack) -> None:
    client = services_of(slack).slack
    paced = dispatch_client(client)
    assert any(isinstance(h, AsyncRateLimitErrorRetryHandler) for h in client.retry_handlers)
    assert not any(isinstance(h, AsyncRateLimitErrorRetryHandler) for h in paced.retry_handlers)
    assert any(isinstance(h, AsyncConnectionErrorRetryHandler) for h in paced.retry_handlers)
    assert (paced.token, paced.base_url) == (client.token, client.base_url)


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
    ("error", "verdict", "code", "retry_after"),
    [
        (api_error(429, {"ok": False, "error": "ratelimited"}, {"retry-after": "7"}), "retry",
         "ratelimited", 7.0),
        (api_error(503, {"ok": False, "error": "service_unavailable"}, {}), "retry",
         "service_unavailable (HTTP 503)", None),
        (api_error(200, {"ok": False, "error": "account_inactive"}, {}), "fail",
         "account_inactive", None),
        (api_error(200, {"ok": False, "error": "not_authed"}, {}), "fail", "not_authed", None),
        (api_error(200, {"ok": False, "error": "internal_error"}, {}), "retry",
         "internal_error", None),
        (aiohttp.ServerDisconnectedError(), "retry", "ServerDisconnectedError", None),
        (TimeoutError(), "retry", "TimeoutError", None),
    ],
)  # fmt: skip
def test_errors_are_judged_retry_or_fail(
    error: Exception, verdict: str, code: str, retry_after: float | None
) -> None:
    problem = judge(error)
    assert (problem.verdict, problem.error, problem.retry_after) == (verdict, code, retry_after)
