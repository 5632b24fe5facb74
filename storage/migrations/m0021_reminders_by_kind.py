"""Migration 0021_reminders_by_kind.

Planning reads reminders by kind every few minutes (a question's DM copies, the keys
already planned): without an index each read scans every reminder ever sent.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0021_reminders_by_kind",
    ("CREATE INDEX reminders_kind ON reminders(kind, state)",),
)
