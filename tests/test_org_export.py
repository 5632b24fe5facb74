"""`tovholder org export` (the import's own format, for Excel) and `tovholder export` (JSON)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import ManualClock, utc_iso
from bot.services.demo import seed_demo
from bot.services.export import SECTIONS, export_document, to_json
from bot.services.org_csv import COLUMNS, OrgRow, read_org_csv, write_org_csv
from bot.services.org_import import Tally, export_rows, import_org
from storage.db import Database
from storage.migrations import migrate
from storage.repositories import org
from storage.repositories import settings as settings_repo
from tests.conftest import FROZEN_AT
from tests.people import member, person_id
from tests.test_org_import import cli_env, csv_bytes, rows_of, tovholder

__all__ = ["cli_env"]  # a fixture: imported so pytest finds it here too

D = "vesteraa-kommune.example"
DEMO_ROWS = [
    f"ahmed.yilmaz@{D};Ahmed Yilmaz;superuser;Nord;Børnehaven Regnbuen;U0DEMO006;",
    f"annette.baek@{D};Annette Bæk;coordinator;;;U0DEMO001;",
    f"camilla.friis@{D};Camilla Friis;superuser;Syd;Skovbørnehaven Egernet;U0DEMO007;",
    f"jens.holm@{D};Jens Holm;leader;;;U0DEMO002;",
    f"line.nielsen@{D};Line Nielsen;superuser;Nord;Børnehuset Mælkebøtten;U0DEMO005;",
    f"mette.lund@{D};Mette Lund;ambassador;Nord;;U0DEMO003;",
    f"oliver.grant@{D};Oliver Grant;superuser;Øst;Børnehuset Lærkereden;U0DEMO008;en",
    f"soeren.krogh@{D};Søren Krogh;ambassador;Syd;;U0DEMO004;",
    # Place rows: the daycares nobody is superuser in yet, so an empty database gets them too.
    ";;;Nord;Vuggestuen Solsikken;;",
    ";;;Syd;Dagtilbud Havblik;;",
    ";;;Øst;Vuggestuen Spirekassen;;",
]


def test_org_export_writes_danish_excel_csv_sorted_by_name_and_imports_as_a_no_op(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "seed"]) == 0
    capsys.readouterr()
    assert main(["org", "export", "out/org.csv"]) == 0
    assert capsys.readouterr().out.strip() == "8 personer er skrevet til out/org.csv."
    written = (tmp_path / "out" / "org.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    assert written.decode("utf-8-sig").split("\r\n") == [";".join(COLUMNS), *DEMO_ROWS, ""]
    assert stat.S_IMODE((tmp_path / "out" / "org.csv").stat().st_mode) == 0o600

    before = rows_of(cli_env, "SELECT * FROM people ORDER BY id")
    assert main(["org", "import", "out/org.csv"]) == 0
    out = capsys.readouterr().out
    assert "Personer: 0 nye, 0 ændrede, 8 uændrede" in out
    assert "Intet er ændret – databasen svarede allerede til filen." in out
    assert rows_of(cli_env, "SELECT * FROM people ORDER BY id") == before


async def test_roles_and_areas_are_joined_and_a_fresh_database_exports_the_same_file(
    db: Database, clock: ManualClock, tmp_path: Path
) -> None:
    data = csv_bytes(
        "b@x.dk;Bo;ambassador|superuser|leader;Syd|Nord;Havblik;U0BO00001;",
        "a@x.dk;Ann;superuser;Nord;Regnbuen;U0ANN0001;en",
        'c@x.dk;"Hansen, ""Bitten""";ambassador;Nord|Øst|Syd;;U0CAI0001;da',
    )
    await import_org(db, clock, data, lookup=None)
    exported = await export_rows(db)
    assert not exported.inexact
    assert [(r.name, r.roles, r.areas, r.daycare) for r in exported.rows] == [
        ("Ann", ("superuser",), ("Nord",), "Regnbuen"),
        ("Bo", ("ambassador", "superuser", "leader"), ("Syd", "Nord"), "Havblik"),
        ('Hansen, "Bitten"', ("ambassador",), ("Nord", "Syd", "Øst"), None),
    ]
    first = write_org_csv(exported.rows)
    assert "b@x.dk;Bo;ambassador|superuser|leader;Syd|Nord;Havblik;U0BO00001;" in first.decode()
    assert (await import_org(db, clock, first, lookup=None)).changed is False

    fresh = await Database.open(tmp_path / "fresh.db")
    try:
        await migrate(fresh, clock)
        await import_org(fresh, clock, first, lookup=None)
        assert write_org_csv((await export_rows(fresh)).rows) == first
    finally:
        await fresh.close()


def test_cells_that_excel_would_run_as_formulas_are_guarded_and_read_back() -> None:
    row = OrgRow("a@x.dk", "=1+2", ("leader",), (), None, "U0ANN0001", None)
    other = OrgRow("b@x.dk", "-Bo", ("leader",), (), None, "U0BO00001", None)
    written = write_org_csv([row, other]).decode("utf-8-sig")
    assert "a@x.dk;'=1+2;leader;" in written and "b@x.dk;'-Bo;leader;" in written
    read = read_org_csv(written.encode())
    assert not read.problems
    assert [r.name for r in read.rows] == ["=1+2", "-Bo"]


