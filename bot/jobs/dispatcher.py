"""Send the reminders that are due: claim a batch, build each message, pace, post, record.

The rows are the truth (`bot.services.reminders`): a batch is *claimed* in one statement,
so two dispatchers never send the same reminder, and each outcome is written back at once
(`sent`, back to `pending` for a retry, `failed`, or `cancelled`).

**Who handles what when the platform says "too many".** The front end's client retries
connection errors, 5xx and rate limits inside a call (for Slack:
`handlers.slack.client.web_client`). For bulk sends the dispatcher keeps the first two (a
quick retry of a dropped connection or a 500/503 inside the call) but uses the messenger
`paced()`, which hands a rate limit back at once: sleeping out a Retry-After inside the
call would hold the whole claimed batch, hide it from the pacer, and keep the retry only
in memory. Instead:

1. the `Pacer` keeps the bot below the platform's limits in the first place — at most one
   message per second per conversation (each private conversation is its own) and at most
   `per_minute` messages per minute for the workspace (default 300: our reading of Slack's
   "several hundred"), spread evenly with a little headroom;
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

**Kinds.** Each reminder's kind (`bot.reminders.kind.ReminderKind`, all of them listed in
`bot.reminders.registry.KINDS`) builds its message, or says it no longer matters (the row is
cancelled), and says how it goes out: `urgent`, a `nudge` gathered into the day's list, or
`anytime`. A row whose kind the run does not know fails with the reason.

Nothing is sent outside working time: a run in closed time claims nothing — except the
reminders of the `anytime` kinds (e.g. a sparring question that could not be delivered: it
goes out as soon as the platform answers, also at 20:00). In closed time only those are claimed,
and their retries are not moved to the working morning. That also holds
back a reminder whose pause ended at midnight until the working morning.

**Exactly once, also across a crash.** Every reminder DM carries a tag
(`bot.tags.reminder_tag`: its id and dedupe key; the front end stores it with the
message). The row is marked *unconfirmed* just before the post and confirmed after it; a
row claimed while still unconfirmed (the process died mid-post, the post timed out or the
connection dropped) is first looked up in the person's DM history: found, it is recorded
as sent without a second message; not found, it is posted. If the platform does not answer
the look-up, the row waits for a later run (`deferred`, no attempt counted) — never posted
blindly, never lost. Look-ups are slow calls on the platform (two of Slack's Tier 3
calls), so a run makes at most `LOOKUPS_PER_RUN`; the rest of those rows are handed back
for the next run. For the same reason the messenger does not repeat a tagged post inside
the call after a timeout or a dropped connection: that repeat could not be looked up
first. The dispatcher uses the messenger `paced()`: a rate limit comes back at once and
the pacer waits it out.

**One message a day.** Given a `MorningList`, a person's due nudges go out as one list
(one post, one tag for all its reminders: `bot.tags.batch_tag`), with the same
guarantees; after the day's message their nudges wait for the next working morning, but
for the urgent ones.

Logs carry ids, kinds, counts and the platform's error codes — never the message text.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol, runtime_checkable

from bot.domain.refs import ConversationRef
from bot.domain.reminders import Reminder
from bot.ports import DeliveryFailed, Messenger, RateLimited, Temporary
from bot.reminders.kind import Built, NotNow, ReminderKind
from bot.runtime import Services
from bot.services import reminders
from bot.tags import batch_tag, find_reminders, passing, reminder_tag

logger = logging.getLogger(__name__)

#: What the pacer keeps one message a second to: a person's private conversation (their
#: person id) or a conversation's id.
Conversation = int | str
#: The kinds a run knows, by name (`bot.reminders.registry.KINDS`).
Kinds = Mapping[str, ReminderKind[Any, Any]]

DEFAULT_LIMIT = 200
#: Messages per minute in one workspace: our reading of Slack's "several hundred" (the front
#: end the defaults are for).
DEFAULT_PER_MINUTE = 300
#: "About one message per second per channel".
DEFAULT_CHANNEL_SECONDS = 1.0
#: Aim a little under the workspace limit, so network jitter never tips a minute over.
DEFAULT_HEADROOM = 0.98
#: Unconfirmed reminders looked up per run (in Slack two Tier 3 calls each, ≈50/min).
LOOKUPS_PER_RUN = 20


class DispatchCalendar(Protocol):
    def is_allowed(self, moment: datetime) -> bool: ...

    def next_allowed(self, moment: datetime) -> datetime: ...


@runtime_checkable
class MorningCalendar(DispatchCalendar, Protocol):
    """What gathering the day's nudges (`MorningList`) needs of the calendar besides."""

    def nudges_open(self, moment: datetime) -> bool: ...

    def next_morning(self, moment: datetime) -> datetime: ...


