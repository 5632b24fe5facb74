"""A fictional Danish municipality, so the console shows a living network on a fresh machine.

Written only by the console on an empty database or by `tovholder demo seed` — never by any
other command. The demo is a spreadsheet like the one a coordinator imports, and it goes
through the same import, so the console shows exactly what a real import would give. Area
"Øst" deliberately has no ambassador, and some daycares have no superuser: the network's
gaps are part of what the bot shows. Its guides are Markdown files in `bot/demo_guides`,
loaded by the same code as `tovholder guides import`; a few tools are then moved along their
lifecycle and given leadership decisions, so browsing shows recommended tools first.
"""

from __future__ import annotations

from datetime import timedelta
from importlib.resources import files

from bot.clock import Clock
from bot.domain.guides import DecisionKind, ToolStatus
from bot.domain.org import OrgCounts, Role
from bot.domain.tool_tests import TestPlan
from bot.services.guides import (
    find_tool,
    import_guide_files,
    record_decision,
    set_tool_status,
)
from bot.services.org_csv import COLUMNS, IDENTITY_COLUMN, IDENTITY_PLATFORM
from bot.services.org_import import import_org
from bot.services.tool_tests import start_test
from storage.db import Database
from storage.repositories import identities, org

DOMAIN = "vesteraa-kommune.example"

#: Every daycare, also those without a superuser (the file itself only names workplaces).
AREAS: dict[str, tuple[str, ...]] = {
    "Nord": ("Børnehuset Mælkebøtten", "Vuggestuen Solsikken", "Børnehaven Regnbuen"),
    "Syd": ("Skovbørnehaven Egernet", "Dagtilbud Havblik"),
    "Øst": ("Børnehuset Lærkereden", "Vuggestuen Spirekassen"),
}

#: user id (the file's identity column), name, language, role, area, daycare
PEOPLE: tuple[tuple[str, str, str | None, Role, str | None, str | None], ...] = (
    ("U0DEMO001", "Annette Bæk", None, "coordinator", None, None),
    ("U0DEMO002", "Jens Holm", None, "leader", None, None),
    ("U0DEMO003", "Mette Lund", None, "ambassador", "Nord", None),
    ("U0DEMO004", "Søren Krogh", None, "ambassador", "Syd", None),
    ("U0DEMO005", "Line Nielsen", None, "superuser", "Nord", "Børnehuset Mælkebøtten"),
    ("U0DEMO006", "Ahmed Yilmaz", None, "superuser", "Nord", "Børnehaven Regnbuen"),
    ("U0DEMO007", "Camilla Friis", None, "superuser", "Syd", "Skovbørnehaven Egernet"),
    ("U0DEMO008", "Oliver Grant", "en", "superuser", "Øst", "Børnehuset Lærkereden"),
)


def demo_email(name: str) -> str:
    local = name.lower().replace(" ", ".")
    for danish, plain in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        local = local.replace(danish, plain)
    return f"{local}@{DOMAIN}"


def demo_csv() -> str:
    """The demo as a coordinator would write it: semicolons, as Danish Excel saves it."""
    lines = [";".join(COLUMNS)]
    for user_id, name, language, role, area, daycare in PEOPLE:
        cells = {
            "email": demo_email(name),
            "name": name,
            "role": role,
            "area": area,
            "daycare": daycare,
            IDENTITY_COLUMN: user_id,
            "language": language,
        }
        lines.append(";".join(cells[column] or "" for column in COLUMNS))
    return "\n".join(lines) + "\n"


