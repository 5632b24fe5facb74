"""Migration 0019_reminder_tags.

Exactly once across a crash (bot/tags.py): `unconfirmed_since` is when a post of
the reminder / digest started whose outcome is not known yet (the process died, the call
timed out); before posting again, the bot looks for the post's tag in Slack.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
    "0019_reminder_tags",
    (
        "ALTER TABLE reminders ADD COLUMN unconfirmed_since TEXT",
        "ALTER TABLE digests ADD COLUMN unconfirmed_since TEXT",
    ),
)
