"""`/tovholder network`: who is who around the asker, and where the network is thin.

Asked about one daycare, it also shows the daycare's tools and their adoption state.
The municipality's first lesson was "too few ambassadors", so coordinators and leaders
always see the gaps: areas without an ambassador, daycares without a superuser.
"""

from __future__ import annotations

from dataclasses import replace

from bot.domain.network import AreaCoverage, AreaNetwork, DaycareLine, NetworkAnswer, OrgSnapshot
from bot.domain.org import Area, Daycare
from bot.services.matching import best_match
from bot.services.permissions import Action, can
from storage.db import Database
from storage.repositories import adoption, org


async def snapshot(db: Database) -> OrgSnapshot:
    return OrgSnapshot(
        areas=tuple(await org.all_areas(db)),
        daycares=tuple(await org.all_daycares(db)),
        people=tuple(await org.all_people(db)),
    )


async def reader_snapshot(db: Database, reader: int) -> OrgSnapshot:
    """Every area and daycare, and of the people only the reader: what a guide card needs to
    place the reader, without reading the whole staff on every search."""
    person = await org.person(db, reader)
    return OrgSnapshot(
        areas=tuple(await org.all_areas(db)),
        daycares=tuple(await org.all_daycares(db)),
        people=(person,) if person else (),
    )


async def network_for(db: Database, asker_id: int, query: str) -> NetworkAnswer:
    snap = await snapshot(db)
    asker = snap.person(asker_id)
    coverage = tuple(coverage_of(snap)) if can(asker, Action.SEE_COVERAGE) else ()
    query = query.strip()
    if query:
        found = _lookup(snap, query, coverage)
        if found.focus is not None:
            tools = tuple(await adoption.for_daycare(db, found.focus.id))
            found = replace(found, focus_tools=tools)
        return found
    if asker is None:
        return NetworkAnswer(not_registered=True, coordinators=tuple(snap.coordinators()))
    home = snap.home_area(asker)
    if home is not None:
        return NetworkAnswer(areas=(area_network(snap, home),), coverage=coverage)
    return NetworkAnswer(
        areas=tuple(area_network(snap, area) for area in snap.areas), coverage=coverage
    )


def _lookup(snap: OrgSnapshot, query: str, coverage: tuple[AreaCoverage, ...]) -> NetworkAnswer:
    places: list[Area | Daycare] = [*snap.areas, *snap.daycares]
    found = best_match(query, places, lambda place: place.name)
    if isinstance(found, Area):
        return NetworkAnswer(areas=(area_network(snap, found),), coverage=coverage)
    if isinstance(found, Daycare):
        area = snap.area(found.area_id)
        return NetworkAnswer(areas=(area_network(snap, area),), focus=found, coverage=coverage)
    return NetworkAnswer(unknown_query=query, known_places=tuple(a.name for a in snap.areas))


def area_network(snap: OrgSnapshot, area: Area) -> AreaNetwork:
    return AreaNetwork(
        area=area,
        ambassadors=tuple(snap.ambassadors_of(area)),
        daycares=tuple(
            DaycareLine(daycare, tuple(snap.superusers_of(daycare)))
            for daycare in snap.daycares_in(area)
        ),
    )


def coverage_of(snap: OrgSnapshot) -> list[AreaCoverage]:
    """Per area: ambassadors against daycares, and the daycares with no superuser."""
    return [
        AreaCoverage(
            area=area,
            ambassadors=len(snap.ambassadors_of(area)),
            daycares=len(snap.daycares_in(area)),
            without_superuser=tuple(d for d in snap.daycares_in(area) if not snap.superusers_of(d)),
        )
        for area in snap.areas
    ]
