"""Spreading rounds: a recommended tool carried to every daycare not using it (migration 0014)."""

from __future__ import annotations

from typing import Any, cast

import aiosqlite

from bot.domain.spreading import Answer, SpreadingRound, Target, Trigger
from storage.db import Database

_ROUND = (
    "SELECT r.id, r.tool_id, t.name AS tool_name, r.trigger, r.started_by, r.started_at,"
    " r.follow_up_weeks, r.ended_at, r.ended_reason,"
    " (SELECT COUNT(*) FROM spreading_targets s WHERE s.round_id = r.id) AS targets,"
    " (SELECT COUNT(*) FROM spreading_targets s WHERE s.round_id = r.id"
    "  AND s.answer IS NOT NULL) AS answered"
    " FROM spreading_rounds r JOIN tools t ON t.id = r.tool_id"
)


def _round(row: Any) -> SpreadingRound:
    return SpreadingRound(
        id=row["id"],
        tool_id=row["tool_id"],
        tool_name=row["tool_name"],
        trigger=cast(Trigger, row["trigger"]),
        started_by=row["started_by"],
        started_at=row["started_at"],
        follow_up_weeks=row["follow_up_weeks"],
        ended_at=row["ended_at"],
        ended_reason=row["ended_reason"],
        targets=row["targets"],
        answered=row["answered"],
    )


def _target(row: Any) -> Target:
    return Target(
        round_id=row["round_id"],
        daycare_id=row["daycare_id"],
        daycare_name=row["daycare_name"],
        area_id=row["area_id"],
        state_at_start=row["state_at_start"],
        answer=cast(Answer | None, row["answer"]),
        reason=row["reason"],
        answered_by=row["answered_by"],
        answered_at=row["answered_at"],
    )


async def insert_round(
    conn: aiosqlite.Connection,
    tool_id: int,
    trigger: Trigger,
    started_by: int | None,
    started_at: str,
    follow_up_weeks: int,
) -> int | None:
    """A new open round with its targets (every daycare not using the tool now); None when
    the tool already has an open round — the partial unique index decides, so two starts
    racing each other still make one."""
    cur = await conn.execute(
        "INSERT OR IGNORE INTO spreading_rounds"
        " (tool_id, trigger, started_by, started_at, follow_up_weeks) VALUES (?, ?, ?, ?, ?)",
        (tool_id, trigger, started_by, started_at, follow_up_weeks),
    )
    if cur.rowcount == 0:
        return None
    round_id = cast(int, cur.lastrowid)
    await conn.execute(
        "INSERT INTO spreading_targets (round_id, daycare_id, state_at_start)"
        " SELECT ?1, d.id, COALESCE(a.state, 'not_started') FROM daycares d"
        " LEFT JOIN adoption a ON a.daycare_id = d.id AND a.tool_id = ?2"
        " WHERE COALESCE(a.state, 'not_started') != 'in_use'",
        (round_id, tool_id),
    )
    return round_id


async def end_open_round(conn: aiosqlite.Connection, tool_id: int, reason: str, now: str) -> bool:
    cur = await conn.execute(
        "UPDATE spreading_rounds SET ended_at = ?, ended_reason = ?"
        " WHERE tool_id = ? AND ended_at IS NULL",
        (now, reason, tool_id),
    )
    return cur.rowcount > 0


async def get_round(db: Database, round_id: int) -> SpreadingRound | None:
    row = await db.fetchone(_ROUND + " WHERE r.id = ?", (round_id,))
    return _round(row) if row else None


async def rounds(db: Database, *, open_only: bool = False) -> list[SpreadingRound]:
    """Newest first."""
    where = " WHERE r.ended_at IS NULL" if open_only else ""
    rows = await db.fetchall(_ROUND + where + " ORDER BY r.started_at DESC, r.id DESC")
    return [_round(row) for row in rows]


async def rounds_for_tool(db: Database, tool_id: int) -> list[SpreadingRound]:
    rows = await db.fetchall(_ROUND + " WHERE r.tool_id = ? ORDER BY r.id DESC", (tool_id,))
    return [_round(row) for row in rows]


_TARGET = (
    "SELECT s.round_id, s.daycare_id, d.name AS daycare_name, d.area_id, s.state_at_start,"
    " s.answer, s.reason, s.answered_by, s.answered_at"
    " FROM spreading_targets s JOIN daycares d ON d.id = s.daycare_id"
)


async def targets(db: Database, round_id: int) -> list[Target]:
    rows = await db.fetchall(
        _TARGET + " WHERE s.round_id = ? ORDER BY d.name COLLATE NOCASE", (round_id,)
    )
    return [_target(row) for row in rows]


async def target(conn: aiosqlite.Connection, round_id: int, daycare_id: int) -> Target | None:
    async with conn.execute(
        _TARGET + " WHERE s.round_id = ? AND s.daycare_id = ?", (round_id, daycare_id)
    ) as cur:
        row = await cur.fetchone()
    return _target(row) if row else None


async def set_answer(
    conn: aiosqlite.Connection,
    round_id: int,
    daycare_id: int,
    answer: Answer,
    reason: str,
    by: int,
    now: str,
) -> None:
    await conn.execute(
        "UPDATE spreading_targets SET answer = ?, reason = ?, answered_by = ?, answered_at = ?"
        " WHERE round_id = ? AND daycare_id = ?",
        (answer, reason, by, now, round_id, daycare_id),
    )


async def not_for_us(db: Database, tool_id: int) -> list[Target]:
    """Every "not for us" with its reason, across the tool's rounds, newest first."""
    rows = await db.fetchall(
        _TARGET + " JOIN spreading_rounds r ON r.id = s.round_id"
        " WHERE r.tool_id = ? AND s.answer = 'not_for_us' ORDER BY s.answered_at DESC",
        (tool_id,),
    )
    return [_target(row) for row in rows]


async def round_records(db: Database) -> list[dict[str, Any]]:
    """Every round, oldest first (for `tovholder export`)."""
    rows = await db.fetchall(
        "SELECT r.*, t.name AS tool FROM spreading_rounds r JOIN tools t ON t.id = r.tool_id"
        " ORDER BY r.id"
    )
    return [dict(row) for row in rows]


async def target_records(db: Database) -> list[dict[str, Any]]:
    rows = await db.fetchall(
        "SELECT s.*, d.name AS daycare FROM spreading_targets s"
        " JOIN daycares d ON d.id = s.daycare_id ORDER BY s.round_id, d.name"
    )
    return [dict(row) for row in rows]
