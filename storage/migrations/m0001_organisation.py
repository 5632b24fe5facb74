"""Migration 0001_organisation."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
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
)
