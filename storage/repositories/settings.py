"""Workspace settings the coordinator changes in the chat or on the command line; each value
keeps who set it (a person id, or None with `via` 'cli' for the command line)."""

from __future__ import annotations

import aiosqlite

from bot.domain.actors import Actor, person_and_via
from storage.db import Database


async def all_settings(db: Database) -> dict[str, str]:
    rows = await db.fetchall("SELECT key, value FROM settings ORDER BY key")
    return {row["key"]: row["value"] for row in rows}


async def get(db: Database, key: str) -> str | None:
    row = await db.fetchone("SELECT value FROM settings WHERE key = ?", (key,))
    return None if row is None else str(row["value"])


async def put(
    conn: aiosqlite.Connection, key: str, value: str | None, by: Actor | None, now: str
) -> None:
    """Set a value, or remove it when `value` is None (inside the caller's transaction)."""
    if value is None:
        await conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        return
    person, via = person_and_via(by)
    await conn.execute(
        "INSERT INTO settings (key, value, updated_by, updated_at, via) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
        " updated_by = excluded.updated_by, updated_at = excluded.updated_at, via = excluded.via",
        (key, value, person, now, via),
    )
