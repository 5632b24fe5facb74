"""Spreading rounds: carry a recommended tool to every daycare not using it, once.

A round starts inside the transaction that makes a tool "recommended" (`set_status_in`, the
one way a status changes) or records leadership's decision "to_be_spread" (`start_in`); the
partial unique index on open rounds
makes a second start — two clicks, a retry, the decision after the recommendation — a no-op.
It ends when the tool leaves "recommended" or leadership decides "stopped" (`end_in`).

The round row and its targets are the truth. `plan_spreading` (run with every planning job)
turns them into durable reminders — the invitation to each target daycare's superusers, the
follow-up after `follow_up_weeks`, a summary to the coordinators — each under a key of its
round, daycare and person, so planning again, or after a restart, sends nothing twice.
Whether one is still worth sending is decided when it is due (`bot.jobs.nudges`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import aiosqlite

from bot.clock import Clock, utc_iso
from bot.domain.actors import Actor, person_and_via
from bot.domain.adoption import ADOPTION_STATES, AdoptionState
from bot.domain.guides import ToolStatus
from bot.domain.network import OrgSnapshot
from bot.domain.spreading import (
    ANSWERS,
    Answer,
    AreaShare,
    Progress,
    ProgressPoint,
    SpreadingRound,
    Target,
    Trigger,
)
from bot.errors import FormRefused, NotAllowed
from bot.reminders import spreading as kinds
from bot.services.network import snapshot
from bot.services.permissions import Action, may_set_adoption
from bot.services.privacy import cpr_errors
from bot.services.working_time import WorkingCalendar
from bot.services.workspace_settings import number
from storage.db import Database
from storage.repositories import adoption as adoption_repo
from storage.repositories import spreading as repo
from storage.repositories import tools as tools_repo

REASON_MAX = 500
#: Weeks of progress `progress` shows by default (the pulse's chart spans eight weeks).
PROGRESS_WEEKS = 8
#: What each answer makes of the daycare's adoption ("not yet" leaves it as it is).
ANSWER_STATE: dict[Answer, AdoptionState | None] = {
    "in_use": "in_use",
    "getting_started": "getting_started",
    "not_yet": None,
    "not_for_us": "stopped",
}


class RoundEnded(Exception):
    """The round was ended (the tool is no longer recommended): answers are not taken."""


class AnswerRefused(FormRefused):
    """The answer cannot be saved as it is (per field: catalogue key, parameters)."""


async def follow_up_weeks(db: Database) -> int:
    """The workspace setting `spread_follow_up_weeks` (default 4), read before a round starts."""
    return await number(db, "spread_follow_up_weeks")


async def start_in(
    conn: aiosqlite.Connection,
    tool_id: int,
    trigger: Trigger,
    by: Actor | None,
    now: str,
    weeks: int,
) -> int | None:
    """Start the tool's round in the caller's transaction; None when one is already open.
    The round names the person who started it (nobody for the command line)."""
    return await repo.insert_round(conn, tool_id, trigger, person_and_via(by)[0], now, weeks)


async def end_in(conn: aiosqlite.Connection, tool_id: int, reason: str, now: str) -> bool:
    """End the tool's open round (its reminders still due are then not sent)."""
    return await repo.end_open_round(conn, tool_id, reason, now)


async def set_status_in(
    conn: aiosqlite.Connection,
    tool_id: int,
    from_status: ToolStatus,
    to_status: ToolStatus,
    by: Actor | None,
    now: str,
    *,
    weeks: int | None = None,
    spread: bool = True,
) -> bool:
    """The one way a tool's status changes, in the caller's transaction: the step is
    recorded with `by`, becoming "recommended" starts the tool's spreading round (none when
    one is open already) and leaving "recommended" ends the open one. Every path that
    recommends a tool — **Afslut** on a test, `tovholder tools status`, the demo — comes
    here, so none of them can forget the round. `spread=False` is for history being
    replayed, which must not message anyone. `weeks` (`follow_up_weeks`, read before the
    transaction) is needed only by a step that may start a round. False when the tool no
    longer had `from_status` (someone moved it first): then nothing was written.
    """
    starts = to_status == "recommended" and spread
    if starts and weeks is None:
        raise ValueError("recommending a tool needs the round's follow-up weeks")
    if not await tools_repo.set_status(conn, tool_id, from_status, to_status, by, now):
        return False
    if starts and weeks is not None:
        await start_in(conn, tool_id, "recommended", by, now, weeks)
    elif from_status == "recommended":
        await end_in(conn, tool_id, f"status:{to_status}", now)
    return True


