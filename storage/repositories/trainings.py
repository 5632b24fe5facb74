"""Trainings that ambassadors hold for superusers, and who signed up and came (migration 0013)."""

from __future__ import annotations

from typing import Any, cast

import aiosqlite

from bot.domain.trainings import Answer, Signup, Training, TrainingState
from storage.db import Database

_SELECT = (
    "SELECT tr.id, tr.tool_id, t.name AS tool_name, tr.area_id, a.name AS area_name,"
    " tr.ambassador_id, tr.starts_at, tr.place, tr.seats, tr.note, tr.state, tr.version,"
    " (SELECT COUNT(*) FROM training_signups s WHERE s.training_id = tr.id"
    "  AND s.answer = 'yes') AS signed_up"
    " FROM trainings tr JOIN tools t ON t.id = tr.tool_id JOIN areas a ON a.id = tr.area_id"
)


def _training(row: Any) -> Training:
    return Training(
        id=row["id"],
        tool_id=row["tool_id"],
        tool_name=row["tool_name"],
        area_id=row["area_id"],
        area_name=row["area_name"],
        ambassador_id=row["ambassador_id"],
        starts_at=row["starts_at"],
        place=row["place"],
        seats=row["seats"],
        note=row["note"],
        state=cast(TrainingState, row["state"]),
        version=row["version"],
        signed_up=row["signed_up"],
    )


def _signup(row: Any) -> Signup:
    attended = row["attended"]
    return Signup(
        training_id=row["training_id"],
        person_id=row["person_id"],
        daycare_id=row["daycare_id"],
        answer=cast(Answer, row["answer"]),
        answered_at=row["answered_at"],
        attended=None if attended is None else bool(attended),
    )


async def get(conn: aiosqlite.Connection, training_id: int) -> Training | None:
    async with conn.execute(_SELECT + " WHERE tr.id = ?", (training_id,)) as cur:
        row = await cur.fetchone()
    return _training(row) if row else None


async def id_by_key(conn: aiosqlite.Connection, request_key: str) -> int | None:
    async with conn.execute(
        "SELECT id FROM trainings WHERE request_key = ?", (request_key,)
    ) as cur:
        row = await cur.fetchone()
    return int(row["id"]) if row else None


