"""A fictional Danish municipality, so the console shows a living network on a fresh machine.

Written only by the console on an empty database or by `tovholder demo seed` — never by any
other command. Area "Øst" deliberately has no ambassador: the network's gaps are part of
what the bot shows.
"""

from __future__ import annotations

from bot.clock import Clock, utc_iso
from bot.domain.org import OrgCounts, Role
from storage.db import Database
from storage.repositories import org

DOMAIN = "vesteraa-kommune.example"

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


async def seed_demo(db: Database, clock: Clock) -> OrgCounts | None:
    """Seed in one transaction; None (and nothing written) when people already exist."""
    if (await org.counts(db)).people:
        return None
    now = utc_iso(clock.now())
    async with db.transaction() as conn:
        area_ids: dict[str, int] = {}
        daycare_ids: dict[str, int] = {}
        for area, daycares in AREAS.items():
            area_ids[area] = await org.insert_area(conn, area, now)
            for daycare in daycares:
                daycare_ids[daycare] = await org.insert_daycare(conn, area_ids[area], daycare, now)
        for slack_id, name, language, role, home_area, workplace in PEOPLE:
            person_id = await org.insert_person(
                conn, slack_id, name, demo_email(name), language, now
            )
            await org.add_role(
                conn,
                person_id,
                role,
                area_id=area_ids[home_area] if role == "ambassador" and home_area else None,
                daycare_id=daycare_ids[workplace] if workplace else None,
            )
    return await org.counts(db)