async def get_round(db: Database, round_id: int) -> SpreadingRound | None:
    return await repo.get_round(db, round_id)


async def all_rounds(db: Database) -> list[SpreadingRound]:
    return await repo.rounds(db)


async def targets(db: Database, round_id: int) -> list[Target]:
    return await repo.targets(db, round_id)


def follow_up_due(calendar: WorkingCalendar, started: SpreadingRound) -> datetime:
    """The first working morning `follow_up_weeks` after the round started."""
    began = datetime.fromisoformat(started.started_at).astimezone(calendar.tz)
    return calendar.morning((began + timedelta(weeks=started.follow_up_weeks)).date())


async def plan_spreading(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    """Every open round's reminders, idempotently; returns how many were new.

    Invitations go to the current superusers of each target daycare that has not answered,
    until the follow-up is due (someone who joins a daycare later hears of the round too);
    the follow-up to the same people; the summary to every coordinator, once per round.
    """
    now = clock.now()
    snap = await snapshot(db)
    created = 0
    for found in await repo.rounds(db, open_only=True):
        started = datetime.fromisoformat(found.started_at)
        follow_due = follow_up_due(calendar, found)
        for coordinator in snap.coordinators():
            made = await kinds.STARTED.plan_for(
                db,
                clock,
                calendar,
                round_id=found.id,
                coordinator=coordinator.id,
                due=started,
            )
            created += made is not None
        for target in await repo.targets(db, found.id):
            if target.answer is not None:
                continue
            daycare = snap.daycare(target.daycare_id)
            for person in snap.superusers_of(daycare) if daycare else ():
                planned = [kinds.INVITE, kinds.FOLLOW_UP] if now < follow_due else [kinds.FOLLOW_UP]
                for kind in planned:
                    made = await kind.plan_for(
                        db,
                        clock,
                        calendar,
                        round_id=found.id,
                        daycare_id=target.daycare_id,
                        person=person.id,
                        due=started if kind is kinds.INVITE else follow_due,
                    )
                    created += made is not None
    return created


@dataclass(frozen=True)
class Due:
    """A round's reminder that still matters: the round, and the daycare's target row."""

    round: SpreadingRound
    target: Target
    state: AdoptionState


async def still_due(db: Database, round_id: int, daycare_id: int, recipient: int) -> Due | None:
    """The invitation or follow-up is still worth sending: the round is open, the daycare has
    not answered and does not use the tool yet, and the person is still its superuser."""
    found = await repo.get_round(db, round_id)
    if found is None or not found.is_open:
        return None
    async with db.transaction() as conn:
        target = await repo.target(conn, round_id, daycare_id)
        state = await adoption_repo.state_of(conn, daycare_id, found.tool_id)
    if target is None or target.answer is not None or state == "in_use":
        return None
    snap = await snapshot(db)
    person = snap.person(recipient)
    if person is None or not any(
        r.role == "superuser" and r.daycare_id == daycare_id for r in person.roles
    ):
        return None
    return Due(found, target, state)


@dataclass(frozen=True)
class Answered:
    target: Target
    tool_name: str
    #: False when the daycare had given the same answer already: nothing was written.
    changed: bool


async def answer(
    db: Database,
    clock: Clock,
    by: int,
    round_id: int,
    daycare_id: int,
    given: str,
    reason: str = "",
) -> Answered:
    """A daycare's answer to the follow-up, and the adoption state it implies, in one
    transaction. Raises LookupError, NotAllowed, RoundEnded, AnswerRefused."""
    found = await repo.get_round(db, round_id)
    snap = await snapshot(db)
    daycare = snap.daycare(daycare_id)
    if found is None or daycare is None:
        raise LookupError(round_id)
    if not may_set_adoption(snap.person(by), daycare):
        raise NotAllowed(Action.ANSWER_SPREADING)
    if not found.is_open:
        raise RoundEnded(round_id)
    choice = next((a for a in ANSWERS if a == given), None)
    if choice is None:
        raise AnswerRefused({"answer": ("spreading.error.unknown_answer", {})})
    reason = reason.strip() if choice == "not_for_us" else ""
    if choice == "not_for_us" and not reason:
        raise AnswerRefused({"reason": ("spreading.error.reason_missing", {})})
    if len(reason) > REASON_MAX:
        raise AnswerRefused(
            {"reason": ("spreading.error.too_long", {"limit": REASON_MAX, "length": len(reason)})}
        )
    if cpr := cpr_errors(reason=reason):
        raise AnswerRefused(cpr)
    now = utc_iso(clock.now())
    async with db.transaction() as conn:
        target = await repo.target(conn, round_id, daycare_id)
        if target is None:
            raise LookupError(daycare_id)
        if target.answer == choice and target.reason == reason:
            return Answered(target, found.tool_name, changed=False)
        await repo.set_answer(conn, round_id, daycare_id, choice, reason, by, now)
        new_state = ANSWER_STATE[choice]
        current = await adoption_repo.state_of(conn, daycare_id, found.tool_id)
        if new_state is not None and new_state != current:
            await adoption_repo.set_state(
                conn, daycare_id, found.tool_id, current, new_state, reason, by, now
            )
        saved = await repo.target(conn, round_id, daycare_id)
    assert saved is not None
    return Answered(saved, found.tool_name, changed=True)


async def may_answer(db: Database, by: int, daycare_id: int) -> bool:
    snap = await snapshot(db)
    daycare = snap.daycare(daycare_id)
    return daycare is not None and may_set_adoption(snap.person(by), daycare)


def nearest_users(snap: OrgSnapshot, daycare_id: int, in_use: set[int]) -> tuple[str, str] | None:
    """(daycare, area) of the daycare nearest to `daycare_id` that uses the tool: one in the
    same area first (by name), else any. The municipality has no map: the area is "near"."""
    own = snap.daycare(daycare_id)
    using = sorted(
        (d for d in snap.daycares if d.id in in_use and d.id != daycare_id),
        key=lambda d: (own is None or d.area_id != own.area_id, d.name.casefold()),
    )
    if not using:
        return None
    return using[0].name, snap.area(using[0].area_id).name


async def in_use_daycares(db: Database, tool_id: int) -> set[int]:
    return {a.daycare_id for a in await adoption_repo.for_tool(db, tool_id) if a.state == "in_use"}


async def progress(
    db: Database, clock: Clock, tool_id: int, weeks: int = PROGRESS_WEEKS
) -> Progress:
    """Per area, how many daycares are in each state at the end of each of the last `weeks`
    weeks (the last point is now), read from the adoption history; and the "not for us"
    reasons given in the tool's rounds."""
    async with db.transaction() as conn:
        tool = await tools_repo.tool_by_id(conn, tool_id)
    if tool is None:
        raise LookupError(tool_id)
    snap = await snapshot(db)
    history = await adoption_repo.tool_changes(db, tool_id)
    now = clock.now()
    points = []
    for back in range(max(1, weeks) - 1, -1, -1):
        moment = utc_iso(now - timedelta(weeks=back))
        states: dict[int, AdoptionState] = {}
        for daycare_id, state, when in history:
            if when <= moment:
                states[daycare_id] = state
        areas = tuple(
            AreaShare(
                area=area.name,
                daycares=len(snap.daycares_in(area)),
                counts={
                    s: sum(
                        1 for d in snap.daycares_in(area) if states.get(d.id, "not_started") == s
                    )
                    for s in ADOPTION_STATES
                },
            )
            for area in snap.areas
        )
        day = (now - timedelta(weeks=back)).astimezone(clock.tz).date().isoformat()
        points.append(ProgressPoint(day, areas))
    rounds = await repo.rounds_for_tool(db, tool_id)
    declined = tuple((t.daycare_name, t.reason) for t in await repo.not_for_us(db, tool_id))
    return Progress(tool.id, tool.name, rounds[0] if rounds else None, tuple(points), declined)


async def round_progress(db: Database, clock: Clock, tool_id: int) -> Progress | None:
    """Progress since the tool's latest round began (at most `PROGRESS_WEEKS` weeks back);
    None when the tool was never in a round."""
    found = await repo.rounds_for_tool(db, tool_id)
    if not found:
        return None
    began = datetime.fromisoformat(found[0].started_at)
    weeks = min(PROGRESS_WEEKS, (clock.now() - began).days // 7 + 1)
    return await progress(db, clock, tool_id, weeks)
