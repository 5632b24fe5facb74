"""Migration 0013_trainings.

Trainings for superusers: see storage/repositories/trainings.py.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    # A training for one tool in one area. `request_key` (the modal's view id) makes a
    # double submit one training; `starts_at` is UTC ISO. Moving a training changes
    # `starts_at`/`place` and bumps `version`, so reminders planned for the old time are
    # recognised as stale.
    """CREATE TABLE trainings (
        id INTEGER PRIMARY KEY,
        tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
        ambassador_slack_id TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        place TEXT NOT NULL,
        seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 200),
        note TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'cancelled', 'held')),
        version INTEGER NOT NULL DEFAULT 1,
        request_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX trainings_upcoming ON trainings(state, starts_at)",
    # One answer per person and training: coming or not; `attended` is set by the
    # ambassador afterwards (NULL: not recorded). `daycare_id` is the person's daycare when
    # they answered, so attendance can move that daycare's adoption.
    """CREATE TABLE training_signups (
        training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
        slack_user_id TEXT NOT NULL,
        daycare_id INTEGER REFERENCES daycares(id) ON DELETE SET NULL,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
        answered_at TEXT NOT NULL,
        attended INTEGER CHECK (attended IN (0, 1)),
        PRIMARY KEY (training_id, slack_user_id)
    ) WITHOUT ROWID""",
)

MIGRATION = Migration("0013_trainings", STATEMENTS)
