"""Asking the network: a question reaches the ambassadors of the asker's area.

Routing follows the organisation: the asker's area (a superuser's daycare's area, or an
ambassador's own) decides who is mentioned. An area without an ambassador is a gap the
network must see, so its questions go to every ambassador and the coordinator instead.
A question is stored once per request key, so a retried or double submission posts once.
"""

from __future__ import annotations

from bot.clock import Clock, utc_iso
from bot.domain.guides import Tool
from bot.domain.network import OrgSnapshot
from bot.domain.org import Daycare, Person
from bot.domain.sparring import Question, Routing
from bot.services.guides import list_tools
from bot.services.network import snapshot
from bot.services.workspace_settings import current
from storage.db import Database
from storage.repositories import sparring as repo

QUESTION_MAX = 2000


class QuestionProblem(Exception):
    """The question cannot be asked as written; `key` is a catalogue key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def check_question(text: str) -> str:
    """The question as it will be stored; raises QuestionProblem for an empty or huge one."""
    cleaned = text.strip()
    if not cleaned:
        raise QuestionProblem("sparring.error.empty")
    if len(cleaned) > QUESTION_MAX:
        raise QuestionProblem("sparring.error.too_long", limit=QUESTION_MAX, length=len(cleaned))
    return cleaned


async def tool_choices(db: Database) -> list[Tool]:
    """The catalogue for the modal's tool menu, by name."""
    return sorted(await list_tools(db), key=lambda tool: tool.name.casefold())


async def ask(
    db: Database,
    clock: Clock,
    *,
    request_key: str,
    asker_id: str,
    text: str,
    tool_id: int | None,
) -> Routing:
    """Store the question and say where it goes; raises QuestionProblem for bad text."""
    cleaned = check_question(text)
    snap = await snapshot(db)
    asker = next((p for p in snap.people if p.slack_user_id == asker_id), None)
    daycare = _daycare_of(snap, asker)
    area = snap.home_area(asker) if asker else None
    tool = next((t for t in await list_tools(db) if t.id == tool_id), None)
    question_id, created_at, created = await repo.insert_question(
        db,
        request_key=request_key,
        asker_slack_id=asker_id,
        text=cleaned,
        area_id=area.id if area else None,
        daycare_id=daycare.id if daycare else None,
        tool_id=tool.id if tool else None,
        now=utc_iso(clock.now()),
    )
    ambassadors = (
        [p for p in snap.ambassadors_of(area) if p.slack_user_id != asker_id] if area else []
    )
    recipients = ambassadors or [
        p
        for p in snap.people
        if (p.has_role("ambassador") or p.has_role("coordinator")) and p.slack_user_id != asker_id
    ]
    return Routing(
        question=Question(question_id, asker_id, cleaned, created_at, area, daycare, tool),
        channel_id=(await current(db)).get("sparring_channel"),
        recipients=tuple(recipients),
        area_without_ambassador=area is not None and not snap.ambassadors_of(area),
        created=created,
    )


async def record_post(db: Database, question_id: int, channel_id: str, message_ts: str) -> None:
    """Where the question was posted, so its thread can be followed later."""
    await repo.set_post(db, question_id, channel_id, message_ts)


def _daycare_of(snap: OrgSnapshot, person: Person | None) -> Daycare | None:
    if person is None:
        return None
    for role in person.roles:
        if role.role == "superuser" and role.daycare_id is not None:
            return next((d for d in snap.daycares if d.id == role.daycare_id), None)
    return None
