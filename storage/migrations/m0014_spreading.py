"""Migration 0014_spreading.

Spreading rounds: see storage/repositories/spreading.py.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    # One open round per tool at a time (the partial unique index): starting it twice — two
    # clicks, a retry, "recommended" and then the decision "spread" — starts one round.
    # `follow_up_weeks` is fixed when the round starts.
    """CREATE TABLE spreading_rounds (
        id INTEGER PRIMARY KEY,
        tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        trigger TEXT NOT NULL CHECK (trigger IN ('recommended', 'decision')),
        started_by TEXT,
        started_at TEXT NOT NULL,
        follow_up_weeks INTEGER NOT NULL CHECK (follow_up_weeks BETWEEN 1 AND 26),
        ended_at TEXT,
        ended_reason TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE UNIQUE INDEX spreading_rounds_open ON spreading_rounds(tool_id) WHERE ended_at IS NULL",
    # The daycares a round reaches, fixed when it starts (those not using the tool then),
    # with the state each had; and the answer to the follow-up, once per daycare.
    """CREATE TABLE spreading_targets (
        round_id INTEGER NOT NULL REFERENCES spreading_rounds(id) ON DELETE CASCADE,
        daycare_id INTEGER NOT NULL REFERENCES daycares(id) ON DELETE CASCADE,
        state_at_start TEXT NOT NULL,
        answer TEXT CHECK (answer IN ('in_use', 'getting_started', 'not_yet', 'not_for_us')),
        reason TEXT NOT NULL DEFAULT '',
        answered_by TEXT,
        answered_at TEXT,
        PRIMARY KEY (round_id, daycare_id)
    ) WITHOUT ROWID""",
)

MIGRATION = Migration("0014_spreading", STATEMENTS)