async def test_roles_the_file_cannot_show_exactly_are_pointed_out(
    db: Database, clock: ManualClock, cli_env: Path, tmp_path: Path
) -> None:
    await seed_demo(db, clock)
    mette = await member(db, "U0DEMO003")
    assert mette is not None
    egernet = next(d for d in await org.all_daycares(db) if d.name == "Skovbørnehaven Egernet")
    async with db.transaction() as conn:  # as the settings modal may do it
        await org.set_role(
            conn, mette.id, "superuser", area_id=None, daycare_id=egernet.id, present=True
        )
    assert (await export_rows(db)).inexact == ("Mette Lund",)
    code, out, err = await tovholder(
        tmp_path, "org", "export", "org.csv", TOVHOLDER_DB=str(db.path), TOVHOLDER_LANG="en"
    )
    assert code == 0, err
    assert out.strip() == "8 people written to org.csv."
    assert err.startswith("Note: the file cannot show the roles exactly for Mette Lund")


# -- tovholder export ------------------------------------------------------------------


async def test_the_json_document_holds_every_record_with_ids_and_timestamps(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    annette = await person_id(db, "U0DEMO001")
    async with db.transaction() as conn:
        await settings_repo.put(conn, "test_channel", "C0TEST123", annette, utc_iso(FROZEN_AT))
    document = await export_document(db, clock)
    assert list(document) == ["exported_at", *(name for name, _ in SECTIONS)]
    assert list(document) == [
        "exported_at",
        "areas",
        "daycares",
        "people",
        "settings",
        "tools",
        "tool_decisions",
        "guides",
        "sparring_questions",
        "sparring_replies",
        "tool_tests",
        "test_results",
        "reminders",
        "nudge_pauses",
        "area_evaluations",
        "adoption",
        "adoption_changes",
        "spreading_rounds",
        "spreading_targets",
        "trainings",
        "training_signups",
        "gdpr_log",
    ]
    now = utc_iso(FROZEN_AT)
    assert document["exported_at"] == now
    assert document["areas"][2] == {"id": 3, "name": "Øst", "created_at": now}
    assert len(document["daycares"]) == 7
    assert document["daycares"][0] == {
        "id": 1,
        "name": "Børnehuset Mælkebøtten",
        "area_id": 1,
        "area": "Nord",
        "created_at": now,
    }
    oliver = next(p for p in document["people"] if p["name"] == "Oliver Grant")
    assert oliver == {
        "id": 8,
        "identities": [{"platform": "slack", "external_id": "U0DEMO008"}],
        "name": "Oliver Grant",
        "email": "oliver.grant@vesteraa-kommune.example",
        "language": "en",
        "created_at": now,
        "updated_at": now,
        "welcomed_at": now,
        "roles": [
            {
                "role": "superuser",
                "area_id": None,
                "area": None,
                "daycare_id": 6,
                "daycare": "Børnehuset Lærkereden",
            }
        ],
    }
    assert document["settings"] == {
        "test_channel": {
            "value": "C0TEST123",
            "updated_by": annette,
            "via": "chat",
            "updated_at": now,
        }
    }
    text = to_json(document)
    assert "Søren Krogh" in text and "\\u00f8" not in text
    assert '\n  "areas": [\n    {\n      "id": 1,' in text
    assert "processed_events" not in text and "_migrations" not in text


async def test_cli_export_writes_json_to_stdout_or_to_a_private_file(tmp_path: Path) -> None:
    code, out, err = await tovholder(tmp_path, "demo", "seed")
    assert code == 0, err
    code, out, err = await tovholder(tmp_path, "export")
    assert code == 0, err
    document = json.loads(out)
    assert [p["name"] for p in document["people"]][:2] == ["Annette Bæk", "Jens Holm"]
    assert {a["name"] for a in document["areas"]} == {"Nord", "Syd", "Øst"}

    code, out, err = await tovholder(tmp_path, "export", "--output", "backup/all.json")
    assert code == 0, err
    assert out.strip() == "Alle data er skrevet til backup/all.json."
    target = tmp_path / "backup" / "all.json"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    raw = target.read_bytes()
    assert "Søren".encode() in raw
    stored = json.loads(raw)
    assert stored["people"] == document["people"]


async def test_an_export_through_the_import_keeps_the_people_tally_exact(
    db: Database, clock: ManualClock
) -> None:
    """Re-importing what was exported counts every person as unchanged."""
    await seed_demo(db, clock)
    exported = write_org_csv((await export_rows(db)).rows)
    counts = await import_org(db, clock, exported, lookup=None)
    assert counts.people == Tally(unchanged=8)
    assert counts.daycares == Tally(unchanged=7)
    assert counts.areas == Tally(unchanged=3)


async def test_place_rows_bring_back_daycares_without_superusers(
    db: Database, clock: ManualClock, tmp_path: Path
) -> None:
    """Export -> import into an empty database keeps every area and daycare."""
    await seed_demo(db, clock)
    exported = write_org_csv((await export_rows(db)).rows)
    fresh = await Database.open(tmp_path / "fresh.db")
    try:
        await migrate(fresh, clock)
        counts = await import_org(fresh, clock, exported, lookup=None)
        assert counts.daycares == Tally(created=7)
        assert counts.areas == Tally(created=3)
        assert [d.name for d in await org.all_daycares(fresh)] == [
            d.name for d in await org.all_daycares(db)
        ]
    finally:
        await fresh.close()
