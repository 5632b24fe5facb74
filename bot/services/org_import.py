"""`tovholder org import`: the organisation as the coordinator's spreadsheet says it is.

Three steps, so a bad file never leaves a half-loaded organisation: the file is read and
checked (`org_csv`), people without a user id on the chat platform are looked up there by
e-mail, and then, inside one transaction, the file is compared with the database and — only
when no line has a problem — written. Importing the same file twice changes nothing. The
import sends nothing to the platform but the e-mail look-ups: a new superuser is only
*queued* for the welcome (`welcomed_at` NULL), which the onboarding job sends.

The file's identity column (`org_csv.IDENTITY_COLUMN`) names each person's user id on
`org_csv.IDENTITY_PLATFORM`; the import keeps it as the person's identity there, and matches
people by it after their e-mail.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import aiosqlite

from bot.clock import Clock, utc_iso
from bot.domain.org import ROLES, Daycare, Person, Role, RoleAssignment
from bot.services.org_csv import (
    IDENTITY_PLATFORM,
    OrgRow,
    Problem,
    is_email,
    key_of,
    place_daycares,
    read_org_csv,
)
from storage.db import Database
from storage.repositories import ambassador_welcomes, identities, org, org_sync
from storage.repositories.org_sync import OrgState

#: e-mail -> the user id on the chat platform, None when it has no active user with it.
EmailLookup = Callable[[str], Awaitable[str | None]]
#: (role, area key, daycare key): a role compared by the names the file uses.
RoleKey = tuple[Role, str | None, str | None]


class LookupFailed(Exception):
    """The platform answered an e-mail look-up with an error other than "not found"."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class ImportRefused(Exception):
    """The file has problems; nothing was written. `problems` are sorted by line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = tuple(sorted(problems, key=lambda problem: problem.line))


@dataclass(frozen=True)
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


@dataclass(frozen=True)
class ImportCounts:
    areas: Tally
    daycares: Tally
    people: Tally

    @property
    def changed(self) -> bool:
        return self.areas.changed or self.daycares.changed or self.people.changed


async def import_org(
    db: Database,
    clock: Clock,
    data: bytes,
    *,
    lookup: EmailLookup | None,
    prune: bool = False,
    welcome_new: bool = True,
    places: Mapping[str, Sequence[str]] | None = None,
) -> ImportCounts:
    """Import the file or raise `ImportRefused` with every problem (nothing written).

    `lookup` is None when no bot token is set: rows without a user id are then problems.
    `prune` removes people the file does not name. `welcome_new=False` records the people
    who would be queued for a welcome as welcomed now (the demo does not greet its cast).
    `places` (area -> daycares) are held even when no row names them, like the file's own
    place rows (a row with only an area and maybe a daycare).
    """
    parsed = read_org_csv(data)
    if not parsed.rows and not parsed.places:
        raise ImportRefused(parsed.problems)
    wanted_places: dict[str, list[str]] = {
        area: list(names) for area, names in (places or {}).items()
    }
    for place in parsed.places:
        wanted_places.setdefault(place.area, []).extend([place.daycare] if place.daycare else [])
    user_ids, lookup_problems = await _user_ids(parsed.rows, lookup)
    bad = parsed.bad_lines | {problem.line for problem in lookup_problems}
    rows = [
        replace(row, external_id=user_ids[row.line])
        for row in parsed.rows
        if row.line not in bad and row.line in user_ids
    ]
    now = utc_iso(clock.now())
    async with db.transaction() as conn:
        state = await org_sync.load_org(conn, IDENTITY_PLATFORM)
        plan = plan_import(state, rows, wanted_places, prune=prune)
        problems = [*parsed.problems, *lookup_problems, *plan.problems]
        if problems:
            raise ImportRefused(problems)
        await _apply(conn, plan, now, welcome_new=welcome_new)
    return plan.counts


async def _user_ids(
    rows: Sequence[OrgRow], lookup: EmailLookup | None
) -> tuple[dict[int, str], list[Problem]]:
    """line -> user id, from the file or from the platform; each address is asked once."""
    ids: dict[int, str] = {}
    problems: list[Problem] = []
    answers: dict[str, str | None] = {}
    for row in rows:
        if row.external_id is not None:
            ids[row.line] = row.external_id
            continue
        if row.email is None or not is_email(row.email):
            continue  # already a problem of the file
        if lookup is None:
            problems.append(Problem(row.line, "org_import.needs_token", {"email": row.email}))
            continue
        email_key = key_of(row.email)
        if email_key not in answers:
            answers[email_key] = await lookup(row.email)
        found = answers[email_key]
        if found is None:
            problems.append(Problem(row.line, "org_import.not_on_platform", {"email": row.email}))
        else:
            ids[row.line] = found
    first: dict[str, OrgRow] = {}
    for row in rows:
        user_id = ids.get(row.line)
        if user_id is None:
            continue
        other = first.setdefault(user_id, row)
        looked_up = row.external_id is None or other.external_id is None
        if other is not row and looked_up:
            problems.append(
                Problem(
                    row.line,
                    "org_import.same_user",
                    {"user_id": user_id, "other": other.line},
                )
            )
    return ids, problems


# -- comparing the file with the database ----------------------------------------------


@dataclass(frozen=True)
class PersonPlan:
    row: OrgRow
    roles: frozenset[RoleKey]
    person: Person | None = None
    changed: bool = False
    gains_superuser: bool = False


@dataclass
class Plan:
    state: OrgState
    areas: dict[str, str] = field(default_factory=dict)  # key -> name, only new ones
    daycares: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, area key)
    moves: dict[int, str] = field(default_factory=dict)  # daycare id -> area key
    people: list[PersonPlan] = field(default_factory=list)
    removals: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: ImportCounts = field(default_factory=lambda: ImportCounts(Tally(), Tally(), Tally()))


def plan_import(
    state: OrgState,
    rows: Sequence[OrgRow],
    places: Mapping[str, Sequence[str]],
    *,
    prune: bool,
) -> Plan:
    """What the import will change, and the problems only the database can reveal."""
    plan = Plan(state=state)
    area_names = {key_of(a.name): a.name for a in state.areas}
    area_by_id = {a.id: key_of(a.name) for a in state.areas}
    daycare_by_key = {key_of(d.name): d for d in state.daycares}
    known = {key: area_by_id[d.area_id] for key, d in daycare_by_key.items()}
    # `places` come first so they are created in their given order; the file decides where.
    wanted_areas: dict[str, str] = {}
    placed: dict[str, tuple[str, str]] = {}
    for area, daycares in places.items():
        wanted_areas.setdefault(key_of(area), area)
        for daycare in daycares:
            placed.setdefault(key_of(daycare), (daycare, key_of(area)))
    for key, (name, area) in place_daycares(rows, known).items():
        placed[key] = (placed[key][0] if key in placed else name, key_of(area))
    for row in rows:
        for area in row.areas if row.is_ambassador else ():
            wanted_areas.setdefault(key_of(area), area)
    for row in rows:
        if row.is_superuser and len(row.areas) == 1:
            wanted_areas.setdefault(key_of(row.areas[0]), row.areas[0])
    plan.areas = {key: name for key, name in wanted_areas.items() if key not in area_names}
    areas_tally = Tally(created=len(plan.areas), unchanged=len(wanted_areas) - len(plan.areas))

    moved = unchanged = 0
    for key, (name, area_key) in placed.items():
        existing = daycare_by_key.get(key)
        if existing is None:
            plan.daycares[key] = (name, area_key)
        elif area_by_id[existing.area_id] != area_key:
            plan.moves[existing.id] = area_key
            moved += 1
        else:
            unchanged += 1
    daycares_tally = Tally(created=len(plan.daycares), updated=moved, unchanged=unchanged)

    people_tally = _plan_people(plan, state, rows, placed, prune=prune)
    plan.counts = ImportCounts(areas_tally, daycares_tally, people_tally)
    return plan


def _plan_people(
    plan: Plan,
    state: OrgState,
    rows: Sequence[OrgRow],
    placed: Mapping[str, tuple[str, str]],
    *,
    prune: bool,
) -> Tally:
    """Match by e-mail first, then by user id among those no e-mail matched."""
    by_email = {key_of(p.email): p for p in state.people if p.email}
    by_user = {state.external_ids[p.id]: p for p in state.people if p.id in state.external_ids}
    matched: dict[int, Person] = {}
    for row in rows:
        person = by_email.get(key_of(row.email)) if row.email else None
        if person is not None:
            matched[row.line] = person
    claimed = {p.id for p in matched.values()}
    for row in rows:
        person = by_user.get(row.external_id or "")
        if row.line not in matched and person is not None and person.id not in claimed:
            matched[row.line] = person
            claimed.add(person.id)
    absent = [p for p in state.people if p.id not in claimed]
    plan.removals = [p.id for p in absent] if prune else []
    staying = {p.id for p in absent} if not prune else set()

    created = updated = unchanged = 0
    for row in rows:
        person = matched.get(row.line)
        holder = by_user.get(row.external_id or "")
        if holder is not None and holder.id in staying:
            plan.problems.append(
                Problem(
                    row.line,
                    "org_import.user_id_taken",
                    {"user_id": state.external_ids[holder.id], "name": holder.name},
                )
            )
        roles = _row_roles(row, placed)
        if person is None:
            plan.people.append(PersonPlan(row, roles))
            created += 1
            continue
        changed = (
            (row.name, row.email, row.language, row.external_id)
            != (person.name, person.email, person.language, state.external_ids.get(person.id))
        ) or roles != _person_roles(person, state)
        gains = row.is_superuser and not person.has_role("superuser")
        plan.people.append(PersonPlan(row, roles, person, changed, gains))
        updated += changed
        unchanged += not changed
    return Tally(created, updated, unchanged, removed=len(plan.removals))


def _row_roles(row: OrgRow, placed: Mapping[str, tuple[str, str]]) -> frozenset[RoleKey]:
    keys: set[RoleKey] = set()
    for role in row.roles:
        if role == "ambassador":
            keys.update((role, key_of(area), None) for area in row.areas)
        elif role == "superuser":
            assert row.daycare is not None
            keys.add((role, None, key_of(row.daycare)))
        else:
            keys.add((role, None, None))
    assert {key[2] for key in keys if key[2]} <= placed.keys()
    return frozenset(keys)


def _person_roles(person: Person, state: OrgState) -> frozenset[RoleKey]:
    areas = {a.id: key_of(a.name) for a in state.areas}
    daycares = {d.id: key_of(d.name) for d in state.daycares}
    return frozenset(
        (
            r.role,
            areas[r.area_id] if r.area_id is not None else None,
            daycares[r.daycare_id] if r.daycare_id is not None else None,
        )
        for r in person.roles
    )


# -- writing ---------------------------------------------------------------------------


async def _apply(conn: aiosqlite.Connection, plan: Plan, now: str, *, welcome_new: bool) -> None:
    """Removals first and user ids parked before they move, so every UNIQUE holds."""
    for person_id in plan.removals:
        await org_sync.delete_person(conn, person_id)
    area_ids = {key_of(a.name): a.id for a in plan.state.areas}
    for key, name in plan.areas.items():
        area_ids[key] = await org.insert_area(conn, name, now)
    daycare_ids = {key_of(d.name): d.id for d in plan.state.daycares}
    for key, (name, area_key) in plan.daycares.items():
        daycare_ids[key] = await org.insert_daycare(conn, area_ids[area_key], name, now)
    for daycare_id, area_key in plan.moves.items():
        await org_sync.move_daycare(conn, daycare_id, area_ids[area_key])

    for item in plan.people:
        held = plan.state.external_ids.get(item.person.id) if item.person else None
        if item.person is not None and held != item.row.external_id:
            await org_sync.park_identity(conn, IDENTITY_PLATFORM, item.person.id)
    welcomed = None if welcome_new else now
    for item in plan.people:
        row = item.row
        assert row.external_id is not None
        roles = [
            RoleAssignment(
                role,
                area_ids[area] if area is not None else None,
                daycare_ids[daycare] if daycare is not None else None,
            )
            for role, area, daycare in sorted(item.roles, key=_role_order)
        ]
        if item.person is None:
            person_id = await org.insert_member(
                conn, IDENTITY_PLATFORM, row.external_id, row.name, row.email, row.language, now
            )
            await org_sync.replace_roles(conn, person_id, roles)
            if not welcome_new:
                await org_sync.set_welcomed(conn, person_id, welcomed)
            continue
        if not item.changed:
            continue
        await org_sync.update_person(
            conn,
            item.person.id,
            identity=(IDENTITY_PLATFORM, row.external_id),
            name=row.name,
            email=row.email,
            language=row.language,
            now=now,
        )
        await org_sync.replace_roles(conn, item.person.id, roles)
        if item.gains_superuser:
            await org_sync.set_welcomed(conn, item.person.id, welcomed)
    if not welcome_new:  # nor welcomed as new ambassadors (bot.services.onboarding)
        await ambassador_welcomes.mark_known(conn)


def _role_order(key: RoleKey) -> tuple[int, str, str]:
    role, area, daycare = key
    return ROLES.index(role), area or "", daycare or ""


# -- export ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgExport:
    """The rows to write, and the people whose roles the file format cannot show exactly
    (set up elsewhere, e.g. in the settings modal): importing the file would change them."""

    rows: tuple[OrgRow, ...]
    inexact: tuple[str, ...] = ()


async def export_rows(db: Database) -> OrgExport:
    """Everyone as a row of the import format, sorted by name, so export -> import is a no-op."""
    areas = {a.id: a.name for a in await org.all_areas(db)}
    daycares = {d.id: d for d in await org.all_daycares(db)}
    rows: list[OrgRow] = []
    inexact: list[str] = []
    people = sorted(await org.all_people(db), key=lambda p: (p.name.casefold(), p.id))
    user_ids = await identities.external_ids(db, IDENTITY_PLATFORM, [p.id for p in people])
    for person in people:
        row, exact = _export_row(person, user_ids.get(person.id), areas, daycares)
        rows.append(row)
        if not exact:
            inexact.append(person.name)
    rows += _place_rows(people, areas, daycares)
    return OrgExport(tuple(rows), tuple(inexact))


def _place_rows(
    people: Sequence[Person], areas: Mapping[int, str], daycares: Mapping[int, Daycare]
) -> list[OrgRow]:
    """Areas and daycares no row above names, so that importing the file into an empty
    database brings them back too."""
    held = {r.daycare_id for p in people for r in p.roles if r.role == "superuser"}
    named_areas = {r.area_id for p in people for r in p.roles if r.role == "ambassador"}
    named_areas |= {daycares[d].area_id for d in held if d is not None and d in daycares}
    places = [(areas[d.area_id], d.name) for d in daycares.values() if d.id not in held]
    used = {d.area_id for d in daycares.values() if d.id not in held} | named_areas
    places += [(name, "") for area_id, name in areas.items() if area_id not in used]
    return [
        OrgRow(None, "", (), (area,), daycare or None, None, None)
        for area, daycare in sorted(places, key=lambda p: (p[0].casefold(), p[1].casefold()))
    ]


def _export_row(
    person: Person,
    user_id: str | None,
    areas: Mapping[int, str],
    daycares: Mapping[int, Daycare],
) -> tuple[OrgRow, bool]:
    ambassador_of = sorted(
        {areas[r.area_id] for r in person.roles if r.role == "ambassador" and r.area_id},
        key=str.casefold,
    )
    workplaces = sorted(
        (daycares[r.daycare_id] for r in person.roles if r.role == "superuser" and r.daycare_id),
        key=lambda d: d.name.casefold(),
    )
    row_areas = list(ambassador_of)
    exact = len(workplaces) <= 1
    daycare = workplaces[0] if workplaces else None
    if daycare is not None:
        # The daycare's area comes first: import places a new daycare in the first area.
        home = areas[daycare.area_id]
        exact = exact and (not ambassador_of or home in ambassador_of)
        row_areas = [home, *(area for area in ambassador_of if area != home)]
    roles = tuple(role for role in ROLES if person.has_role(role))
    row = OrgRow(
        email=person.email,
        name=person.name,
        roles=roles,
        areas=tuple(row_areas),
        daycare=daycare.name if daycare else None,
        external_id=user_id,
        language=person.language,
    )
    return row, exact
