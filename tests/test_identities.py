"""People by the bot's own id: a platform's user id leads to a person, a stranger becomes a
guest person (not in the organisation), and the organisation file takes a guest in."""

from __future__ import annotations

from bot.clock import ManualClock
from bot.services import identities
from bot.services.demo import seed_demo
from bot.services.org_import import export_rows, import_org
from storage.db import Database
from storage.repositories import org
from tests.people import member

LINE = "U0DEMO005"
GUEST = "U0VISITOR"


async def test_a_person_of_the_organisation_is_found_by_their_slack_id(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    line = await member(db, LINE)
    assert line is not None
    assert await identities.person_for(db, clock, "slack", LINE) == line.id
    assert await identities.external_id(db, "slack", line.id) == LINE
    assert await identities.external_id(db, "teams", line.id) is None


async def test_a_stranger_becomes_one_guest_who_is_not_in_the_organisation(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    before = await org.counts(db)
    guest = await identities.person_for(db, clock, "slack", GUEST)
    assert await identities.person_for(db, clock, "slack", GUEST) == guest
    assert await org.counts(db) == before
    assert await member(db, GUEST) is None
    row = await db.fetchone("SELECT name, in_organisation FROM people WHERE id = ?", (guest,))
    assert row is not None
    assert (row["name"], row["in_organisation"]) == (GUEST, 0)
    assert await identities.external_ids(db, "slack", [guest]) == {guest: GUEST}


async def test_the_organisation_file_takes_a_guest_in_as_the_same_person(
    db: Database, clock: ManualClock
) -> None:
    guest = await identities.person_for(db, clock, "slack", GUEST)
    async with db.transaction() as conn:
        joined = await org.insert_member(
            conn, "slack", GUEST, "Vera Gæst", "vera@x.dk", "da", "now"
        )
    assert joined == guest
    found = await member(db, GUEST)
    assert found is not None
    assert (found.id, found.name, found.email) == (guest, "Vera Gæst", "vera@x.dk")


async def test_external_ids_leave_out_people_the_platform_does_not_know(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    line = await member(db, LINE)
    assert line is not None
    wanted = [line.id, 999_999]
    assert await identities.external_ids(db, "slack", wanted) == {line.id: LINE}
    assert await identities.external_ids(db, "slack", []) == {}


async def test_a_guest_named_in_the_organisation_file_joins_as_the_person_they_were(
    db: Database, clock: ManualClock
) -> None:
    """Someone who asked as a guest and is then imported keeps their person id, so what
    they did as a guest stays theirs; the file's user id stays their one Slack identity."""
    guest = await identities.person_for(db, clock, "slack", GUEST)
    data = (
        "email;name;role;area;daycare;slack_user_id;language\n"
        f"vera@x.dk;Vera Gæst;coordinator;;;{GUEST};da\n"
    ).encode()
    counts = await import_org(db, clock, data, lookup=None)
    assert counts.people.created == 1
    found = await member(db, GUEST)
    assert found is not None
    assert (found.id, found.name, found.has_role("coordinator")) == (guest, "Vera Gæst", True)
    assert await identities.external_ids(db, "slack", [guest]) == {guest: GUEST}
    exported = await export_rows(db)
    assert [(row.name, row.external_id) for row in exported.rows] == [("Vera Gæst", GUEST)]
