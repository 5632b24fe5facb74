"""SQL for the tool catalogue: tools, aliases, lifecycle changes and leadership decisions.

Writes take the connection of a transaction the caller holds, so a guide import and the tool
it creates commit or fail together; reads that decide a write take that connection too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import aiosqlite

from bot.domain.actors import Actor, person_and_via
from bot.domain.guides import Decision, DecisionKind, StatusChange, Tool, ToolStatus
from storage.db import Database


async def _aliases(conn: aiosqlite.Connection, tool_id: int) -> tuple[str, ...]:
    async with conn.execute(
        "SELECT alias FROM tool_aliases WHERE tool_id = ? ORDER BY alias COLLATE NOCASE, alias",
        (tool_id,),
    ) as cursor:
        return tuple(row["alias"] for row in await cursor.fetchall())


async def find_tool(conn: aiosqlite.Connection, name: str) -> Tool | None:
    """By name, else by alias (both ignore case): `Bibot` finds Bee-Bot."""
    async with conn.execute(
        "SELECT id, name, category, status FROM tools WHERE name = ?1"
        " OR id = (SELECT tool_id FROM tool_aliases WHERE alias = ?1 ORDER BY tool_id LIMIT 1)"
        " ORDER BY name = ?1 DESC LIMIT 1",
        (name,),
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        return None
    return Tool(
        row["id"], row["name"], row["category"], row["status"], await _aliases(conn, row["id"])
    )


async def tool_by_id(conn: aiosqlite.Connection, tool_id: int) -> Tool | None:
    async with conn.execute("SELECT * FROM tools WHERE id = ?", (tool_id,)) as cur:
        row = await cur.fetchone()
    if row is None:
        return None
    return Tool(
        row["id"], row["name"], row["category"], row["status"], await _aliases(conn, tool_id)
    )


async def insert_tool(
    conn: aiosqlite.Connection, name: str, category: str | None, changed_by: Actor | None, now: str
) -> int:
    """A new tool is `proposed`, and that first status is recorded like every later one."""
    cursor = await conn.execute(
        "INSERT INTO tools (name, category, status, created_at, updated_at)"
        " VALUES (?, ?, 'proposed', ?, ?)",
        (name, category, now, now),
    )
    assert cursor.lastrowid is not None
    await insert_status_change(conn, cursor.lastrowid, None, "proposed", changed_by, now)
    return cursor.lastrowid


async def add_aliases(
    conn: aiosqlite.Connection, tool_id: int, aliases: Iterable[str], now: str
) -> int:
    """Add the aliases not yet known (never removes one); returns how many were new."""
    added = 0
    for alias in aliases:
        cursor = await conn.execute(
            "INSERT OR IGNORE INTO tool_aliases (tool_id, alias) VALUES (?, ?)", (tool_id, alias)
        )
        added += cursor.rowcount
    if added:
        await conn.execute("UPDATE tools SET updated_at = ? WHERE id = ?", (now, tool_id))
    return added


async def set_category(conn: aiosqlite.Connection, tool_id: int, category: str, now: str) -> None:
    await conn.execute(
        "UPDATE tools SET category = ?, updated_at = ? WHERE id = ?", (category, now, tool_id)
    )


async def set_status(
    conn: aiosqlite.Connection,
    tool_id: int,
    from_status: ToolStatus,
    to_status: ToolStatus,
    changed_by: Actor | None,
    now: str,
) -> bool:
    """Change the status only if it still is `from_status`; the change is recorded with it."""
    cursor = await conn.execute(
        "UPDATE tools SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
        (to_status, now, tool_id, from_status),
    )
    if cursor.rowcount != 1:
        return False
    await insert_status_change(conn, tool_id, from_status, to_status, changed_by, now)
    return True


async def insert_status_change(
    conn: aiosqlite.Connection,
    tool_id: int,
    from_status: ToolStatus | None,
    to_status: ToolStatus,
    changed_by: Actor | None,
    now: str,
) -> None:
    person, via = person_and_via(changed_by)
    await conn.execute(
        "INSERT INTO tool_status_changes (tool_id, from_status, to_status, changed_by, changed_at,"
        " via) VALUES (?, ?, ?, ?, ?, ?)",
        (tool_id, from_status, to_status, person, now, via),
    )


async def insert_decision(
    conn: aiosqlite.Connection,
    tool_id: int,
    decision: DecisionKind,
    decided_on: str,
    note: str,
    recorded_by: Actor | None,
    now: str,
) -> int:
    person, via = person_and_via(recorded_by)
    cursor = await conn.execute(
        "INSERT INTO tool_decisions (tool_id, decision, decided_on, note, recorded_by,"
        " recorded_at, via) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (tool_id, decision, decided_on, note, person, now, via),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


# -- reads outside a transaction ---------------------------------------------------------


def _decision(row: Any) -> Decision:
    return Decision(
        row["id"],
        row["tool_id"],
        row["decision"],
        row["decided_on"],
        row["note"],
        row["recorded_by"],
        row["recorded_at"],
        row["via"],
    )


async def decisions(db: Database, tool_id: int) -> list[Decision]:
    """Newest first: by the date leadership decided, then by when it was recorded."""
    rows = await db.fetchall(
        "SELECT * FROM tool_decisions WHERE tool_id = ? ORDER BY decided_on DESC, id DESC",
        (tool_id,),
    )
    return [_decision(row) for row in rows]


async def status_changes(db: Database, tool_id: int) -> list[StatusChange]:
    """Oldest first: the tool's story from proposal to today."""
    rows = await db.fetchall(
        "SELECT tool_id, from_status, to_status, changed_by, changed_at, via"
        " FROM tool_status_changes WHERE tool_id = ? ORDER BY id",
        (tool_id,),
    )
    return [
        StatusChange(
            row["tool_id"],
            row["from_status"],
            row["to_status"],
            row["changed_by"],
            row["changed_at"],
            row["via"],
        )
        for row in rows
    ]


