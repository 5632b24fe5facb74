"""Migration 0020_sparring_delivery.

When a sparring question reached someone: its channel post, or its first DM copy
(`delivered_at`). NULL while it waits for Slack to answer again (see
`bot.jobs.sparring_delivery`); escalation counts from here. Questions sent before this
migration reached people when they were asked.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE sparring_questions ADD COLUMN delivered_at TEXT",
    "UPDATE sparring_questions SET delivered_at = created_at WHERE state != 'draft'",
)

MIGRATION = Migration("0020_sparring_delivery", STATEMENTS)
