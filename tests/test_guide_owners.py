"""Guide owners not (yet) in the organisation: guides import before the organisation does,
show their owner once that person is imported, and export unchanged either way."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import ManualClock
from bot.domain.guides import GuideContent, GuideDraft
from bot.services.demo import demo_csv, demo_guide_files, seed_demo
from bot.services.guide_files import parse_guide_file
from bot.services.guides import (
    get_guide,
    get_guide_by_id,
    guide_drafts,
    guide_history,
    import_guide_files,
    save_guide,
)
from bot.services.identities import person_for
from bot.services.org_import import import_org
from storage.db import Database
from storage.repositories.guides import guide_records

DEMO_GUIDES = Path(__file__).parents[1] / "bot" / "demo_guides"
METTE = "mette.lund@vesteraa-kommune.example"
OLE_FILE = """---
tool: Lup
title: Lup på legepladsen
purpose: Børnene ser tæt på.
owner: Ole.Hansen@X.dk
---

Kig.
"""


def draft(owner_email: str | None) -> GuideDraft:
    content = GuideContent(title="Bee-Bot", purpose="Retninger.", body="Trin.")
    return GuideDraft(slug="bee-bot", tool="Bee-Bot", content=content, owner_email=owner_email)


async def load_org(db: Database, clock: ManualClock, *extra: str) -> None:
    data = (demo_csv() + "".join(f"{row}\n" for row in extra)).encode()
    await import_org(db, clock, data, lookup=None, welcome_new=False)


async def test_guides_import_before_the_org_and_show_their_owner_once_it_is_imported(
    db: Database, clock: ManualClock
) -> None:
    files = demo_guide_files()
    outcomes = await import_guide_files(db, clock, files, editor="cli")
    assert len(outcomes) == 18 and all(o.result and o.result.new_guide for o in outcomes)
    owners = {name: parse_guide_file(name, data).owner_email for name, data in files}
    assert {o.name: o.result.unknown_owner for o in outcomes if o.result} == owners
    before = await get_guide(db, "bee-bot")
    assert before is not None and before.guide.owner_id is None
    assert (before.owner_name, before.owner_email, before.guide.owner_email) == (None, METTE, METTE)

    await load_org(db, clock)
    after = await get_guide(db, "bee-bot")
    assert after is not None and after.guide.owner_id is None  # not re-imported yet
    assert (after.owner_name, after.owner_email) == ("Mette Lund", METTE)
    by_id = await get_guide_by_id(db, after.guide.id)
    assert by_id is not None and by_id.owner_name == "Mette Lund"

    again = await import_guide_files(db, clock, files, editor="cli")
    assert all(o.result and o.result.unknown_owner is None for o in again)
    assert all(o.result and not o.result.new_version and o.result.version == 1 for o in again)
    linked = await get_guide(db, "bee-bot")
    assert linked is not None and linked.guide.owner_id is not None
    assert (linked.owner_name, linked.guide.owner_email) == ("Mette Lund", METTE)
    assert len(await guide_history(db, "bee-bot")) == 1


async def test_owners_match_without_case_and_are_stored_lower_case(
    db: Database, clock: ManualClock
) -> None:
    outcomes = await import_guide_files(db, clock, [("lup.md", OLE_FILE.encode())], editor="cli")
    assert outcomes[0].result and outcomes[0].result.unknown_owner == "ole.hansen@x.dk"
    await load_org(db, clock, "Ole.Hansen@X.dk;Ole Hansen;ambassador;Nord;;U0OLE0001;da")
    lup = await get_guide(db, "lup")
    assert lup is not None and (lup.owner_name, lup.guide.owner_email) == (
        "Ole Hansen",
        "ole.hansen@x.dk",
    )
    saved = await save_guide(db, clock, draft(METTE.upper()), editor="cli")
    assert saved.unknown_owner is None
    bee = await get_guide(db, "bee-bot")
    assert bee is not None and bee.guide.owner_id is not None
    assert (bee.owner_name, bee.guide.owner_email) == ("Mette Lund", METTE)


async def test_a_guide_without_an_owner_stores_none_and_an_owner_can_be_dropped(
    db: Database, clock: ManualClock
) -> None:
    await load_org(db, clock)
    mette = await person_for(db, clock, "slack", "U0METTE01")
    first = await save_guide(db, clock, draft(None), editor=mette)
    assert first.unknown_owner is None
    detail = await get_guide(db, "bee-bot")
    assert detail is not None and detail.guide.owner_email is None
    assert (detail.guide.owner_id, detail.owner_name, detail.owner_email) == (None, None, None)
    await save_guide(db, clock, draft(METTE), editor="cli")
    dropped = await save_guide(db, clock, draft(None), editor="cli")
    assert (dropped.new_version, dropped.version) == (False, 1)
    detail = await get_guide(db, "bee-bot")
    assert detail is not None and (detail.guide.owner_id, detail.guide.owner_email) == (None, None)


async def test_the_exports_write_the_stored_owner_when_nobody_has_that_e_mail(
    db: Database, clock: ManualClock
) -> None:
    await import_guide_files(db, clock, [("lup.md", OLE_FILE.encode())], editor="cli")
    assert [d.owner_email for d in await guide_drafts(db)] == ["ole.hansen@x.dk"]
    records = await guide_records(db)
    assert [(r["owner_id"], r["owner_email"]) for r in records] == [(None, "ole.hansen@x.dk")]


# -- the command line -------------------------------------------------------------------


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith(("SLACK_", "TOVHOLDER_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOVHOLDER_DB", str(tmp_path / "cli.db"))
    shutil.copytree(DEMO_GUIDES, tmp_path / "g", ignore=shutil.ignore_patterns("*.py"))
    return tmp_path / "cli.db"


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608
    finally:
        connection.close()


def test_cli_imports_into_an_empty_database_with_a_warning_per_file_and_exit_0(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["guides", "import", "g"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == "g/bee-bot.md: ny vejledning »bee-bot« (version 1)."
    assert (
        captured.out.splitlines()[-1] == "18 filer: 18 nye, 0 opdaterede, 0 uændrede, 0 med fejl."
    )
    warnings = captured.err.splitlines()
    assert len(warnings) == 18
    assert warnings[0] == (
        f"g/bee-bot.md: ejeren {METTE} findes ikke i organisationen endnu – vejledningen er"
        " lagt ind uden ejer. Importér organisationen (tovholder org import) og derefter"
        " vejledningerne igen, eller ret e-mailen."
    )
    assert count(cli_env, "guides") == 18
    (tmp_path / "org.csv").write_text(demo_csv(), encoding="utf-8")
    assert main(["org", "import", "org.csv"]) == 0
    capsys.readouterr()
    assert main(["guides", "import", "g"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert (
        captured.out.splitlines()[-1] == "18 filer: 0 nye, 0 opdaterede, 18 uændrede, 0 med fejl."
    )
    assert count(cli_env, "guide_versions") == 18
    connection = sqlite3.connect(cli_env)
    try:
        unlinked = connection.execute("SELECT COUNT(*) FROM guides WHERE owner_id IS NULL")
        assert unlinked.fetchone()[0] == 0
    finally:
        connection.close()


def test_export_import_into_an_empty_database_export_is_byte_identical_with_owners_unknown(
    cli_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TOVHOLDER_LANG", "en")
    (tmp_path / "g" / "lup.md").write_text(OLE_FILE, encoding="utf-8")
    assert main(["guides", "import", "g"]) == 0
    assert (
        "g/lup.md: the owner ole.hansen@x.dk is not in the organisation yet – the guide was"
        " imported without an owner. Import the organisation (tovholder org import) and then"
        " the guides again, or correct the e-mail."
    ) in capsys.readouterr().err.splitlines()
    assert main(["guides", "export", "first"]) == 0
    monkeypatch.setenv("TOVHOLDER_DB", str(tmp_path / "fresh.db"))
    assert main(["guides", "import", "first"]) == 0
    assert main(["guides", "export", "second"]) == 0
    first = {p.name: p.read_bytes() for p in (tmp_path / "first").iterdir()}
    second = {p.name: p.read_bytes() for p in (tmp_path / "second").iterdir()}
    assert len(first) == 19 and first == second
    assert f"owner: {METTE}\n".encode() in first["bee-bot.md"]
    assert b"owner: ole.hansen@x.dk\n" in first["lup.md"]


async def test_a_changed_address_is_followed_by_the_guides_the_person_owns(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    csv = demo_csv().replace("mette.lund@", "mette.lund2@").encode("utf-8")
    await import_org(db, clock, csv, lookup=None, welcome_new=False)
    drafts = {draft.slug: draft for draft in await guide_drafts(db)}
    assert drafts["bee-bot"].owner_email == "mette.lund2@vesteraa-kommune.example"