#: Builds one person's morning list from the reminders it carries, each with its own message.
ListBuilder = Callable[[Services, int, Sequence[tuple[Reminder, Built]]], Awaitable[Built]]
#: Lines in one morning list at most; more wait for the next morning (a message holds only
#: so much: Slack's 50 blocks).
MOST_ITEMS = 20


@dataclass(frozen=True)
class MorningList:
    """The day's nudges as one message per person (issue 18.3).

    A person's nudges due when a run claims them go out as *one* DM, a list with one line
    and one button per item (`message`); a single one goes as its own message. After that
    the person gets no other nudge that working day: what falls due later waits for the next
    working morning (`MorningCalendar.next_morning`). Before the day's nudge time
    (`nudges_open`) only the kinds that are not gathered (urgent ones, and those that are
    not nudges: a question on its way, a welcome) go out; they go on their own and do not
    count as the day's message.

    The list is one post carrying one tag for all its reminders (`bot.tags.batch_tag`),
    so the guarantees hold as for one reminder: each row is marked unconfirmed before the
    post and sent after it; a crash in between is found by the look-up (all the person's
    unconfirmed rows in one history read, `find_reminders`) and not posted again; a 429 or a
    5xx puts every row back with the same backoff, so they come due, and are listed,
    together.
    """

    message: ListBuilder
    most: int = MOST_ITEMS


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
        self._next_channel: dict[Conversation, float] = {}
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

    def reserve(self, channel: Conversation) -> float:
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

    async def wait(self, channel: Conversation) -> float:
        delay = self.reserve(channel)
        if delay > 0:
            self.waited += delay
            await self._sleep(delay)
        return delay

    def hold(self, seconds: float) -> None:
        """Send nothing for `seconds` (the platform said "too many", retry after this)."""
        self._hold_until = max(self._hold_until, self._monotonic() + max(0.0, seconds))

    def batch_within(self, seconds: float) -> int:
        """How many sends fit in `seconds` at the workspace pace."""
        return max(1, int(seconds / self.workspace_seconds))


_shared: Pacer | None = None


def shared_pacer() -> Pacer:
    """The process's pacer, kept across dispatcher runs (the default limits)."""
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


Verdict = Literal["retry", "fail"]


@dataclass(frozen=True)
class SendProblem:
    verdict: Verdict
    #: The platform's error code or the exception's name: goes to `last_error` and the log.
    error: str
    retry_after: float | None = None
    #: The post may have landed all the same (a timeout, a dropped connection, a 5xx): the
    #: next try looks for it first.
    maybe_posted: bool = False


def judge(failure: DeliveryFailed) -> SendProblem:
    """Retry or fail, for a post the messenger did not deliver: a rate limit waits its time,
    a passing failure is tried again (MAX_ATTEMPTS bounds it; a post that may have landed is
    looked up first), a refusal for good (gone, not permitted, refused) fails at once."""
    if isinstance(failure, RateLimited):
        return SendProblem("retry", failure.reason, failure.retry_after)
    if isinstance(failure, Temporary):
        return SendProblem("retry", failure.reason, maybe_posted=failure.maybe_delivered)
    return SendProblem("fail", failure.reason)


# -- the run -----------------------------------------------------------------------------------


