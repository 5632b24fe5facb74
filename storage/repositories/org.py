"""SQL for areas, daycares, people and roles. Reads take the `Database`; writes take the
connection of a transaction the caller holds, so several writes commit or fail together."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import aiosqlite

from bot.domain.org import Area, Daycare, OrgCounts, Person, Role, RoleAssignment
from storage.db import Database
from storage.repositories import identities


async def counts(db: Database) -> OrgCounts:
    row = await db.fetchone(
        "SELECT (SELECT COUNT(*) FROM areas) AS areas,"
        " (SELECT COUNT(*) FROM daycares) AS daycares,"
        " (SELECT COUNT(*) FROM people WHERE in_organisation = 1) AS people"
    )
    assert row is not None
    return OrgCounts(areas=row["areas"], daycares=row["daycares"], people=row["people"])


async def all_areas(db: Database) -> list[Area]:
    rows = await db.fetchall("SELECT id, name FROM areas ORDER BY name")
    return [Area(row["id"], row["name"]) for row in rows]


async def all_daycares(db: Database) -> list[Daycare]:
    rows = await db.fetchall("SELECT id, name, area_id FROM daycares ORDER BY name")
    return [Daycare(row["id"], row["name"], row["area_id"]) for row in rows]


async def person(db: Database, person_id: int | None) -> Person | None:
    """Someone of the organisation by their person id; None for a guest or nobody."""
    if person_id is None:
        return None
    people = await _people(db, person_id)
    return people[0] if people else None


async def all_people(db: Database) -> list[Person]:
    return await _people(db, None)


async def _people(db: Database, person_id: int | None) -> list[Person]:
    rows = await db.fetchall(
        "SELECT p.id, p.name, p.email, p.language, r.role, r.area_id, r.daycare_id"
        " FROM people p LEFT JOIN person_roles r ON r.person_id = p.id"
        " WHERE p.in_organisation = 1 AND (?1 IS NULL OR p.id = ?1)"
        " ORDER BY p.name, p.id, r.role, r.area_id, r.daycare_id",
        (person_id,),
    )
    roles: dict[int, list[RoleAssignment]] = defaultdict(list)
    base: dict[int, tuple[str, str | None, str | None]] = {}
    for row in rows:
        base[row["id"]] = (row["name"], row["email"], row["language"])
        if row["role"] is not None:
            roles[row["id"]].append(RoleAssignment(row["role"], row["area_id"], row["daycare_id"]))
    return [
        Person(pid, name, email, language, tuple(roles[pid]))
        for pid, (name, email, language) in base.items()
    ]


async def insert_area(conn: aiosqlite.Connection, name: str, now: str) -> int:
    cursor = await conn.execute("INSERT INTO areas (name, created_at) VALUES (?, ?)", (name, now))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def insert_daycare(conn: aiosqlite.Connection, area_id: int, name: str, now: str) -> int:
    cursor = await conn.execute(
        "INSERT INTO daycares (area_id, name, created_at) VALUES (?, ?, ?)", (area_id, name, now)
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def insert_person(
    conn: aiosqlite.Connection,
    name: str,
    email: str | None,
    language: str | None,
    now: str,
    *,
    guest: int | None = None,
) -> int:
    """A person of the organisation. `guest`: the person of someone who used the bot before
    they were in it, who keeps their person (and everything that points at them) and joins."""
    if guest is not None:
        await conn.execute(
            "UPDATE people SET name = ?, email = ?, language = ?, in_organisation = 1,"
            " updated_at = ? WHERE id = ?",
            (name, email, language, now, guest),
        )
        return guest
    cursor = await conn.execute(
        "INSERT INTO people (name, email, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        (name, email, language, now, now),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def insert_member(
    conn: aiosqlite.Connection,
    platform: str,
    external_id: str,
    name: str,
    email: str | None,
    language: str | None,
    now: str,
) -> int:
    """A person of the organisation with their user id on a chat platform (the organisation
    file names them so). Someone the platform's id already names, a guest, joins as themself."""
    guest = await identities.person_in(conn, platform, external_id)
    person_id = await insert_person(conn, name, email, language, now, guest=guest)
    if guest is None:
        await identities.link(conn, platform, external_id, person_id, None, None)
    return person_id


async def add_role(
    conn: aiosqlite.Connection,
    person_id: int,
    role: Role,
    *,
    area_id: int | None = None,
    daycare_id: int | None = None,
) -> None:
    await conn.execute(
        "INSERT INTO person_roles (person_id, role, area_id, daycare_id) VALUES (?, ?, ?, ?)",
        (person_id, role, area_id, daycare_id),
    )


