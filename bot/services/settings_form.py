"""What the coordinator's settings modal changes: channels and one person's roles.

Everything is checked before anything is written, and written in one transaction; a
problem comes back as field errors the modal shows next to the field. People are person ids:
the one who saves and the one whose roles change (a guest person when they are new to the
bot; the directory names them when they join the organisation).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from bot.clock import Clock, utc_iso
from bot.domain.org import ROLES, Person, Role
from bot.errors import NotAllowed
from bot.ports import DeliveryFailed, Directory
from bot.services.network import snapshot
from bot.services.permissions import Action, can
from bot.services.workspace_settings import SettingProblem, check, current
from storage.db import Database
from storage.repositories import org
from storage.repositories import settings as settings_repo


@dataclass(frozen=True)
class SettingsForm:
    channels: dict[str, str | None]
    person: int | None = None
    add: bool = True
    role: str | None = None
    area_id: int | None = None
    daycare_id: int | None = None


@dataclass
class FormOutcome:
    """`errors`: block id -> catalogue key. `changes`: (catalogue key, params) to report;
    the params name a channel by its conversation id and a person by their person id, for the
    view to show."""

    errors: dict[str, str] = field(default_factory=dict)
    changes: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    new_superuser: bool = False


async def apply_form(
    db: Database, clock: Clock, actor_id: int, form: SettingsForm, directory: Directory
) -> FormOutcome:
    snap = await snapshot(db)
    actor = snap.person(actor_id)
    if not can(actor, Action.MANAGE_SETTINGS):
        raise NotAllowed(Action.MANAGE_SETTINGS)
    outcome = FormOutcome()
    channels: dict[str, str | None] = {}
    for key, value in form.channels.items():
        try:
            channels[key] = check(key, value)
        except SettingProblem:
            outcome.errors[key] = "settings.error_channel"
    target = snap.person(form.person) if form.person is not None else None
    profile = await _check_role_change(form, target, outcome, directory)
    if outcome.errors:
        return outcome

    now = utc_iso(clock.now())
    before = await current(db)
    try:
        async with db.transaction() as conn:
            for key, value in channels.items():
                if value != before.get(key):
                    await settings_repo.put(conn, key, value, actor_id, now)
                    outcome.changes.append(
                        (
                            "settings.changed_channel" if value else "settings.cleared_channel",
                            {"key": key, "channel": value or ""},
                        )
                    )
            if form.person is not None and form.role:
                role: Role = form.role  # type: ignore[assignment]
                person_id = target.id if target else None
                if person_id is None and profile is not None:
                    person_id = await org.insert_person(
                        conn, profile[0], profile[1], None, now, guest=form.person
                    )
                assert person_id is not None
                changed = await org.set_role(
                    conn,
                    person_id,
                    role,
                    area_id=form.area_id if role == "ambassador" else None,
                    daycare_id=form.daycare_id if role == "superuser" else None,
                    present=form.add,
                )
                if changed:
                    key = "settings.role_added" if form.add else "settings.role_removed"
                    outcome.changes.append((key, {"person": str(person_id), "role": role}))
                    outcome.new_superuser = form.add and role == "superuser"
    except sqlite3.IntegrityError:
        outcome.errors["role_person"] = "settings.error_person_conflict"
        outcome.changes.clear()
    return outcome


async def _check_role_change(
    form: SettingsForm, target: Person | None, outcome: FormOutcome, directory: Directory
) -> tuple[str, str | None] | None:
    if form.person is None and not form.role:
        return None
    if form.person is None:
        outcome.errors["role_person"] = "settings.error_person_needed"
        return None
    if form.role not in ROLES:
        outcome.errors["role"] = "settings.error_role_needed"
        return None
    if form.role == "ambassador" and form.area_id is None:
        outcome.errors["role_area"] = "settings.error_area_needed"
    if form.role == "superuser" and form.daycare_id is None:
        outcome.errors["role_daycare"] = "settings.error_daycare_needed"
    if target is None:
        if not form.add:
            outcome.errors["role_person"] = "settings.error_not_registered"
            return None
        # Someone not yet in the organisation: their name and e-mail from the directory.
        try:
            entry = await directory.describe(form.person)
        except DeliveryFailed:
            outcome.errors["role_person"] = "settings.error_directory_unavailable"
            return None
        if entry is None:
            outcome.errors["role_person"] = "settings.error_unknown_user"
            return None
        return entry.name, entry.email
    if not form.add:
        has = any(
            r.role == form.role
            and (form.role != "ambassador" or r.area_id == form.area_id)
            and (form.role != "superuser" or r.daycare_id == form.daycare_id)
            for r in target.roles
        )
        if not has:
            outcome.errors["role"] = "settings.error_role_missing"
    return None
