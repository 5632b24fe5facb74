"""SQL for durable reminders and personal nudge pauses.

The rules (when, how often, what a lease is) live in `bot.services.reminders`; here is only
how rows change. Every state change is one statement (or one `BEGIN IMMEDIATE`
transaction), so two dispatchers — in one process or in two on the same database file —
cannot both move the same row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any, cast

from bot.domain.reminders import Reminder, ReminderState
from storage.db import Database


def _reminder(row: sqlite3.Row) -> Reminder:
    return Reminder(
        id=int(row["id"]),
        kind=str(row["kind"]),
        recipient=int(row["recipient"]),
        due_at=str(row["due_at"]),
        state=cast(ReminderState, row["state"]),
        attempts=int(row["attempts"]),
        dedupe_key=str(row["dedupe_key"]),
        payload=json.loads(row["payload"] or "{}"),
        claimed_by=row["claimed_by"],
        claimed_at=row["claimed_at"],
        last_error=row["last_error"],
        sent_at=row["sent_at"],
        created_at=str(row["created_at"]),
        updated_at=str(row["updated_at"]),
    )


def payload_json(payload: dict[str, Any]) -> str:
    """Sorted keys, so the same payload is always the same text."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


async def insert(
    db: Database,
    *,
    kind: str,
    recipient: int,
    due_at: str,
    payload: dict[str, Any],
    dedupe_key: str,
    now: str,
) -> Reminder | None:
    """The new reminder, or None when one with `dedupe_key` already exists (in any state)."""
    async with (
        db.transaction() as conn,
        conn.execute(
            "INSERT OR IGNORE INTO reminders (kind, recipient, due_at, payload, dedupe_key,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
            (kind, recipient, due_at, payload_json(payload), dedupe_key, now, now),
        ) as cursor,
    ):
        row = await cursor.fetchone()
    return _reminder(row) if row is not None else None


async def upsert_pending(
    db: Database,
    *,
    kind: str,
    recipient: int,
    due_at: str,
    payload: dict[str, Any],
    dedupe_key: str,
    now: str,
) -> Reminder | None:
    """Insert, or move an existing *pending* reminder with this key to `due_at`.

    None when the key exists in another state (already sent, cancelled or failed).
    """
    async with (
        db.transaction() as conn,
        conn.execute(
            "INSERT INTO reminders (kind, recipient, due_at, payload, dedupe_key, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (dedupe_key) DO UPDATE SET due_at = excluded.due_at,"
            " updated_at = excluded.updated_at WHERE reminders.state = 'pending'"
            " RETURNING *",
            (kind, recipient, due_at, payload_json(payload), dedupe_key, now, now),
        ) as cursor,
    ):
        row = await cursor.fetchone()
    return _reminder(row) if row is not None else None


async def get(db: Database, reminder_id: int) -> Reminder | None:
    row = await db.fetchone("SELECT * FROM reminders WHERE id = ?", (reminder_id,))
    return _reminder(row) if row is not None else None


async def by_key(db: Database, dedupe_key: str) -> Reminder | None:
    row = await db.fetchone("SELECT * FROM reminders WHERE dedupe_key = ?", (dedupe_key,))
    return _reminder(row) if row is not None else None


