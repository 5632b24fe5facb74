"""Migration 0009_activity."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0009_activity",
    (
        # When a person last used the bot: a superuser who never has, two weeks after the
        # welcome, is a reason to nudge their ambassador about training.
        "ALTER TABLE people ADD COLUMN last_active_at TEXT",
    ),
)
