"""The run lock (migration 0018): at most one row, the running bot that holds the database.

The rules — who may take it over, and when — are in `bot.run_lock`; this module only reads
and writes the row. Taking it is done on a caller's connection inside one `BEGIN IMMEDIATE`
transaction, so of two bots starting at the same moment exactly one sees it free.
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage.db import Database


@dataclass(frozen=True)
class Holder:
    """The process that holds (or held, if it died) the database."""

    token: str
    host: str
    pid: int
    boot_id: str
    started_at: str
    heartbeat_at: str


async def holder(conn: aiosqlite.Connection) -> Holder | None:
    async with conn.execute(
        "SELECT token, host, pid, boot_id, started_at, heartbeat_at FROM run_lock WHERE id = 1"
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return None
    return Holder(
        token=row["token"],
        host=row["host"],
        pid=int(row["pid"]),
        boot_id=row["boot_id"],
        started_at=row["started_at"],
        heartbeat_at=row["heartbeat_at"],
    )


async def put(conn: aiosqlite.Connection, new: Holder) -> None:
    """Make `new` the holder, replacing any row (the caller has decided it may)."""
    await conn.execute(
        "INSERT OR REPLACE INTO run_lock"
        " (id, token, host, pid, boot_id, started_at, heartbeat_at)"
        " VALUES (1, ?, ?, ?, ?, ?, ?)",
        (new.token, new.host, new.pid, new.boot_id, new.started_at, new.heartbeat_at),
    )


async def renew(db: Database, token: str, now: str) -> bool:
    """Record a heartbeat; False when the row is no longer `token`'s (taken over)."""
    return (
        await db.execute("UPDATE run_lock SET heartbeat_at = ? WHERE token = ?", (now, token)) > 0
    )


async def release(db: Database, token: str) -> bool:
    """Remove the row if it is still `token`'s; False when somebody else holds it now."""
    return await db.execute("DELETE FROM run_lock WHERE token = ?", (token,)) > 0
