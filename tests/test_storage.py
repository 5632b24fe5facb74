"""The database: created from nothing, migrated once, all-or-nothing writes, live backup."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.services.demo import seed_demo
from storage.db import Database
from storage.migrations import MIGRATIONS, applied_migrations, migrate
from storage.repositories import org
from tests.people import member


async def test_first_start_creates_the_folder_and_the_schema(
    tmp_path: Path, clock: ManualClock
) -> None:
    path = tmp_path / "new" / "folder" / "tovholder.db"
    db = await Database.open(path)
    try:
        assert await migrate(db, clock) == [m.name for m in MIGRATIONS]
        assert await migrate(db, clock) == []
        assert await applied_migrations(db) == [m.name for m in MIGRATIONS]
        mode = await db.fetchone("PRAGMA journal_mode")
        assert mode is not None and mode[0] == "wal"
        fk = await db.fetchone("PRAGMA foreign_keys")
        assert fk is not None and fk[0] == 1
    finally:
        await db.close()
    assert path.is_file()


async def test_a_failing_transaction_writes_nothing(db: Database, clock: ManualClock) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        async with db.transaction() as conn:
            await org.insert_area(conn, "Nord", "2026-11-30T08:00:00+00:00")
            await org.insert_area(conn, "nord", "2026-11-30T08:00:00+00:00")  # same name
    assert (await org.counts(db)).areas == 0


async def test_demo_seed_fills_an_empty_database_once(db: Database, clock: ManualClock) -> None:
    first = await seed_demo(db, clock)
    assert first is not None and first.people == 8 and first.areas == 3
    assert await seed_demo(db, clock) is None
    assert (await org.counts(db)).people == 8
    mette = await member(db, "U0DEMO003")
    assert mette is not None and mette.has_role("ambassador")


async def test_backup_is_a_consistent_copy(
    db: Database, clock: ManualClock, tmp_path: Path
) -> None:
    await seed_demo(db, clock)
    target = tmp_path / "backups" / "copy.db"
    await db.backup(target)
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 8
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        copy.close()


async def test_a_read_does_not_wait_for_a_write_in_progress(
    db: Database, clock: ManualClock
) -> None:
    """A person's look-up must not queue behind a long write: reads have their own
    connections, and see what was committed before they started."""
    async with db.transaction() as conn:
        await org.insert_area(conn, "Nord", "2026-11-30T08:00:00+00:00")
        # With one shared connection this read would wait for the transaction: a deadlock
        # here, ended only by the guard.
        during = await asyncio.wait_for(org.counts(db), timeout=30)
        assert during.areas == 0  # not committed yet
    assert (await org.counts(db)).areas == 1  # committed: every read sees it at once


async def test_reads_never_write(db: Database) -> None:
    with pytest.raises(sqlite3.OperationalError):
        await db.fetchone("INSERT INTO areas (name, created_at) VALUES ('Syd', 'x') RETURNING id")
    assert (await org.counts(db)).areas == 0
