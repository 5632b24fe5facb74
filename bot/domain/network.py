"""The organisation as one snapshot, and what `/tovholder network` answers with."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.adoption import Adoption
from bot.domain.org import Area, Daycare, Person


@dataclass(frozen=True)
class OrgSnapshot:
    areas: tuple[Area, ...]
    daycares: tuple[Daycare, ...]
    people: tuple[Person, ...]

    def daycares_in(self, area: Area) -> list[Daycare]:
        return [d for d in self.daycares if d.area_id == area.id]

    def ambassadors_of(self, area: Area) -> list[Person]:
        return [
            p
            for p in self.people
            if any(r.role == "ambassador" and r.area_id == area.id for r in p.roles)
        ]

    def superusers_of(self, daycare: Daycare) -> list[Person]:
        return [
            p
            for p in self.people
            if any(r.role == "superuser" and r.daycare_id == daycare.id for r in p.roles)
        ]

    def person(self, person_id: int | None) -> Person | None:
        """Someone of the organisation by their person id; None for anyone else (a guest)."""
        return next((p for p in self.people if p.id == person_id), None)

    def daycare(self, daycare_id: int | None) -> Daycare | None:
        return next((d for d in self.daycares if d.id == daycare_id), None)

    def daycare_of(self, person: Person | None) -> Daycare | None:
        """A superuser's daycare (the first, for someone superuser of several)."""
        for role in person.roles if person else ():
            if role.role == "superuser" and role.daycare_id is not None:
                return self.daycare(role.daycare_id)
        return None

    def coordinators(self) -> list[Person]:
        return [p for p in self.people if p.has_role("coordinator")]

    def area(self, area_id: int) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def home_area(self, person: Person) -> Area | None:
        """A superuser's daycare's area, else an ambassador's first area."""
        daycare = self.daycare_of(person)
        if daycare is not None:
            return self.area(daycare.area_id)
        for role in person.roles:
            if role.role == "ambassador" and role.area_id is not None:
                return self.area(role.area_id)
        return None


@dataclass(frozen=True)
class DaycareLine:
    daycare: Daycare
    superusers: tuple[Person, ...]


@dataclass(frozen=True)
class AreaNetwork:
    area: Area
    ambassadors: tuple[Person, ...]
    daycares: tuple[DaycareLine, ...]


@dataclass(frozen=True)
class AreaCoverage:
    area: Area
    ambassadors: int
    daycares: int
    without_superuser: tuple[Daycare, ...]


@dataclass(frozen=True)
class NetworkAnswer:
    """One of: an area (maybe focused on one daycare), the whole network, or no match."""

    areas: tuple[AreaNetwork, ...] = ()
    focus: Daycare | None = None
    #: The focused daycare's tools and how far it has come with each.
    focus_tools: tuple[Adoption, ...] = ()
    coverage: tuple[AreaCoverage, ...] = ()
    unknown_query: str | None = None
    known_places: tuple[str, ...] = ()
    not_registered: bool = False
    coordinators: tuple[Person, ...] = field(default=())