@dataclass
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    cancelled: int = 0
    #: Claimed but handed back unsent (the batch ran too long for its lease, or the run's
    #: look-ups were used up).
    released: int = 0
    #: The run found closed time (evening, weekend, holiday…): it claimed only `anytime` kinds.
    closed: bool = False
    #: Unconfirmed reminders found in the conversation: recorded as sent, not posted again.
    confirmed: int = 0
    #: Unconfirmed reminders whose look-up the platform did not answer: waiting, nothing
    #: posted.
    deferred: int = 0
    #: Morning lists posted (each carries several reminders, counted in `sent`).
    lists: int = 0
    #: Nudges moved to the next working morning: the person already had today's message.
    held: int = 0

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def interleaved(batch: Sequence[Reminder]) -> list[Reminder]:
    """Round-robin by recipient, each person's reminders in due order: ten reminders for one
    person wait a second apart without holding up everyone else's."""
    queues: dict[int, list[Reminder]] = defaultdict(list)
    for reminder in batch:
        queues[reminder.recipient].append(reminder)
    ordered: list[Reminder] = []
    depth = 0
    while len(ordered) < len(batch):
        ordered.extend(q[depth] for q in queues.values() if depth < len(q))
        depth += 1
    return ordered


@dataclass
class _Run:
    """One dispatcher run: what every reminder of the batch is sent with."""

    services: Services
    #: The services' messenger, paced: a rate limit comes back at once (the pacer waits).
    messenger: Messenger
    kinds: Kinds
    worker: str
    pacer: Pacer
    calendar: DispatchCalendar
    report: DispatchReport
    #: Unconfirmed rows of the batch (id → when their last post started).
    unconfirmed: dict[int, datetime] = field(default_factory=dict)
    lookups_left: int = LOOKUPS_PER_RUN
    #: Recipient → their private conversation, for this run's look-ups.
    conversations: dict[int, ConversationRef] = field(default_factory=dict)
    morning: MorningList | None = None

    def calendar_for(self, reminder: Reminder) -> DispatchCalendar:
        """An `anytime` kind's retries are not moved into working time."""
        kind = self.kinds.get(reminder.kind)
        return reminders.ANYTIME if kind is not None and kind.anytime else self.calendar

    def gathers(self, reminder: Reminder) -> bool:
        """In the person's list of the day (there is one, and the kind is a nudge that is
        not urgent)."""
        kind = self.kinds.get(reminder.kind)
        return self.morning is not None and kind is not None and kind.gathered


def _anytime(kinds: Kinds) -> frozenset[str]:
    return frozenset(name for name, kind in kinds.items() if kind.anytime)


def _apart(kinds: Kinds) -> frozenset[str]:
    """The kinds that go on their own and do not count as the day's message."""
    return frozenset(name for name, kind in kinds.items() if not kind.gathered)


