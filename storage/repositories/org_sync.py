"""SQL for `tovholder org import`, the organisation export and the full JSON export.

The import reads the organisation through the connection of the transaction it writes in,
so what it checked is what it changes (the running bot may write at the same time). The
exports read through the `Database` and return plain records: they are dumps, with ids and
timestamps, not domain objects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiosqlite

from bot.domain.org import Area, Daycare, Person, RoleAssignment
from storage.db import Database
from storage.repositories import identities


@dataclass(frozen=True)
class OrgState:
    areas: tuple[Area, ...]
    daycares: tuple[Daycare, ...]
    people: tuple[Person, ...]
    #: person id -> their user id on the file's platform (people without one left out).
    external_ids: Mapping[int, str] = field(default_factory=dict)


async def load_org(conn: aiosqlite.Connection, platform: str) -> OrgState:
    """Everything the import compares the file with, read inside its transaction; each
    person's identity on `platform`, the one the file names."""
    async with conn.execute("SELECT id, name FROM areas ORDER BY id") as cursor:
        areas = tuple(Area(row["id"], row["name"]) for row in await cursor.fetchall())
    async with conn.execute("SELECT id, name, area_id FROM daycares ORDER BY id") as cursor:
        daycares = tuple(
            Daycare(row["id"], row["name"], row["area_id"]) for row in await cursor.fetchall()
        )
    async with conn.execute(
        "SELECT person_id, role, area_id, daycare_id FROM person_roles"
        " ORDER BY person_id, role, area_id, daycare_id"
    ) as cursor:
        roles: dict[int, list[RoleAssignment]] = defaultdict(list)
        for row in await cursor.fetchall():
            roles[row["person_id"]].append(
                RoleAssignment(row["role"], row["area_id"], row["daycare_id"])
            )
    async with conn.execute(
        "SELECT p.id, i.external_id, p.name, p.email, p.language"
        " FROM people p LEFT JOIN identities i ON i.person_id = p.id AND i.platform = ?"
        " WHERE p.in_organisation = 1 ORDER BY p.id",
        (platform,),
    ) as cursor:
        rows = list(await cursor.fetchall())
    people = tuple(
        Person(row["id"], row["name"], row["email"], row["language"], tuple(roles[row["id"]]))
        for row in rows
    )
    external_ids = {row["id"]: row["external_id"] for row in rows if row["external_id"]}
    return OrgState(areas, daycares, people, external_ids)


async def move_daycare(conn: aiosqlite.Connection, daycare_id: int, area_id: int) -> None:
    await conn.execute("UPDATE daycares SET area_id = ? WHERE id = ?", (area_id, daycare_id))


async def park_identity(conn: aiosqlite.Connection, platform: str, person_id: int) -> None:
    """Free a person's user id on the platform before it moves to someone else in the same
    import."""
    await identities.unlink_person(conn, platform, person_id)


async def update_person(
    conn: aiosqlite.Connection,
    person_id: int,
    *,
    identity: tuple[str, str],
    name: str,
    email: str | None,
    language: str | None,
    now: str,
) -> None:
    await conn.execute(
        "UPDATE people SET name = ?, email = ?, language = ?, updated_at = ? WHERE id = ?",
        (name, email, language, now, person_id),
    )
    platform, external_id = identity
    await identities.link(conn, platform, external_id, person_id, None, None)
    if email:  # the guides this person owns follow a new address, so exports stay current
        await conn.execute(
            "UPDATE guides SET owner_email = lower(?) WHERE owner_id = ?", (email, person_id)
        )


async def replace_roles(
    conn: aiosqlite.Connection, person_id: int, roles: Iterable[RoleAssignment]
) -> None:
    await conn.execute("DELETE FROM person_roles WHERE person_id = ?", (person_id,))
    await conn.executemany(
        "INSERT INTO person_roles (person_id, role, area_id, daycare_id) VALUES (?, ?, ?, ?)",
        [(person_id, r.role, r.area_id, r.daycare_id) for r in roles],
    )


async def set_welcomed(conn: aiosqlite.Connection, person_id: int, welcomed_at: str | None) -> None:
    """NULL queues the superuser welcome; a time records that none is to be sent."""
    await conn.execute("UPDATE people SET welcomed_at = ? WHERE id = ?", (welcomed_at, person_id))


async def delete_person(conn: aiosqlite.Connection, person_id: int) -> None:
    """Roles go with the person (ON DELETE CASCADE)."""
    await conn.execute("DELETE FROM people WHERE id = ?", (person_id,))


# -- the full export -------------------------------------------------------------------


def _records(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [dict(row) for row in rows]


async def area_records(db: Database) -> list[dict[str, Any]]:
    return _records(await db.fetchall("SELECT id, name, created_at FROM areas ORDER BY id"))


async def daycare_records(db: Database) -> list[dict[str, Any]]:
    return _records(
        await db.fetchall(
            "SELECT d.id, d.name, d.area_id, a.name AS area, d.created_at"
            " FROM daycares d JOIN areas a ON a.id = d.area_id ORDER BY d.id"
        )
    )


async def people_records(db: Database) -> list[dict[str, Any]]:
    """Each person with their roles and their identities (the platform and their user id
    there), places named as well as numbered for a reader."""
    people = _records(
        await db.fetchall(
            "SELECT p.id, p.name, p.email, p.language, p.created_at, p.updated_at, p.welcomed_at"
            " FROM people p WHERE p.in_organisation = 1 ORDER BY p.id"
        )
    )
    held: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in await db.fetchall(
        "SELECT person_id, platform, external_id FROM identities ORDER BY platform, external_id"
    ):
        held[row["person_id"]].append(
            {"platform": row["platform"], "external_id": row["external_id"]}
        )
    roles: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in await db.fetchall(
        "SELECT r.person_id, r.role, r.area_id, a.name AS area, r.daycare_id, d.name AS daycare"
        " FROM person_roles r LEFT JOIN areas a ON a.id = r.area_id"
        " LEFT JOIN daycares d ON d.id = r.daycare_id ORDER BY r.person_id, r.id"
    ):
        record = dict(row)
        roles[record.pop("person_id")].append(record)
    for person in people:
        person["identities"] = held[person["id"]]
        person["roles"] = roles[person["id"]]
    return people


async def settings_records(db: Database) -> dict[str, dict[str, Any]]:
    """key -> value, who set it and when (settings changes are part of an audit)."""
    rows = await db.fetchall(
        "SELECT key, value, updated_by, via, updated_at FROM settings ORDER BY key"
    )
    return {
        row["key"]: {
            "value": row["value"],
            "updated_by": row["updated_by"],
            "via": row["via"],
            "updated_at": row["updated_at"],
        }
        for row in rows
    }
