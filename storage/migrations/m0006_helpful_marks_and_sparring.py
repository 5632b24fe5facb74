"""Migration 0006_helpful_marks_and_sparring."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0006_helpful_marks_and_sparring",
    (
        # One "this helped" per person and guide, so a double click counts once.
        """CREATE TABLE guide_helpful_marks (
                guide_id INTEGER NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
                slack_user_id TEXT NOT NULL,
                marked_at TEXT NOT NULL,
                PRIMARY KEY (guide_id, slack_user_id)
            )""",
        # A question to the network. `request_key` (the modal's view id, or the slash
        # command's trigger id) makes a retried or double submission create one question.
        """CREATE TABLE sparring_questions (
                id INTEGER PRIMARY KEY,
                request_key TEXT NOT NULL UNIQUE,
                asker_slack_id TEXT NOT NULL,
                area_id INTEGER REFERENCES areas(id) ON DELETE SET NULL,
                daycare_id INTEGER REFERENCES daycares(id) ON DELETE SET NULL,
                tool_id INTEGER REFERENCES tools(id) ON DELETE SET NULL,
                question TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'open'
                    CHECK (state IN ('open', 'answered', 'resolved')),
                channel_id TEXT,
                message_ts TEXT,
                created_at TEXT NOT NULL
            )""",
        "CREATE INDEX sparring_questions_state ON sparring_questions(state, created_at)",
        # The owner as the guide file names them, kept even before that person is in the
        # organisation, so guides import into an empty database and export unchanged.
        "ALTER TABLE guides ADD COLUMN owner_email TEXT",
        "UPDATE guides SET owner_email ="
        " (SELECT lower(email) FROM people WHERE people.id = guides.owner_id)",
    ),
)
