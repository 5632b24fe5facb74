"""Migration 0010_area_evaluations."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0010_area_evaluations",
    (
        # The area evaluation cycle (bot/services/area_evaluations.py): one answer per
        # person, area and cycle (`period`, the cycle's month "YYYY-MM"), updated in place.
        # Only ambassadors say which tools to drop or spread.
        """CREATE TABLE area_evaluations (
                id INTEGER PRIMARY KEY,
                period TEXT NOT NULL
                    CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
                area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
                slack_user_id TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('ambassador', 'superuser')),
                works TEXT NOT NULL DEFAULT '',
                hard TEXT NOT NULL DEFAULT '',
                drop_or_spread TEXT NOT NULL DEFAULT '',
                support TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK (role = 'ambassador' OR drop_or_spread = ''),
                UNIQUE (period, area_id, slack_user_id)
            )""",
        "CREATE INDEX area_evaluations_area ON area_evaluations(area_id, period)",
    ),
)
