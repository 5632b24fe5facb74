"""Send the reminders that are due: claim a batch, build each message, pace, post, record.

The rows are the truth (`bot.services.reminders`): a batch is *claimed* in one statement,
so two dispatchers never send the same reminder, and each outcome is written back at once
(`sent`, back to `pending` for a retry, `failed`, or `cancelled`).

**Who handles what when Slack says "too many".** `bot.slack_client.web_client` gives the
bot's client retry handlers for connection errors, 5xx and 429. For bulk sends the
dispatcher keeps the first two (a quick retry of a dropped connection or a 500/503 inside
the call) but *removes the 429 handler on its own copy of the client*: sleeping out a
Retry-After inside the call would hold the whole claimed batch, hide the 429 from the
pacer, and keep the retry only in memory. Instead:

1. the `Pacer` keeps the bot below Slack's limits in the first place — at most one
   message per second per channel (each DM is its own channel) and at most `per_minute`
   messages per minute for the workspace (default 300, Slack's "several hundred"), spread
   evenly with a little headroom;
2. a 429 that still comes (another process, the bot's other traffic) holds the pacer for
   Retry-After seconds, and the row goes back to `pending` due after max(Retry-After,
   backoff) — durable, so a restart keeps the retry;
3. other transient errors (5xx after the client's own retries, `internal_error`, a
   connection error, a timeout) are retried the same way; permanent ones
   (`channel_not_found`, `user_not_found`, `account_inactive`, `not_authed`,
   `invalid_blocks`…) fail the row at once, for `tovholder reminders failed`.

Pacing is about real time, so the pacer reads a monotonic clock and sleeps with
`asyncio.sleep` — both injectable, so a test runs on fake time without sleeping. The
pacer lives as long as the process (`shared_pacer`), so consecutive runs share its view of
what was just sent. It paces one process: two processes sending to one workspace each
keep their own pace (a 429 then slows both down).

Nothing is sent outside working time: a run in closed time claims nothing. That also holds
back a reminder whose pause ended at midnight until the working morning.

Logs carry ids, kinds, counts and Slack's error codes — never the message text.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import os
import socket
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal, Protocol

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.reminders import Reminder
from bot.runtime import Services
from bot.services import reminders
from bot.slack_client import slack_error_code

logger = logging.getLogger(__name__)

#: Builds the message (`chat.postMessage` arguments without `channel`) for one kind of
#: reminder; None when the reminder no longer matters, which cancels it.
Sender = Callable[[Services, Reminder], Awaitable[dict[str, Any] | None]]

DEFAULT_LIMIT = 200
#: Slack's "several hundred per minute" for chat.postMessage in one workspace: our reading.
DEFAULT_PER_MINUTE = 300
#: "About one message per second per channel".
DEFAULT_CHANNEL_SECONDS = 1.0
#: Aim a little under the workspace limit, so network jitter never tips a minute over.
DEFAULT_HEADROOM = 0.98

#: Slack error codes that no retry will fix.
PERMANENT_ERRORS = frozenset(
    {
        "account_inactive",
        "channel_not_found",
        "user_not_found",
        "user_disabled",
        "not_authed",
        "invalid_auth",
        "token_revoked",
        "token_expired",
        "no_permission",
        "missing_scope",
        "not_allowed_token_type",
        "cannot_dm_bot",
        "is_archived",
        "not_in_channel",
        "restricted_action",
        "team_access_not_granted",
        "ekm_access_denied",
        "invalid_blocks",
        "invalid_blocks_format",
        "invalid_arguments",
        "invalid_attachments",
        "msg_too_long",
        "no_text",
        "too_many_attachments",
        "too_many_blocks",
    }
)


class DispatchCalendar(Protocol):
    def is_allowed(self, moment: datetime) -> bool: ...

    def next_allowed(self, moment: datetime) -> datetime: ...


# -- pacing ---------------------------------------------------------------------------------


class Pacer:
    """Spaces sends: ≤ 1 per `channel_seconds` per channel and `per_minute` per workspace.

    Each `wait(channel)` reserves the earliest slot that keeps both limits (and any hold
    after a 429), then sleeps until it. The reservation is made before the sleep and
    without awaiting, so concurrent callers get distinct slots without a lock. The
    workspace slots are evenly spaced (60 / (per_minute · headroom) seconds), which never
    puts more than `per_minute` into any 60-second window.
    """

    def __init__(
        self,
        *,
        per_minute: int = DEFAULT_PER_MINUTE,
        channel_seconds: float = DEFAULT_CHANNEL_SECONDS,
        headroom: float = DEFAULT_HEADROOM,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if per_minute < 1 or channel_seconds < 0 or not 0 < headroom <= 1:
            raise ValueError("per_minute ≥ 1, channel_seconds ≥ 0 and 0 < headroom ≤ 1")
        self.per_minute = per_minute
        self.channel_seconds = channel_seconds
        self.workspace_seconds = 60.0 / (per_minute * headroom)
        self._monotonic = monotonic
        self._sleep = sleep
        self._next_workspace = float("-inf")
        self._next_channel: dict[str, float] = {}
        self._hold_until = float("-inf")
        #: Seconds spent waiting, for reports.
        self.waited = 0.0

    @classmethod
    def instant(cls) -> Pacer:
        """Keeps the order and the bookkeeping of pacing on a virtual clock that a wait moves
        at once: for the local stand-in (console, tests), where nothing is gained by waiting."""
        virtual = [0.0]

        async def jump(seconds: float) -> None:
            virtual[0] += seconds

        return cls(monotonic=lambda: virtual[0], sleep=jump)

    def reserve(self, channel: str) -> float:
        """Take the next slot for `channel`; returns how long to wait for it."""
        now = self._monotonic()
        start = max(
            now,
            self._next_workspace,
            self._hold_until,
            self._next_channel.get(channel, float("-inf")),
        )
        self._next_workspace = start + self.workspace_seconds
        self._next_channel[channel] = start + self.channel_seconds
        if len(self._next_channel) > 4096:
            self._next_channel = {c: t for c, t in self._next_channel.items() if t > now}
        return start - now

    async def wait(self, channel: str) -> float:
        delay = self.reserve(channel)
        if delay > 0:
            self.waited += delay
            await self._sleep(delay)
        return delay

    def hold(self, seconds: float) -> None:
        """Send nothing for `seconds` (Slack answered 429 with this Retry-After)."""
        self._hold_until = max(self._hold_until, self._monotonic() + max(0.0, seconds))

    def batch_within(self, seconds: float) -> int:
        """How many sends fit in `seconds` at the workspace pace."""
        return max(1, int(seconds / self.workspace_seconds))


_shared: Pacer | None = None


def shared_pacer() -> Pacer:
    """The process's pacer, kept across dispatcher runs (Slack's default limits)."""
    global _shared
    if _shared is None:
        _shared = Pacer()
    return _shared


def install_pacer(pacer: Pacer | None) -> None:
    """Make `pacer` the process's pacer — e.g. one on fake time for end-to-end tests, so
    nine nudges to one person do not sleep eight real seconds. None: back to the default."""
    global _shared
    _shared = pacer


def default_worker() -> str:
    """A worker name that tells processes apart: `host:pid`."""
    return f"{socket.gethostname()}:{os.getpid()}"


# -- the Slack client --------------------------------------------------------------------------


def dispatch_client(client: AsyncWebClient) -> AsyncWebClient:
    """The bot's client, minus its in-call 429 retry (see the module docstring): a shallow
    copy sharing token, URL, session and the connection/5xx handlers."""
    if not any(isinstance(h, AsyncRateLimitErrorRetryHandler) for h in client.retry_handlers):
        return client
    paced = copy.copy(client)
    paced.retry_handlers = [
        h for h in client.retry_handlers if not isinstance(h, AsyncRateLimitErrorRetryHandler)
    ]
    return paced


Verdict = Literal["retry", "fail"]


@dataclass(frozen=True)
class SendProblem:
    verdict: Verdict
    #: Slack's error code or the exception's name: goes to `last_error` and the log.
    error: str
    retry_after: float | None = None


def retry_after_of(error: SlackApiError) -> float | None:
    headers = getattr(error.response, "headers", None) or {}
    for name, value in dict(headers).items():
        if str(name).lower() == "retry-after":
            text = value[0] if isinstance(value, list | tuple) else value
            try:
                return max(0.0, float(text))
            except (TypeError, ValueError):
                return None
    return None


def judge(error: Exception) -> SendProblem:
    """Retry or fail, for an exception from `chat.postMessage`."""
    if isinstance(error, SlackApiError):
        status = int(getattr(error.response, "status_code", 200) or 200)
        code = slack_error_code(error)
        if status == 429 or code == "ratelimited":
            return SendProblem("retry", "ratelimited", retry_after_of(error) or 1.0)
        if status >= 500:
            return SendProblem("retry", f"{code} (HTTP {status})")
        if code in PERMANENT_ERRORS:
            return SendProblem("fail", code)
        # Unknown codes (internal_error, fatal_error, service_unavailable, request_timeout…)
        # are tried again; MAX_ATTEMPTS bounds it.
        return SendProblem("retry", code)
    # Connection refused or reset, DNS, a timeout: the network, not the message.
    return SendProblem("retry", type(error).__name__)


# -- the run -----------------------------------------------------------------------------------


@dataclass
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    cancelled: int = 0
    #: Claimed but handed back unsent (the batch ran too long for its lease).
    released: int = 0
    #: The run found closed time (evening, weekend, holiday…) and claimed nothing.
    closed: bool = False

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def interleaved(batch: Sequence[Reminder]) -> list[Reminder]:
    """Round-robin by recipient, each person's reminders in due order: ten reminders for one
    person wait a second apart without holding up everyone else's."""
    queues: dict[str, list[Reminder]] = defaultdict(list)
    for reminder in batch:
        queues[reminder.recipient].append(reminder)
    ordered: list[Reminder] = []
    depth = 0
    while len(ordered) < len(batch):
        ordered.extend(q[depth] for q in queues.values() if depth < len(q))
        depth += 1
    return ordered


