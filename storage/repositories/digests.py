"""The weekly digests sent, one row per week and conversation (migrations 0015, 0026):
claimed before sending, so two processes, a retry or a restart never post a week's digest
twice.

`unconfirmed_since` (migration 0019) is set when a post starts and stays set while its
outcome is unknown (the process died, the call timed out): the next claim then looks for the
post in the conversation before posting again. A claim handed back with its post unconfirmed
keeps its row with `claimed_at = ''` — older than any lease, so the next run takes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.domain.refs import ConversationRef, MessageRef
from storage.db import Database


@dataclass(frozen=True)
class Claim:
    """This caller may send the week's digest. `unconfirmed_since`: an earlier post may be
    in the channel already (look before posting)."""

    unconfirmed_since: str | None = None


async def claim(
    db: Database, period: str, where: ConversationRef, now: str, lease_cutoff: str
) -> Claim | None:
    """A claim when this caller may send the week's digest to the conversation: nobody has,
    a claim older than the lease was left by a process that died, or a failed try handed it
    back; None otherwise."""
    async with db.transaction() as conn:
        cur = await conn.execute(
            "INSERT OR IGNORE INTO digests (period, platform, conversation_id, state, claimed_at)"
            " VALUES (?, ?, ?, 'sending', ?)",
            (period, where.platform, where.conversation_id, now),
        )
        if cur.rowcount:
            return Claim()
        async with conn.execute(
            "UPDATE digests SET claimed_at = ? WHERE period = ? AND platform = ?"
            " AND conversation_id = ? AND state = 'sending' AND claimed_at < ?"
            " RETURNING unconfirmed_since",
            (now, period, where.platform, where.conversation_id, lease_cutoff),
        ) as taken:
            row = await taken.fetchone()
    if row is None:
        return None
    since = row["unconfirmed_since"]
    return Claim(str(since) if since else None)


async def posting(db: Database, period: str, where: ConversationRef, now: str) -> None:
    """A post of the digest starts now; until `posted`, it may or may not be there."""
    await db.execute(
        "UPDATE digests SET unconfirmed_since = ? WHERE period = ? AND platform = ?"
        " AND conversation_id = ? AND state = 'sending'",
        (now, period, where.platform, where.conversation_id),
    )


async def set_state(
    db: Database,
    period: str,
    where: ConversationRef,
    state: str,
    now: str,
    *,
    message: MessageRef | None = None,
    error: str = "",
) -> None:
    """`message`: the digest's post (in `where`), once there is one."""
    await db.execute(
        "UPDATE digests SET state = ?, message_id = COALESCE(?, message_id), error = ?,"
        " sent_at = CASE WHEN ? IN ('posted', 'sent') THEN ? ELSE sent_at END,"
        " unconfirmed_since = CASE WHEN ? = 'sending' THEN unconfirmed_since END"
        " WHERE period = ? AND platform = ? AND conversation_id = ?",
        (
            state,
            message.message_id if message is not None else None,
            error,
            state,
            now,
            state,
            period,
            where.platform,
            where.conversation_id,
        ),
    )


async def release(db: Database, period: str, where: ConversationRef, *, maybe_posted: bool) -> None:
    """A send that failed for a passing reason: the next run tries again. `maybe_posted`:
    the post may be there (or an earlier one could not be looked up), so the row stays,
    claimable at once and unconfirmed; otherwise nothing went out and the row goes."""
    if maybe_posted:
        await db.execute(
            "UPDATE digests SET claimed_at = '' WHERE period = ? AND platform = ?"
            " AND conversation_id = ? AND state = 'sending'",
            (period, where.platform, where.conversation_id),
        )
        return
    await db.execute(
        "DELETE FROM digests WHERE period = ? AND platform = ? AND conversation_id = ?"
        " AND state = 'sending'",
        (period, where.platform, where.conversation_id),
    )


async def skip(db: Database, period: str, now: str) -> bool:
    """Record that the week had no channel; True the first time (so it is logged once)."""
    async with db.transaction() as conn:
        cur = await conn.execute(
            "INSERT OR IGNORE INTO digests (period, platform, conversation_id, state, claimed_at)"
            " VALUES (?, '', '', 'skipped', ?)",
            (period, now),
        )
        return cur.rowcount > 0


async def digest_records(db: Database) -> list[dict[str, Any]]:
    rows = await db.fetchall("SELECT * FROM digests ORDER BY period, platform, conversation_id")
    return [dict(row) for row in rows]
