"""`tovholder org import`: the coordinator's spreadsheet becomes the organisation.

Real SQLite, the real Slack stand-in for e-mail look-ups, and the real command line.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.admin.org import email_lookup
from bot.cli import main
from bot.clock import ManualClock
from bot.domain.org import Person
from bot.i18n import CATALOGUES
from bot.services.demo import demo_csv, seed_demo
from bot.services.org_csv import read_org_csv
from bot.services.org_import import (
    EmailLookup,
    ImportCounts,
    ImportRefused,
    Tally,
    import_org,
)
from bot.standin import SlackStandIn
from handlers.slack.directory import SlackDirectory
from handlers.slack.messenger import slack_people
from storage.db import Database
from storage.repositories import org
from tests.people import member

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "org"
HEADER = "email;name;role;area;daycare;slack_user_id;language"
ROLE_LINE = (
    "superbruger, ambassadør, koordinator eller leder (eller på engelsk superuser, ambassador,"
    " coordinator, leader)"
)


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


async def load(
    db: Database,
    clock: ManualClock,
    data: bytes,
    *,
    lookup: EmailLookup | None = None,
    prune: bool = False,
) -> ImportCounts:
    return await import_org(db, clock, data, lookup=lookup, prune=prune)


async def refused(
    db: Database, clock: ManualClock, data: bytes, *, lookup: EmailLookup | None = None
) -> list[tuple[int, str]]:
    with pytest.raises(ImportRefused) as caught:
        await load(db, clock, data, lookup=lookup)
    return [(problem.line, problem.key) for problem in caught.value.problems]


async def person(db: Database, slack_id: str) -> Person:
    found = await member(db, slack_id)
    assert found is not None, slack_id
    return found


async def welcomed_at(db: Database, slack_id: str) -> str | None:
    row = await db.fetchone(
        "SELECT welcomed_at FROM people p JOIN identities i ON i.person_id = p.id"
        " WHERE i.external_id = ?",
        (slack_id,),
    )
    assert row is not None
    return row["welcomed_at"]  # type: ignore[no-any-return]


async def places(db: Database) -> dict[str, str]:
    """daycare -> area, the way a coordinator would check it."""
    rows = await db.fetchall(
        "SELECT d.name, a.name AS area FROM daycares d JOIN areas a ON a.id = d.area_id"
    )
    return {row["name"]: row["area"] for row in rows}


async def table_sizes(db: Database) -> tuple[int, int, int, int]:
    row = await db.fetchone(
        "SELECT (SELECT COUNT(*) FROM areas), (SELECT COUNT(*) FROM daycares),"
        " (SELECT COUNT(*) FROM people), (SELECT COUNT(*) FROM person_roles)"
    )
    assert row is not None
    return row[0], row[1], row[2], row[3]


# -- the file format -------------------------------------------------------------------


async def test_danish_excel_file_semicolons_bom_danish_letters_and_doubled_quotes(
    db: Database, clock: ManualClock
) -> None:
    counts = await load(db, clock, (FIXTURES / "danish_excel.csv").read_bytes())
    assert counts == ImportCounts(
        areas=Tally(created=3), daycares=Tally(created=3), people=Tally(created=5)
    )
    bitten = await person(db, "U0BITT001")
    assert bitten.name == 'Hansen, "Bitten"'
    assert bitten.email == "bitten.hansen@esbjerg.example"
    assert bitten.language == "da"
    soeren = await person(db, "U0SOER001")
    assert soeren.name == "Søren Ærø Åby" and soeren.language == "en"
    annette = await person(db, "U0ANNE001")
    assert {r.role for r in annette.roles} == {"coordinator", "leader"}
    assert annette.language is None
    mette = await person(db, "U0METTE01")
    areas = {a.id: a.name for a in await org.all_areas(db)}
    assert sorted(areas[r.area_id] for r in mette.roles if r.area_id) == ["Nord", "Syd"]
    oliver = await person(db, "U0OLIV001")
    assert oliver.language == "en"
    assert {r.role for r in oliver.roles} == {"ambassador", "superuser"}
    # Nothing else places Egernet, so it lies in the first of Oliver's areas.
    assert await places(db) == {
        "Børnehuset Mælkebøtten": "Nord",
        "Vuggestuen Spirekassen": "Øst",
        "Skovbørnehaven Egernet": "Syd",
    }


async def test_comma_file_with_columns_in_any_order_case_and_spaces(
    db: Database, clock: ManualClock
) -> None:
    counts = await load(db, clock, (FIXTURES / "comma_any_order.csv").read_bytes())
    assert counts.people == Tally(created=2)
    bitten = await person(db, "U0BITT001")
    assert bitten.name == 'Hansen, "Bitten"' and bitten.language == "da"
    assert await places(db) == {"Børnehuset Mælkebøtten": "Nord"}


def test_the_reader_keeps_line_numbers_across_blank_and_multi_line_records() -> None:
    data = csv_bytes(
        "",
        'a@x.dk;"Ann\nAnden linje";leader;;;U0ANN0001;',
        "",
        "b@x.dk;Bo;leader;;;U0BO00001;",
    )
    read = read_org_csv(data)
    assert not read.problems
    assert [row.line for row in read.rows] == [3, 6]


async def test_roles_in_any_case_and_a_person_without_a_role_are_accepted(
    db: Database, clock: ManualClock
) -> None:
    """The settings modal can take someone's last role away; export then writes an empty
    role, and importing that file must keep the person as they are."""
    data = csv_bytes(
        "a@x.dk;Ann; Ambassador | SUPERUSER ;Nord;Regnbuen;U0ANN0001;",
        "b@x.dk;Bo;;;;U0BO00001;",
    )
    assert (await load(db, clock, data)).people == Tally(created=2)
    assert {r.role for r in (await person(db, "U0ANN0001")).roles} == {"ambassador", "superuser"}
    assert (await person(db, "U0BO00001")).roles == ()


async def test_danish_roles_and_languages_in_any_case_and_without_special_letters(
    db: Database, clock: ManualClock
) -> None:
    data = csv_bytes(
        "a@x.dk;Ann;Ambassadør|superbruger;Nord;Regnbuen;U0ANN0001;dansk",
        "b@x.dk;Bo;AMBASSADOER;Syd;;U0BO00001;Engelsk",
        "c@x.dk;Cai;ambassador|Koordinator;Syd;;U0CAI0001;DA",
        "d@x.dk;Dina;leder;;;U0DIN0001;english",
    )
    assert (await load(db, clock, data)).people == Tally(created=4)
    roles = {
        slack_id: ({r.role for r in found.roles}, found.language)
        for slack_id in ("U0ANN0001", "U0BO00001", "U0CAI0001", "U0DIN0001")
        for found in [await person(db, slack_id)]
    }
    assert roles == {
        "U0ANN0001": ({"ambassador", "superuser"}, "da"),
        "U0BO00001": ({"ambassador"}, "en"),
        "U0CAI0001": ({"ambassador", "coordinator"}, "da"),
        "U0DIN0001": ({"leader"}, "en"),
    }


@pytest.mark.parametrize(
    "row",
    [
        "x@x.dk;X;superbrugerr;Nord;Regnbuen;U0X000001;",  # a typo where area and daycare fit
        "x@x.dk;X;pædagog;Nord;;U0X000001;",
        "x@x.dk;X;ambassadør|chef;Nord;Regnbuen;U0X000001;",
    ],
)
async def test_one_unknown_role_is_one_error_not_three(
    db: Database, clock: ManualClock, row: str
) -> None:
    """The area and daycare of a row whose role cannot be read are not called unused."""
    assert await refused(db, clock, csv_bytes(row)) == [(2, "org_csv.role_unknown")]


async def test_one_unknown_language_is_one_error(db: Database, clock: ManualClock) -> None:
    data = csv_bytes("x@x.dk;X;superbruger;Nord;Regnbuen;U0X000001;tysk")
    assert await refused(db, clock, data) == [(2, "org_csv.language_bad")]


# -- Slack e-mail look-ups -------------------------------------------------------------


@pytest.fixture
async def standin() -> AsyncIterator[SlackStandIn]:
    async with SlackStandIn() as started:
        started.add_user("U0BITT001", "bitten", real_name="Bitten Hansen", email="Bitten@X.dk")
        started.add_user("U0METTE01", "mette", real_name="Mette Lund", email="mette@x.dk")
        yield started


def lookup_for(standin: SlackStandIn, db: Database) -> EmailLookup:
    client = AsyncWebClient(token=standin.bot_token, base_url=standin.api_url)
    return email_lookup(SlackDirectory(client, slack_people(db), quick=False))


async def test_people_without_a_slack_id_are_found_by_email_in_slack(
    db: Database, clock: ManualClock, standin: SlackStandIn
) -> None:
    data = csv_bytes(
        "bitten@x.dk;Bitten Hansen;superuser;Nord;Regnbuen;;",
        "mette@x.dk;Mette Lund;ambassador;Nord;;;",
        "jens@x.dk;Jens Holm;leader;;;U0JENS001;",
    )
    counts = await load(db, clock, data, lookup=lookup_for(standin, db))
    assert counts.people.created == 3
    assert (await person(db, "U0BITT001")).email == "bitten@x.dk"
    assert (await person(db, "U0METTE01")).name == "Mette Lund"
    asked = [call.args["email"] for call in standin.calls_to("users.lookupByEmail")]
    assert asked == ["bitten@x.dk", "mette@x.dk"]
    # The import only looks people up: no message, no DM channel, nothing else.
    assert {call.method for call in standin.calls} == {"users.lookupByEmail"}


async def test_an_email_slack_does_not_know_is_a_named_error_and_nothing_is_written(
    db: Database, clock: ManualClock, standin: SlackStandIn
) -> None:
    data = csv_bytes(
        "bitten@x.dk;Bitten Hansen;superuser;Nord;Regnbuen;;",
        "ukendt@x.dk;Ukendt Person;leader;;;;",
    )
    with pytest.raises(ImportRefused) as caught:
        await load(db, clock, data, lookup=lookup_for(standin, db))
    (problem,) = caught.value.problems
    assert (problem.line, problem.key) == (3, "org_import.not_on_platform")
    assert problem.params == {"email": "ukendt@x.dk"}
    assert len(standin.calls_to("users.lookupByEmail")) == 2
    assert await table_sizes(db) == (0, 0, 0, 0)


async def test_two_rows_slack_finds_as_the_same_user_are_refused(
    db: Database, clock: ManualClock, standin: SlackStandIn
) -> None:
    data = csv_bytes(
        "mette@x.dk;Mette Lund;ambassador;Nord;;;",
        "other@x.dk;Mette Again;leader;;;U0METTE01;",
    )
    assert await refused(db, clock, data, lookup=lookup_for(standin, db)) == [
        (3, "org_import.same_user")
    ]


async def test_without_a_bot_token_rows_without_a_slack_id_are_errors(
    db: Database, clock: ManualClock
) -> None:
    data = csv_bytes(
        "a@x.dk;Ann;leader;;;;",
        "b@x.dk;Bo;leader;;;U0BO00001;",
        "c@x.dk;Cai;leader;;;;",
    )
    assert await refused(db, clock, data) == [
        (2, "org_import.needs_token"),
        (4, "org_import.needs_token"),
    ]
    assert "SLACK_BOT_TOKEN" in CATALOGUES["da"]["org_import.needs_token"]
    assert "SLACK_BOT_TOKEN" in CATALOGUES["en"]["org_import.needs_token"]


# -- idempotence and updates -----------------------------------------------------------

BASE = (
    "line@x.dk;Line Nielsen;superuser;Nord;Mælkebøtten;U0LINE001;",
    "mette@x.dk;Mette Lund;ambassador;Nord;;U0METTE01;",
    "jens@x.dk;Jens Holm;leader;;;U0JENS001;",
)


async def test_importing_the_same_file_again_changes_nothing(
    db: Database, clock: ManualClock
) -> None:
    first = await load(db, clock, csv_bytes(*BASE))
    assert first == ImportCounts(Tally(created=1), Tally(created=1), Tally(created=3))
    before = await db.fetchall("SELECT * FROM people ORDER BY id")
    clock.advance(timedelta(hours=1))
    again = await load(db, clock, csv_bytes(*BASE))
    assert again == ImportCounts(Tally(unchanged=1), Tally(unchanged=1), Tally(unchanged=3))
    assert not again.changed
    after = await db.fetchall("SELECT * FROM people ORDER BY id")
    assert [tuple(row) for row in after] == [tuple(row) for row in before]


async def test_a_changed_row_updates_name_language_slack_id_and_replaces_roles(
    db: Database, clock: ManualClock
) -> None:
    await load(db, clock, csv_bytes(*BASE))
    line_id = (await person(db, "U0LINE001")).id
    changed = csv_bytes(
        "LINE@x.dk;Line Nielsen Bak;ambassador|coordinator;Syd;;U0LINE002;en",
        *BASE[1:],
    )
    counts = await load(db, clock, changed)
    assert counts.people == Tally(updated=1, unchanged=2)
    assert counts.areas == Tally(created=1, unchanged=1)
    line = await person(db, "U0LINE002")
    assert line.id == line_id
    assert (line.name, line.language, line.email) == ("Line Nielsen Bak", "en", "LINE@x.dk")
    assert {r.role for r in line.roles} == {"ambassador", "coordinator"}
    assert await member(db, "U0LINE001") is None


async def test_a_person_is_matched_by_slack_id_when_the_email_changed(
    db: Database, clock: ManualClock
) -> None:
    await load(db, clock, csv_bytes(*BASE))
    mette_id = (await person(db, "U0METTE01")).id
    counts = await load(
        db,
        clock,
        csv_bytes(BASE[0], "mette.lund@ny.dk;Mette Lund;ambassador;Nord;;U0METTE01;", BASE[2]),
    )
    assert counts.people == Tally(updated=1, unchanged=2)
    mette = await person(db, "U0METTE01")
    assert (mette.id, mette.email) == (mette_id, "mette.lund@ny.dk")


async def test_two_people_may_swap_slack_ids_in_one_import(
    db: Database, clock: ManualClock
) -> None:
    await load(db, clock, csv_bytes(*BASE))
    swapped = csv_bytes(
        BASE[0],
        "mette@x.dk;Mette Lund;ambassador;Nord;;U0JENS001;",
        "jens@x.dk;Jens Holm;leader;;;U0METTE01;",
    )
    assert (await load(db, clock, swapped)).people == Tally(updated=2, unchanged=1)
    assert (await person(db, "U0JENS001")).name == "Mette Lund"
    assert (await person(db, "U0METTE01")).name == "Jens Holm"


async def test_areas_and_daycares_match_without_regard_to_case_and_a_daycare_can_move(
    db: Database, clock: ManualClock
) -> None:
    await load(db, clock, csv_bytes(*BASE))
    moved = csv_bytes(
        "line@x.dk;Line Nielsen;superuser;SYD;MÆLKEBØTTEN;U0LINE001;",
        "mette@x.dk;Mette Lund;ambassador;nord;;U0METTE01;",
        BASE[2],
    )
    counts = await load(db, clock, moved)
    assert counts.areas == Tally(created=1, unchanged=1)
    assert counts.daycares == Tally(updated=1)
    assert counts.people == Tally(unchanged=3)
    assert await places(db) == {"Mælkebøtten": "SYD"}
    assert [a.name for a in await org.all_areas(db)] == ["Nord", "SYD"]


async def test_people_not_in_the_file_stay_unless_pruned(db: Database, clock: ManualClock) -> None:
    await load(db, clock, csv_bytes(*BASE))
    fewer = csv_bytes(*BASE[:2])
    kept = await load(db, clock, fewer)
    assert kept.people == Tally(unchanged=2)
    assert (await org.counts(db)).people == 3
    pruned = await load(db, clock, fewer, prune=True)
    assert pruned.people == Tally(unchanged=2, removed=1)
    assert pruned.changed
    assert await member(db, "U0JENS001") is None
    assert await table_sizes(db) == (1, 1, 2, 2)


async def test_a_slack_id_held_by_someone_outside_the_file_is_refused_unless_pruned(
    db: Database, clock: ManualClock
) -> None:
    await load(db, clock, csv_bytes(*BASE))
    # Mette (matched by her e-mail) is given Jens's Slack id, and Jens is not in the file.
    taken = csv_bytes(BASE[0], "mette@x.dk;Mette Lund;ambassador;Nord;;U0JENS001;")
    with pytest.raises(ImportRefused) as caught:
        await load(db, clock, taken)
    (problem,) = caught.value.problems
    assert (problem.line, problem.key) == (3, "org_import.user_id_taken")
    assert problem.params == {"user_id": "U0JENS001", "name": "Jens Holm"}
    counts = await load(db, clock, taken, prune=True)
    assert counts.people == Tally(updated=1, unchanged=1, removed=1)
    assert (await person(db, "U0JENS001")).name == "Mette Lund"


# -- onboarding contract: welcomed_at NULL means "welcome this superuser" ---------------


async def test_welcomed_at_follows_the_onboarding_contract(
    db: Database, clock: ManualClock
) -> None:
    await load(db, clock, csv_bytes(*BASE))
    for slack_id in ("U0LINE001", "U0METTE01", "U0JENS001"):
        assert await welcomed_at(db, slack_id) is None  # new people
    await db.execute("UPDATE people SET welcomed_at = '2026-11-30T08:00:00+00:00'")
    changed = csv_bytes(
        # already a superuser, moves to another daycare: no second welcome
        "line@x.dk;Line Nielsen;superuser;Nord;Regnbuen;U0LINE001;en",
        # gains the superuser role: to be welcomed
        "mette@x.dk;Mette Lund;ambassador|superuser;Nord;Mælkebøtten;U0METTE01;",
        # other changes: left alone
        "jens@x.dk;Jens Holm Jr.;leader|coordinator;;;U0JENS001;",
    )
    assert (await load(db, clock, changed)).people == Tally(updated=3)
    assert await welcomed_at(db, "U0LINE001") == "2026-11-30T08:00:00+00:00"
    assert await welcomed_at(db, "U0METTE01") is None
    assert await welcomed_at(db, "U0JENS001") == "2026-11-30T08:00:00+00:00"
    assert await org.superusers_to_welcome(db) == [(await person(db, "U0METTE01")).id]


# -- bad rows: every line and reason, nothing written ----------------------------------


async def test_one_bad_row_writes_nothing_and_names_its_line(
    db: Database, clock: ManualClock
) -> None:
    await load(db, clock, csv_bytes(*BASE))
    before = await db.fetchall("SELECT * FROM people ORDER BY id")
    data = csv_bytes(
        "line@x.dk;Line Renamed;superuser;Nord;Mælkebøtten;U0LINE001;",
        "new@x.dk;New Person;leader;;;U0NEW0001;",
        "bad@x.dk;Bad Role;chef;;;U0BAD0001;",
    )
    assert await refused(db, clock, data) == [(4, "org_csv.role_unknown")]
    after = await db.fetchall("SELECT * FROM people ORDER BY id")
    assert [tuple(row) for row in after] == [tuple(row) for row in before]


@pytest.mark.parametrize(
    ("row", "key"),
    [
        ("x@x.dk;X;chef;;;U0X000001;", "org_csv.role_unknown"),
        ("x@x.dk;X;superuser;Nord;;U0X000001;", "org_csv.superuser_no_daycare"),
        ("x@x.dk;X;superuser;;Regnbuen;U0X000001;", "org_csv.superuser_no_area"),
        ("x@x.dk;X;superuser;Nord|Syd;Regnbuen;U0X000001;", "org_csv.superuser_one_area"),
        ("x@x.dk;X;ambassador;;;U0X000001;", "org_csv.ambassador_no_area"),
        ("x@x.dk;X;leader;Nord;;U0X000001;", "org_csv.area_unused"),
        ("x@x.dk;X;ambassador;Nord;Regnbuen;U0X000001;", "org_csv.daycare_unused"),
        ("x.dk;X;leader;;;U0X000001;", "org_csv.email_bad"),
        ("x@@x.dk;X;leader;;;U0X000001;", "org_csv.email_bad"),
        ("x@x.dk;X;leader;;;123;", "org_csv.user_id_bad"),
        ("x@x.dk;X;leader;;;u0x000001;", "org_csv.user_id_bad"),
        (";X;leader;;;;", "org_csv.email_or_id"),
        ("x@x.dk;;leader;;;U0X000001;", "org_csv.name_missing"),
        ("x@x.dk;X;leader;;;U0X000001;de", "org_csv.language_bad"),
        ("x@x.dk;X;leader;;;U0X000001", "org_csv.field_count"),
        ("x@x.dk;X;leader;;;U0X000001;;extra", "org_csv.field_count"),
    ],
)
async def test_each_kind_of_bad_row_is_named(
    db: Database, clock: ManualClock, row: str, key: str
) -> None:
    assert await refused(db, clock, csv_bytes(BASE[2], row)) == [(3, key)]
    assert await table_sizes(db) == (0, 0, 0, 0)


async def test_every_bad_line_is_reported_at_once(db: Database, clock: ManualClock) -> None:
    data = csv_bytes(
        "a@x.dk;Ann;leader;;;U0ANN0001;",  # 2: fine
        "A@X.DK;Ann Again;leader;;;U0ANN0002;",  # 3: same e-mail as line 2
        "b@x.dk;Bo;leader;;;U0ANN0001;",  # 4: same Slack id as line 2
        "c@x.dk;Cai;superuser;Nord;Regnbuen;U0CAI0001;",  # 5: fine
        "d@x.dk;Dina;superuser;Syd;regnbuen;U0DIN0001;",  # 6: Regnbuen in two areas
        "e@x.dk;Eva;chef;;;U0EVA0001;xx",  # 7: two problems
    )
    assert await refused(db, clock, data) == [
        (3, "org_csv.email_duplicate"),
        (4, "org_csv.user_id_duplicate"),
        (6, "org_csv.daycare_two_areas"),
        (7, "org_csv.language_bad"),
        (7, "org_csv.role_unknown"),
    ]


async def test_an_ambassadors_daycare_must_lie_in_one_of_their_areas(
    db: Database, clock: ManualClock
) -> None:
    data = csv_bytes(
        "a@x.dk;Ann;ambassador|superuser;Nord|Syd;Regnbuen;U0ANN0001;",
        "b@x.dk;Bo;superuser;Øst;Regnbuen;U0BO00001;",
        "c@x.dk;Cai;ambassador|superuser;Vest|Øst;Havblik;U0CAI0001;",
        "d@x.dk;Dina;ambassador|superuser;Nord|Syd;Havblik;U0DIN0001;",
    )
    with pytest.raises(ImportRefused) as caught:
        await load(db, clock, data)
    problems = [(p.line, p.key, p.params) for p in caught.value.problems]
    assert problems == [
        (
            2,
            "org_csv.daycare_not_in_areas",
            {"daycare": "Regnbuen", "area": "Øst", "other": 3, "areas": "Nord, Syd"},
        ),
        (
            5,
            "org_csv.daycare_no_common_area",
            {"daycare": "Havblik", "areas": "Nord, Syd", "other": 4, "other_areas": "Vest, Øst"},
        ),
    ]


async def test_an_ambassadors_daycare_placed_elsewhere_in_one_of_their_areas_is_fine(
    db: Database, clock: ManualClock
) -> None:
    data = csv_bytes(
        "a@x.dk;Ann;ambassador|superuser;Nord|Syd;Regnbuen;U0ANN0001;",
        "b@x.dk;Bo;superuser;Syd;Regnbuen;U0BO00001;",
    )
    await load(db, clock, data)
    assert await places(db) == {"Regnbuen": "Syd"}


# -- broken files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "key"),
    [
        (b"", 1, "org_csv.empty"),
        (b"\xef\xbb\xbf\r\n  \r\n", 1, "org_csv.empty"),
        (HEADER.encode() + b"\r\n\r\n", 1, "org_csv.no_rows"),
        (b"\n\n" + HEADER.encode() + b"\n", 3, "org_csv.no_rows"),
        (csv_bytes("a@x.dk;Ann;leader;;;U0ANN0001;") + b"\x00\x01\x02", 3, "org_csv.binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", 1, "org_csv.binary"),
        (HEADER.encode() + b"\na@x.dk;S\xf8ren;leader;;;U0ANN0001;\n", 2, "org_csv.not_utf8"),
        (
            csv_bytes('a@x.dk;"Ann;leader;;;U0ANN0001;', "b@x.dk;Bo;leader;;;U0BO00001;"),
            2,
            "org_csv.bad_quotes",
        ),
        (
            csv_bytes(
                "a@x.dk;Ann;leader;;;U0ANN0001;",
                header="e-mail;name;role;area;daycare;slack_user_id;language",
            ),
            1,
            "org_csv.unknown_column",
        ),
    ],
)
async def test_broken_files_are_refused_naming_the_line(
    db: Database, clock: ManualClock, data: bytes, line: int, key: str
) -> None:
    problems = await refused(db, clock, data)
    assert (line, key) in problems
    assert await table_sizes(db) == (0, 0, 0, 0)


def test_a_header_names_each_missing_unknown_and_doubled_column() -> None:
    read = read_org_csv(b"email;name;role;role;area;rolle\na;b;c;d;e;f\n")
    assert [(p.line, p.key, p.params.get("column")) for p in read.problems] == [
        (1, "org_csv.duplicate_column", "role"),
        (1, "org_csv.unknown_column", "rolle"),
        (1, "org_csv.missing_column", "daycare"),
        (1, "org_csv.missing_column", "slack_user_id"),
        (1, "org_csv.missing_column", "language"),
    ]


def test_blank_lines_and_excel_leftover_rows_are_skipped_not_errors() -> None:
    read = read_org_csv(csv_bytes("", "a@x.dk;Ann;leader;;;U0ANN0001;", "   ", ";;;;;;", ""))
    assert not read.problems
    assert [row.line for row in read.rows] == [3]


# -- the demo goes through the same import ---------------------------------------------


async def test_the_demo_is_imported_and_its_people_are_already_welcomed(
    db: Database, clock: ManualClock
) -> None:
    counts = await seed_demo(db, clock)
    assert counts is not None
    assert (counts.areas, counts.daycares, counts.people) == (3, 7, 8)
    assert await org.superusers_to_welcome(db) == []
    oliver = await person(db, "U0DEMO008")
    assert (oliver.language, oliver.email) == ("en", "oliver.grant@vesteraa-kommune.example")
    soeren = await person(db, "U0DEMO004")
    assert soeren.email == "soeren.krogh@vesteraa-kommune.example"
    everyone = await org.all_people(db)
    area_names = {a.id: a.name for a in await org.all_areas(db)}
    ambassador_areas = {
        area_names[r.area_id]
        for p in everyone
        for r in p.roles
        if r.role == "ambassador" and r.area_id
    }
    assert ambassador_areas == {"Nord", "Syd"}  # Øst is the gap
    # The demo file itself is a valid import file, and re-importing it changes nothing.
    again = await load(db, clock, demo_csv().encode())
    assert not again.changed and again.people == Tally(unchanged=8)


# -- the command line ------------------------------------------------------------------


def clean_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TOVHOLDER_"))}
    return {
        **env,
        "PYTHONPATH": str(ROOT),
        "TOVHOLDER_DB": str(tmp_path / "data" / "tovholder.db"),
        **settings,
    }


async def tovholder(tmp_path: Path, *args: str, **settings: str) -> tuple[int, str, str]:
    """The real CLI in its own process; the stand-in keeps answering while it runs."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=tmp_path,
        env=clean_env(tmp_path, **settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(60):
        out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode("utf-8"), err.decode("utf-8")


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """For `bot.cli.main` in this process: a clean environment and no `.env` around."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "TOVHOLDER_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOVHOLDER_DB", str(tmp_path / "cli.db"))
    return tmp_path / "cli.db"


def rows_of(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


def test_cli_import_reports_counts_in_danish_and_again_unchanged(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "org.csv").write_bytes(csv_bytes(*BASE))
    assert main(["org", "import", "org.csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Organisationen er indlæst fra org.csv.",
        "Områder: 1 nye, 0 ændrede, 0 uændrede",
        "Dagtilbud: 1 nye, 0 ændrede, 0 uændrede",
        "Personer: 3 nye, 0 ændrede, 0 uændrede",
    ]
    assert main(["org", "import", "org.csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "Områder: 0 nye, 0 ændrede, 1 uændrede",
        "Dagtilbud: 0 nye, 0 ændrede, 1 uændrede",
        "Personer: 0 nye, 0 ændrede, 3 uændrede",
        "Intet er ændret – databasen svarede allerede til filen.",
    ]


def test_cli_prune_in_english_counts_the_removed(
    cli_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TOVHOLDER_LANG", "en")
    (tmp_path / "org.csv").write_bytes(csv_bytes(*BASE))
    assert main(["org", "import", "org.csv"]) == 0
    (tmp_path / "fewer.csv").write_bytes(csv_bytes(*BASE[:2]))
    capsys.readouterr()
    assert main(["org", "import", "fewer.csv", "--prune"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "The organisation is imported from fewer.csv.",
        "Areas: 0 created, 0 updated, 1 unchanged",
        "Daycares: 0 created, 0 updated, 1 unchanged",
        "People: 0 created, 0 updated, 2 unchanged, 1 removed",
    ]
    assert rows_of(
        cli_env,
        "SELECT i.external_id FROM people p JOIN identities i ON i.person_id = p.id ORDER BY p.id",
    ) == [
        ("U0LINE001",),
        ("U0METTE01",),
    ]


def test_cli_refuses_a_bad_file_with_exit_code_1_and_every_line(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.csv").write_bytes(
        csv_bytes(BASE[0], "x@x.dk;X;chef;;;U0X000001;", "y@x.dk;Y;ambassador;;;U0Y000001;")
    )
    assert main(["org", "import", "bad.csv"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "bad.csv er ikke indlæst, og intet er ændret. Ret 2 fejl og prøv igen:",
        f"Linje 3: Rollen »chef« kender jeg ikke. Brug {ROLE_LINE} – flere roller skilles med |.",
        "Linje 4: En ambassadør (ambassador) skal have et område i kolonnen area.",
    ]
    assert rows_of(cli_env, "SELECT COUNT(*) FROM people") == [(0,)]
    assert main(["org", "import", "missing.csv"]) == 1
    assert capsys.readouterr().err.strip() == "Filen missing.csv findes ikke."


async def test_cli_looks_people_up_in_slack_through_the_bot_token(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    (tmp_path / "org.csv").write_bytes(
        csv_bytes(
            "bitten@x.dk;Bitten Hansen;superuser;Nord;Regnbuen;;",
            "nobody@x.dk;Nobody;leader;;;;",
        )
    )
    slack = {"SLACK_BOT_TOKEN": standin.bot_token, "SLACK_API_URL": standin.api_url}
    code, out, err = await tovholder(tmp_path, "org", "import", "org.csv", **slack)
    assert code == 1, out + err
    assert "Linje 3: Der er ingen aktiv Slack-bruger med e-mailadressen nobody@x.dk." in err
    (tmp_path / "org.csv").write_bytes(
        csv_bytes("bitten@x.dk;Bitten Hansen;superuser;Nord;Regnbuen;;")
    )
    code, out, err = await tovholder(
        tmp_path, "org", "import", "org.csv", TOVHOLDER_LANG="en", **slack
    )
    assert code == 0, err
    assert "People: 1 created, 0 updated, 0 unchanged" in out
    asked = [call.args["email"] for call in standin.calls_to("users.lookupByEmail")]
    assert asked == ["bitten@x.dk", "nobody@x.dk", "bitten@x.dk"]
    assert {call.method for call in standin.calls} == {"users.lookupByEmail"}
    stored = rows_of(
        tmp_path / "data" / "tovholder.db",
        "SELECT i.external_id, p.welcomed_at FROM people p JOIN identities i ON i.person_id = p.id",
    )
    assert stored == [("U0BITT001", None)]


async def test_a_row_with_only_an_area_and_a_daycare_adds_the_place(
    db: Database, clock: ManualClock
) -> None:
    data = (
        "email;name;role;area;daycare;slack_user_id;language\n"
        ";;;Vest;Børnehuset Tusindfryd;;\n"
        ";;;Nord;;;\n"
    ).encode()
    counts = await import_org(db, clock, data, lookup=None)
    assert counts.areas == Tally(created=2)
    assert counts.daycares == Tally(created=1)
    assert [d.name for d in await org.all_daycares(db)] == ["Børnehuset Tusindfryd"]


def test_a_place_row_needs_one_area_and_keeps_its_daycare_in_one_area() -> None:
    read = read_org_csv(
        b"email;name;role;area;daycare;slack_user_id;language\n"
        b";;;Nord|Syd;;;\n"
        b"line@x.dk;Line;superuser;Nord;Regnbuen;U0LINE;\n"
        b";;;Syd;Regnbuen;;\n"
    )
    assert [(p.line, p.key) for p in read.problems] == [
        (2, "org_csv.place_one_area"),
        (4, "org_csv.daycare_two_areas"),
    ]