#: Who the demo says moved a tool along, and who recorded leadership's decisions (by their
#: user id in the file: `_person` finds who they are once imported).
METTE, SOEREN, JENS = "U0DEMO003", "U0DEMO004", "U0DEMO002"
#: tool, the steps it has taken since it was proposed, and who took them.
LIFECYCLES: tuple[tuple[str, tuple[ToolStatus, ...], str], ...] = (
    ("Bee-Bot", ("in_test", "evaluated", "recommended"), METTE),
    ("Book Creator", ("in_test", "evaluated", "recommended"), METTE),
    ("Digitalt mikroskop", ("in_test", "evaluated", "recommended"), METTE),
    ("Green Screen by Do Ink", ("in_test",), SOEREN),
    ("Ozobot", ("in_test",), SOEREN),
    ("Makey Makey", ("in_test",), METTE),
    ("Osmo", ("in_test", "evaluated", "not_recommended"), SOEREN),
)
#: tool, decision, days before today, note
DECISIONS: tuple[tuple[str, DecisionKind, int, str], ...] = (
    ("Bee-Bot", "approved", 120, "Godkendt i ledergruppen efter afprøvning i område Nord."),
    ("Bee-Bot", "to_be_spread", 30, "Udbredes til alle børnehaver i løbet af foråret."),
    ("Osmo", "stopped", 45, "Stoppet: for mange løse dele, og spillene er på engelsk."),
)


def demo_guide_files() -> list[tuple[str, bytes]]:
    """The demo's guide files as (name, bytes), read as package data in a stable order."""
    folder = files("bot.demo_guides")
    found = [entry for entry in folder.iterdir() if entry.name.endswith(".md")]
    return [(entry.name, entry.read_bytes()) for entry in sorted(found, key=lambda e: e.name)]


async def seed_demo(db: Database, clock: Clock) -> OrgCounts | None:
    """Seed the demo; None (and nothing written) when people already exist.

    The cast is recorded as welcomed, so the console does not greet eight people at start.
    Every user id is in the file, so no e-mail look-up is needed. The guides need the people
    (their owners), so they are imported after them, through `tovholder guides import`'s
    own code.
    """
    if (await org.counts(db)).people:
        return None
    await import_org(
        db, clock, demo_csv().encode("utf-8"), lookup=None, welcome_new=False, places=AREAS
    )
    await _seed_guides(db, clock)
    await _seed_test(db, clock)
    return await org.counts(db)


async def _seed_guides(db: Database, clock: Clock) -> None:
    outcomes = await import_guide_files(db, clock, demo_guide_files(), editor="cli")
    refused = [outcome.name for outcome in outcomes if outcome.result is None]
    if refused:  # the files ship with the bot: a bad one is a bug, never the user's doing
        raise RuntimeError(f"demo guides refused: {', '.join(refused)}")
    for name, steps, who in LIFECYCLES:
        tool = await find_tool(db, name)
        assert tool is not None, name
        for status in steps:  # the demo's past: no spreading round messages anyone
            await set_tool_status(
                db, clock, tool.id, status, changed_by=await _person(db, who), spread=False
            )
    today = clock.now().date()
    for name, decision, days_ago, note in DECISIONS:
        tool = await find_tool(db, name)
        assert tool is not None, name
        await record_decision(
            db,
            clock,
            tool.id,
            decision,
            today - timedelta(days=days_ago),
            note,
            recorded_by=await _person(db, JENS),
            spread=False,
        )


async def _person(db: Database, user_id: str) -> int:
    """The person the demo's file names by this user id."""
    found = await identities.person_of(db, IDENTITY_PLATFORM, user_id)
    assert found is not None, user_id
    return found


async def _seed_test(db: Database, clock: Clock) -> None:
    """A running test whose first checkpoint is four days away, so `:clock +4d` in the
    console shows the evaluation nudge arriving."""
    tool = await find_tool(db, "Ozobot")
    egernet = next(d for d in await org.all_daycares(db) if d.name == "Skovbørnehaven Egernet")
    assert tool is not None
    await start_test(
        db,
        clock,
        await _person(db, SOEREN),
        TestPlan(
            tool_id=tool.id,
            question="Kan børnene tegne en bane, som Ozobot kan følge, uden hjælp?",
            daycare_ids=(egernet.id,),
            starts_on=clock.now().date() - timedelta(days=10),
        ),
        request_key="demo:ozobot",
    )
