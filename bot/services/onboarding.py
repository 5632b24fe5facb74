"""New superusers: who is to be welcomed, and what their welcome says.

A superuser is welcomed once — by the import, the settings modal or any later path that
gives someone the role — with who their area's ambassadors are; the ambassadors hear that a
new superuser joined, so that training can be planned.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.domain.org import Area, Daycare, Person
from bot.services.network import snapshot
from storage.db import Database
from storage.repositories import nudges as nudges_repo
from storage.repositories import org


@dataclass(frozen=True)
class Welcome:
    superuser: Person
    daycare: Daycare
    area: Area
    ambassadors: tuple[Person, ...]
    coordinators: tuple[Person, ...]


async def pending_welcomes(db: Database) -> list[Welcome]:
    waiting = set(await org.superusers_to_welcome(db))
    if not waiting:
        return []
    snap = await snapshot(db)
    welcomes = []
    for person in snap.people:
        if person.id not in waiting:
            continue
        daycare_id = next(r.daycare_id for r in person.roles if r.role == "superuser")
        daycare = next(d for d in snap.daycares if d.id == daycare_id)
        area = snap.area(daycare.area_id)
        welcomes.append(
            Welcome(
                superuser=person,
                daycare=daycare,
                area=area,
                ambassadors=tuple(snap.ambassadors_of(area)),
                coordinators=tuple(snap.coordinators()),
            )
        )
    return welcomes


async def record_activity(db: Database, clock: Clock, slack_user_id: str) -> None:
    """The person used the bot: a superuser who does, needs no onboarding follow-up."""
    await nudges_repo.touch(db, slack_user_id, clock.now())
