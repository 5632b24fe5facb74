"""Migration 0018_run_lock.

One running bot per database: see bot/run_lock.py.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    # `id` is always 1: one holder per database. `token` is random per start, so a renewal
    # or a release never touches a row that another process has taken over since.
    # `boot_id` tells a holder from before the host restarted (Linux; '' elsewhere).
    # Times are UTC ISO-8601 (`bot.clock.utc_iso`).
    """CREATE TABLE run_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        token TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        boot_id TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
    )""",
)

MIGRATION = Migration("0018_run_lock", STATEMENTS)
