"""One migration: a name that never changes once released, and what it does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiosqlite

from storage.erasure_list import ErasureList
from storage.migrations.person_columns import PersonColumn


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]
    #: What SQL alone cannot do (a salted hash), run after the statements in the same
    #: transaction, with the erasure list beside the database.
    run: Callable[[aiosqlite.Connection, ErasureList], Awaitable[None]] | None = None
    #: Rebuilds a table others point at (CREATE new, copy, DROP, RENAME): with foreign keys
    #: on, the DROP would delete every row that cascades from it. The runner turns them off
    #: around the transaction (SQLite ignores the pragma inside one) and runs
    #: `PRAGMA foreign_key_check` before committing.
    foreign_keys_off: bool = False
    #: The columns it turned from a Slack user id into a person id (checked against an old
    #: database in `tests/test_migration_identities.py`).
    person_columns: tuple[PersonColumn, ...] = ()