async def claim(
    db: Database,
    *,
    worker: str,
    now: str,
    today: str,
    lease_cutoff: str,
    limit: int,
    max_attempts: int,
    lease_error: str,
    kinds: Sequence[str] | None = None,
    unpaused: Sequence[str] = (),
    recipients: Sequence[int] | None = None,
) -> list[Reminder]:
    """Move up to `limit` claimable rows to `sending` for `worker`, oldest due first.

    One `BEGIN IMMEDIATE` transaction: first an expired lease that has used its last
    attempt becomes `failed`; then one `UPDATE … WHERE id IN (SELECT … LIMIT) RETURNING`
    takes the rest. The outer `WHERE` repeats the condition, so a row is only ever taken
    from a claimable state. A reclaimed lease counts as an attempt (the send may have
    happened) and says so in `last_error`. `kinds`: only rows of these kinds (None: all);
    `unpaused`: kinds a person's nudge pause does not hold back; `recipients`: only rows to
    these people (None: anyone).
    """
    params = {
        "worker": worker,
        "now": now,
        "today": today,
        "lease_cutoff": lease_cutoff,
        "limit": limit,
        "max_attempts": max_attempts,
        "lease_error": lease_error,
        "kinds": None if kinds is None else json.dumps(sorted(kinds)),
        "unpaused": json.dumps(sorted(unpaused)),
        "recipients": None if recipients is None else json.dumps(sorted(recipients)),
    }
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE reminders SET state = 'failed', attempts = attempts + 1,"
            " last_error = :lease_error, updated_at = :now"
            " WHERE state = 'sending' AND claimed_at <= :lease_cutoff"
            " AND attempts + 1 >= :max_attempts",
            params,
        )
        async with conn.execute(
            "UPDATE reminders AS r SET"
            " attempts = r.attempts + (r.state = 'sending'),"
            " last_error = CASE WHEN r.state = 'sending' THEN :lease_error ELSE r.last_error END,"
            " state = 'sending', claimed_by = :worker, claimed_at = :now, updated_at = :now"
            # Claimable: pending and due, or sending with an expired lease — and not for a
            # person whose pause runs to today (the local date) or later.
            " WHERE r.id IN (SELECT c.id FROM reminders AS c"
            " WHERE ((c.state = 'pending' AND c.due_at <= :now)"
            " OR (c.state = 'sending' AND c.claimed_at <= :lease_cutoff))"
            " AND (c.kind IN (SELECT value FROM json_each(:unpaused))"
            " OR NOT EXISTS (SELECT 1 FROM nudge_pauses p"
            " WHERE p.person_id = c.recipient AND p.until_date >= :today))"
            " AND (:kinds IS NULL OR c.kind IN (SELECT value FROM json_each(:kinds)))"
            " AND (:recipients IS NULL"
            " OR c.recipient IN (SELECT value FROM json_each(:recipients)))"
            " ORDER BY c.due_at, c.id LIMIT :limit)"
            # …and still claimable (the same statement, so this cannot change in between).
            " AND ((r.state = 'pending' AND r.due_at <= :now)"
            " OR (r.state = 'sending' AND r.claimed_at <= :lease_cutoff))"
            " RETURNING *",
            params,
        ) as cursor:
            rows = await cursor.fetchall()
    return sorted((_reminder(row) for row in rows), key=lambda r: (r.due_at, r.id))


async def mark_sent(db: Database, reminder_id: int, now: str) -> bool:
    changed = await db.execute(
        "UPDATE reminders SET state = 'sent', sent_at = ?, updated_at = ?, last_error = NULL,"
        " unconfirmed_since = NULL WHERE id = ? AND state = 'sending'",
        (now, now, reminder_id),
    )
    return changed == 1


async def mark_posting(db: Database, reminder_id: int, *, worker: str, now: str) -> bool:
    """A post of the row starts now: until its outcome is recorded, it may or may not have
    landed. False (post nothing) when `worker` no longer holds the row."""
    changed = await db.execute(
        "UPDATE reminders SET unconfirmed_since = ?, updated_at = ?"
        " WHERE id = ? AND state = 'sending' AND claimed_by = ?",
        (now, now, reminder_id, worker),
    )
    return changed == 1


async def unconfirmed(db: Database, ids: Sequence[int]) -> dict[int, str]:
    """Of these rows, those with a post whose outcome is unknown, and since when."""
    if not ids:
        return {}
    rows = await db.fetchall(
        "SELECT id, unconfirmed_since FROM reminders WHERE unconfirmed_since IS NOT NULL"
        " AND id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(ids)),),
    )
    return {int(row["id"]): str(row["unconfirmed_since"]) for row in rows}


async def defer(
    db: Database, reminder_id: int, *, worker: str, due_at: str, error: str, now: str
) -> bool:
    """`sending` → `pending` at `due_at` without counting an attempt, keeping what is
    unconfirmed: nothing was posted, because nobody could tell whether it had to be."""
    changed = await db.execute(
        "UPDATE reminders SET state = 'pending', due_at = ?, last_error = ?, claimed_by = NULL,"
        " claimed_at = NULL, updated_at = ? WHERE id = ? AND state = 'sending' AND claimed_by = ?",
        (due_at, error, now, reminder_id, worker),
    )
    return changed == 1


async def finish(
    db: Database,
    reminder_id: int,
    *,
    state: ReminderState,
    error: str | None,
    now: str,
    from_states: tuple[ReminderState, ...],
    count_attempt: bool = False,
    not_posted: bool = False,
) -> bool:
    """Move the row to a final `state` (failed or cancelled) when it is in `from_states`.
    `not_posted`: the last post is known not to have reached the platform (nothing unconfirmed)."""
    changed = await db.execute(
        "UPDATE reminders SET state = ?, last_error = COALESCE(?, last_error),"
        " attempts = attempts + ?, updated_at = ?,"
        " unconfirmed_since = CASE WHEN ? THEN NULL ELSE unconfirmed_since END"
        " WHERE id = ? AND state IN (SELECT value FROM json_each(?))",
        (
            state,
            error,
            int(count_attempt),
            now,
            int(not_posted),
            reminder_id,
            json.dumps(from_states),
        ),
    )
    return changed == 1


