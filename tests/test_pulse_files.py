"""The pulse on a known data set, and the quality-report files (Markdown, CSV, JSON) built
from it: the numbers are the ones the records give, and the three files agree with each
other and with the `Pulse` — also when user text holds a `|` or a line break.

The data set: the demo, then a first quarter of 2027 lived through the real services with
the clock moved from record to record.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.domain.pulse import NETWORK, BadPeriod, Period, Pulse, parse_period
from bot.domain.tool_tests import ResultDraft, TestPlan
from bot.services import spreading, tool_tests
from bot.services.adoption import set_adoption
from bot.services.demo import seed_demo
from bot.services.guides import find_tool, record_decision, set_tool_status
from bot.services.network import snapshot
from bot.services.pulse import build_pulse, narrow
from bot.services.sparring import ask
from bot.services.sparring_handling import mark_answered
from bot.services.tool_tests import save_result, start_test
from bot.services.working_time import WorkingCalendar
from bot.settings import parse_settings
from bot.views.pulse_files import (
    AREA_COUNTS,
    AREA_MEASURES,
    BOM,
    CSV_DELIMITER,
    CSV_HEADER,
    md_text,
    pulse_csv,
    pulse_json,
    pulse_markdown,
)
from storage.db import Database
from storage.repositories import org
from tests.people import person_id

ANNETTE, METTE, SOEREN = "U0DEMO001", "U0DEMO003", "U0DEMO004"
LINE, AHMED, CAMILLA, OLIVER = "U0DEMO005", "U0DEMO006", "U0DEMO007", "U0DEMO008"
TZ = ZoneInfo("Europe/Copenhagen")
#: A "not for us" reason and a decision note that would break a Markdown table unescaped.
REASON = "Vi har ingen | gulvplads\ntil banerne"
NOTE = "Godkendt | efter afprøvning i Syd"


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=TZ)


def calendar() -> WorkingCalendar:
    return parse_settings({}, "console").calendar


async def tool_id(db: Database, name: str) -> int:
    tool = await find_tool(db, name)
    assert tool is not None, name
    return tool.id


async def daycare_id(db: Database, name: str) -> int:
    return next(d.id for d in await org.all_daycares(db) if d.name == name)


async def asked(db: Database, clock: ManualClock, asker: str, text: str) -> int:
    routing = await ask(
        db,
        clock,
        request_key=f"q:{asker}:{clock.now().isoformat()}",
        asker_id=await person_id(db, asker),
        text=text,
        tool_id=None,
        hold="never",
    )
    return routing.question.id


async def first_quarter(db: Database, clock: ManualClock) -> None:
    """The demo (seeded 30 November 2026), then Q1 2027:

    - W02: Mette starts a test of Makey Makey in Regnbuen (Nord); Line and Ahmed (Nord) ask,
      Mette answers after 45 and 120 minutes.
    - W06: Oliver (Øst, no ambassador) asks; Makey Makey moves in test → evaluated; Ozobot
      is approved (a note with a `|`).
    - W09: a result each from Nord (Makey Makey, 5) and Syd (Ozobot in Egernet's test, 4);
      Camilla (Syd) asks and gets no answer; Bee-Bot is decided "to be spread", Egernet
      says "not for us" (a reason with a `|` and a line break) and Mælkebøtten uses it.
    """
    await seed_demo(db, clock)
    makey, ozobot, beebot = (
        await tool_id(db, "Makey Makey"),
        await tool_id(db, "Ozobot"),
        await tool_id(db, "Bee-Bot"),
    )
    regnbuen = await daycare_id(db, "Børnehaven Regnbuen")
    maelk = await daycare_id(db, "Børnehuset Mælkebøtten")
    egernet = await daycare_id(db, "Skovbørnehaven Egernet")

    clock.move_to(at(1, 12, 10))
    await start_test(
        db,
        clock,
        await person_id(db, METTE),
        TestPlan(
            tool_id=makey, question="Kan børnene lave musik med frugt?", daycare_ids=(regnbuen,)
        ),
        request_key="q1:makey",
    )
    clock.move_to(at(1, 13, 9))
    first = await asked(db, clock, LINE, "Hvordan kobler vi Makey Makey til iPad'en?")
    clock.move_to(at(1, 13, 9, 45))
    await mark_answered(db, clock, first, await person_id(db, METTE), "Med en USB-C-adapter.")
    clock.move_to(at(1, 14, 10))
    second = await asked(db, clock, AHMED, "Hvor mange børn kan være med ad gangen?")
    clock.move_to(at(1, 14, 12))
    await mark_answered(db, clock, second, await person_id(db, METTE), "Fire er godt.")

    clock.move_to(at(2, 9, 10))
    await asked(db, clock, OLIVER, "Who can help us get started with Bee-Bot?")
    clock.move_to(at(2, 10, 11))
    annette = await person_id(db, ANNETTE)
    await set_tool_status(db, clock, makey, "evaluated", changed_by=annette)
    await record_decision(
        db, clock, ozobot, "approved", date(2027, 2, 9), NOTE, recorded_by=annette
    )

    clock.move_to(at(3, 2, 10))
    (ozobot_test,) = await tool_tests.tests_for_tool(db, ozobot)  # the demo's, in Egernet
    await save_result(
        db,
        clock,
        await person_id(db, SOEREN),
        ResultDraft(
            tool_id=ozobot,
            tested_on=date(2027, 3, 1),
            test_id=ozobot_test.id,
            daycare_id=egernet,
            rating=4,
        ),
        request_key="q1:ozobot",
    )
    await save_result(
        db,
        clock,
        await person_id(db, METTE),
        ResultDraft(tool_id=makey, tested_on=date(2027, 3, 2), daycare_id=maelk, rating=5),
        request_key="q1:makey-result",
    )
    await asked(db, clock, CAMILLA, "Kan Ozobot køre på vores gulv derude?")
    clock.move_to(at(3, 3, 10))
    await record_decision(db, clock, beebot, "to_be_spread", date(2027, 3, 3), recorded_by=annette)
    (bee_round,) = [r for r in await spreading.all_rounds(db) if r.is_open]
    camilla = await person_id(db, CAMILLA)
    await spreading.answer(db, clock, camilla, bee_round.id, egernet, "not_for_us", REASON)
    await set_adoption(db, clock, await person_id(db, LINE), maelk, beebot, "in_use")
    clock.move_to(at(4, 6, 9))  # the quarter is over


@pytest.fixture
async def quarter(db: Database, clock: ManualClock) -> Pulse:
    await first_quarter(db, clock)
    return await build_pulse(db, clock, calendar(), parse_period("2027-Q1"))


# -- the numbers -----------------------------------------------------------------------------


def area(pulse: Pulse, name: str) -> dict[str, object]:
    found = next(a for a in pulse.areas if a.area == name)
    return {measure: getattr(found, measure) for measure in AREA_MEASURES}


async def test_the_quarter_counts_what_happened_in_each_area(quarter: Pulse) -> None:
    assert quarter.period == Period("2027-Q1", "quarter", date(2027, 1, 1), date(2027, 4, 1))
    assert [a.area for a in quarter.areas] == ["Nord", "Syd", "Øst"]
    nothing = dict.fromkeys(AREA_MEASURES, 0) | {"median_answer_minutes": None}
    assert area(quarter, "Nord") == nothing | {
        "results": 1,
        "questions_asked": 2,
        "questions_answered": 2,
        "median_answer_minutes": 82.5,
        "activity": 3,
    }
    assert area(quarter, "Syd") == nothing | {
        "results": 1,
        "questions_asked": 1,
        "questions_open": 1,
        "activity": 2,
    }
    assert area(quarter, "Øst") == nothing | {
        "questions_asked": 1,
        "questions_open": 1,
        "activity": 1,
    }
    nord, syd, _ = quarter.areas
    assert [(t.tool, t.newest_rating, t.newest_on, t.results) for t in nord.tools_in_test] == [
        ("Makey Makey", 5, "2027-03-02", 1)
    ]
    assert [(t.tool, t.newest_rating, t.newest_on, t.results) for t in syd.tools_in_test] == [
        ("Ozobot", 4, "2027-03-01", 1)
    ]
    assert quarter.total("questions_asked") == 4


async def test_the_quarter_shows_the_network_moves_decisions_spreading_and_gaps(
    quarter: Pulse,
) -> None:
    assert [(m.tool, m.from_status, m.to_status) for m in quarter.moves] == [
        ("Makey Makey", "in_test", "evaluated")
    ]
    assert [(d.tool, d.decision, d.decided_on, d.note) for d in quarter.decisions_made] == [
        ("Ozobot", "approved", "2027-02-09", NOTE),
        ("Bee-Bot", "to_be_spread", "2027-03-03", ""),
    ]
    assert quarter.decisions_waiting == ("Makey Makey",)
    bee = next(s for s in quarter.spreading if s.tool == "Bee-Bot")
    assert (bee.in_use, bee.daycares) == (1, 7)
    assert [(a.area, a.in_use, a.daycares) for a in bee.areas] == [
        ("Nord", 1, 3),
        ("Syd", 0, 2),
        ("Øst", 0, 2),
    ]
    assert bee.declined == (("Skovbørnehaven Egernet", REASON.strip()),)
    assert quarter.gaps.areas_without_ambassador == ("Øst",)
    assert set(quarter.gaps.daycares_without_superuser) == {
        "Vuggestuen Solsikken",
        "Dagtilbud Havblik",
        "Vuggestuen Spirekassen",
    }


async def test_the_activity_weeks_are_the_quarters_last_eight(quarter: Pulse) -> None:
    assert [w.week for w in quarter.activity] == [f"2027-W{n:02d}" for n in range(6, 14)]
    per_week = {w.week: dict(w.per_area) for w in quarter.activity}
    assert per_week["2027-W06"] == {"Nord": 0, "Syd": 0, "Øst": 1}
    assert per_week["2027-W09"] == {"Nord": 1, "Syd": 2, "Øst": 0}
    quiet = {"Nord": 0, "Syd": 0, "Øst": 0}
    assert all(per_week[w] == quiet for w in per_week if w not in ("2027-W06", "2027-W09"))


async def test_a_week_counts_only_its_own_days(db: Database, clock: ManualClock) -> None:
    await first_quarter(db, clock)
    week = await build_pulse(db, clock, calendar(), parse_period("2027-W02"))
    assert [(a.area, a.questions_asked, a.results) for a in week.areas] == [
        ("Nord", 2, 0),
        ("Syd", 0, 0),
        ("Øst", 0, 0),
    ]
    march = await build_pulse(db, clock, calendar(), parse_period("2027-03"))
    assert [(a.area, a.questions_asked, a.results) for a in march.areas] == [
        ("Nord", 0, 1),
        ("Syd", 1, 1),
        ("Øst", 0, 0),
    ]


# -- the three files agree -------------------------------------------------------------------


def csv_table(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM), "Excel needs the byte-order mark to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM)), delimiter=CSV_DELIMITER))
    assert rows and tuple(rows[0]) == CSV_HEADER
    return rows


def csv_value(rows: list[dict[str, str]], section: str, area: str, item: str, measure: str) -> str:
    found = [
        r["value"]
        for r in rows
        if (r["section"], r["area"], r["item"], r["measure"]) == (section, area, item, measure)
    ]
    assert len(found) == 1, (section, area, item, measure, found)
    return found[0]


def cells(line: str) -> list[str]:
    """A Markdown table row's cells, `\\|` and `\\\\` read back as the text they stand for."""
    assert line.startswith("| ") and line.endswith(" |"), line
    found, cell, i = [], "", 1
    body = line[1:-1]
    while i <= len(body):
        char = body[i - 1]
        if char == "\\" and i < len(body):
            cell += body[i]
            i += 2
            continue
        if char == "|":
            found.append(cell.strip())
            cell = ""
        else:
            cell += char
        i += 1
    found.append(cell.strip())
    return found


def md_tables(text: str) -> dict[str, list[list[str]]]:
    """Every table under its nearest heading (without the `#`s): header row first."""
    tables: dict[str, list[list[str]]] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        elif line.startswith("|") and not re.fullmatch(r"\|( ---:? \|)+", line):
            tables.setdefault(heading, []).append(cells(line))
    return tables


def test_user_text_cannot_break_a_markdown_table() -> None:
    assert md_text("a | b\nc\r\nd") == "a \\| b c d"
    assert md_text("back\\slash|") == "back\\\\slash\\|"
    tricky = "back\\|"
    line = "| " + md_text("x | y") + " | " + md_text(tricky) + " |"
    assert cells(line) == ["x | y", tricky]


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_markdown_csv_and_json_carry_the_same_numbers(quarter: Pulse, lang: str) -> None:
    document = json.loads(pulse_json(quarter))
    rows = csv_table(pulse_csv(lang, quarter))
    markdown = pulse_markdown(lang, quarter, TZ)
    tables = md_tables(markdown)

    # The period and the scope
    assert document["period"] == {
        "label": "2027-Q1",
        "kind": "quarter",
        "start": "2027-01-01",
        "end": "2027-04-01",
        "last_day": "2027-03-31",
    }
    for measure, value in document["period"].items():
        assert csv_value(rows, "period", "", "", measure) == value
    assert document["scope"]["kind"] == csv_value(rows, "scope", "", "", "kind") == "network"
    assert ("1. kvartal 2027" if lang == "da" else "Q1 2027") in markdown.splitlines()[0]
    assert ("1. jan. 2027" if lang == "da" else "1 Jan 2027") in markdown

    # Per area: every measure, in all three, equal to the pulse
    per_area = tables["Pr. område" if lang == "da" else "Per area"]
    header, body = per_area[0], per_area[1:]
    assert header[1:] == ["Nord", "Syd", "Øst", "I alt" if lang == "da" else "Total"]
    assert len(body) == len(AREA_MEASURES)
    mark = "," if lang == "da" else "."
    for index, pulse_area in enumerate(quarter.areas):
        in_json = document["areas"][index]
        assert in_json["area"] == pulse_area.area
        for row, measure in zip(body, AREA_MEASURES, strict=True):
            value = getattr(pulse_area, measure)
            assert in_json[measure] == value
            in_csv = csv_value(rows, "area", pulse_area.area, "", measure)
            if value is None:
                assert (in_csv, row[index + 1]) == ("", "–")
            elif isinstance(value, float):
                assert float(in_csv) == value
                assert row[index + 1] == str(value).replace(".", mark)
            else:
                assert int(in_csv) == value and row[index + 1] == str(value)
    for row, measure in zip(body, AREA_MEASURES, strict=True):
        if measure in AREA_COUNTS:
            total = quarter.total(measure)
            assert document["totals"][measure] == total
            assert int(csv_value(rows, "total", "", "", measure)) == total
            assert row[-1] == str(total)
    assert document["areas"][2]["median_answer_minutes"] is None

    # Tools in test
    tools = tables["Redskaber under afprøvning" if lang == "da" else "Tools in test"][1:]
    assert [(r[0], r[1], r[2], r[4]) for r in tools] == [
        ("Nord", "Makey Makey", "5", "1"),
        ("Syd", "Ozobot", "4", "1"),
    ]
    assert csv_value(rows, "tool_in_test", "Syd", "Ozobot", "newest_rating") == "4"
    assert csv_value(rows, "tool_in_test", "Nord", "Makey Makey", "newest_on") == "2027-03-02"
    assert document["areas"][1]["tools_in_test"] == [
        {"tool": "Ozobot", "newest_rating": 4, "newest_on": "2027-03-01", "results": 1}
    ]

    # Moves, decisions, waiting
    (move,) = document["lifecycle_moves"]
    assert (move["tool"], move["from_status"], move["to_status"]) == (
        "Makey Makey",
        "in_test",
        "evaluated",
    )
    assert csv_value(rows, "lifecycle_move", "", "Makey Makey", "in_test->evaluated") == move["on"]
    moves = tables[
        "Redskaber, der har skiftet status"
        if lang == "da"
        else "Tools that moved in their lifecycle"
    ][1:]
    assert [r[0] for r in moves] == ["Makey Makey"]
    assert [(d["tool"], d["decision"], d["note"]) for d in document["decisions_made"]] == [
        ("Ozobot", "approved", NOTE),
        ("Bee-Bot", "to_be_spread", ""),
    ]
    assert csv_value(rows, "decision_made", "", "Ozobot", "approved") == "2027-02-09"
    assert csv_value(rows, "decision_made", "", "Ozobot", "approved_note") == NOTE
    decisions = tables["Ledelsens beslutninger" if lang == "da" else "Leadership decisions"][1:]
    assert [(r[0], r[3]) for r in decisions] == [("Ozobot", NOTE), ("Bee-Bot", "")]
    assert document["decisions_waiting"] == ["Makey Makey"]
    assert csv_value(rows, "decision_waiting", "", "Makey Makey", "status") == "evaluated"
    assert "- Makey Makey" in markdown.splitlines()

    # Spreading, per tool and area, and the reasons of those who said no
    spread_table = tables[
        "Spredning af anbefalede redskaber" if lang == "da" else "Spreading of recommended tools"
    ][1:]
    all_areas = "Alle områder" if lang == "da" else "All areas"
    for spread in document["spreading"]:
        tool = spread["tool"]
        parts = [("", all_areas, spread["in_use"], spread["daycares"])]
        parts += [(a["area"], a["area"], a["in_use"], a["daycares"]) for a in spread["areas"]]
        for csv_area, md_area, in_use, daycares in parts:
            assert int(csv_value(rows, "spreading", csv_area, tool, "in_use")) == in_use
            assert int(csv_value(rows, "spreading", csv_area, tool, "daycares")) == daycares
            assert [tool, md_area, str(in_use), str(daycares)] in [r[:4] for r in spread_table]
    bee = next(s for s in document["spreading"] if s["tool"] == "Bee-Bot")
    assert bee["not_for_us"] == [{"daycare": "Skovbørnehaven Egernet", "reason": REASON}]
    assert ["Bee-Bot", "Nord", "1", "3", "33 %" if lang == "da" else "33%"] in spread_table
    assert (
        csv_value(rows, "not_for_us", "", "Bee-Bot", "reason")
        == f"Skovbørnehaven Egernet: {REASON}"
    )
    declined = tables[
        "»Ikke noget for os« – begrundelser" if lang == "da" else "“Not for us” – reasons"
    ][1:]
    # The reason's `|` and line break stay inside one cell: three cells, the text flattened.
    assert declined == [["Bee-Bot", "Skovbørnehaven Egernet", " ".join(REASON.splitlines())]]

    # Gaps
    assert document["gaps"]["areas_without_ambassador"] == ["Øst"]
    assert csv_value(rows, "gap", "Øst", "", "area_without_ambassador") == "1"
    for name in document["gaps"]["daycares_without_superuser"]:
        assert csv_value(rows, "gap", "", name, "daycare_without_superuser") == "1"
        assert name in markdown

    # Activity, week by week
    weeks = tables["Aktivitet pr. uge" if lang == "da" else "Activity per week"]
    assert weeks[0][1:] == ["Nord", "Syd", "Øst"]
    assert len(weeks) - 1 == len(document["activity"]) == 8
    word = "uge" if lang == "da" else "week"
    for row, week in zip(weeks[1:], quarter.activity, strict=True):
        assert row[0] == f"{word} {int(week.week[-2:])} ({week.week})"
        for name, count in week.per_area:
            assert csv_value(rows, "activity", name, week.week, "activity") == str(count)
            assert row[1 + weeks[0][1:].index(name)] == str(count)
        assert next(w for w in document["activity"] if w["week"] == week.week)["per_area"] == dict(
            week.per_area
        )


async def test_the_json_is_plain_utf8_text_ending_in_a_newline(quarter: Pulse) -> None:
    text = pulse_json(quarter)
    assert text.endswith("}\n")
    assert "Øst" in text and "\\u00d8" not in text
    assert json.loads(text)["totals"]["questions_asked"] == 4


async def test_an_area_pulse_names_its_area(db: Database, clock: ManualClock) -> None:
    await first_quarter(db, clock)
    scope = narrow(NETWORK, await snapshot(db), "syd")
    assert scope is not None
    found = await build_pulse(db, clock, calendar(), parse_period("2027-Q1"), scope)
    markdown = pulse_markdown("da", found, TZ)
    assert markdown.splitlines()[0] == "# Puls – Område Syd – 1. kvartal 2027"
    assert [a.area for a in found.areas] == ["Syd"]
    assert csv_value(csv_table(pulse_csv("en", found)), "scope", "", "", "label") == "Syd"


# -- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2026-W48", Period("2026-W48", "week", date(2026, 11, 23), date(2026, 11, 30))),
        ("2026-w1", Period("2026-W01", "week", date(2025, 12, 29), date(2026, 1, 5))),
        ("2026-W53", Period("2026-W53", "week", date(2026, 12, 28), date(2027, 1, 4))),
        ("2026-11", Period("2026-11", "month", date(2026, 11, 1), date(2026, 12, 1))),
        ("2026-12", Period("2026-12", "month", date(2026, 12, 1), date(2027, 1, 1))),
        ("2026-Q3", Period("2026-Q3", "quarter", date(2026, 7, 1), date(2026, 10, 1))),
        ("2026-Q4", Period("2026-Q4", "quarter", date(2026, 10, 1), date(2027, 1, 1))),
        (" 2026 ", Period("2026", "year", date(2026, 1, 1), date(2027, 1, 1))),
    ],
)
def test_periods_are_read_as_local_dates(text: str, period: Period) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize(
    "text",
    [
        "2026-W54",
        "2025-W53",
        "2026-W0",
        "2026-13",
        "2026-0",
        "2026-Q5",
        "2026-Q0",
        "26",
        "",
        "2026-11; DROP",
        "1999",
        "2026-11-01",
        "W48",
    ],
)
def test_periods_that_are_none_are_refused(text: str) -> None:
    with pytest.raises(BadPeriod):
        parse_period(text)


async def test_a_question_answered_after_the_period_was_open_at_its_end(
    db: Database, clock: ManualClock
) -> None:
    await seed_demo(db, clock)
    clock.move_to(at(3, 30, 10))
    question = await asked(db, clock, LINE, "Hvem har nøglen til iPad-skabet?")
    clock.move_to(at(4, 2, 10))
    await mark_answered(db, clock, question, await person_id(db, METTE), "Lederen har den.")
    found = await build_pulse(db, clock, calendar(), parse_period("2027-Q1"))
    nord = found.areas[0]
    assert (nord.questions_asked, nord.questions_answered, nord.questions_open) == (1, 0, 1)