async def dispatch(
    services: Services,
    kinds: Kinds,
    *,
    worker: str,
    limit: int = DEFAULT_LIMIT,
    pacer: Pacer | None = None,
    calendar: DispatchCalendar | None = None,
    morning: MorningList | None = None,
) -> DispatchReport:
    """Claim up to `limit` due reminders and send each with the message its kind builds.

    `pacer` defaults to the process's shared one, `calendar` to `settings.calendar`. The
    batch is cut to what the pacer can send in half a lease, and if it still runs longer
    (429 holds), the rest is handed back to `pending` unsent, so no other worker reclaims
    a row this one is about to send. In closed time only the `anytime` kinds are claimed.
    `morning`: gather each person's nudges into one message a day (`MorningList`); None:
    every reminder is a message of its own.
    """
    db, clock = services.db, services.clock
    pacer = pacer or shared_pacer()
    working: DispatchCalendar = calendar or services.settings.calendar
    if morning is not None and not isinstance(working, MorningCalendar):
        raise TypeError("gathering the day's nudges needs nudges_open and next_morning")
    report = DispatchReport()
    anytime = _anytime(kinds)
    claimable: Collection[str] | None = None
    now = clock.now()
    if not working.is_allowed(now):
        report.closed = True
        if not anytime:
            return report
        claimable = anytime
    elif (
        morning is not None
        and isinstance(working, MorningCalendar)
        and not working.nudges_open(now)
    ):
        claimable = _apart(kinds)
    budget = reminders.LEASE / 2
    limit = min(limit, pacer.batch_within(budget.total_seconds()))
    batch = await reminders.claim_due(
        db, clock, worker=worker, limit=limit, kinds=claimable, unpaused=anytime
    )
    run = _Run(
        services=services,
        messenger=services.messenger.paced(),
        kinds=kinds,
        worker=worker,
        pacer=pacer,
        calendar=working,
        report=report,
        morning=morning,
    )
    if morning is not None and batch:
        # The rest of these people's due nudges, so the list is whole even when the limit
        # cut the claim in the middle of someone's.
        people = {r.recipient for r in batch if run.gathers(r)}
        if people:
            batch += await reminders.claim_due(
                db,
                clock,
                worker=worker,
                limit=morning.most * len(people),
                kinds=claimable,
                unpaused=anytime,
                recipients=people,
            )
    report.claimed = len(batch)
    if not batch:
        return report
    claimed_at = clock.now()
    run.unconfirmed = await reminders.unconfirmed(db, [r.id for r in batch])
    singles = [r for r in batch if not run.gathers(r)]
    gathered: dict[int, list[Reminder]] = defaultdict(list)
    for reminder in batch:
        if run.gathers(reminder):
            gathered[reminder.recipient].append(reminder)
    units: list[list[Reminder]] = [[r] for r in interleaved(singles)]
    units += [sorted(rows, key=lambda r: (r.due_at, r.id)) for rows in gathered.values()]
    for index, unit in enumerate(units):
        if clock.now() - claimed_at > budget:
            rest = [r.id for later in units[index:] for r in later]
            report.released += await reminders.release(db, clock, rest, worker=worker)
            break
        if morning is not None and run.gathers(unit[0]):
            await _gathered(run, morning, unit)
        else:
            await _one(run, unit[0])
    logger.info(
        "reminders dispatched worker=%s claimed=%d sent=%d lists=%d held=%d retried=%d "
        "failed=%d cancelled=%d released=%d confirmed=%d deferred=%d",
        worker,
        report.claimed,
        report.sent,
        report.lists,
        report.held,
        report.retried,
        report.failed,
        report.cancelled,
        report.released,
        report.confirmed,
        report.deferred,
    )
    return report


async def _one(run: _Run, reminder: Reminder) -> None:
    if reminder.id in run.unconfirmed and not await _not_posted_before(run, reminder):
        return
    message = await _message(run, reminder)
    if message is not None:
        await _post(run, [(reminder, message)])


async def _message(run: _Run, reminder: Reminder) -> Built | None:
    """The reminder's own message, built by its kind; None when there is none to send —
    then the row is already recorded (failed, cancelled, or pending for a retry)."""
    services, report = run.services, run.report
    db, clock = services.db, services.clock
    kind = run.kinds.get(reminder.kind)
    if kind is None:
        await reminders.mark_failed(
            db, clock, reminder.id, f"unknown kind {reminder.kind!r}: no sender for it"
        )
        logger.warning(
            "reminder failed id=%d kind=%s error=unknown_kind", reminder.id, reminder.kind
        )
        report.failed += 1
        return None
    try:
        message = await kind.build(services, reminder)
    except NotNow as error:
        await _not_sent(run, reminder, SendProblem("retry", error.error))
        return None
    except Exception as error:
        logger.exception("reminder message failed id=%d kind=%s", reminder.id, reminder.kind)
        problem = SendProblem("retry", f"sender failed: {type(error).__name__}")
        await _not_sent(run, reminder, problem)
        return None
    if message is None:
        await reminders.mark_cancelled(db, clock, reminder.id, "no longer relevant")
        report.cancelled += 1
    return message