async def back_to_pending(
    db: Database,
    reminder_id: int,
    *,
    attempts_before: int,
    due_at: str,
    error: str,
    now: str,
    maybe_posted: bool = False,
) -> bool:
    """A failed send tried again later: `sending` → `pending` at `due_at`, one attempt more.

    Only when the row still has `attempts_before` (nobody else moved it meanwhile).
    `maybe_posted`: the post may have landed (a timeout…), so it stays unconfirmed;
    otherwise the platform refused it and nothing is unconfirmed any more.
    """
    changed = await db.execute(
        "UPDATE reminders SET state = 'pending', due_at = ?, attempts = attempts + 1,"
        " last_error = ?, updated_at = ?,"
        " unconfirmed_since = CASE WHEN ? THEN unconfirmed_since ELSE NULL END"
        " WHERE id = ? AND state = 'sending' AND attempts = ?",
        (due_at, error, now, int(maybe_posted), reminder_id, attempts_before),
    )
    return changed == 1


async def release(db: Database, ids: list[int], *, worker: str, now: str) -> int:
    """Hand claimed rows back unsent: `sending` → `pending`, no attempt counted — only rows
    `worker` still holds."""
    if not ids:
        return 0
    return await db.execute(
        "UPDATE reminders SET state = 'pending', claimed_by = NULL, claimed_at = NULL,"
        " updated_at = ? WHERE state = 'sending' AND claimed_by = ?"
        " AND id IN (SELECT value FROM json_each(?))",
        (now, worker, json.dumps(ids)),
    )


async def hold(db: Database, ids: list[int], *, worker: str, due_at: str, now: str) -> int:
    """Claimed rows that are not to go out today: `sending` → `pending` at `due_at`, no
    attempt counted — only rows `worker` still holds."""
    if not ids:
        return 0
    return await db.execute(
        "UPDATE reminders SET state = 'pending', due_at = ?, claimed_by = NULL,"
        " claimed_at = NULL, updated_at = ? WHERE state = 'sending' AND claimed_by = ?"
        " AND id IN (SELECT value FROM json_each(?))",
        (due_at, now, worker, json.dumps(ids)),
    )


async def sent_to_since(
    db: Database, recipients: Sequence[int], since: str, apart: Sequence[str]
) -> set[int]:
    """Of `recipients`, those sent a reminder since `since` (UTC), not counting the kinds
    in `apart`."""
    if not recipients:
        return set()
    rows = await db.fetchall(
        "SELECT DISTINCT recipient FROM reminders WHERE state = 'sent' AND sent_at >= ?"
        " AND recipient IN (SELECT value FROM json_each(?))"
        " AND kind NOT IN (SELECT value FROM json_each(?))",
        (since, json.dumps(sorted(recipients)), json.dumps(sorted(apart))),
    )
    return {int(row["recipient"]) for row in rows}


async def due_times(db: Database, kind: str, since: str) -> list[tuple[int, str]]:
    """(recipient, due_at) of every reminder of `kind` due from `since` on that is planned,
    being sent or sent (not cancelled or failed)."""
    rows = await db.fetchall(
        "SELECT recipient, due_at FROM reminders WHERE kind = ? AND due_at >= ?"
        " AND state IN ('pending', 'sending', 'sent')",
        (kind, since),
    )
    return [(int(row["recipient"]), str(row["due_at"])) for row in rows]


async def requeue_failed(db: Database, reminder_id: int, due_at: str, now: str) -> bool:
    """A failed reminder pending again from scratch (attempts 0), due at `due_at`."""
    changed = await db.execute(
        "UPDATE reminders SET state = 'pending', attempts = 0, due_at = ?, claimed_by = NULL,"
        " claimed_at = NULL, updated_at = ? WHERE id = ? AND state = 'failed'",
        (due_at, now, reminder_id),
    )
    return changed == 1


async def move_pending(db: Database, reminder_id: int, due_at: str, now: str) -> Reminder | None:
    async with (
        db.transaction() as conn,
        conn.execute(
            "UPDATE reminders SET due_at = ?, updated_at = ? WHERE id = ? AND state = 'pending'"
            " RETURNING *",
            (due_at, now, reminder_id),
        ) as cursor,
    ):
        row = await cursor.fetchone()
    return _reminder(row) if row is not None else None


async def cancel_by_id(db: Database, reminder_id: int, now: str) -> bool:
    changed = await db.execute(
        "UPDATE reminders SET state = 'cancelled', updated_at = ?"
        " WHERE id = ? AND state = 'pending'",
        (now, reminder_id),
    )
    return changed == 1


