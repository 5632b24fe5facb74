"""Migration 0016_gdpr.

The GDPR log (access, erasure, retention): see storage/repositories/gdpr.py.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    # One row per access (`/tovholder my-data`), erasure and retention run: who and what was
    # asked, when, and how many rows were touched — never the personal data itself. An
    # erasure's subject is the e-mail (the Slack id when the person had none), so the
    # coordinator can show that the erasure happened.
    """CREATE TABLE gdpr_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('access', 'erasure', 'retention')),
        subject TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX gdpr_log_at ON gdpr_log(at)",
)

MIGRATION = Migration("0016_gdpr", STATEMENTS)
