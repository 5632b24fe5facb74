"""Durable reminders: the rows are the truth, not the scheduler's memory.

A reminder is planned once (`schedule`, idempotent by its `dedupe_key`), waits as
`pending` until it is due, is *claimed* by one dispatcher (`claim_due` → `sending`), and
ends `sent`, `failed` or `cancelled`. Nothing is kept only in memory, so a restart loses
nothing: a pending row is still pending, and a row left in `sending` by a process that died
is claimed again once its lease runs out.

**Delivery guarantee.** A chat platform has no idempotency key for a post (Slack's
`chat.postMessage` has none), so the bot cannot know whether a message went out when the
process died between posting and recording, or the post timed out. So the dispatcher marks
a row *unconfirmed* just before posting it (`posting`), and records the outcome after; a
row still unconfirmed when it is claimed again (after `LEASE` — 10 minutes, far longer
than any send takes — or after a retry whose post may have gone through) is first looked
up in the person's conversation by the tag the post carries (`bot.tags`): found, it is
recorded as sent and not posted again. If the platform cannot be asked, it waits (`defer`,
no attempt counted) — never sent blindly, never lost. A reclaim counts as an attempt, and
after `MAX_ATTEMPTS` the row fails instead, so a reminder that crashes the process cannot
loop for ever.

**Time.** `due_at` is stored in UTC (`bot.clock.utc_iso`). A reminder is planned on a
working moment (`calendar.next_allowed`), and a retry's backoff is moved by the calendar
only when it lands in closed time. A pause ("no nudges up to and including 11 December")
only holds rows back; they are sent when it ends (the dispatcher waits for working time).

No platform here: `bot.jobs.dispatcher` sends through the Messenger, this module only moves
rows.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from bot.clock import Clock, utc_iso
from bot.domain.reminders import SNOOZE_MARK, Reminder, ReminderState
from storage.db import Database
from storage.repositories import reminders as repo

#: Sends tried before a reminder is `failed` (each failed send and each expired lease counts).
MAX_ATTEMPTS = 5
#: How long a claim holds. A send takes seconds; this is only reached when the process died.
LEASE = timedelta(minutes=10)
#: Retry backoff: 30 s · 2^attempts, at most an hour.
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600
LEASE_ERROR = "lease expired: the worker stopped before recording the send"
#: `last_error` is for people: kept short.
ERROR_MAX = 500


class WorkingTime(Protocol):
    """What reminders need of `bot.services.working_time.WorkingCalendar`."""

    def next_allowed(self, moment: datetime) -> datetime:
        """`moment` when a nudge may arrive then, else the next moment one may."""
        ...


class _Anytime:
    """A calendar with no closed time, for reminder kinds that may go out at any hour."""

    def is_allowed(self, moment: datetime) -> bool:
        return True

    def next_allowed(self, moment: datetime) -> datetime:
        return moment

    def nudges_open(self, moment: datetime) -> bool:
        return True

    def next_morning(self, moment: datetime) -> datetime:
        """A day on: with no closed time there is no morning to wait for."""
        return moment + timedelta(days=1)


#: Plan (`schedule(..., calendar=ANYTIME)`) and retry reminders of a kind that may go out
#: at any hour — at once, not on the next working morning.
ANYTIME = _Anytime()


def _now(clock: Clock) -> str:
    return utc_iso(clock.now())


def _short(error: str) -> str:
    return error if len(error) <= ERROR_MAX else error[: ERROR_MAX - 1] + "…"


async def schedule(
    db: Database,
    clock: Clock,
    *,
    kind: str,
    recipient: int,
    due: datetime,
    payload: dict[str, Any],
    dedupe_key: str,
    calendar: WorkingTime,
) -> Reminder | None:
    """Plan a reminder at the first working moment from `due`.

    None when a reminder with `dedupe_key` already exists, whatever its state — so a
    planning job that runs twice (or after a restart) creates nothing twice, and a
    reminder once sent or cancelled is not planned again under the same key.
    """
    if not dedupe_key or SNOOZE_MARK in dedupe_key:
        raise ValueError(f"a dedupe key must be non-empty and not contain {SNOOZE_MARK!r}")
    return await repo.insert(
        db,
        kind=kind,
        recipient=recipient,
        due_at=utc_iso(calendar.next_allowed(due)),
        payload=payload,
        dedupe_key=dedupe_key,
        now=_now(clock),
    )


async def planned_keys(db: Database, dedupe_prefix: str) -> set[str]:
    """The keys already planned under `dedupe_prefix`: a planner that runs every few minutes
    over many rows skips those in one read instead of one write each."""
    return await repo.keys_with_prefix(db, dedupe_prefix)


async def planned_states(db: Database, dedupe_prefix: str) -> dict[str, ReminderState]:
    """The state of every reminder planned under `dedupe_prefix` (snoozed copies included),
    by key: what a kind reads to know who was told."""
    return await repo.states_with_prefix(db, dedupe_prefix)


async def claim_due(
    db: Database,
    clock: Clock,
    *,
    worker: str,
    limit: int,
    kinds: Collection[str] | None = None,
    unpaused: Collection[str] = (),
    recipients: Collection[int] | None = None,
) -> list[Reminder]:
    """Take up to `limit` due reminders for `worker` to send, oldest due first.

    Pending rows due by now — and rows left `sending` longer than `LEASE` — move to
    `sending` with `claimed_by`/`claimed_at` in one statement inside one `BEGIN IMMEDIATE`
    transaction, so two dispatchers (in one process, or in two processes on one database
    file) never get the same row. A reclaimed row may have been posted (see the module
    docstring and `unconfirmed`). Rows of a person whose pause runs to today (local date)
    or later are left alone, but for the `unpaused` kinds (not nudges: a question on its way
    to the ambassadors). `kinds`: only reminders of these kinds (None: every kind);
    `recipients`: only reminders to these people (None: anyone).
    """
    if limit < 1:
        return []
    now = clock.now()
    return await repo.claim(
        db,
        worker=worker,
        now=utc_iso(now),
        today=now.astimezone(clock.tz).date().isoformat(),
        lease_cutoff=utc_iso(now - LEASE),
        limit=limit,
        max_attempts=MAX_ATTEMPTS,
        lease_error=LEASE_ERROR,
        kinds=None if kinds is None else sorted(kinds),
        unpaused=sorted(unpaused),
        recipients=None if recipients is None else sorted(recipients),
    )


async def mark_sent(db: Database, clock: Clock, reminder_id: int) -> bool:
    """Record the send; False when the row was not `sending` (nothing changes then)."""
    return await repo.mark_sent(db, reminder_id, _now(clock))


async def posting(db: Database, clock: Clock, reminder_id: int, *, worker: str) -> bool:
    """Say before posting that a post starts: if the outcome is never recorded (the process
    dies, the call times out), the next try looks for the post first. False when `worker` no
    longer holds the claim — then it must not post."""
    return await repo.mark_posting(db, reminder_id, worker=worker, now=_now(clock))


async def unconfirmed(db: Database, ids: list[int]) -> dict[int, datetime]:
    """Of these claimed reminders, those whose earlier post may have landed, and when that
    post started (UTC)."""
    found = await repo.unconfirmed(db, ids)
    return {rid: datetime.fromisoformat(since) for rid, since in found.items()}


async def defer(
    db: Database,
    clock: Clock,
    reminder_id: int,
    *,
    worker: str,
    error: str,
    calendar: WorkingTime,
) -> bool:
    """Whether a claimed reminder was already posted could not be found out (the platform did not
    answer the look-up): pending again after the backoff its attempts give, with no attempt
    counted — nothing was tried, and a reminder must not be lost to an outage."""
    row = await repo.get(db, reminder_id)
    if row is None or row.state != "sending":
        return False
    now = clock.now()
    due = calendar.next_allowed(now + backoff(row.attempts))
    return await repo.defer(
        db, reminder_id, worker=worker, due_at=utc_iso(due), error=_short(error), now=utc_iso(now)
    )


async def release(db: Database, clock: Clock, ids: list[int], *, worker: str) -> int:
    """Hand claimed reminders back unsent (a batch that ran out of time): pending again at
    their due time, no attempt counted. Returns how many."""
    return await repo.release(db, ids, worker=worker, now=_now(clock))


async def hold(db: Database, clock: Clock, ids: list[int], *, worker: str, until: datetime) -> int:
    """Claimed reminders that are not to go out now (the person already had today's nudge
    message): pending again, due `until`, no attempt counted. Returns how many."""
    return await repo.hold(db, ids, worker=worker, due_at=utc_iso(until), now=_now(clock))


async def sent_today(
    db: Database, clock: Clock, recipients: Collection[int], *, apart: Collection[str]
) -> set[int]:
    """Of `recipients`, those who were sent a reminder today (the local date), leaving out
    the kinds in `apart` (those that do not count against the one message a day)."""
    now = clock.now().astimezone(clock.tz)
    midnight = datetime.combine(now.date(), time(0), tzinfo=clock.tz)
    return await repo.sent_to_since(db, sorted(recipients), utc_iso(midnight), sorted(apart))


async def due_times(db: Database, kind: str, since: datetime) -> list[tuple[int, datetime]]:
    """(recipient, due moment) of the reminders of `kind` planned, being sent or sent, due
    from `since` on: what a planner spreading its reminders over weeks must count."""
    found = await repo.due_times(db, kind, utc_iso(since))
    return [(who, datetime.fromisoformat(due)) for who, due in found]


def backoff(attempts: int) -> timedelta:
    """The wait after a failed send when `attempts` sends had failed before it."""
    seconds = BACKOFF_BASE_SECONDS * 2 ** min(attempts, 16)
    return timedelta(seconds=min(seconds, BACKOFF_MAX_SECONDS))


async def mark_retry(
    db: Database,
    clock: Clock,
    reminder_id: int,
    error: str,
    retry_after_seconds: float | None,
    calendar: WorkingTime,
    *,
    maybe_posted: bool = False,
) -> Reminder | None:
    """A send that may work later: back to `pending`, due after max(Retry-After, backoff).

    The backoff is `30 s · 2^attempts` (at most an hour); the platform's Retry-After wins when it
    is longer. The new moment is moved by the calendar only if it falls in closed time.
    When this failure is the `MAX_ATTEMPTS`-th, the row is `failed` instead. `maybe_posted`:
    the post may have reached the platform (a timeout, a dropped connection, a 5xx), so the next
    try looks for it first. Returns the row as it is now (None when it was not `sending`).
    """
    row = await repo.get(db, reminder_id)
    if row is None or row.state != "sending":
        return None
    if row.attempts + 1 >= MAX_ATTEMPTS:
        await mark_failed(
            db,
            clock,
            reminder_id,
            f"{error} (after {MAX_ATTEMPTS} attempts)",
            not_posted=not maybe_posted,
        )
        return await repo.get(db, reminder_id)
    now = clock.now()
    wait = max(backoff(row.attempts), timedelta(seconds=max(0.0, retry_after_seconds or 0.0)))
    due = calendar.next_allowed(now + wait)
    await repo.back_to_pending(
        db,
        reminder_id,
        attempts_before=row.attempts,
        due_at=utc_iso(due),
        error=_short(error),
        now=utc_iso(now),
        maybe_posted=maybe_posted,
    )
    return await repo.get(db, reminder_id)


async def mark_failed(
    db: Database, clock: Clock, reminder_id: int, error: str, *, not_posted: bool = False
) -> bool:
    """A send that will not work (no such user, bad message…): `failed` at once, for the
    coordinator's `tovholder reminders failed`. `not_posted`: the platform refused the last post,
    so nothing of it is unconfirmed (a retry by the coordinator need not look first)."""
    return await repo.finish(
        db,
        reminder_id,
        state="failed",
        error=_short(error),
        now=_now(clock),
        from_states=("sending", "pending"),
        count_attempt=True,
        not_posted=not_posted,
    )


async def mark_cancelled(db: Database, clock: Clock, reminder_id: int, reason: str) -> bool:
    """A claimed reminder that no longer matters (its sender said so): `cancelled`."""
    return await repo.finish(
        db,
        reminder_id,
        state="cancelled",
        error=_short(reason),
        now=_now(clock),
        from_states=("sending",),
    )


async def requeue(db: Database, clock: Clock, reminder_id: int) -> bool:
    """The coordinator fixed the cause: a `failed` reminder is pending again, due now, with
    its attempts reset (`last_error` kept until it is sent). False when it had not failed."""
    now = _now(clock)
    return await repo.requeue_failed(db, reminder_id, now, now)


async def cancel(
    db: Database, clock: Clock, *, dedupe_key: str | None = None, id: int | None = None
) -> bool:
    """Cancel one *pending* reminder by key or id; False when there was none pending.

    A reminder being sent right now is not cancelled: it may already have been posted.
    """
    if (dedupe_key is None) == (id is None):
        raise ValueError("cancel needs exactly one of dedupe_key and id")
    if id is not None:
        return await repo.cancel_by_id(db, id, _now(clock))
    assert dedupe_key is not None
    return await repo.cancel_by_key(db, dedupe_key, _now(clock))


async def cancel_matching(db: Database, clock: Clock, dedupe_prefix: str) -> int:
    """Cancel every pending reminder whose key starts with `dedupe_prefix` (snoozed copies
    included, as they extend the key); returns how many. An empty prefix is refused."""
    if not dedupe_prefix:
        raise ValueError("an empty prefix would cancel every reminder")
    return await repo.cancel_by_prefix(db, dedupe_prefix, _now(clock))


async def snooze(
    db: Database, clock: Clock, reminder_id: int, delta: timedelta, calendar: WorkingTime
) -> Reminder | None:
    """Remind me later: the reminder comes again `delta` from now, at a working moment.

    - still `pending`: the same row moves (nothing was sent yet);
    - `sent` (or `sending`: the person may already read it): a new pending copy with the
      key `<original key>:snooze:<n>`, n one more than the source's, so a double click on
      the same message makes one copy, and the latest choice ("tomorrow" after "in a week")
      moves that copy while it is pending;
    - `cancelled` or `failed` (no longer relevant), an unknown id, or a copy already sent
      or cancelled: None.
    """
    source = await repo.get(db, reminder_id)
    if source is None:
        return None
    now = clock.now()
    due = utc_iso(calendar.next_allowed(now + delta))
    if source.state == "pending":
        return await repo.move_pending(db, reminder_id, due, utc_iso(now))
    if source.state not in ("sent", "sending"):
        return None
    return await repo.upsert_pending(
        db,
        kind=source.kind,
        recipient=source.recipient,
        due_at=due,
        payload=source.payload,
        dedupe_key=source.next_snooze_key,
        now=utc_iso(now),
    )


async def pause(db: Database, clock: Clock, person_id: int, until: date | None) -> None:
    """No nudges for the person up to and including `until` (a local date); None resumes them.

    Reminders falling due meanwhile are kept and sent when the pause ends.
    """
    if until is None:
        await repo.clear_pause(db, person_id)
    else:
        await repo.set_pause(db, person_id, until.isoformat(), _now(clock))


async def paused_until(db: Database, person_id: int) -> date | None:
    """The last paused day as stored (it may lie in the past: then it no longer holds)."""
    stored = await repo.pause_of(db, person_id)
    return date.fromisoformat(stored) if stored else None


async def get_reminder(db: Database, reminder_id: int) -> Reminder | None:
    return await repo.get(db, reminder_id)


async def list_reminders(db: Database, *, due_only: bool, now: datetime) -> list[Reminder]:
    """What is scheduled (pending or being sent), soonest first; `due_only`: only pending
    reminders due by `now` (a paused person's included — they wait for the pause)."""
    return await repo.scheduled(db, due_by=utc_iso(now) if due_only else None)


async def failed_reminders(db: Database) -> list[Reminder]:
    """Failed reminders, latest first, with `last_error` saying why."""
    return await repo.failed(db)


async def counts(db: Database) -> dict[str, int]:
    """How many reminders are in each state (states with none are left out)."""
    return await repo.count_by_state(db)
