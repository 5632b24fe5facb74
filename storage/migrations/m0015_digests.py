"""Migration 0015_digests.

Weekly digests sent: see storage/repositories/digests.py.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    # `state`: sending (claimed, `claimed_at` the lease), posted (the message is in Slack,
    # `message_ts`; the chart may still be missing), sent, skipped (no leadership channel was
    # set that week — said once in the log), failed (Slack refused; `error` says why).
    """CREATE TABLE digests (
        period TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('sending', 'posted', 'sent', 'skipped', 'failed')),
        claimed_at TEXT NOT NULL,
        message_ts TEXT,
        sent_at TEXT,
        error TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (period, channel_id)
    ) WITHOUT ROWID""",
)

MIGRATION = Migration("0015_digests", STATEMENTS)
