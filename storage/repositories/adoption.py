"""Adoption per daycare and tool, and the history of every change (migration 0012)."""

from __future__ import annotations

from typing import Any, cast

import aiosqlite

from bot.domain.adoption import Adoption, AdoptionState
from storage.db import Database

_SELECT = (
    "SELECT a.daycare_id, d.name AS daycare_name, a.tool_id, t.name AS tool_name, a.state,"
    " a.reason, a.changed_by, a.changed_at"
    " FROM adoption a JOIN daycares d ON d.id = a.daycare_id JOIN tools t ON t.id = a.tool_id"
)


def _adoption(row: Any) -> Adoption:
    return Adoption(
        daycare_id=row["daycare_id"],
        daycare_name=row["daycare_name"],
        tool_id=row["tool_id"],
        tool_name=row["tool_name"],
        state=cast(AdoptionState, row["state"]),
        reason=row["reason"],
        changed_by=row["changed_by"],
        changed_at=row["changed_at"],
    )


async def state_of(conn: aiosqlite.Connection, daycare_id: int, tool_id: int) -> AdoptionState:
    """The present state; a daycare never recorded has not started."""
    async with conn.execute(
        "SELECT state FROM adoption WHERE daycare_id = ? AND tool_id = ?", (daycare_id, tool_id)
    ) as cur:
        row = await cur.fetchone()
    return cast(AdoptionState, row["state"]) if row else "not_started"


async def get(conn: aiosqlite.Connection, daycare_id: int, tool_id: int) -> Adoption | None:
    async with conn.execute(
        _SELECT + " WHERE a.daycare_id = ? AND a.tool_id = ?", (daycare_id, tool_id)
    ) as cur:
        row = await cur.fetchone()
    return _adoption(row) if row else None


async def set_state(
    conn: aiosqlite.Connection,
    daycare_id: int,
    tool_id: int,
    from_state: AdoptionState,
    to_state: AdoptionState,
    reason: str,
    changed_by: int | None,
    now: str,
) -> None:
    """The new state, and one line in the history; call inside the caller's transaction."""
    await conn.execute(
        "INSERT INTO adoption (daycare_id, tool_id, state, reason, changed_by, changed_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (daycare_id, tool_id) DO UPDATE SET state = excluded.state,"
        " reason = excluded.reason, changed_by = excluded.changed_by,"
        " changed_at = excluded.changed_at",
        (daycare_id, tool_id, to_state, reason, changed_by, now),
    )
    await conn.execute(
        "INSERT INTO adoption_changes"
        " (daycare_id, tool_id, from_state, to_state, reason, changed_by, changed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (daycare_id, tool_id, from_state, to_state, reason, changed_by, now),
    )


async def for_tool(db: Database, tool_id: int) -> list[Adoption]:
    rows = await db.fetchall(_SELECT + " WHERE a.tool_id = ? ORDER BY d.name", (tool_id,))
    return [_adoption(row) for row in rows]


async def for_daycare(db: Database, daycare_id: int) -> list[Adoption]:
    rows = await db.fetchall(_SELECT + " WHERE a.daycare_id = ? ORDER BY t.name", (daycare_id,))
    return [_adoption(row) for row in rows]


async def changes(db: Database, daycare_id: int, tool_id: int) -> list[dict[str, Any]]:
    rows = await db.fetchall(
        "SELECT from_state, to_state, reason, changed_by, changed_at FROM adoption_changes"
        " WHERE daycare_id = ? AND tool_id = ? ORDER BY id",
        (daycare_id, tool_id),
    )
    return [dict(row) for row in rows]


async def adoption_records(db: Database) -> list[dict[str, Any]]:
    """Every present state with the daycare's and tool's names (for `tovholder export`)."""
    rows = await db.fetchall(_SELECT + " ORDER BY d.name, t.name")
    return [dict(row) for row in rows]


async def change_records(db: Database) -> list[dict[str, Any]]:
    """Every change, oldest first (for `tovholder export`)."""
    rows = await db.fetchall(
        "SELECT c.id, c.daycare_id, d.name AS daycare, c.tool_id, t.name AS tool,"
        " c.from_state, c.to_state, c.reason, c.changed_by, c.changed_at"
        " FROM adoption_changes c JOIN daycares d ON d.id = c.daycare_id"
        " JOIN tools t ON t.id = c.tool_id ORDER BY c.id"
    )
    return [dict(row) for row in rows]


async def tool_changes(db: Database, tool_id: int) -> list[tuple[int, AdoptionState, str]]:
    """(daycare id, new state, when) for every change of a tool, oldest first — progress over
    time is read from this history, so it needs no snapshots of its own."""
    rows = await db.fetchall(
        "SELECT daycare_id, to_state, changed_at FROM adoption_changes WHERE tool_id = ?"
        " ORDER BY changed_at, id",
        (tool_id,),
    )
    return [
        (row["daycare_id"], cast(AdoptionState, row["to_state"]), row["changed_at"]) for row in rows
    ]
