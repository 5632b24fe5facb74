"""SQL for sparring questions."""

from __future__ import annotations

from typing import Any

from storage.db import Database


async def insert_question(
    db: Database,
    *,
    request_key: str,
    asker_slack_id: str,
    text: str,
    area_id: int | None,
    daycare_id: int | None,
    tool_id: int | None,
    now: str,
) -> tuple[int, str, bool]:
    """(id, created_at, created): the same `request_key` twice gives the first question."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT OR IGNORE INTO sparring_questions (request_key, asker_slack_id, question,"
            " area_id, daycare_id, tool_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (request_key, asker_slack_id, text, area_id, daycare_id, tool_id, now),
        )
        created = cursor.rowcount == 1
        async with conn.execute(
            "SELECT id, created_at FROM sparring_questions WHERE request_key = ?", (request_key,)
        ) as found:
            row = await found.fetchone()
    assert row is not None
    return int(row["id"]), str(row["created_at"]), created


async def set_post(db: Database, question_id: int, channel_id: str, message_ts: str) -> None:
    await db.execute(
        "UPDATE sparring_questions SET channel_id = ?, message_ts = ? WHERE id = ?",
        (channel_id, message_ts, question_id),
    )


async def question_records(db: Database) -> list[dict[str, Any]]:
    rows = await db.fetchall(
        "SELECT id, asker_slack_id, question, area_id, daycare_id, tool_id, state, channel_id,"
        " message_ts, created_at FROM sparring_questions ORDER BY id"
    )
    return [dict(row) for row in rows]
