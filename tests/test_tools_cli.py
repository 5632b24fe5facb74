"""`tovholder tools`: the coordinator moves tools along their lifecycle and keeps decisions."""

from __future__ import annotations

import io

import pytest

from bot.admin.context import AdminContext
from bot.cli import parser as cli_parser
from bot.clock import ManualClock
from bot.services.demo import seed_demo
from bot.services.guides import find_tool, latest_decision, status_history
from bot.settings import load_settings
from storage.db import Database


async def run(db: Database, clock: ManualClock, *argv: str) -> tuple[int, str, str]:
    """Parse with the real parser, run the handler on the test database: (code, out, err)."""
    args = cli_parser().parse_args(["tools", *argv])
    settings = load_settings("console", environ={"TOVHOLDER_DB": str(db.path)}, env_file=None)
    out, err = io.StringIO(), io.StringIO()
    code = await args.handler(args, AdminContext(settings, db, clock, None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> Database:
    await seed_demo(db, clock)
    return db


async def test_list_shows_recommended_tools_first_with_the_latest_decision(
    demo: Database, clock: ManualClock
) -> None:
    code, out, _ = await run(demo, clock, "list")
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first == ["Bee-Bot", "recommended", "Robotter og kodning", "to_be_spread 2026-10-31"]
    assert out.splitlines()[-1].split("\t")[1] == "not_recommended"


async def test_a_lifecycle_step_is_recorded_with_who(demo: Database, clock: ManualClock) -> None:
    code, out, _ = await run(demo, clock, "status", "blue-bot", "in_test")
    assert (code, out) == (0, "Blue-Bot har nu status in_test.\n")
    tool = await find_tool(demo, "Blue-Bot")
    assert tool is not None and tool.status == "in_test"
    last = (await status_history(demo, tool.id))[-1]
    assert (last.changed_by, last.via) == (None, "cli")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("status", "Blue-Bot", "recommended"), "kan ikke gå direkte til recommended"),
        (("status", "Blue-Bot", "recommended"), "Næste skridt kan være: in_test eller retired"),
        (("status", "Blue-Bot", "godkendt"), "Ukendt status »godkendt«"),
        (("status", "Bluu-Bott", "in_test"), "Ligner: Blue-Bot"),
        (("decide", "Osmo", "forbudt"), "Ukendt beslutning »forbudt«"),
        (("decide", "Osmo", "stopped", "--date", "31/11/2026"), "kan ikke læses"),
        (("decide", "Osmo", "stopped", "--note", "x" * 1001), "højst 1000 tegn"),
    ],
)
async def test_a_wrong_request_is_refused_with_the_reason_and_nothing_changes(
    demo: Database, clock: ManualClock, argv: tuple[str, ...], message: str
) -> None:
    before = await latest_decision(demo, 1)
    code, out, err = await run(demo, clock, *argv)
    assert (code, out) == (1, "")
    assert message in err
    blue = await find_tool(demo, "Blue-Bot")
    assert blue is not None and blue.status == "proposed"
    assert await latest_decision(demo, 1) == before


async def test_a_decision_is_kept_with_its_day_and_note(demo: Database, clock: ManualClock) -> None:
    code, out, _ = await run(
        demo, clock, "decide", "ozobot", "to_be_spread", "--date", "2026-11-20", "--note", "Alle"
    )
    assert (code, out) == (0, "Beslutning gemt: Ozobot – to_be_spread (2026-11-20).\n")
    tool = await find_tool(demo, "Ozobot")
    assert tool is not None
    decision = await latest_decision(demo, tool.id)
    assert decision is not None
    assert (decision.decision, decision.decided_on, decision.note) == (
        "to_be_spread",
        "2026-11-20",
        "Alle",
    )
    _, history, _ = await run(demo, clock, "history", "Ozobot")
    assert history.splitlines()[0] == "Ozobot: in_test"
    assert "2026-11-20\tto_be_spread\tAlle" in history