async def dispatch(
    services: Services,
    senders: Mapping[str, Sender],
    *,
    worker: str,
    limit: int = DEFAULT_LIMIT,
    pacer: Pacer | None = None,
    calendar: DispatchCalendar | None = None,
) -> DispatchReport:
    """Claim up to `limit` due reminders and send each through its kind's sender.

    `pacer` defaults to the process's shared one, `calendar` to `settings.calendar`. The
    batch is cut to what the pacer can send in half a lease, and if it still runs longer
    (429 holds), the rest is handed back to `pending` unsent, so no other worker reclaims
    a row this one is about to send.
    """
    db, clock = services.db, services.clock
    pacer = pacer or shared_pacer()
    working: DispatchCalendar = calendar or services.settings.calendar
    report = DispatchReport()
    if not working.is_allowed(clock.now()):
        report.closed = True
        return report
    budget = reminders.LEASE / 2
    limit = min(limit, pacer.batch_within(budget.total_seconds()))
    batch = await reminders.claim_due(db, clock, worker=worker, limit=limit)
    report.claimed = len(batch)
    if not batch:
        return report
    claimed_at = clock.now()
    client = dispatch_client(services.slack)
    ordered = interleaved(batch)
    for index, reminder in enumerate(ordered):
        if clock.now() - claimed_at > budget:
            rest = [r.id for r in ordered[index:]]
            report.released = await reminders.release(db, clock, rest, worker=worker)
            break
        await _one(services, client, senders, reminder, pacer, working, report)
    logger.info(
        "reminders dispatched worker=%s claimed=%d sent=%d retried=%d failed=%d "
        "cancelled=%d released=%d",
        worker,
        report.claimed,
        report.sent,
        report.retried,
        report.failed,
        report.cancelled,
        report.released,
    )
    return report


