"""Questions nobody answers are escalated, in working hours only.

After `sparring_escalate_hours` working hours (default 8) an unanswered question is brought
to the one who claimed it — or, unclaimed, to the area's ambassadors; after the same time
again to every ambassador and the coordinator. The reminders are planned ahead like every
nudge; an answer (or "resolved") cancels them when they come due.

The hours count from when the question reached the ambassadors, not from when it was asked:
a question that waited for Slack (an outage) has had no chance to be answered. While it
waits, nothing is planned — and a delivery that used up its attempts is started again here,
as this planning runs every few minutes.
"""

from __future__ import annotations

from datetime import datetime

from bot.clock import Clock
from bot.domain.network import OrgSnapshot
from bot.domain.org import Person
from bot.domain.sparring import Question
from bot.services import reminders
from bot.services.network import snapshot
from bot.services.sparring import delivered_since, open_questions, redeliver_stalled
from bot.services.working_time import WorkingCalendar
from bot.services.workspace_settings import number
from storage.db import Database

ESCALATION = "sparring_escalation"
LEVELS = (1, 2)


def is_settled(question: Question) -> bool:
    return question.answered_at is not None or question.resolved_at is not None


class Recipients:
    """Who an escalation goes to. Level 1: the claimer, else the area's ambassadors
    (everyone when the area has none); level 2: every ambassador and the coordinator. Never
    the asker. Worked out once per planning run: a network of 2,000 people with thousands of
    open questions would otherwise be scanned twice per question."""

    def __init__(self, snap: OrgSnapshot) -> None:
        self._snap = snap
        self._everyone = [
            p for p in snap.people if p.has_role("ambassador") or p.has_role("coordinator")
        ]
        self._by_id = {p.slack_user_id: p for p in snap.people}
        self._area: dict[int, list[Person]] = {}

    def of(self, question: Question, level: int) -> list[Person]:
        chosen = self._everyone
        if level == 1 and question.claimed_by:
            claimer = self._by_id.get(question.claimed_by)
            chosen = [claimer] if claimer is not None else []
        elif level == 1 and question.area is not None:
            area = question.area
            if area.id not in self._area:
                self._area[area.id] = self._snap.ambassadors_of(area)
            chosen = self._area[area.id] or self._everyone
        return [p for p in chosen if p.slack_user_id != question.asker_slack_id]


async def plan_escalations(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    await redeliver_stalled(db, clock)
    hours = await number(db, "sparring_escalate_hours")
    who = Recipients(await snapshot(db))
    planned = await reminders.planned_keys(db, f"{ESCALATION}:")
    created = 0
    for question in await open_questions(db):
        if is_settled(question):
            continue
        reached = await delivered_since(db, question)
        if reached is None:  # still waiting for Slack: nobody could answer yet
            continue
        asked = datetime.fromisoformat(reached)
        for level in LEVELS:
            due = calendar.add_working_hours(asked, hours * level)
            for person in who.of(question, level):
                key = f"{ESCALATION}:{question.id}:{level}:{person.slack_user_id}"
                if key in planned:
                    continue
                made = await reminders.schedule(
                    db,
                    clock,
                    kind=ESCALATION,
                    recipient=person.slack_user_id,
                    due=due,
                    payload={"question_id": question.id, "level": level, "hours": hours * level},
                    dedupe_key=key,
                    calendar=calendar,
                )
                created += made is not None
    return created


def still_due(question: Question, level: int, recipient: str) -> bool:
    """Whether an escalation planned earlier still applies when it comes due: not once the
    question is answered or resolved, and at level 1 only for the claimer once claimed."""
    if is_settled(question):
        return False
    return not (level == 1 and question.claimed_by and recipient != question.claimed_by)
