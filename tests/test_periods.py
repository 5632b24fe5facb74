"""Periods as people write them, in Danish and English: `/tovholder pulse uge 48` reads like
`2026-W48`, read against the day the clock gives (never a clock read inside the parser);
and one name for a period wherever people read it ("uge 49", not "2026-W49")."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import ManualClock
from bot.domain.pulse import BadPeriod, parse_period
from bot.services.pulse import read_request
from bot.views.dates import period_name
from tests.conftest import TZ

#: Wednesday of week 49.
TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Danish
        ("uge 48", "2026-W48"),
        ("Uge 48", "2026-W48"),
        ("uge48", "2026-W48"),
        ("uge 48 2025", "2025-W48"),
        ("uge 48, 2025", "2025-W48"),
        ("2025 uge 48", "2025-W48"),
        ("november", "2026-11"),
        ("November 2025", "2025-11"),
        ("nov. 2025", "2025-11"),
        ("marts", "2026-03"),
        ("3. kvartal", "2026-Q3"),
        ("3 kvartal 2025", "2025-Q3"),
        ("4. kvartal", "2026-Q4"),
        ("denne uge", "2026-W49"),
        ("sidste uge", "2026-W48"),
        ("i sidste uge", "2026-W48"),
        ("forrige uge", "2026-W48"),
        ("denne måned", "2026-12"),
        ("sidste måned", "2026-11"),
        ("sidste kvartal", "2026-Q3"),
        ("i år", "2026"),
        ("I år", "2026"),
        ("sidste år", "2025"),
        ("i fjor", "2025"),
        # English
        ("week 48", "2026-W48"),
        ("week 48 2025", "2025-W48"),
        ("last week", "2026-W48"),
        ("this week", "2026-W49"),
        ("last month", "2026-11"),
        ("this year", "2026"),
        ("Q3", "2026-Q3"),
        ("q3 2025", "2025-Q3"),
        ("3rd quarter", "2026-Q3"),
        ("March", "2026-03"),
        # As before
        ("2026-W48", "2026-W48"),
        ("2026-11", "2026-11"),
        ("2026-Q3", "2026-Q3"),
        ("2026", "2026"),
    ],
)
def test_a_period_in_words_reads_like_its_iso_name(text: str, label: str) -> None:
    assert parse_period(text, TODAY).label == label
    assert parse_period(text, TODAY) == parse_period(label)


@pytest.mark.parametrize(
    ("text", "today", "label"),
    [
        # Not begun yet this year: last year's (the pulse tells what happened).
        ("uge 50", date(2026, 12, 2), "2025-W50"),
        ("december", date(2026, 11, 30), "2025-12"),
        ("december", date(2026, 12, 1), "2026-12"),
        ("4. kvartal", date(2026, 9, 30), "2025-Q4"),
        # Begun this year: this year's.
        ("uge 49", date(2026, 11, 30), "2026-W49"),
        ("januar", date(2027, 1, 4), "2027-01"),
        # Relative words across the turn of the year.
        ("sidste uge", date(2027, 1, 6), "2026-W53"),
        ("sidste måned", date(2027, 1, 6), "2026-12"),
        ("sidste kvartal", date(2027, 1, 6), "2026-Q4"),
        ("i år", date(2027, 1, 6), "2027"),
    ],
)
def test_without_a_year_the_most_recent_one_that_has_begun(
    text: str, today: date, label: str
) -> None:
    assert parse_period(text, today).label == label


@pytest.mark.parametrize(
    "text", ["uge", "uge 54", "13. kvartal", "Q5", "næste uge", "sidste", "novembre", "2026-W54"]
)
def test_words_that_are_no_period_are_refused(text: str) -> None:
    with pytest.raises(BadPeriod):
        parse_period(text, TODAY)


@pytest.mark.parametrize("text", ["uge 48", "november", "sidste uge", "i år", "Q3"])
def test_without_the_day_words_that_need_it_are_refused(text: str) -> None:
    """The parser never reads a clock: the caller passes the day."""
    with pytest.raises(BadPeriod):
        parse_period(text)


@pytest.mark.parametrize(
    ("words", "label", "area", "export"),
    [
        ("uge 48", "2026-W48", "", False),
        ("uge 48 Nord", "2026-W48", "Nord", False),
        ("Nord sidste uge", "2026-W48", "Nord", False),
        ("i sidste uge Syd", "2026-W48", "Syd", False),
        ("export november csv", "2026-11", "", True),
        ("3. kvartal eksport", "2026-Q3", "", True),
        ("Øst i år", "2026", "Øst", False),
        ("last week", "2026-W48", "", False),
        ("", "2026-W49", "", False),
        ("Nord", "2026-W49", "Nord", False),
    ],
)
def test_the_command_finds_the_period_among_its_words(
    words: str, label: str, area: str, export: bool
) -> None:
    clock = ManualClock(TZ, frozen_at=datetime(2026, 12, 2, 10, 0, tzinfo=TZ))
    request = read_request(words, clock)
    assert (request.period.label, request.area, request.export) == (label, area, export)


@pytest.mark.parametrize("words", ["uge 54", "uge Nord", "2026-13", "sidste Nord"])
def test_the_command_refuses_a_period_word_without_a_period(words: str) -> None:
    clock = ManualClock(TZ, frozen_at=datetime(2026, 12, 2, 10, 0, tzinfo=TZ))
    with pytest.raises(BadPeriod):
        read_request(words, clock)


@pytest.mark.parametrize(
    ("label", "da", "en"),
    [
        ("2026-W49", "uge 49", "week 49"),
        ("2027-W01", "uge 1", "week 1"),
        ("2026-11", "november 2026", "November 2026"),
        ("2026-Q3", "3. kvartal 2026", "Q3 2026"),
        ("2026", "2026", "2026"),
    ],
)
def test_a_period_is_named_for_people(label: str, da: str, en: str) -> None:
    assert period_name("da", parse_period(label)) == da
    assert period_name("en", parse_period(label)) == en
