"""SQL for tool tests and their results.

Writes take the connection of a transaction the caller holds, so a result and the tool's
first step into "in test" commit or fail together; reads that decide a write take that
connection too. Filters are fixed SQL with `?n IS NULL OR …`, so every query is
parameterised and none is built from text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import aiosqlite

from bot.domain.guides import THEMES, Tool, canonical_labels
from bot.domain.refs import MessageRef
from bot.domain.tool_tests import Result, ResultDraft, TestState, ToolTest, ToolWithResults
from storage.db import Database
from storage.repositories import tools as tools_repo

# -- tests ----------------------------------------------------------------------------------


async def test_id_by_key(conn: aiosqlite.Connection, request_key: str) -> int | None:
    async with conn.execute(
        "SELECT id FROM tool_tests WHERE request_key = ?", (request_key,)
    ) as cursor:
        row = await cursor.fetchone()
    return int(row["id"]) if row else None


async def insert_test(
    conn: aiosqlite.Connection,
    *,
    request_key: str,
    tool_id: int,
    ambassador_id: int,
    question: str,
    area_id: int | None,
    starts_on: str,
    checkpoints: Sequence[str],
    daycare_ids: Iterable[int],
    now: str,
) -> int:
    cursor = await conn.execute(
        "INSERT INTO tool_tests (request_key, tool_id, ambassador_id, question, area_id,"
        " starts_on, state, created_at) VALUES (?, ?, ?, ?, ?, ?, 'running', ?)",
        (request_key, tool_id, ambassador_id, question, area_id, starts_on, now),
    )
    assert cursor.lastrowid is not None
    test_id = cursor.lastrowid
    await conn.executemany(
        "INSERT OR IGNORE INTO tool_test_daycares (test_id, daycare_id) VALUES (?, ?)",
        [(test_id, daycare_id) for daycare_id in daycare_ids],
    )
    await conn.executemany(
        "INSERT OR IGNORE INTO tool_test_checkpoints (test_id, due_on) VALUES (?, ?)",
        [(test_id, due_on) for due_on in checkpoints],
    )
    return test_id


async def close_test(
    conn: aiosqlite.Connection, test_id: int, conclusion: str, note: str, by: int, now: str
) -> bool:
    """Close a running test; False when it was closed already (nothing changed)."""
    cursor = await conn.execute(
        "UPDATE tool_tests SET state = 'closed', conclusion = ?, conclusion_note = ?,"
        " closed_by = ?, closed_at = ? WHERE id = ? AND state = 'running'",
        (conclusion, note, by, now, test_id),
    )
    return cursor.rowcount == 1


async def tests(
    conn: aiosqlite.Connection,
    *,
    test_id: int | None = None,
    tool_id: int | None = None,
    ambassador_id: int | None = None,
    state: TestState | None = None,
) -> list[ToolTest]:
    """Tests matching every filter given: running first, then newest first."""
    params = (test_id, tool_id, ambassador_id, state)
    async with conn.execute(
        "SELECT x.* FROM tool_tests x"
        " WHERE (?1 IS NULL OR x.id = ?1) AND (?2 IS NULL OR x.tool_id = ?2)"
        " AND (?3 IS NULL OR x.ambassador_id = ?3) AND (?4 IS NULL OR x.state = ?4)"
        " ORDER BY x.state = 'closed', x.created_at DESC, x.id DESC",
        params,
    ) as cursor:
        rows = list(await cursor.fetchall())
    daycares: dict[int, list[int]] = defaultdict(list)
    async with conn.execute(
        "SELECT d.test_id, d.daycare_id FROM tool_test_daycares d"
        " JOIN tool_tests x ON x.id = d.test_id"
        " WHERE (?1 IS NULL OR x.id = ?1) AND (?2 IS NULL OR x.tool_id = ?2)"
        " AND (?3 IS NULL OR x.ambassador_id = ?3) AND (?4 IS NULL OR x.state = ?4)"
        " ORDER BY d.test_id, d.daycare_id",
        params,
    ) as cursor:
        for row in await cursor.fetchall():
            daycares[row["test_id"]].append(row["daycare_id"])
    checkpoints: dict[int, list[str]] = defaultdict(list)
    async with conn.execute(
        "SELECT c.test_id, c.due_on FROM tool_test_checkpoints c"
        " JOIN tool_tests x ON x.id = c.test_id"
        " WHERE (?1 IS NULL OR x.id = ?1) AND (?2 IS NULL OR x.tool_id = ?2)"
        " AND (?3 IS NULL OR x.ambassador_id = ?3) AND (?4 IS NULL OR x.state = ?4)"
        " ORDER BY c.test_id, c.due_on",
        params,
    ) as cursor:
        for row in await cursor.fetchall():
            checkpoints[row["test_id"]].append(row["due_on"])
    tools = await _tools(conn, {row["tool_id"] for row in rows})
    return [
        ToolTest(
            id=row["id"],
            tool=tools[row["tool_id"]],
            ambassador_id=row["ambassador_id"],
            question=row["question"],
            daycare_ids=tuple(daycares[row["id"]]),
            area_id=row["area_id"],
            starts_on=row["starts_on"],
            checkpoints=tuple(checkpoints[row["id"]]),
            state=row["state"],
            created_at=row["created_at"],
            conclusion=row["conclusion"],
            conclusion_note=row["conclusion_note"],
            closed_by=row["closed_by"],
            closed_at=row["closed_at"],
        )
        for row in rows
    ]


async def test_by_id(conn: aiosqlite.Connection, test_id: int) -> ToolTest | None:
    found = await tests(conn, test_id=test_id)
    return found[0] if found else None


# -- results --------------------------------------------------------------------------------


async def result_id_by_key(conn: aiosqlite.Connection, request_key: str) -> int | None:
    async with conn.execute(
        "SELECT id FROM test_results WHERE request_key = ?", (request_key,)
    ) as cursor:
        row = await cursor.fetchone()
    return int(row["id"]) if row else None


async def result_id_by_message(conn: aiosqlite.Connection, message: MessageRef) -> int | None:
    async with conn.execute(
        "SELECT id FROM test_results WHERE platform = ? AND conversation_id = ? AND message_id = ?",
        (message.platform, message.conversation_id, message.message_id),
    ) as cursor:
        row = await cursor.fetchone()
    return int(row["id"]) if row else None


def _content(draft: ResultDraft) -> tuple[Any, ...]:
    """The columns a correction may change, in the order both writes list them."""
    return (
        draft.tool_id,
        draft.test_id,
        draft.daycare_id,
        draft.tested_on.isoformat(),
        draft.age_group,
        draft.children,
        draft.rating,
        draft.engagement,
        draft.worked,
        draft.hard,
        draft.recommendation,
        draft.minutes_spent,
    )


async def insert_result(
    conn: aiosqlite.Connection, request_key: str, author_id: int, draft: ResultDraft, now: str
) -> int:
    message = draft.message
    cursor = await conn.execute(
        "INSERT INTO test_results (tool_id, test_id, daycare_id, tested_on, age_group, children,"
        " rating, engagement, worked, hard, recommendation, minutes_spent, request_key,"
        " author_id, source, platform, conversation_id, message_id, thread_id, link,"
        " created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            *_content(draft),
            request_key,
            author_id,
            draft.source,
            message.platform if message else None,
            message.conversation_id if message else None,
            message.message_id if message else None,
            message.thread_id if message else None,
            draft.link,
            now,
            now,
        ),
    )
    assert cursor.lastrowid is not None
    await _set_themes(conn, cursor.lastrowid, draft.themes)
    return cursor.lastrowid


async def update_result(
    conn: aiosqlite.Connection, result_id: int, draft: ResultDraft, editor: int, now: str
) -> bool:
    """Replace what the result says; where it came from (source, message) stays."""
    cursor = await conn.execute(
        "UPDATE test_results SET tool_id = ?, test_id = ?, daycare_id = ?, tested_on = ?,"
        " age_group = ?, children = ?, rating = ?, engagement = ?, worked = ?, hard = ?,"
        " recommendation = ?, minutes_spent = ?, updated_at = ?, updated_by = ? WHERE id = ?",
        (*_content(draft), now, editor, result_id),
    )
    if cursor.rowcount != 1:
        return False
    await conn.execute("DELETE FROM test_result_themes WHERE result_id = ?", (result_id,))
    await _set_themes(conn, result_id, draft.themes)
    return True


async def _set_themes(conn: aiosqlite.Connection, result_id: int, themes: Iterable[str]) -> None:
    await conn.executemany(
        "INSERT OR IGNORE INTO test_result_themes (result_id, theme) VALUES (?, ?)",
        [(result_id, theme) for theme in themes],
    )


async def delete_result(conn: aiosqlite.Connection, result_id: int) -> bool:
    cursor = await conn.execute("DELETE FROM test_results WHERE id = ?", (result_id,))
    return cursor.rowcount == 1


async def results(
    conn: aiosqlite.Connection, *, result_id: int | None = None, tool_id: int | None = None
) -> list[Result]:
    """Results matching every filter given, newest first (by the day tested, then saved)."""
    params = (result_id, tool_id)
    async with conn.execute(
        "SELECT r.*, d.name AS daycare_name FROM test_results r"
        " LEFT JOIN daycares d ON d.id = r.daycare_id"
        " WHERE (?1 IS NULL OR r.id = ?1) AND (?2 IS NULL OR r.tool_id = ?2)"
        " ORDER BY r.tested_on DESC, r.created_at DESC, r.id DESC",
        params,
    ) as cursor:
        rows = list(await cursor.fetchall())
    themes: dict[int, list[str]] = defaultdict(list)
    async with conn.execute(
        "SELECT t.result_id, t.theme FROM test_result_themes t"
        " JOIN test_results r ON r.id = t.result_id"
        " WHERE (?1 IS NULL OR r.id = ?1) AND (?2 IS NULL OR r.tool_id = ?2)",
        params,
    ) as cursor:
        for row in await cursor.fetchall():
            themes[row["result_id"]].append(row["theme"])
    tools = await _tools(conn, {row["tool_id"] for row in rows})
    return [
        Result(
            id=row["id"],
            author_id=row["author_id"],
            tool=tools[row["tool_id"]],
            draft=ResultDraft(
                tool_id=row["tool_id"],
                tested_on=date.fromisoformat(row["tested_on"]),
                test_id=row["test_id"],
                daycare_id=row["daycare_id"],
                age_group=row["age_group"],
                children=row["children"],
                rating=row["rating"],
                engagement=row["engagement"],
                worked=row["worked"],
                hard=row["hard"],
                themes=canonical_labels(themes[row["id"]], THEMES),
                recommendation=row["recommendation"],
                minutes_spent=row["minutes_spent"],
                source=row["source"],
                message=_message(row),
                link=row["link"],
            ),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            updated_by=row["updated_by"],
            daycare_name=row["daycare_name"],
        )
        for row in rows
    ]


def _message(row: Any) -> MessageRef | None:
    """The message a result was read from, if it was."""
    if row["conversation_id"] is None or row["message_id"] is None:
        return None
    return MessageRef(row["platform"], row["conversation_id"], row["message_id"], row["thread_id"])


async def results_of_test(conn: aiosqlite.Connection, test_id: int) -> int:
    """How many results name the test."""
    async with conn.execute(
        "SELECT COUNT(*) AS n FROM test_results WHERE test_id = ?", (test_id,)
    ) as cursor:
        row = await cursor.fetchone()
    return int(row["n"]) if row else 0


async def result_by_id(conn: aiosqlite.Connection, result_id: int) -> Result | None:
    found = await results(conn, result_id=result_id)
    return found[0] if found else None


# -- what a plan or a result points at --------------------------------------------------------


async def known_daycares(conn: aiosqlite.Connection, daycare_ids: Iterable[int]) -> set[int]:
    """Those of `daycare_ids` that exist."""
    async with conn.execute(
        "SELECT id FROM daycares WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(daycare_ids))),),
    ) as cursor:
        return {int(row["id"]) for row in await cursor.fetchall()}


async def area_exists(conn: aiosqlite.Connection, area_id: int) -> bool:
    async with conn.execute("SELECT 1 FROM areas WHERE id = ?", (area_id,)) as cursor:
        return await cursor.fetchone() is not None


async def _tools(conn: aiosqlite.Connection, tool_ids: set[int]) -> dict[int, Tool]:
    found: dict[int, Tool] = {}
    for tool_id in sorted(tool_ids):
        tool = await tools_repo.tool_by_id(conn, tool_id)
        assert tool is not None  # tool_id is a foreign key
        found[tool_id] = tool
    return found


async def tools_with_results(db: Database, limit: int) -> list[ToolWithResults]:
    """The tools that have results, the most results first (then by name)."""
    async with db.transaction() as conn:
        async with conn.execute(
            "SELECT r.tool_id, COUNT(*) AS n FROM test_results r JOIN tools t ON t.id = r.tool_id"
            " GROUP BY r.tool_id ORDER BY n DESC, t.name COLLATE NOCASE LIMIT ?",
            (limit,),
        ) as cursor:
            rows = list(await cursor.fetchall())
        tools = await _tools(conn, {row["tool_id"] for row in rows})
    return [ToolWithResults(tools[row["tool_id"]], row["n"]) for row in rows]


# -- the full export ---------------------------------------------------------------------------


async def test_records(db: Database) -> list[dict[str, Any]]:
    """Every test with its daycares and checkpoints as lists, oldest first."""
    records = [
        dict(row)
        for row in await db.fetchall(
            "SELECT x.id, x.request_key, x.tool_id, t.name AS tool, x.ambassador_id,"
            " x.question, x.area_id, x.starts_on, x.state, x.conclusion, x.conclusion_note,"
            " x.closed_by, x.closed_at, x.created_at"
            " FROM tool_tests x JOIN tools t ON t.id = x.tool_id ORDER BY x.id"
        )
    ]
    daycares: dict[int, list[int]] = defaultdict(list)
    for row in await db.fetchall(
        "SELECT test_id, daycare_id FROM tool_test_daycares ORDER BY test_id, daycare_id"
    ):
        daycares[row["test_id"]].append(row["daycare_id"])
    checkpoints: dict[int, list[str]] = defaultdict(list)
    for row in await db.fetchall(
        "SELECT test_id, due_on FROM tool_test_checkpoints ORDER BY test_id, due_on"
    ):
        checkpoints[row["test_id"]].append(row["due_on"])
    for record in records:
        record["daycare_ids"] = daycares[record["id"]]
        record["checkpoints"] = checkpoints[record["id"]]
    return records


async def result_records(db: Database) -> list[dict[str, Any]]:
    """Every result with its curriculum themes as a list, oldest first."""
    records = [
        dict(row)
        for row in await db.fetchall(
            "SELECT r.id, r.request_key, r.author_id, r.tool_id, t.name AS tool,"
            " r.test_id, r.daycare_id, r.tested_on, r.age_group, r.children, r.rating,"
            " r.engagement, r.worked, r.hard, r.recommendation, r.minutes_spent, r.source,"
            " r.platform, r.conversation_id, r.message_id, r.thread_id, r.link,"
            " r.created_at, r.updated_at, r.updated_by"
            " FROM test_results r JOIN tools t ON t.id = r.tool_id ORDER BY r.id"
        )
    ]
    themes: dict[int, list[str]] = defaultdict(list)
    for row in await db.fetchall("SELECT result_id, theme FROM test_result_themes"):
        themes[row["result_id"]].append(row["theme"])
    for record in records:
        record["themes"] = list(canonical_labels(themes[record["id"]], THEMES))
    return records
