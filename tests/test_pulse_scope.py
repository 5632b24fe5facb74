"""An area's pulse is the area's own (issue 17.9): its counts are the ones the network's pulse
shows for it, and what the network's pulse adds up — the daycares of a spreading tool, the
guides due for a check — an area's pulse counts only for the area."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.domain.pulse import NETWORK, Pulse, Scope
from bot.services.adoption import set_adoption
from bot.services.demo import seed_demo
from bot.services.guides import find_tool
from bot.services.network import snapshot
from bot.services.pulse import build_pulse, current_week, narrow
from bot.settings import parse_settings
from bot.views.pulse import pulse_message
from bot.views.pulse_files import pulse_markdown
from handlers.slack import render
from storage.db import Database
from storage.repositories import org
from tests.people import person_id

LINE = "U0DEMO005"  # superuser in Børnehuset Mælkebøtten, Nord
AREAS = ("Nord", "Syd", "Øst")


async def pulses(db: Database, clock: ManualClock) -> tuple[Pulse, dict[str, Pulse]]:
    """This week's pulse of the network and of each area."""
    calendar = parse_settings({}, "console").calendar
    snap = await snapshot(db)
    week = current_week(clock)
    per_area = {}
    for name in AREAS:
        scope = narrow(NETWORK, snap, name)
        assert isinstance(scope, Scope)
        per_area[name] = await build_pulse(db, clock, calendar, week, scope)
    return await build_pulse(db, clock, calendar, week, NETWORK), per_area


async def test_an_areas_pulse_counts_as_the_network_pulse_does_for_it(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    beebot = await find_tool(db, "Bee-Bot")
    assert beebot is not None
    maelk = next(d.id for d in await org.all_daycares(db) if d.name == "Børnehuset Mælkebøtten")
    await set_adoption(db, clock, await person_id(db, LINE), maelk, beebot.id, "in_use")
    network, per_area = await pulses(db, clock)
    for name, pulse in per_area.items():
        (own,) = pulse.areas
        assert own == next(a for a in network.areas if a.area == name)
    bee = {
        name: next(s for s in p.spreading if s.tool == "Bee-Bot") for name, p in per_area.items()
    }
    assert {name: (s.in_use, s.daycares) for name, s in bee.items()} == {
        "Nord": (1, 3),
        "Syd": (0, 2),
        "Øst": (0, 2),
    }
    network_bee = next(s for s in network.spreading if s.tool == "Bee-Bot")
    assert (network_bee.in_use, network_bee.daycares) == (1, 7)


async def test_an_areas_pulse_lists_the_guides_its_ambassadors_owe_a_check(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    clock.advance(timedelta(days=181))  # every demo guide is past its 180 days
    network, per_area = await pulses(db, clock)
    owners = {
        name: sorted({g.owner or "" for g in p.gaps.guides_overdue}) for name, p in per_area.items()
    }
    assert owners == {"Nord": ["Mette Lund"], "Syd": ["Søren Krogh"], "Øst": []}
    assert sum(len(p.gaps.guides_overdue) for p in per_area.values()) == len(
        network.gaps.guides_overdue
    )


async def test_an_areas_pulse_never_calls_its_spreading_the_networks(
    db: Database, clock: ManualClock
) -> None:
    """Seen: 'På tværs af netværket' above 'i brug i 0 af 3 dagtilbud (Nord 0/3)' in Nord's
    pulse. The heading names the network only where the numbers are the network's."""
    await seed_demo(db, clock)
    network, per_area = await pulses(db, clock)
    tz = clock.tz
    for lang, across in (("da", "På tværs af netværket"), ("en", "Across the network")):
        assert across in str(render.message(pulse_message(lang, network, tz)))
        assert across in pulse_markdown(lang, network, tz)
        for pulse in per_area.values():
            assert across not in str(render.message(pulse_message(lang, pulse, tz)))
            assert across not in pulse_markdown(lang, pulse, tz)
