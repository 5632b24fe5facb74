"""Ordered, named migrations, each applied in one transaction together with its record.

A migration is a list of SQL statements under a name that never changes once released.
They run at every start (and with `tovholder db migrate`); a migration already recorded in
`_migrations` is skipped, so running twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, utc_iso
from storage.db import Database


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_organisation",
        (
            """CREATE TABLE areas (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE daycares (
                id INTEGER PRIMARY KEY,
                area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE RESTRICT,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX daycares_area ON daycares(area_id)",
            """CREATE TABLE people (
                id INTEGER PRIMARY KEY,
                slack_user_id TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                email TEXT UNIQUE COLLATE NOCASE,
                language TEXT CHECK (language IN ('da', 'en')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE person_roles (
                id INTEGER PRIMARY KEY,
                person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                role TEXT NOT NULL
                    CHECK (role IN ('ambassador', 'superuser', 'coordinator', 'leader')),
                area_id INTEGER REFERENCES areas(id) ON DELETE CASCADE,
                daycare_id INTEGER REFERENCES daycares(id) ON DELETE CASCADE,
                CHECK (role != 'ambassador' OR area_id IS NOT NULL),
                CHECK (role != 'superuser' OR daycare_id IS NOT NULL)
            )""",
            """CREATE UNIQUE INDEX person_roles_unique
                ON person_roles(person_id, role, IFNULL(area_id, 0), IFNULL(daycare_id, 0))""",
        ),
    ),
    Migration(
        "0002_processed_events",
        (
            """CREATE TABLE processed_events (
                key TEXT PRIMARY KEY,
                seen_at TEXT NOT NULL
            ) WITHOUT ROWID""",
            "CREATE INDEX processed_events_seen ON processed_events(seen_at)",
        ),
    ),
    Migration(
        "0003_settings_and_onboarding",
        (
            """CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_by TEXT,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID""",
            # NULL for a superuser means the welcome message is still to be sent.
            "ALTER TABLE people ADD COLUMN welcomed_at TEXT",
        ),
    ),
)


async def applied_migrations(db: Database) -> list[str]:
    await db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    rows = await db.fetchall("SELECT name FROM _migrations ORDER BY name")
    return [row["name"] for row in rows]


async def migrate(db: Database, clock: Clock) -> list[str]:
    """Apply what is missing, in order; returns the names applied now."""
    done = set(await applied_migrations(db))
    applied: list[str] = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        async with db.transaction() as conn:
            for statement in migration.statements:
                await conn.execute(statement)
            await conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, utc_iso(clock.now())),
            )
        applied.append(migration.name)
    return applied
