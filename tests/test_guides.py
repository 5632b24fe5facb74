"""Tools and guides on real SQLite: versions, lifecycle, decisions, browsing, files in and out."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import ManualClock, utc_iso
from bot.domain.guides import GuideContent, GuideDraft
from bot.services import identities
from bot.services.demo import demo_csv, seed_demo
from bot.services.guides import (
    Helpful,
    StatusRefused,
    browse_guides,
    find_tool,
    get_guide,
    guide_history,
    import_guide_files,
    latest_decision,
    list_tools,
    mark_helpful,
    mark_verified,
    record_decision,
    save_guide,
    set_tool_status,
    status_history,
)
from bot.services.org_import import import_org
from storage.db import Database

FIXTURES = Path(__file__).parent / "fixtures" / "guides"
METTE = "mette.lund@vesteraa-kommune.example"


def draft(slug: str = "bee-bot", tool: str = "Bee-Bot", **content: object) -> GuideDraft:
    fields: dict[str, object] = {"title": "Bee-Bot", "purpose": "Retninger.", "body": "Trin."}
    fields.update(content)
    return GuideDraft(slug=slug, tool=tool, content=GuideContent(**fields))  # type: ignore[arg-type]


async def test_an_edit_makes_a_version_and_an_identical_save_makes_none(
    db: Database, clock: ManualClock
) -> None:
    mette, other, soeren = [
        await identities.person_for(db, clock, "slack", user)
        for user in ("U0METTE01", "U0OTHER01", "U0SOEREN1")
    ]
    first = await save_guide(db, clock, draft(tags=("robot",)), editor=mette)
    assert (first.new_guide, first.new_version, first.new_tool, first.version) == (
        True,
        True,
        True,
        1,
    )
    same = await save_guide(db, clock, draft(tags=("robot", "Robot")), editor=other)
    assert (same.new_version, same.version) == (False, 1)
    clock.advance(timedelta(hours=2))
    edited = await save_guide(db, clock, draft(body="Nye trin."), editor=soeren)
    assert (edited.new_guide, edited.new_version, edited.version) == (False, True, 2)
    history = await guide_history(db, "bee-bot")
    assert [(v.version, v.edited_by) for v in history] == [(2, soeren), (1, mette)]
    assert history[0].edited_at == utc_iso(clock.now())
    assert history[1].content.tags == ("robot",) and history[0].content.tags == ()
    detail = await get_guide(db, "bee-bot")
    assert detail is not None
    assert (detail.current.version, detail.current.content.body) == (2, "Nye trin.")
    assert detail.tool.name == "Bee-Bot" and detail.tool.status == "proposed"


async def test_the_lifecycle_is_recorded_and_skipping_steps_is_refused(
    db: Database, clock: ManualClock
) -> None:
    await save_guide(db, clock, draft(), editor="cli")
    tool = await find_tool(db, "bee-bot")
    assert tool is not None
    u1 = await identities.person_for(db, clock, "slack", "U0COORD01")
    with pytest.raises(StatusRefused):
        await set_tool_status(db, clock, tool.id, "recommended", changed_by=u1)
    for status in ("in_test", "evaluated", "recommended"):
        assert await set_tool_status(db, clock, tool.id, status, changed_by=u1)
    assert not await set_tool_status(db, clock, tool.id, "recommended", changed_by=u1)
    changes = await status_history(db, tool.id)
    assert [(c.from_status, c.to_status, c.changed_by, c.via) for c in changes] == [
        (None, "proposed", None, "cli"),
        ("proposed", "in_test", u1, "chat"),
        ("in_test", "evaluated", u1, "chat"),
        ("evaluated", "recommended", u1, "chat"),
    ]


async def test_decisions_latest_by_date(db: Database, clock: ManualClock) -> None:
    await save_guide(db, clock, draft(), editor="cli")
    tool = await find_tool(db, "Bee-Bot")
    assert tool is not None
    assert await latest_decision(db, tool.id) is None
    leader = await identities.person_for(db, clock, "slack", "U0LEADER1")
    await record_decision(db, clock, tool.id, "to_be_spread", date(2026, 11, 1), recorded_by=leader)
    await record_decision(
        db, clock, tool.id, "approved", date(2026, 9, 1), " Ok ", recorded_by=leader
    )
    latest = await latest_decision(db, tool.id)
    assert latest is not None and (latest.decision, latest.decided_on) == (
        "to_be_spread",
        "2026-11-01",
    )


async def test_browsing_puts_recommended_tools_first_and_filters(
    db: Database, clock: ManualClock
) -> None:
    await save_guide(db, clock, draft("a", "Alfa", themes=("social-udvikling",)), editor="cli")
    await save_guide(db, clock, draft("z", "Zulu", age_groups=("vuggestue",)), editor="cli")
    zulu = await find_tool(db, "Zulu")
    assert zulu is not None
    u1 = await identities.person_for(db, clock, "slack", "U0COORD01")
    for status in ("in_test", "evaluated", "recommended"):
        await set_tool_status(db, clock, zulu.id, status, changed_by=u1)
    assert [g.slug for g in await browse_guides(db)] == ["z", "a"]
    assert [t.name for t in await list_tools(db)] == ["Zulu", "Alfa"]
    assert [g.slug for g in await browse_guides(db, theme="social-udvikling")] == ["a"]
    assert [g.slug for g in await browse_guides(db, age_group="vuggestue")] == ["z"]
    guide = (await browse_guides(db))[0]
    u1 = await identities.person_for(db, clock, "slack", "U1")
    u2 = await identities.person_for(db, clock, "slack", "U2")
    assert await mark_helpful(db, clock, guide.guide_id, u1) == Helpful(1, counted=True)
    # a double click counts once, and says so
    assert await mark_helpful(db, clock, guide.guide_id, u1) == Helpful(1, counted=False)
    assert await mark_helpful(db, clock, guide.guide_id, u2) == Helpful(2, counted=True)
    assert await mark_helpful(db, clock, 9999, u1) is None
    assert (await browse_guides(db))[0].helpful_count == 2
    clock.advance(timedelta(days=3))
    assert await mark_verified(db, clock, guide.guide_id)
    detail = await get_guide(db, "z")
    assert detail is not None and detail.guide.verified_at == utc_iso(clock.now())


async def seed_people(db: Database, clock: ManualClock) -> None:
    await import_org(db, clock, demo_csv().encode(), lookup=None, welcome_new=False)


def fixture_files() -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(FIXTURES.rglob("*.md"))]


async def test_import_merges_tools_and_a_bad_file_writes_nothing_of_itself(
    db: Database, clock: ManualClock
) -> None:
    await seed_people(db, clock)
    bad_key = (FIXTURES / "bee-bot.md").read_text().replace("tool:", "farve: rød\ntool:")
    files = [
        ("bad.md", bad_key.replace("Bee-Bot", "Ghost").encode()),
        ("broken.md", b"no front matter"),
        *fixture_files(),
    ]
    outcomes = await import_guide_files(db, clock, files, editor="cli")
    assert [(o.name, o.result is not None) for o in outcomes] == [
        ("bad.md", False),
        ("broken.md", False),
        (files[2][0], True),
        (files[3][0], True),
    ]
    assert outcomes[0].problems[0].key == "guide_file.unknown_key"
    assert await find_tool(db, "Ghost") is None  # the refused file left no tool behind
    assert all(o.result.unknown_owner is None for o in outcomes if o.result)
    tool = await find_tool(db, "bibot")
    assert tool is not None and tool.aliases == ("Bi-Bot", "bibot")
    again = await import_guide_files(db, clock, fixture_files(), editor="cli")
    assert all(o.result and not o.result.new_version for o in again)
    detail = await get_guide(db, "bee-bot")
    assert detail is not None and detail.owner_email == METTE


async def test_a_dry_run_writes_nothing(db: Database, clock: ManualClock) -> None:
    await seed_people(db, clock)
    outcomes = await import_guide_files(db, clock, fixture_files(), editor="cli", dry_run=True)
    assert all(o.result and o.result.new_guide for o in outcomes)
    assert await list_tools(db) == [] and await browse_guides(db) == []


# -- the command line -------------------------------------------------------------------


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith(("SLACK_", "TOVHOLDER_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOVHOLDER_DB", str(tmp_path / "cli.db"))
    return tmp_path / "cli.db"


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608
    finally:
        connection.close()


def test_cli_import_dry_run_reimport_and_a_bad_file(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "org.csv").write_text(demo_csv(), encoding="utf-8")
    assert main(["org", "import", "org.csv"]) == 0
    shutil.copytree(FIXTURES, tmp_path / "g")
    capsys.readouterr()
    assert main(["guides", "import", "g", "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Prøvekørsel: filerne er kontrolleret, men intet er gemt."
    )
    assert count(cli_env, "guides") == 0
    (tmp_path / "g" / "bad.md").write_text("---\ntool: X\ntitle: Y\npurpose: Z\nfarve: rød\n---\n")
    assert main(["guides", "import", "g"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "g/bee-bot.md: ny vejledning »bee-bot« (version 1).",
        "g/nested/mikroskop.md: ny vejledning »mikroskop-ude« (version 1).",
        "3 filer: 2 nye, 0 opdaterede, 0 uændrede, 1 med fejl.",
    ]
    assert captured.err.startswith("g/bad.md: Ukendt nøgle »farve«. Tilladte nøgler: tool,")
    assert count(cli_env, "guides") == 2 and count(cli_env, "guide_versions") == 2
    (tmp_path / "g" / "bad.md").unlink()
    assert main(["guides", "import", "g/bee-bot.md", "g/nested"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "2 filer: 0 nye, 0 opdaterede, 2 uændrede, 0 med fejl."
    )
    assert count(cli_env, "guide_versions") == 2


def test_export_import_into_a_fresh_database_export_is_byte_identical(
    cli_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TOVHOLDER_LANG", "en")
    assert main(["demo", "seed"]) == 0
    assert main(["guides", "export", "first"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "18 guides written to first."
    monkeypatch.setenv("TOVHOLDER_DB", str(tmp_path / "fresh.db"))
    (tmp_path / "org.csv").write_text(demo_csv(), encoding="utf-8")
    assert main(["org", "import", "org.csv"]) == 0
    assert main(["guides", "import", "first"]) == 0
    assert main(["guides", "export", "second"]) == 0
    first = {p.name: p.read_bytes() for p in (tmp_path / "first").iterdir()}
    second = {p.name: p.read_bytes() for p in (tmp_path / "second").iterdir()}
    assert len(first) == 18 and first == second


def test_the_json_export_has_tools_decisions_and_guides_with_versions(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "seed"]) == 0
    capsys.readouterr()
    assert main(["export"]) == 0
    document = json.loads(capsys.readouterr().out)
    bee = next(tool for tool in document["tools"] if tool["name"] == "Bee-Bot")
    assert bee["status"] == "recommended" and "robotbi" in bee["aliases"]
    assert [c["to_status"] for c in bee["status_changes"]] == [
        "proposed",
        "in_test",
        "evaluated",
        "recommended",
    ]
    assert {d["decision"] for d in document["tool_decisions"]} >= {"approved", "stopped"}
    guide = next(g for g in document["guides"] if g["slug"] == "bee-bot")
    assert guide["owner_email"] == METTE
    assert guide["versions"][0]["version"] == 1 and guide["versions"][0]["purpose"]
    assert "kodning" in guide["versions"][0]["tags"]


async def test_the_demo_seeds_fifteen_tools_with_guides_once(
    db: Database, clock: ManualClock
) -> None:
    counts = await seed_demo(db, clock)
    assert counts is not None and counts.people == 8
    tools = await list_tools(db)
    guides = await browse_guides(db)
    assert len(tools) >= 15 and {g.tool_name for g in guides} == {t.name for t in tools}
    assert all(g.purpose.strip() for g in guides)
    assert guides[0].tool_status == "recommended"
    assert await seed_demo(db, clock) is None
    assert len(await list_tools(db)) == len(tools)