async def superusers_to_welcome(db: Database) -> list[int]:
    """People holding a superuser role whose welcome has not been recorded as sent."""
    rows = await db.fetchall(
        "SELECT DISTINCT p.id FROM people p JOIN person_roles r ON r.person_id = p.id"
        " WHERE r.role = 'superuser' AND p.welcomed_at IS NULL ORDER BY p.id"
    )
    return [row["id"] for row in rows]


@dataclass(frozen=True)
class WelcomeState:
    """A superuser whose welcome is not recorded yet, with their newest welcome reminder.

    `recorded_key` is the key of the welcome reminder `welcomed_at` was last recorded from:
    when the newest reminder is that one, the person has become a superuser again since
    (`welcomed_at` was cleared) and is to be welcomed anew.
    """

    person_id: int
    recorded_key: str | None
    latest_key: str | None
    latest_state: str | None
    latest_recipient: int | None
    latest_sent_at: str | None


async def welcome_states(db: Database, key_prefix: str) -> list[WelcomeState]:
    """Every superuser with `welcomed_at` NULL and their newest reminder keyed
    `<key_prefix>:<person id>:…` (a range on the unique key index, not a scan)."""
    rows = await db.fetchall(
        "SELECT p.id, p.welcome_key, r.dedupe_key, r.state, r.recipient,"
        " r.sent_at FROM people p"
        " LEFT JOIN reminders r ON r.id = (SELECT MAX(x.id) FROM reminders x"
        "  WHERE x.dedupe_key > ?1 || ':' || p.id || ':'"
        "  AND x.dedupe_key < ?1 || ':' || p.id || ';')"
        " WHERE p.welcomed_at IS NULL AND EXISTS (SELECT 1 FROM person_roles pr"
        "  WHERE pr.person_id = p.id AND pr.role = 'superuser')"
        " ORDER BY p.id",
        (key_prefix,),
    )
    return [
        WelcomeState(
            person_id=row["id"],
            recorded_key=row["welcome_key"],
            latest_key=row["dedupe_key"],
            latest_state=row["state"],
            latest_recipient=row["recipient"],
            latest_sent_at=row["sent_at"],
        )
        for row in rows
    ]


async def is_to_welcome(db: Database, person_id: int) -> bool:
    """The person is a superuser whose welcome is not recorded (nobody marked them welcomed
    meanwhile, e.g. an import that greets nobody)."""
    row = await db.fetchone(
        "SELECT 1 FROM people p WHERE p.id = ? AND p.welcomed_at IS NULL AND EXISTS"
        " (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = 'superuser')",
        (person_id,),
    )
    return row is not None


async def record_welcome(db: Database, person_id: int, key: str, sent_at: str) -> bool:
    """The welcome reminder `key` was sent at `sent_at`: the person counts as welcomed from
    then (the onboarding follow-up and the pulse read `welcomed_at`). False when it was
    recorded already."""
    changed = await db.execute(
        "UPDATE people SET welcomed_at = ?, welcome_key = ? WHERE id = ? AND welcomed_at IS NULL",
        (sent_at, key, person_id),
    )
    return changed == 1


async def set_role(
    conn: aiosqlite.Connection,
    person_id: int,
    role: Role,
    *,
    area_id: int | None,
    daycare_id: int | None,
    present: bool,
) -> bool:
    """Add or remove one role; True when something changed. Becoming a superuser (not a
    superuser of one more daycare) means the person is to be welcomed, as with the import."""
    if present:
        async with conn.execute(
            "SELECT COUNT(*) FROM person_roles WHERE person_id = ? AND role = 'superuser'",
            (person_id,),
        ) as found:
            row = await found.fetchone()
        was_superuser = bool(row and row[0])
        cursor = await conn.execute(
            "INSERT OR IGNORE INTO person_roles (person_id, role, area_id, daycare_id)"
            " VALUES (?, ?, ?, ?)",
            (person_id, role, area_id, daycare_id),
        )
        if cursor.rowcount and role == "superuser" and not was_superuser:
            await conn.execute("UPDATE people SET welcomed_at = NULL WHERE id = ?", (person_id,))
        return cursor.rowcount == 1
    cursor = await conn.execute(
        "DELETE FROM person_roles WHERE person_id = ? AND role = ?"
        " AND IFNULL(area_id, 0) = IFNULL(?, 0) AND IFNULL(daycare_id, 0) = IFNULL(?, 0)",
        (person_id, role, area_id, daycare_id),
    )
    return cursor.rowcount == 1
