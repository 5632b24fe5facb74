"""Migration 0022_gdpr_log_hashed.

The GDPR log names people by a salted hash of their e-mail, never the e-mail itself (the
salt lives beside the database, in the erasure list: storage/erasure_list.py); those
erased before join the erasure list. See storage/repositories/gdpr.py.
"""

from __future__ import annotations

import aiosqlite

from storage.erasure_list import HASH_PREFIX, ErasureList, Kind
from storage.migrations.migration import Migration
from storage.migrations.person_columns import FORMER_AMBASSADOR, FORMER_MEMBER


async def hash_log_subjects(conn: aiosqlite.Connection, erasures: ErasureList) -> None:
    """Migration 0022: the log names people by salted hash, not by e-mail. Every e-mail
    becomes its hash, and so does the Slack id an erasure was logged under; the people
    erased before join the erasure list, so an older backup restored loses them again."""
    async with conn.execute(
        "SELECT id, action, subject FROM gdpr_log WHERE subject NOT LIKE :prefix || '%'"
        " AND (instr(subject, '@') > 0 OR action = 'erasure')",
        {"prefix": HASH_PREFIX},
    ) as cursor:
        rows = list(await cursor.fetchall())
    erased: set[str] = set()
    for row in rows:
        subject = str(row["subject"])
        if subject in (FORMER_MEMBER, FORMER_AMBASSADOR):
            continue
        kind: Kind = "email" if "@" in subject else "slack"
        if row["action"] == "erasure":
            erased.add(erasures.digest(kind, subject))
        await conn.execute(
            "UPDATE gdpr_log SET subject = ? WHERE id = ?",
            (erasures.subject(kind, subject), row["id"]),
        )
    if erased:
        erasures.add(erased)


MIGRATION = Migration("0022_gdpr_log_hashed", (), run=hash_log_subjects)
