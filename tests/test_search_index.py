"""The index follows the tables by triggers alone, however the rows are written."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from bot.clock import ManualClock
from bot.services.search import closest_tool_names, search_guides
from storage.db import Database
from storage.migrations import MIGRATIONS, migrate
from tests.test_search import CATALOGUE, NOW, add


async def indexed(db: Database, guide_id: int) -> dict[str, str] | None:
    row = await db.fetchone(
        "SELECT names, title, purpose, tags, category, body FROM guide_search WHERE rowid = ?",
        (guide_id,),
    )
    return None if row is None else {key: str(row[key]) for key in row.keys()}  # noqa: SIM118


async def tools(db: Database, query: str) -> list[str]:
    return [hit.tool for hit in await search_guides(db, query)]


async def test_index_row_is_folded_text_of_the_current_version(db: Database) -> None:
    _, guide_id = await add(db, CATALOGUE[0], "bee-bot")  # Bee-Bot, aliases Bi-Bot/bibot
    row = await indexed(db, guide_id)
    assert row is not None
    assert sorted(row["names"].split()) == [
        "Bee-Bot",
        "BeeBot",
        "Bi-Bot",
        "BiBot",
        "bibot",
        "bibot",
    ]
    assert row["title"] == "Bee-Bot paa gulvet"
    assert "kodning" in row["tags"]
    assert row["category"] == "Robotter"


async def test_rename_follows(db: Database) -> None:
    tool_id, guide_id = await add(db, CATALOGUE[12], "ozobot")
    assert await tools(db, "ozobot") == ["Ozobot"]
    async with db.transaction() as conn:
        await conn.execute("UPDATE tools SET name = 'Evo Linjerobot' WHERE id = ?", (tool_id,))
    assert await tools(db, "evo") == ["Evo Linjerobot"]
    row = await indexed(db, guide_id)
    assert row is not None and row["names"] == "Evo Linjerobot EvoLinjerobot "
    assert await closest_tool_names(db, "evo linjerobot") == ["Evo Linjerobot"]


async def test_new_and_deleted_alias_follow(db: Database) -> None:
    tool_id, _ = await add(db, CATALOGUE[3], "makey")
    assert await search_guides(db, "bananklaver") == []
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO tool_aliases (tool_id, alias) VALUES (?, 'Bananklaver')", (tool_id,)
        )
    assert await tools(db, "bananklaver") == ["Makey Makey"]
    async with db.transaction() as conn:
        await conn.execute("DELETE FROM tool_aliases WHERE tool_id = ?", (tool_id,))
    assert await search_guides(db, "bananklaver") == []


async def test_new_version_replaces_the_old_text(db: Database) -> None:
    _, guide_id = await add(db, CATALOGUE[5], "seek")
    assert await tools(db, "skoven") == ["Seek"]
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO guide_versions (guide_id, version, title, purpose, body, edited_at)"
            " VALUES (?, 2, 'Seek i haven', 'Find sommerfugle i haven.', '', ?)",
            (guide_id, NOW),
        )
        await conn.execute(
            "INSERT INTO guide_version_labels (guide_id, version, kind, value)"
            " VALUES (?, 2, 'theme', 'Krop, sanser og bevægelse')",
            (guide_id,),
        )
        # Not current yet: the index still shows version 1.
        assert "skoven" in str((await indexed_conn(conn, guide_id))["title"])
        await conn.execute("UPDATE guides SET current_version = 2 WHERE id = ?", (guide_id,))
    assert await search_guides(db, "skoven") == []
    assert await tools(db, "sommerfugle") == ["Seek"]
    assert await tools(db, "sanser") == ["Seek"]


async def indexed_conn(conn: aiosqlite.Connection, guide_id: int) -> dict[str, object]:
    """What the index holds, read inside the writer's open transaction."""
    async with conn.execute("SELECT title FROM guide_search WHERE rowid = ?", (guide_id,)) as cur:
        row = await cur.fetchone()
    assert row is not None
    return {"title": row[0]}


async def test_label_change_follows(db: Database) -> None:
    _, guide_id = await add(db, CATALOGUE[10], "osmo")
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE guide_version_labels SET value = 'geometri'"
            " WHERE guide_id = ? AND value = 'tal'",
            (guide_id,),
        )
    assert await tools(db, "geometri") == ["Osmo"]


async def test_deleted_guide_and_tool_leave_the_index(db: Database) -> None:
    _, guide_id = await add(db, CATALOGUE[6], "green")
    tool_id, other = await add(db, CATALOGUE[7], "stop")
    async with db.transaction() as conn:
        await conn.execute("DELETE FROM guides WHERE id = ?", (guide_id,))
    assert await indexed(db, guide_id) is None
    assert "Green Screen by Do Ink" not in await tools(db, "green screen")
    async with db.transaction() as conn:
        await conn.execute("DELETE FROM tools WHERE id = ?", (tool_id,))  # cascades
    assert await indexed(db, other) is None
    count = await db.fetchone("SELECT count(*) AS n FROM guide_search")
    assert count is not None and count["n"] == 0


async def test_status_change_reaches_ranking(db: Database) -> None:
    whiteboard, _ = await add(db, CATALOGUE[13], "tavle")
    await add(db, CATALOGUE[15], "gammel")  # retired drawing app
    assert (await tools(db, "tegne"))[0] == "Whiteboard.fi"
    async with db.transaction() as conn:
        await conn.execute("UPDATE tools SET status = 'retired' WHERE id = ?", (whiteboard,))
        await conn.execute("UPDATE tools SET status = 'recommended' WHERE name = 'Gammel tegneapp'")
    assert (await tools(db, "tegne"))[0] == "Gammel tegneapp"


async def test_guide_without_a_version_yet_is_found_by_its_tool(db: Database) -> None:
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO tools (name, status, created_at, updated_at)"
            " VALUES ('Kodekort', 'in_test', ?, ?)",
            (NOW, NOW),
        )
        await conn.execute(
            "INSERT INTO guides (tool_id, slug, created_at, updated_at) VALUES (?, 'kort', ?, ?)",
            (cursor.lastrowid, NOW, NOW),
        )
    assert [hit.title for hit in await search_guides(db, "kodekort")] == [""]


async def test_migration_indexes_guides_written_before_it(
    tmp_path: Path, clock: ManualClock
) -> None:
    database = await Database.open(tmp_path / "old.db")
    try:
        before = [m for m in MIGRATIONS if m.name < "0005"]
        for migration in before:
            async with database.transaction() as conn:
                for statement in migration.statements:
                    await conn.execute(statement)
        await database.execute(
            "CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        for migration in before:
            await database.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (migration.name, NOW)
            )
        await add(database, CATALOGUE[8], "bog")
        # Later migrations run too; 0005 is the one that must index the existing guide.
        assert (await migrate(database, clock))[0] == "0005_guide_search"
        assert await tools(database, "book creator") == ["Book Creator"]
    finally:
        await database.close()