async def _one(
    services: Services,
    client: AsyncWebClient,
    senders: Mapping[str, Sender],
    reminder: Reminder,
    pacer: Pacer,
    calendar: DispatchCalendar,
    report: DispatchReport,
) -> None:
    db, clock = services.db, services.clock
    sender = senders.get(reminder.kind)
    if sender is None:
        await reminders.mark_failed(
            db, clock, reminder.id, f"unknown kind {reminder.kind!r}: no sender for it"
        )
        logger.warning(
            "reminder failed id=%d kind=%s error=unknown_kind", reminder.id, reminder.kind
        )
        report.failed += 1
        return
    try:
        message = await sender(services, reminder)
    except Exception as error:
        logger.exception("reminder sender failed id=%d kind=%s", reminder.id, reminder.kind)
        problem = SendProblem("retry", f"sender failed: {type(error).__name__}")
        await _not_sent(services, reminder, problem, pacer, calendar, report)
        return
    if message is None:
        await reminders.mark_cancelled(db, clock, reminder.id, "no longer relevant")
        report.cancelled += 1
        return
    await pacer.wait(reminder.recipient)
    try:
        await client.chat_postMessage(channel=reminder.recipient, **message)
    except (SlackApiError, aiohttp.ClientError, TimeoutError, OSError) as error:
        await _not_sent(services, reminder, judge(error), pacer, calendar, report)
        return
    except Exception as error:
        # Not Slack's answer nor the network: a bug. Tried again, so MAX_ATTEMPTS ends it
        # as `failed` with the reason, instead of leaving the batch claimed until the lease.
        logger.exception("reminder send crashed id=%d kind=%s", reminder.id, reminder.kind)
        problem = SendProblem("retry", f"send crashed: {type(error).__name__}")
        await _not_sent(services, reminder, problem, pacer, calendar, report)
        return
    await reminders.mark_sent(db, clock, reminder.id)
    report.sent += 1


async def _not_sent(
    services: Services,
    reminder: Reminder,
    problem: SendProblem,
    pacer: Pacer,
    calendar: DispatchCalendar,
    report: DispatchReport,
) -> None:
    """Record a send that did not happen: failed at once, or pending again for later."""
    db, clock = services.db, services.clock
    if problem.retry_after is not None:
        pacer.hold(problem.retry_after)
    if problem.verdict == "fail":
        await reminders.mark_failed(db, clock, reminder.id, problem.error)
        report.failed += 1
        logger.warning(
            "reminder failed id=%d kind=%s error=%s", reminder.id, reminder.kind, problem.error
        )
        return
    after = await reminders.mark_retry(
        db, clock, reminder.id, problem.error, problem.retry_after, calendar
    )
    if after is not None and after.state == "failed":
        report.failed += 1
    else:
        report.retried += 1
    logger.warning(
        "reminder not sent id=%d kind=%s error=%s state=%s attempts=%s",
        reminder.id,
        reminder.kind,
        problem.error,
        after.state if after is not None else "gone",
        after.attempts if after is not None else "-",
    )