async def insert(
    conn: aiosqlite.Connection,
    *,
    tool_id: int,
    area_id: int,
    ambassador_id: int,
    starts_at: str,
    place: str,
    seats: int,
    note: str,
    request_key: str,
    now: str,
) -> int:
    cursor = await conn.execute(
        "INSERT INTO trainings (tool_id, area_id, ambassador_id, starts_at, place, seats,"
        " note, request_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            tool_id,
            area_id,
            ambassador_id,
            starts_at,
            place,
            seats,
            note,
            request_key,
            now,
            now,
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def update_plan(
    conn: aiosqlite.Connection,
    training_id: int,
    *,
    tool_id: int,
    area_id: int,
    starts_at: str,
    place: str,
    seats: int,
    note: str,
    version: int,
    now: str,
) -> None:
    await conn.execute(
        "UPDATE trainings SET tool_id = ?, area_id = ?, starts_at = ?, place = ?, seats = ?,"
        " note = ?, version = ?, updated_at = ? WHERE id = ?",
        (tool_id, area_id, starts_at, place, seats, note, version, now, training_id),
    )


async def set_state(
    conn: aiosqlite.Connection, training_id: int, state: TrainingState, now: str
) -> None:
    await conn.execute(
        "UPDATE trainings SET state = ?, updated_at = ? WHERE id = ?", (state, now, training_id)
    )


async def planned_from(db: Database, from_iso: str) -> list[Training]:
    """Planned trainings starting at or after `from_iso` (UTC ISO), soonest first."""
    rows = await db.fetchall(
        _SELECT + " WHERE tr.state = 'planned' AND tr.starts_at >= ? ORDER BY tr.starts_at, tr.id",
        (from_iso,),
    )
    return [_training(row) for row in rows]


async def next_for(db: Database, tool_id: int, area_id: int, from_iso: str) -> Training | None:
    """The soonest planned training for a tool in an area after `from_iso` with a seat left."""
    rows = await db.fetchall(
        _SELECT + " WHERE tr.state = 'planned' AND tr.tool_id = ? AND tr.area_id = ?"
        " AND tr.starts_at > ? ORDER BY tr.starts_at, tr.id",
        (tool_id, area_id, from_iso),
    )
    return next((t for t in map(_training, rows) if t.seats_left > 0), None)


async def held_by(db: Database, ambassador_id: int, since_iso: str) -> list[Training]:
    """An ambassador's trainings starting at or after `since_iso`, cancelled ones left out."""
    rows = await db.fetchall(
        _SELECT + " WHERE tr.ambassador_id = ? AND tr.starts_at >= ?"
        " AND tr.state != 'cancelled' ORDER BY tr.starts_at, tr.id",
        (ambassador_id, since_iso),
    )
    return [_training(row) for row in rows]


async def signup_of(conn: aiosqlite.Connection, training_id: int, person_id: int) -> Signup | None:
    async with conn.execute(
        "SELECT * FROM training_signups WHERE training_id = ? AND person_id = ?",
        (training_id, person_id),
    ) as cur:
        row = await cur.fetchone()
    return _signup(row) if row else None


async def signups(conn: aiosqlite.Connection, training_id: int) -> list[Signup]:
    async with conn.execute(
        "SELECT * FROM training_signups WHERE training_id = ? ORDER BY answered_at, person_id",
        (training_id,),
    ) as cur:
        rows = await cur.fetchall()
    return [_signup(row) for row in rows]


async def yes_count(conn: aiosqlite.Connection, training_id: int) -> int:
    async with conn.execute(
        "SELECT COUNT(*) AS n FROM training_signups WHERE training_id = ? AND answer = 'yes'",
        (training_id,),
    ) as cur:
        row = await cur.fetchone()
    return int(row["n"]) if row else 0


async def save_answer(
    conn: aiosqlite.Connection,
    training_id: int,
    person_id: int,
    daycare_id: int | None,
    answer: Answer,
    now: str,
) -> None:
    """One row per person and training: a new answer replaces the old one."""
    await conn.execute(
        "INSERT INTO training_signups (training_id, person_id, daycare_id, answer, answered_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (training_id, person_id) DO UPDATE SET"
        " daycare_id = excluded.daycare_id, answer = excluded.answer,"
        " answered_at = excluded.answered_at",
        (training_id, person_id, daycare_id, answer, now),
    )


async def set_attended(
    conn: aiosqlite.Connection,
    training_id: int,
    person_id: int,
    daycare_id: int | None,
    attended: bool,
    now: str,
) -> None:
    """Attendance for one person; someone who came without answering gets a "yes" row."""
    await conn.execute(
        "INSERT INTO training_signups"
        " (training_id, person_id, daycare_id, answer, answered_at, attended)"
        " VALUES (?, ?, ?, 'yes', ?, ?) ON CONFLICT (training_id, person_id) DO UPDATE SET"
        " attended = excluded.attended",
        (training_id, person_id, daycare_id, now, int(attended)),
    )


async def clear_attendance(conn: aiosqlite.Connection, training_id: int) -> None:
    await conn.execute(
        "UPDATE training_signups SET attended = 0 WHERE training_id = ?", (training_id,)
    )


async def person_names(db: Database) -> dict[int, str]:
    """Every person's name by person id, guests (not in the organisation) included."""
    rows = await db.fetchall("SELECT id, name FROM people")
    return {int(row["id"]): str(row["name"]) for row in rows}


async def training_records(db: Database) -> list[dict[str, Any]]:
    """Every training with its tool's and area's names (for `tovholder export`)."""
    rows = await db.fetchall(
        "SELECT tr.id, tr.tool_id, t.name AS tool, tr.area_id, a.name AS area,"
        " tr.ambassador_id, tr.starts_at, tr.place, tr.seats, tr.note, tr.state,"
        " tr.version, tr.created_at, tr.updated_at"
        " FROM trainings tr JOIN tools t ON t.id = tr.tool_id JOIN areas a ON a.id = tr.area_id"
        " ORDER BY tr.id"
    )
    return [dict(row) for row in rows]


async def signup_records(db: Database) -> list[dict[str, Any]]:
    """Every answer and attendance (`attended`: 1, 0, or null when not recorded)."""
    rows = await db.fetchall(
        "SELECT s.training_id, s.person_id, s.daycare_id, d.name AS daycare, s.answer,"
        " s.answered_at, s.attended FROM training_signups s"
        " LEFT JOIN daycares d ON d.id = s.daycare_id ORDER BY s.training_id, s.answered_at,"
        " s.person_id"
    )
    return [dict(row) for row in rows]