async def _post(run: _Run, items: Sequence[tuple[Reminder, Built]]) -> None:
    """One DM for one person: a reminder's own message, or the morning list of several.

    Every row is marked unconfirmed before the post (rows whose claim is gone are left to
    the worker that has them) and recorded after it, all with the post's one outcome."""
    services, report = run.services, run.report
    db, clock = services.db, services.clock
    recipient = items[0][0].recipient
    await run.pacer.wait(recipient)
    held: list[tuple[Reminder, Built]] = []
    for reminder, message in items:
        if await reminders.posting(db, clock, reminder.id, worker=run.worker):
            held.append((reminder, message))
        else:
            # The claim is gone (another worker took the row after our lease): theirs to send.
            logger.warning(
                "reminder no longer held, not sent id=%d kind=%s", reminder.id, reminder.kind
            )
    if not held:
        return
    rows = [reminder for reminder, _ in held]
    try:
        if len(held) == 1:
            reminder, message = held[0]
            tag = reminder_tag(reminder.id, reminder.dedupe_key)
        else:
            assert run.morning is not None
            day = clock.now().astimezone(clock.tz).date().isoformat()
            message = await run.morning.message(services, recipient, held)
            tag = batch_tag([r.id for r in rows], day)
        await run.messenger.send_privately(recipient, message, tag=tag)
    except DeliveryFailed as failure:
        for reminder in rows:
            await _not_sent(run, reminder, judge(failure))
        return
    except Exception as error:
        # Not the platform's answer nor the network: a bug. Tried again, so MAX_ATTEMPTS ends it
        # as `failed` with the reason, instead of leaving the batch claimed until the lease.
        logger.exception("reminder send crashed ids=%s", [r.id for r in rows])
        problem = SendProblem("retry", f"send crashed: {type(error).__name__}", maybe_posted=True)
        for reminder in rows:
            await _not_sent(run, reminder, problem)
        return
    for reminder in rows:
        await reminders.mark_sent(db, clock, reminder.id)
        report.sent += 1
    report.lists += len(rows) > 1


async def _gathered(run: _Run, morning: MorningList, rows: list[Reminder]) -> None:
    """One person's due nudges: those already posted recorded, then — unless the person
    had today's message — at most `morning.most` of them as one DM; the rest wait for the
    next working morning."""
    services, report = run.services, run.report
    db, clock = services.db, services.clock
    recipient = rows[0].recipient
    unsure = [r for r in rows if r.id in run.unconfirmed]
    if unsure:
        found = await _posted_before(run, unsure)
        if found is None:
            # Whether today's list went out is not known: the person's others wait with it.
            sure = [r.id for r in rows if r.id not in run.unconfirmed]
            report.released += await reminders.release(db, clock, sure, worker=run.worker)
            return
        rows = [r for r in rows if r.id not in found]
    already = await reminders.sent_today(db, clock, [recipient], apart=_apart(run.kinds))
    now_list, later = (rows, []) if not already else ([], rows)
    later += now_list[morning.most :]
    now_list = now_list[: morning.most]
    if later:
        assert isinstance(run.calendar, MorningCalendar)
        until = run.calendar.next_morning(clock.now())
        report.held += await reminders.hold(
            db, clock, [r.id for r in later], worker=run.worker, until=until
        )
    items: list[tuple[Reminder, Built]] = []
    for reminder in now_list:
        message = await _message(run, reminder)
        if message is not None:
            items.append((reminder, message))
    if items:
        await _post(run, items)


async def _look_again_later(run: _Run, rows: list[Reminder], failure: DeliveryFailed) -> None:
    """The platform did not answer whether these went out: each waits its backoff and is looked up
    again, rather than risk a second post."""
    for reminder in rows:
        await reminders.defer(
            run.services.db,
            run.services.clock,
            reminder.id,
            worker=run.worker,
            error=f"look-up failed: {failure.reason}",
            calendar=run.calendar_for(reminder),
        )
        run.report.deferred += 1
    logger.warning(
        "reminder look-up failed, looking again later ids=%s kinds=%s error=%s",
        [r.id for r in rows],
        sorted({r.kind for r in rows}),
        failure.reason,
    )


