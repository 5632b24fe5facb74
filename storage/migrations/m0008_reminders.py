"""Migration 0008_reminders."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0008_reminders",
    (
        # Durable reminders: the rows, not the scheduler's memory, are the truth (see
        # bot/services/reminders.py). `dedupe_key` makes planning the same nudge twice
        # create one row; `claimed_by`/`claimed_at` are the lease of the worker sending it.
        """CREATE TABLE reminders (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                recipient TEXT NOT NULL,
                due_at TEXT NOT NULL,
                payload TEXT NOT NULL DEFAULT '{}',
                state TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
                attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                dedupe_key TEXT NOT NULL UNIQUE,
                claimed_by TEXT,
                claimed_at TEXT,
                last_error TEXT,
                sent_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK (state != 'sending' OR claimed_at IS NOT NULL)
            )""",
        "CREATE INDEX reminders_due ON reminders(state, due_at)",
        "CREATE INDEX reminders_recipient ON reminders(recipient, state)",
        # "Pause all my nudges until a date": inclusive local date.
        """CREATE TABLE nudge_pauses (
                slack_user_id TEXT PRIMARY KEY,
                until_date TEXT NOT NULL,
                set_at TEXT NOT NULL
            ) WITHOUT ROWID""",
    ),
)
