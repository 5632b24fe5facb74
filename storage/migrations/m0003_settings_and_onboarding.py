"""Migration 0003_settings_and_onboarding."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
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
)
