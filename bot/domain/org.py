"""The organisation: areas, daycares and the people who hold roles in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["ambassador", "superuser", "coordinator", "leader"]
ROLES: tuple[Role, ...] = ("ambassador", "superuser", "coordinator", "leader")


@dataclass(frozen=True)
class Area:
    id: int
    name: str


@dataclass(frozen=True)
class Daycare:
    id: int
    name: str
    area_id: int


@dataclass(frozen=True)
class RoleAssignment:
    role: Role
    area_id: int | None = None
    daycare_id: int | None = None


@dataclass(frozen=True)
class Person:
    """Someone of the organisation, known by the bot's own id (`id`); which user they are on
    a chat platform is their identity there (`bot.services.identities`), not theirs to carry."""

    id: int
    name: str
    email: str | None
    language: str | None
    roles: tuple[RoleAssignment, ...] = field(default=())

    def has_role(self, role: Role) -> bool:
        return any(assignment.role == role for assignment in self.roles)

    @property
    def first_name(self) -> str:
        """What a greeting says ("Hej Bo", not "Hej Bo Sand"), as colleagues speak."""
        return self.name.split()[0] if self.name.split() else self.name


@dataclass(frozen=True)
class OrgCounts:
    areas: int
    daycares: int
    people: int
