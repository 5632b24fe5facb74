"""Adoption: how far each daycare has come with each tool, so a tool tested by a few reaches
the rest — and a superuser knows which daycare next door to ask.

A daycare's state for a tool is one of not started → getting started → in use → stopped
(stopping needs a reason). Superusers set it for their own daycare, ambassadors for the
daycares of their areas, the coordinator for all. Every change is recorded with who and when;
setting the state it already has (a repeated click, a retried request) changes nothing. A test
result from a daycare marks it at least "getting started" (`mark_getting_started`, in the
result's own transaction), never lowering a daycare that already uses the tool.
"""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from bot.clock import Clock, utc_iso
from bot.domain.adoption import ADOPTION_STATES, Adoption, AdoptionSummary
from bot.domain.network import OrgSnapshot
from bot.domain.org import Daycare
from bot.errors import FormRefused, NotAllowed
from bot.services.network import reader_snapshot, snapshot
from bot.services.permissions import Action, may_set_adoption
from bot.services.privacy import cpr_errors
from storage.db import Database
from storage.repositories import adoption as repo
from storage.repositories import tools as tools_repo

REASON_MAX = 500
#: How many neighbours the guide card names.
NEIGHBOURS_SHOWN = 8


class AdoptionRefused(FormRefused):
    """The change cannot be saved as it is (per field: catalogue key, parameters)."""


@dataclass(frozen=True)
class Change:
    adoption: Adoption
    #: False when the daycare already had that state: nothing was written.
    changed: bool


def own_daycare(snap: OrgSnapshot, person_id: int) -> Daycare | None:
    """The daycare a superuser works in (the first one, if several)."""
    return snap.daycare_of(snap.person(person_id))


def daycares_for(snap: OrgSnapshot, person_id: int) -> list[Daycare]:
    """The daycares the person may set adoption for, by name."""
    person = snap.person(person_id)
    return sorted(
        (d for d in snap.daycares if may_set_adoption(person, d)), key=lambda d: d.name.casefold()
    )


async def set_adoption(
    db: Database,
    clock: Clock,
    by: int,
    daycare_id: int,
    tool_id: int,
    state: str,
    reason: str = "",
) -> Change:
    """Set a daycare's state for a tool. Raises LookupError (no such daycare or tool),
    NotAllowed, AdoptionRefused (unknown state, or stopping without a reason)."""
    snap = await snapshot(db)
    daycare = snap.daycare(daycare_id)
    if daycare is None:
        raise LookupError(daycare_id)
    person = snap.person(by)
    if not may_set_adoption(person, daycare):
        raise NotAllowed(Action.SET_ADOPTION)
    target = next((s for s in ADOPTION_STATES if s == state), None)
    if target is None:
        raise AdoptionRefused({"state": ("adoption.error.unknown_state", {})})
    reason = reason.strip() if target == "stopped" else ""
    if target == "stopped" and not reason:
        raise AdoptionRefused({"reason": ("adoption.error.reason_missing", {})})
    if len(reason) > REASON_MAX:
        raise AdoptionRefused(
            {"reason": ("adoption.error.too_long", {"limit": REASON_MAX, "length": len(reason)})}
        )
    if cpr := cpr_errors(reason=reason):
        raise AdoptionRefused(cpr)
    now = utc_iso(clock.now())
    async with db.transaction() as conn:
        tool = await tools_repo.tool_by_id(conn, tool_id)
        if tool is None:
            raise LookupError(tool_id)
        current = await repo.get(conn, daycare_id, tool_id)
        if current is not None and current.state == target and current.reason == reason:
            return Change(current, changed=False)
        if current is None and target == "not_started":
            changed = False
        else:
            from_state = current.state if current else "not_started"
            await repo.set_state(conn, daycare_id, tool_id, from_state, target, reason, by, now)
            changed = True
        saved = await repo.get(conn, daycare_id, tool_id)
    if saved is None:  # "not started" for a daycare never recorded: nothing to store
        saved = Adoption(daycare.id, daycare.name, tool.id, tool.name, "not_started", "", by, now)
    return Change(saved, changed=changed)


async def mark_getting_started(
    conn: aiosqlite.Connection, daycare_id: int, tool_id: int, by: int, now: str
) -> bool:
    """A daycare that has not started is getting started (a test result came from it);
    True when it moved. Inside the caller's transaction; never lowers another state."""
    if await repo.state_of(conn, daycare_id, tool_id) != "not_started":
        return False
    await repo.set_state(conn, daycare_id, tool_id, "not_started", "getting_started", "", by, now)
    return True


async def summary(db: Database, tool_id: int, reader_id: int) -> AdoptionSummary:
    """In use in how many daycares of all, which ones in the reader's area use it, and the
    reader's own daycare's state (for a superuser)."""
    snap = await reader_snapshot(db, reader_id)
    states = {a.daycare_id: a.state for a in await repo.for_tool(db, tool_id)}
    in_use = {d.id for d in snap.daycares if states.get(d.id) == "in_use"}
    own = own_daycare(snap, reader_id)
    reader = snap.person(reader_id)
    home = snap.home_area(reader) if reader else None
    neighbours = (
        tuple(
            d.name
            for d in sorted(snap.daycares_in(home), key=lambda d: d.name.casefold())
            if d.id in in_use and (own is None or d.id != own.id)
        )[:NEIGHBOURS_SHOWN]
        if home
        else ()
    )
    return AdoptionSummary(
        in_use=len(in_use),
        daycares=len(snap.daycares),
        neighbours=neighbours,
        own_daycare_id=own.id if own else None,
        own_daycare_name=own.name if own else "",
        own_state=states.get(own.id, "not_started") if own else "not_started",
        sets_for_others=reader is not None
        and any(role.role in ("ambassador", "coordinator") for role in reader.roles),
    )


async def daycare_tools(db: Database, daycare_id: int) -> list[Adoption]:
    """The tools a daycare has a state for, by name."""
    return await repo.for_daycare(db, daycare_id)


async def may_set_for(db: Database, by: int, daycare_id: int) -> bool:
    snap = await snapshot(db)
    daycare = snap.daycare(daycare_id)
    person = snap.person(by)
    return daycare is not None and may_set_adoption(person, daycare)


async def settable_daycares(db: Database, by: int) -> list[Daycare]:
    """The daycares the person may set adoption for (for the ambassador's modal)."""
    return daycares_for(await snapshot(db), by)


async def tool_name(db: Database, tool_id: int) -> str | None:
    async with db.transaction() as conn:
        tool = await tools_repo.tool_by_id(conn, tool_id)
    return tool.name if tool else None