async def _posted_before(run: _Run, rows: list[Reminder]) -> set[int] | None:
    """One person's reminders whose last post may have gone out, looked up together in
    their DM: those found are recorded as sent, and their ids returned. None when none of
    the person's rows may be sent now — the platform did not answer (the unsure rows wait, the
    person's others too) or this run's look-ups are used up (all handed back)."""
    services, report = run.services, run.report
    db, clock = services.db, services.clock
    recipient = rows[0].recipient
    if run.lookups_left <= 0:
        mine = [r.id for r in rows]
        report.released += await reminders.release(db, clock, mine, worker=run.worker)
        return None
    run.lookups_left -= 1
    try:
        where = await _conversation(run, recipient)
        found = await find_reminders(run.messenger, where, {r.id: r.dedupe_key for r in rows})
    except DeliveryFailed as failure:
        if not passing(failure):
            logger.warning(
                "reminder look-up refused, sending without it ids=%s error=%s",
                [r.id for r in rows],
                failure.reason,
            )
            return set()
        await _look_again_later(run, rows, failure)
        return None
    for reminder in rows:
        if reminder.id in found:
            await reminders.mark_sent(db, clock, reminder.id)
            report.confirmed += 1
            logger.info(
                "reminder found posted, recorded as sent id=%d kind=%s",
                reminder.id,
                reminder.kind,
            )
    return found


async def _not_posted_before(run: _Run, reminder: Reminder) -> bool:
    """For a reminder whose last post may have gone out: True when its tag is not in the
    person's DM, so it may be posted. Otherwise it is dealt with here — recorded as sent
    (found), left for a later run (the platform did not answer the look-up), or handed back (this
    run's look-ups are used up) — and False. The platform refusing the look-up for good (a missing
    scope) gives True: then it is sent without knowing, at least once, as before tags."""
    services, report = run.services, run.report
    db, clock = services.db, services.clock
    if run.lookups_left <= 0:
        report.released += await reminders.release(db, clock, [reminder.id], worker=run.worker)
        return False
    run.lookups_left -= 1
    try:
        where = await _conversation(run, reminder.recipient)
        found = await find_reminders(run.messenger, where, {reminder.id: reminder.dedupe_key})
    except DeliveryFailed as failure:
        if not passing(failure):
            logger.warning(
                "reminder look-up refused, sending without it id=%d kind=%s error=%s",
                reminder.id,
                reminder.kind,
                failure.reason,
            )
            return True
        await _look_again_later(run, [reminder], failure)
        return False
    if reminder.id not in found:
        return True
    await reminders.mark_sent(db, clock, reminder.id)
    report.confirmed += 1
    logger.info("reminder found posted, recorded as sent id=%d kind=%s", reminder.id, reminder.kind)
    return False


async def _conversation(run: _Run, recipient: int) -> ConversationRef:
    """The recipient's private conversation, asked once per run."""
    where = run.conversations.get(recipient)
    if where is None:
        where = await run.messenger.private_conversation(recipient)
        run.conversations[recipient] = where
    return where


async def _not_sent(run: _Run, reminder: Reminder, problem: SendProblem) -> None:
    """Record a send that did not happen (or may have): failed at once, or pending again."""
    services, report = run.services, run.report
    db, clock = services.db, services.clock
    if problem.retry_after is not None:
        run.pacer.hold(problem.retry_after)
    if problem.verdict == "fail":
        await reminders.mark_failed(db, clock, reminder.id, problem.error, not_posted=True)
        report.failed += 1
        logger.warning(
            "reminder failed id=%d kind=%s error=%s", reminder.id, reminder.kind, problem.error
        )
        return
    after = await reminders.mark_retry(
        db,
        clock,
        reminder.id,
        problem.error,
        problem.retry_after,
        run.calendar_for(reminder),
        maybe_posted=problem.maybe_posted,
    )
    if after is not None and after.state == "failed":
        report.failed += 1
    else:
        report.retried += 1
    logger.warning(
        "reminder not sent id=%d kind=%s error=%s maybe_posted=%s state=%s attempts=%s",
        reminder.id,
        reminder.kind,
        problem.error,
        problem.maybe_posted,
        after.state if after is not None else "gone",
        after.attempts if after is not None else "-",
    )