async def cancel_by_key(db: Database, dedupe_key: str, now: str) -> bool:
    changed = await db.execute(
        "UPDATE reminders SET state = 'cancelled', updated_at = ?"
        " WHERE dedupe_key = ? AND state = 'pending'",
        (now, dedupe_key),
    )
    return changed == 1


async def keys_with_prefix(db: Database, prefix: str) -> set[str]:
    """Every de-duplication key starting with `prefix`, in any state."""
    rows = await db.fetchall(
        "SELECT dedupe_key FROM reminders WHERE substr(dedupe_key, 1, ?) = ?",
        (len(prefix), prefix),
    )
    return {str(row["dedupe_key"]) for row in rows}


async def states_with_prefix(db: Database, prefix: str) -> dict[str, ReminderState]:
    """The state of every reminder whose key starts with `prefix` (a range on the unique key
    index: `prefix` up to its last character's successor)."""
    if not prefix:
        raise ValueError("an empty prefix would read every reminder")
    rows = await db.fetchall(
        "SELECT dedupe_key, state FROM reminders WHERE dedupe_key >= ? AND dedupe_key < ?",
        (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)),
    )
    return {str(row["dedupe_key"]): cast(ReminderState, row["state"]) for row in rows}


async def cancel_by_prefix(db: Database, prefix: str, now: str) -> int:
    """Compared with `substr`, not LIKE: keys hold `_`, which LIKE reads as a wildcard."""
    return await db.execute(
        "UPDATE reminders SET state = 'cancelled', updated_at = ?"
        " WHERE substr(dedupe_key, 1, ?) = ? AND state = 'pending'",
        (now, len(prefix), prefix),
    )


async def scheduled(db: Database, *, due_by: str | None) -> list[Reminder]:
    """Pending and sending reminders, soonest first; with `due_by` only those due by then."""
    rows = await db.fetchall(
        "SELECT * FROM reminders WHERE state IN ('pending', 'sending')"
        " AND (?1 IS NULL OR (state = 'pending' AND due_at <= ?1)) ORDER BY due_at, id",
        (due_by,),
    )
    return [_reminder(row) for row in rows]


async def failed(db: Database) -> list[Reminder]:
    rows = await db.fetchall(
        "SELECT * FROM reminders WHERE state = 'failed' ORDER BY updated_at DESC, id DESC"
    )
    return [_reminder(row) for row in rows]


async def count_by_state(db: Database) -> dict[str, int]:
    rows = await db.fetchall("SELECT state, COUNT(*) AS n FROM reminders GROUP BY state")
    return {str(row["state"]): int(row["n"]) for row in rows}


# -- pauses ------------------------------------------------------------------------------


async def set_pause(db: Database, person_id: int, until_date: str, now: str) -> None:
    await db.execute(
        "INSERT INTO nudge_pauses (person_id, until_date, set_at) VALUES (?, ?, ?)"
        " ON CONFLICT (person_id) DO UPDATE SET until_date = excluded.until_date,"
        " set_at = excluded.set_at",
        (person_id, until_date, now),
    )


async def clear_pause(db: Database, person_id: int) -> None:
    await db.execute("DELETE FROM nudge_pauses WHERE person_id = ?", (person_id,))


async def pause_of(db: Database, person_id: int) -> str | None:
    row = await db.fetchone("SELECT until_date FROM nudge_pauses WHERE person_id = ?", (person_id,))
    return str(row["until_date"]) if row is not None else None


# -- export ------------------------------------------------------------------------------


async def reminder_records(db: Database) -> list[dict[str, Any]]:
    """Every reminder, oldest first, with its payload as JSON (not text) and the
    recipient's nudge pause (`paused_until`, a local date, or null)."""
    rows = await db.fetchall(
        "SELECT r.id, r.kind, r.recipient, r.due_at, r.payload, r.state, r.attempts,"
        " r.dedupe_key, r.claimed_by, r.claimed_at, r.last_error, r.sent_at, r.created_at,"
        " r.updated_at, p.until_date AS paused_until"
        " FROM reminders r LEFT JOIN nudge_pauses p ON p.person_id = r.recipient"
        " ORDER BY r.id"
    )
    records: list[dict[str, Any]] = []
    for row in rows:
        record = dict(row)
        record["payload"] = json.loads(row["payload"] or "{}")
        records.append(record)
    return records


async def pause_records(db: Database) -> list[dict[str, Any]]:
    """Every nudge pause (for an export section of its own: a pause without reminders is
    personal data too)."""
    rows = await db.fetchall(
        "SELECT person_id, until_date, set_at FROM nudge_pauses ORDER BY person_id"
    )
    return [dict(row) for row in rows]