async def list_tools(db: Database, *, category: str | None = None) -> list[Tool]:
    """Recommended first, retired last, then by name."""
    rows = await db.fetchall(
        "SELECT id, name, category, status FROM tools"
        " WHERE ?1 IS NULL OR category = ?1 COLLATE NOCASE"
        " ORDER BY CASE status WHEN 'recommended' THEN 0 WHEN 'in_test' THEN 1"
        " WHEN 'evaluated' THEN 2 WHEN 'proposed' THEN 3 WHEN 'not_recommended' THEN 4"
        " ELSE 5 END, name COLLATE NOCASE",
        (category,),
    )
    alias_rows = await db.fetchall(
        "SELECT tool_id, alias FROM tool_aliases ORDER BY alias COLLATE NOCASE, alias"
    )
    aliases: dict[int, list[str]] = defaultdict(list)
    for row in alias_rows:
        aliases[row["tool_id"]].append(row["alias"])
    return [
        Tool(row["id"], row["name"], row["category"], row["status"], tuple(aliases[row["id"]]))
        for row in rows
    ]


async def categories(db: Database) -> list[str]:
    rows = await db.fetchall(
        "SELECT DISTINCT category FROM tools WHERE category IS NOT NULL"
        " ORDER BY category COLLATE NOCASE"
    )
    return [row["category"] for row in rows]


# -- the full export ---------------------------------------------------------------------


async def tool_records(db: Database) -> list[dict[str, Any]]:
    """Every tool with its aliases and its whole status history."""
    tools = [
        dict(row)
        for row in await db.fetchall(
            "SELECT id, name, category, status, created_at, updated_at FROM tools ORDER BY id"
        )
    ]
    aliases: dict[int, list[str]] = defaultdict(list)
    for row in await db.fetchall(
        "SELECT tool_id, alias FROM tool_aliases ORDER BY tool_id, alias COLLATE NOCASE, alias"
    ):
        aliases[row["tool_id"]].append(row["alias"])
    history: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in await db.fetchall(
        "SELECT id, tool_id, from_status, to_status, changed_by, via, changed_at"
        " FROM tool_status_changes ORDER BY tool_id, id"
    ):
        record = dict(row)
        history[record.pop("tool_id")].append(record)
    for tool in tools:
        tool["aliases"] = aliases[tool["id"]]
        tool["status_changes"] = history[tool["id"]]
    return tools


async def decision_records(db: Database) -> list[dict[str, Any]]:
    return [
        dict(row)
        for row in await db.fetchall(
            "SELECT d.id, d.tool_id, t.name AS tool, d.decision, d.decided_on, d.note,"
            " d.recorded_by, d.via, d.recorded_at FROM tool_decisions d"
            " JOIN tools t ON t.id = d.tool_id"
            " ORDER BY d.id"
        )
    ]
