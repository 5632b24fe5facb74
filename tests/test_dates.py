"""One reader for a day as people type it (bot/domain/dates.py): day first, as Danes write
it, ISO still; used by `tovholder tools decide --date`, the console's `:clock` and the
console's date fields."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import ManualClock
from bot.console.form import Field, parse_answer
from bot.domain.dates import BadDate, parse_day, parse_moment
from bot.services.demo import seed_demo
from bot.services.guides import find_tool, latest_decision
from storage.db import Database
from tests.test_tools_cli import run

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("24/12", date(2026, 12, 24)),
        ("24.12.2026", date(2026, 12, 24)),
        ("24-12-2026", date(2026, 12, 24)),
        ("2026-12-24", date(2026, 12, 24)),
        ("24/12-2026", date(2026, 12, 24)),
        ("24/12/2026", date(2026, 12, 24)),
        ("24.12.26", date(2026, 12, 24)),
        ("24.12.", date(2026, 12, 24)),
        ("24.12", date(2026, 12, 24)),
        (" 5/1 ", date(2026, 1, 5)),
        ("1.2.2027", date(2027, 2, 1)),
        ("24. december", date(2026, 12, 24)),
        ("24. dec. 2025", date(2025, 12, 24)),
        ("24 December 2026", date(2026, 12, 24)),
        ("i dag", TODAY),
        ("i morgen", date(2026, 12, 1)),
        ("I går", date(2026, 11, 29)),
        ("tomorrow", date(2026, 12, 1)),
    ],
)
def test_a_day_as_people_type_it(text: str, day: date) -> None:
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize(
    "text", ["", "24/13", "31/11/2026", "32.12", "12-24", "24.122026", "2026-13-01", "jul", "xx"]
)
def test_what_is_no_day_is_refused(text: str) -> None:
    with pytest.raises(BadDate):
        parse_day(text, TODAY)


def test_a_day_without_a_year_needs_today() -> None:
    assert parse_day("24.12.2026") == date(2026, 12, 24)
    for text in ("24/12", "i morgen"):
        with pytest.raises(BadDate):
            parse_day(text)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-12-24", datetime(2026, 12, 24)),
        ("2026-12-24T09:30", datetime(2026, 12, 24, 9, 30)),
        ("24.12.2026 09:30", datetime(2026, 12, 24, 9, 30)),
        ("24/12 kl. 9.30", datetime(2026, 12, 24, 9, 30)),
        ("24-12-2026", datetime(2026, 12, 24)),
    ],
)
def test_a_moment_is_a_day_and_maybe_a_time(text: str, moment: datetime) -> None:
    assert parse_moment(text, TODAY) == moment


def test_a_time_that_is_none_is_refused() -> None:
    with pytest.raises(BadDate):
        parse_moment("24/12 25:00", TODAY)


def test_a_console_date_field_takes_a_danish_date() -> None:
    field = Field("day", "value", "datepicker", "Dato", "", False, (), "2026-11-30")
    assert parse_answer(field, "24.12.2026") == "2026-12-24"
    assert parse_answer(field, "24/12") == "2026-12-24"
    assert parse_answer(field, "31/11") is None


async def test_the_cli_keeps_a_decision_dated_the_danish_way(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    code, out, err = await run(db, clock, "decide", "ozobot", "approved", "--date", "20.11.2026")
    assert (code, err) == (0, "")
    assert out == "Beslutning gemt: Ozobot – approved (2026-11-20).\n"
    code, _, _ = await run(db, clock, "decide", "ozobot", "stopped", "--date", "21/11")
    tool = await find_tool(db, "Ozobot")
    assert code == 0 and tool is not None
    decision = await latest_decision(db, tool.id)
    assert decision is not None and decision.decided_on == "2026-11-21"
