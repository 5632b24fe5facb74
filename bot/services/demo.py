"""A fictional Danish municipality, so the console shows a living network on a fresh machine.

Written only by the console on an empty database or by `tovholder demo seed` — never by any
other command. The demo is a spreadsheet like the one a coordinator imports, and it goes
through the same import, so the console shows exactly what a real import would give. Area
"Øst" deliberately has no ambassador, and some daycares have no superuser: the network's
gaps are part of what the bot shows.
"""

from __future__ import annotations

from bot.clock import Clock
from bot.domain.org import OrgCounts, Role
from bot.services.org_import import import_org
from storage.db import Database
from storage.repositories import org

DOMAIN = "vesteraa-kommune.example"

#: Every daycare, also those without a superuser (the file itself only names workplaces).
AREAS: dict[str, tuple[str, ...]] = {
    "Nord": ("Børnehuset Mælkebøtten", "Vuggestuen Solsikken", "Børnehaven Regnbuen"),
    "Syd": ("Skovbørnehaven Egernet", "Dagtilbud Havblik"),
    "Øst": ("Børnehuset Lærkereden", "Vuggestuen Spirekassen"),
}

#: slack id, name, language, role, area, daycare
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
    lines = ["email;name;role;area;daycare;slack_user_id;language"]
    for slack_id, name, language, role, area, daycare in PEOPLE:
        fields = (demo_email(name), name, role, area, daycare, slack_id, language)
        lines.append(";".join(value or "" for value in fields))
    return "\n".join(lines) + "\n"


async def seed_demo(db: Database, clock: Clock) -> OrgCounts | None:
    """Seed in one transaction; None (and nothing written) when people already exist.

    The cast is recorded as welcomed, so the console does not greet eight people at start.
    Every id is in the file, so no Slack look-up is needed.
    """
    if (await org.counts(db)).people:
        return None
    await import_org(
        db, clock, demo_csv().encode("utf-8"), lookup=None, welcome_new=False, places=AREAS
    )
    return await org.counts(db)
