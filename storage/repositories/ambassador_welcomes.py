"""Who the bot knows as an ambassador, so that someone who *becomes* one is welcomed once.

One row per person holding the ambassador role, kept in step with `person_roles` by the
welcome planning (`bot.services.onboarding.plan_ambassador_welcomes`), whichever path gave or
took the role (the import, the settings modal, the CLI): an ambassador without a row is new;
a row whose person is no longer an ambassador goes, so becoming one again is new again.
`to_welcome` is 1 from noticing until the welcome reminder is planned; `noticed_at` (NULL
for those known before welcomes existed, or set up by an import that greets nobody) is part
of the welcome's key.
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from storage.db import Database


@dataclass(frozen=True)
class NewAmbassador:
    person_id: int
    noticed_at: str


async def notice(db: Database, now: str) -> None:
    """Bring the rows in step with the roles: a row for each new ambassador (to welcome),
    none for those who are not ambassadors any more."""
    async with db.transaction() as conn:
        await conn.execute(
            "DELETE FROM ambassador_welcomes WHERE person_id NOT IN"
            " (SELECT person_id FROM person_roles WHERE role = 'ambassador')"
        )
        await conn.execute(
            "INSERT OR IGNORE INTO ambassador_welcomes (person_id, noticed_at, to_welcome)"
            " SELECT DISTINCT person_id, ?, 1 FROM person_roles WHERE role = 'ambassador'",
            (now,),
        )


async def to_welcome(db: Database) -> list[NewAmbassador]:
    rows = await db.fetchall(
        "SELECT w.person_id, w.noticed_at FROM ambassador_welcomes w"
        " JOIN people p ON p.id = w.person_id WHERE w.to_welcome = 1 ORDER BY w.person_id"
    )
    return [NewAmbassador(int(row["person_id"]), str(row["noticed_at"])) for row in rows]


async def planned(db: Database, person_id: int) -> None:
    """The welcome reminder exists: nothing more to plan for this stint."""
    await db.execute(
        "UPDATE ambassador_welcomes SET to_welcome = 0 WHERE person_id = ?", (person_id,)
    )


async def mark_known(conn: aiosqlite.Connection) -> None:
    """Every present ambassador counts as welcomed (an import that greets nobody: the
    demo)."""
    await conn.execute(
        "INSERT INTO ambassador_welcomes (person_id, to_welcome)"
        " SELECT DISTINCT person_id, 0 FROM person_roles WHERE role = 'ambassador'"
        " ON CONFLICT (person_id) DO UPDATE SET to_welcome = 0"
    )
