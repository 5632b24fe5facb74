"""Sparring measures for the pulse: how many questions, and how fast the network answers.

Over the questions asked since a moment (drafts never sent are left out): counts asked,
answered, still open and resolved, and the median minutes from asking to the first reply
(from someone other than the asker), to the marked answer and to "solved" — overall, per
area and per ambassador (by who marked the answer). Minutes are wall-clock minutes: the
pulse shows how long a colleague actually waited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from statistics import median

from bot.clock import utc_iso
from bot.domain.org import Area
from bot.domain.sparring import (
    AmbassadorSparring,
    AreaSparring,
    Question,
    SparringFigures,
    SparringMeasures,
)
from bot.services.network import snapshot
from storage.db import Database
from storage.repositories import sparring as repo


def minutes_between(start: str, end: str | None) -> float | None:
    """Wall-clock minutes between two stored times; None while `end` has not happened."""
    if end is None:
        return None
    delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    return max(delta.total_seconds() / 60, 0.0)


def median_minutes(values: Iterable[float | None]) -> float | None:
    """The median of the minutes present, to one decimal; None when there are none."""
    present = [value for value in values if value is not None]
    return round(median(present), 1) if present else None


def figures(questions: list[Question]) -> SparringFigures:
    return SparringFigures(
        asked=len(questions),
        answered=sum(1 for q in questions if q.answered_at is not None),
        open=sum(1 for q in questions if q.state == "open"),
        resolved=sum(1 for q in questions if q.state == "resolved"),
        median_minutes_to_first_reply=median_minutes(
            minutes_between(q.created_at, q.first_reply_at) for q in questions
        ),
        median_minutes_to_answer=median_minutes(
            minutes_between(q.created_at, q.answered_at) for q in questions
        ),
        median_minutes_to_resolve=median_minutes(
            minutes_between(q.created_at, q.resolved_at) for q in questions
        ),
    )


async def sparring_measures(db: Database, since: datetime) -> SparringMeasures:
    """Measures over the questions asked at or after `since` (an aware datetime)."""
    asked = await repo.questions_since(db, utc_iso(since))
    snap = await snapshot(db)
    by_area: dict[int | None, list[Question]] = defaultdict(list)
    for question in asked:
        by_area[question.area.id if question.area else None].append(question)
    areas = {area.id: area for area in snap.areas}
    per_area = [
        AreaSparring(
            area=(areas.get(area_id) if area_id is not None else None) or _stored_area(found),
            figures=figures(found),
            gaps=sum(1 for q in found if q.area_gap),
        )
        for area_id, found in by_area.items()
    ]
    per_area.sort(key=lambda a: (a.area is None, a.area.name.casefold() if a.area else ""))
    names = {p.id: p.name for p in snap.people}
    answered: dict[int, list[Question]] = defaultdict(list)
    claimed: dict[int, int] = defaultdict(int)
    for question in asked:
        if question.answered_by is not None:
            answered[question.answered_by].append(question)
        if question.claimed_by is not None:
            claimed[question.claimed_by] += 1
    per_ambassador = [
        AmbassadorSparring(
            person_id=person,
            name=names.get(person),
            answered=len(answered.get(person, [])),
            median_minutes_to_answer=median_minutes(
                minutes_between(q.created_at, q.answered_at) for q in answered.get(person, [])
            ),
            claimed=claimed.get(person, 0),
        )
        for person in sorted(set(answered) | set(claimed))
    ]
    per_ambassador.sort(key=lambda a: (-a.answered, (a.name or "").casefold(), a.person_id))
    return SparringMeasures(
        since=utc_iso(since),
        overall=figures(asked),
        per_area=tuple(per_area),
        per_ambassador=tuple(per_ambassador),
        area_gaps=sum(1 for q in asked if q.area_gap),
    )


def _stored_area(found: list[Question]) -> Area | None:
    return found[0].area if found else None
