"""Trainings that ambassadors hold for superusers, and who answered and came."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Literal

from bot.domain.org import Daycare, Person

TrainingState = Literal["planned", "cancelled", "held"]
Answer = Literal["yes", "no"]
ANSWERS: tuple[Answer, ...] = ("yes", "no")

SEATS_MIN = 1
SEATS_MAX = 200
SEATS_DEFAULT = 12
PLACE_MAX = 300
NOTE_MAX = 1000


@dataclass(frozen=True)
class Training:
    """One training for one tool in one area; `starts_at` is UTC ISO, `signed_up` the number
    of people who answered "Jeg kommer"."""

    id: int
    tool_id: int
    tool_name: str
    area_id: int
    area_name: str
    #: The ambassador who holds it (a person id); None: a former member.
    ambassador_id: int | None
    starts_at: str
    place: str
    seats: int
    note: str
    state: TrainingState
    version: int
    signed_up: int

    @property
    def seats_left(self) -> int:
        return max(0, self.seats - self.signed_up)


@dataclass(frozen=True)
class Signup:
    training_id: int
    person_id: int
    daycare_id: int | None
    answer: Answer
    answered_at: str
    #: None until the ambassador records attendance.
    attended: bool | None


@dataclass(frozen=True)
class TrainingPlan:
    """What the plan modal holds (also when a training is moved); checked by the service."""

    tool_id: int
    area_id: int
    day: date | None
    at: time | None
    place: str
    seats: int | None
    note: str = ""


def superuser_daycare_in(
    person: Person | None, area_id: int, daycares: Sequence[Daycare]
) -> Daycare | None:
    """The daycare in `area_id` the person is superuser of (the one an answer or attendance
    is recorded for), or None."""
    for role in person.roles if person else ():
        if role.role == "superuser" and role.daycare_id is not None:
            daycare = next((d for d in daycares if d.id == role.daycare_id), None)
            if daycare is not None and daycare.area_id == area_id:
                return daycare
    return None
