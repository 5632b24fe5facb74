"""Migration 0026_message_refs: a message the bot stored is a platform's conversation and
message id, not Slack's channel and `ts`.

`digests` keeps, per week, the conversation the digest went to (`platform`,
`conversation_id`) and the message it became (`message_id`); rows written before were all
Slack's. A week skipped for want of a leadership channel has no conversation: platform and
conversation id are both ''.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE digests_0026 (
        period TEXT NOT NULL,
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('sending', 'posted', 'sent', 'skipped', 'failed')),
        claimed_at TEXT NOT NULL,
        message_id TEXT,
        sent_at TEXT,
        error TEXT NOT NULL DEFAULT '',
        unconfirmed_since TEXT,
        PRIMARY KEY (period, platform, conversation_id)
    ) WITHOUT ROWID""",
    "INSERT INTO digests_0026 (period, platform, conversation_id, state, claimed_at, message_id,"
    " sent_at, error, unconfirmed_since)"
    " SELECT period, CASE WHEN channel_id = '' THEN '' ELSE 'slack' END, channel_id, state,"
    " claimed_at, message_ts, sent_at, error, unconfirmed_since FROM digests",
    "DROP TABLE digests",
    "ALTER TABLE digests_0026 RENAME TO digests",
)

MIGRATION = Migration("0026_message_refs", STATEMENTS)
