"""What a spreading round's invitation tells a daycare: the guide's purpose and first steps,
the nearest daycare that uses the tool, the area's ambassadors, and the next training to join.

Kept apart from `bot.services.spreading` because it reads guides and trainings, whose own
services start and end rounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.domain.guides import GuideDetail
from bot.domain.trainings import Training
from bot.services import spreading
from bot.services.guides import get_guide_by_id
from bot.services.network import snapshot
from bot.services.trainings import next_training
from storage.db import Database
from storage.repositories import guides as guides_repo


@dataclass(frozen=True)
class Invitation:
    due: spreading.Due
    daycare_name: str
    guide: GuideDetail | None
    #: (daycare, area) of the nearest daycare using the tool, if any does.
    nearest: tuple[str, str] | None
    #: The area's ambassadors (person ids).
    ambassadors: tuple[int, ...]
    training: Training | None


async def invitation(db: Database, clock: Clock, due: spreading.Due) -> Invitation:
    tool_id = due.round.tool_id
    snap = await snapshot(db)
    daycare = next(d for d in snap.daycares if d.id == due.target.daycare_id)
    area = snap.area(daycare.area_id)
    guide_id = await guides_repo.main_guide_id(db, tool_id)
    return Invitation(
        due=due,
        daycare_name=daycare.name,
        guide=await get_guide_by_id(db, guide_id) if guide_id else None,
        nearest=spreading.nearest_users(
            snap, daycare.id, await spreading.in_use_daycares(db, tool_id)
        ),
        ambassadors=tuple(p.id for p in snap.ambassadors_of(area)),
        training=await next_training(db, clock, tool_id, area.id),
    )
