"""SQL for identities: which person a platform's user id (Slack's `U…`, later Teams'
`aadObjectId`) belongs to. Reads take the `Database`; writes take the connection of a
transaction the caller holds, so a person and their identity are written together."""

from __future__ import annotations

from collections.abc import Collection

import aiosqlite

from storage.db import Database


async def person_of(db: Database, platform: str, external_id: str) -> int | None:
    row = await db.fetchone(
        "SELECT person_id FROM identities WHERE platform = ? AND external_id = ?",
        (platform, external_id),
    )
    return int(row["person_id"]) if row is not None else None


async def person_in(conn: aiosqlite.Connection, platform: str, external_id: str) -> int | None:
    """`person_of` inside the caller's transaction, so a look-up and an insert are one step."""
    async with conn.execute(
        "SELECT person_id FROM identities WHERE platform = ? AND external_id = ?",
        (platform, external_id),
    ) as cursor:
        row = await cursor.fetchone()
    return int(row["person_id"]) if row is not None else None


async def external_ids(db: Database, platform: str, person_ids: Collection[int]) -> dict[int, str]:
    """Each person's id on the platform; people without one there are left out."""
    if not person_ids:
        return {}
    rows = await db.fetchall(
        "SELECT person_id, external_id FROM identities"
        " WHERE platform = ? AND person_id IN (SELECT value FROM json_each(?))",
        (platform, _json_ints(person_ids)),
    )
    return {int(row["person_id"]): str(row["external_id"]) for row in rows}


def _json_ints(values: Collection[int]) -> str:
    return "[" + ",".join(str(int(value)) for value in sorted(set(values))) + "]"


async def insert_guest(
    conn: aiosqlite.Connection,
    platform: str,
    external_id: str,
    name: str | None,
    email: str | None,
    now: str,
) -> int:
    """A person who is not in the organisation but uses the bot, and their identity. Until
    someone knows better, their name is their id on the platform."""
    cursor = await conn.execute(
        "INSERT INTO people (name, in_organisation, created_at, updated_at) VALUES (?, 0, ?, ?)",
        (name or external_id, now, now),
    )
    person_id = cursor.lastrowid
    assert person_id is not None
    await link(conn, platform, external_id, person_id, name, email)
    return person_id


async def link(
    conn: aiosqlite.Connection,
    platform: str,
    external_id: str,
    person_id: int,
    name: str | None,
    email: str | None,
) -> None:
    """The platform's id names this person (again): an id that named someone else moves."""
    await conn.execute(
        "INSERT INTO identities (platform, external_id, person_id, display_name, email)"
        " VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (platform, external_id) DO UPDATE SET person_id = excluded.person_id,"
        " display_name = excluded.display_name, email = excluded.email",
        (platform, external_id, person_id, name, email),
    )


async def unlink_person(conn: aiosqlite.Connection, platform: str, person_id: int) -> None:
    """The person has no id on the platform any more (their id moves to someone else)."""
    await conn.execute(
        "DELETE FROM identities WHERE platform = ? AND person_id = ?", (platform, person_id)
    )
