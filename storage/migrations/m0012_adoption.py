"""Migration 0012_adoption."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0012_adoption",
    (
        # How far each daycare has come with each tool (bot/services/adoption.py): one row
        # per daycare and tool with its present state, and every change in the history.
        """CREATE TABLE adoption (
                daycare_id INTEGER NOT NULL REFERENCES daycares(id) ON DELETE CASCADE,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                state TEXT NOT NULL
                    CHECK (state IN ('not_started', 'getting_started', 'in_use', 'stopped')),
                reason TEXT NOT NULL DEFAULT '',
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                PRIMARY KEY (daycare_id, tool_id)
            )""",
        "CREATE INDEX adoption_tool ON adoption(tool_id, state)",
        """CREATE TABLE adoption_changes (
                id INTEGER PRIMARY KEY,
                daycare_id INTEGER NOT NULL REFERENCES daycares(id) ON DELETE CASCADE,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                from_state TEXT NOT NULL,
                to_state TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL
            )""",
        "CREATE INDEX adoption_changes_place ON adoption_changes(daycare_id, tool_id, id)",
    ),
)
