"""SQL for the area evaluations: one answer per person, area and cycle, updated in place."""

from __future__ import annotations

import sqlite3
from typing import Any, cast

from bot.domain.area_evaluations import Answers, AreaEvaluation, EvaluationRole
from storage.db import Database


def _evaluation(row: sqlite3.Row) -> AreaEvaluation:
    return AreaEvaluation(
        id=int(row["id"]),
        period=str(row["period"]),
        area_id=int(row["area_id"]),
        person_id=int(row["person_id"]),
        role=cast(EvaluationRole, row["role"]),
        answers=Answers(
            works=str(row["works"]),
            hard=str(row["hard"]),
            drop_or_spread=str(row["drop_or_spread"]),
            support=str(row["support"]),
        ),
        created_at=str(row["created_at"]),
        updated_at=str(row["updated_at"]),
    )


async def upsert(
    db: Database,
    *,
    period: str,
    area_id: int,
    person_id: int,
    role: EvaluationRole,
    answers: Answers,
    now: str,
) -> AreaEvaluation:
    """The person's answer for the area and cycle: new, or the earlier one replaced (its
    `created_at` kept)."""
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO area_evaluations (period, area_id, person_id, role, works, hard,"
            " drop_or_spread, support, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (period, area_id, person_id) DO UPDATE SET"
            " role = excluded.role, works = excluded.works, hard = excluded.hard,"
            " drop_or_spread = excluded.drop_or_spread, support = excluded.support,"
            " updated_at = excluded.updated_at",
            (
                period,
                area_id,
                person_id,
                role,
                answers.works,
                answers.hard,
                answers.drop_or_spread,
                answers.support,
                now,
                now,
            ),
        )
        async with conn.execute(
            "SELECT id, period, area_id, person_id, role, works, hard, drop_or_spread, support,"
            " created_at, updated_at FROM area_evaluations"
            " WHERE period = ? AND area_id = ? AND person_id = ?",
            (period, area_id, person_id),
        ) as cursor:
            row = await cursor.fetchone()
    assert row is not None
    return _evaluation(row)


async def get(db: Database, period: str, area_id: int, person_id: int) -> AreaEvaluation | None:
    row = await db.fetchone(
        "SELECT id, period, area_id, person_id, role, works, hard, drop_or_spread, support,"
        " created_at, updated_at FROM area_evaluations"
        " WHERE period = ? AND area_id = ? AND person_id = ?",
        (period, area_id, person_id),
    )
    return _evaluation(row) if row is not None else None


async def for_period(db: Database, period: str, area_id: int | None) -> list[AreaEvaluation]:
    """A cycle's answers (of one area, or all), by area, ambassadors first, oldest first."""
    rows = await db.fetchall(
        "SELECT id, period, area_id, person_id, role, works, hard, drop_or_spread, support,"
        " created_at, updated_at FROM area_evaluations"
        " WHERE period = ?1 AND (?2 IS NULL OR area_id = ?2)"
        " ORDER BY area_id, role, created_at, id",
        (period, area_id),
    )
    return [_evaluation(row) for row in rows]


async def people_joined_by(db: Database, moment: str) -> set[int]:
    """The people in the organisation at `moment` (UTC ISO text)."""
    rows = await db.fetchall(
        "SELECT id FROM people WHERE in_organisation = 1 AND created_at <= ?", (moment,)
    )
    return {int(row["id"]) for row in rows}


async def evaluation_records(db: Database) -> list[dict[str, Any]]:
    """Every answer with its area's name, oldest cycle first (for `tovholder export`)."""
    rows = await db.fetchall(
        "SELECT e.id, e.period, e.area_id, a.name AS area, e.person_id, e.role, e.works,"
        " e.hard, e.drop_or_spread, e.support, e.created_at, e.updated_at"
        " FROM area_evaluations e JOIN areas a ON a.id = e.area_id"
        " ORDER BY e.period, e.area_id, e.id"
    )
    return [dict(row) for row in rows]
