"""Questions nobody answers are escalated, in working hours only.

After `sparring_escalate_hours` working hours (default 8) an unanswered question is brought
to the one who claimed it — or, unclaimed, to the area's ambassadors; after the same time
again to the other ambassadors and the coordinator: the second escalation goes only to those
who did not get the first (the escalation reminders are the record of who was told; someone
whose first is still on its way — paused, retried — gets that one). Each escalation carries
"Jeg tager den", the channel's claim. The reminders are planned ahead like every nudge; an
answer (or "resolved") cancels them when they come due.

The hours count from when the question reached the ambassadors, not from when it was asked:
a question that waited for the chat platform (an outage) has had no chance to be answered. While it
waits, nothing is planned — and a delivery that used up its attempts is started again here,
as this planning runs every few minutes.
"""

from __future__ import annotations

from datetime import datetime

from bot.clock import Clock
from bot.domain.network import OrgSnapshot
from bot.domain.org import Person
from bot.domain.sparring import Question
from bot.reminders import escalation
from bot.services import reminders
from bot.services.network import snapshot
from bot.services.sparring import delivered_since, open_questions, redeliver_stalled
from bot.services.working_time import WorkingCalendar
from bot.services.workspace_settings import number
from storage.db import Database

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
        self._by_id = {p.id: p for p in snap.people}
        self._area: dict[int, list[Person]] = {}

    def of(self, question: Question, level: int) -> list[Person]:
        chosen = self._everyone
        if level == 1 and question.claimed_at:
            claimer = self._by_id.get(question.claimed_by) if question.claimed_by else None
            chosen = [claimer] if claimer is not None else []
        elif level == 1 and question.area is not None:
            area = question.area
            if area.id not in self._area:
                self._area[area.id] = self._snap.ambassadors_of(area)
            chosen = self._area[area.id] or self._everyone
        return [p for p in chosen if p.id != question.asker_id]


#: A level-1 escalation in these states reached its recipient or will: the second level is
#: not for them. Cancelled or failed (or none planned): they did not get the first.
TOLD = frozenset({"pending", "sending", "sent"})


def second_level(
    question: Question, who: Recipients, states: dict[tuple[int, int], str]
) -> list[Person]:
    """Who the second escalation goes to: everyone it is for who did not get the first."""
    return [p for p in who.of(question, 2) if states.get((1, p.id)) not in TOLD]


async def plan_escalations(db: Database, clock: Clock, calendar: WorkingCalendar) -> int:
    await redeliver_stalled(db, clock)
    hours = await number(db, "sparring_escalate_hours")
    who = Recipients(await snapshot(db))
    created = 0
    for question in await open_questions(db):
        if is_settled(question):
            continue
        reached = await delivered_since(db, question)
        if reached is None:  # still waiting for the platform: nobody could answer yet
            continue
        asked = datetime.fromisoformat(reached)
        states = await escalation.ESCALATION.told(db, question.id)
        for level in LEVELS:
            # The second is worked out after the first is planned: planned is on its way.
            people = who.of(question, 1) if level == 1 else second_level(question, who, states)
            due = calendar.add_working_hours(asked, hours * level)
            for person in people:
                if (level, person.id) in states:
                    continue
                made = await escalation.ESCALATION.plan_for(
                    db,
                    clock,
                    calendar,
                    question=question,
                    level=level,
                    hours=hours * level,
                    person=person.id,
                    due=due,
                )
                created += made is not None
                states[level, person.id] = "pending"
        await _unplan_told(db, clock, question, states)
    return created


async def _unplan_told(
    db: Database, clock: Clock, question: Question, states: dict[tuple[int, int], str]
) -> None:
    """A second escalation planned (before this rule) for someone who got the first: not
    sent."""
    for (level, recipient), state in states.items():
        if level == 2 and state == "pending" and states.get((1, recipient)) == "sent":
            key = escalation.ESCALATION.key_of(question.id, 2, recipient)
            await reminders.cancel(db, clock, dedupe_key=key)


def still_due(question: Question, level: int, recipient: int) -> bool:
    """Whether an escalation planned earlier still applies when it comes due: not once the
    question is answered or resolved, and at level 1 only for the claimer once claimed."""
    if is_settled(question):
        return False
    return not (level == 1 and question.claimed_at and recipient != question.claimed_by)
