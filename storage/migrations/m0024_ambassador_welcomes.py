"""Migration 0024_ambassador_welcomes.

Who is known as an ambassador, so one who becomes one is welcomed with their area's open
questions (bot/services/onboarding.py); those already ambassadors are not new.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE ambassador_welcomes (
        person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        noticed_at TEXT,
        to_welcome INTEGER NOT NULL DEFAULT 0 CHECK (to_welcome IN (0, 1))
    )""",
    # Ambassadors of a running bot are not new: nobody is welcomed by the upgrade.
    "INSERT INTO ambassador_welcomes (person_id, to_welcome)"
    " SELECT DISTINCT person_id, 0 FROM person_roles WHERE role = 'ambassador'",
)

MIGRATION = Migration("0024_ambassador_welcomes", STATEMENTS)
