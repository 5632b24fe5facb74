"""Migration 0002_processed_events."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0002_processed_events",
    (
        """CREATE TABLE processed_events (
                key TEXT PRIMARY KEY,
                seen_at TEXT NOT NULL
            ) WITHOUT ROWID""",
        "CREATE INDEX processed_events_seen ON processed_events(seen_at)",
    ),
)
