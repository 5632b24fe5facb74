"""Working time: a nudge due outside working hours, on a holiday or a closing day moves to the
next working morning — asserted to the minute and to the UTC offset in Europe/Copenhagen."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.services.working_time import (
    ClosingRule,
    WorkingCalendar,
    is_danish_holiday,
    parse_closing_days,
    parse_weeks,
    parse_working_days,
    parse_working_hours,
)

CPH = ZoneInfo("Europe/Copenhagen")
DEFAULT = WorkingCalendar(tz=CPH)
#: Kristi himmelfartsdag 2027 is Thursday 6 May; the municipality closes the Friday after it.
WITH_BRIDGE_DAY = WorkingCalendar(tz=CPH, closing_days=parse_closing_days("12-24,12-31,2027-05-07"))
#: Christmas week closed: 27-30 December on top of the default 24 and 31 December.
CHRISTMAS_WEEK = WorkingCalendar(
    tz=CPH, closing_days=parse_closing_days("12-24,12-27..12-30,12-31")
)
SUMMER = WorkingCalendar(tz=CPH, summer_weeks=parse_weeks("28-30"))
EVERY_DAY = WorkingCalendar(tz=CPH, workdays=frozenset(range(7)), closing_days=())
#: Opens at 02:30, an hour that does not exist on the night summer time starts.
NIGHT_SHIFT = WorkingCalendar(
    tz=CPH, workdays=frozenset(range(7)), start=time(2, 30), end=time(4, 0), closing_days=()
)


def cph(text: str) -> datetime:
    """A local Copenhagen time, e.g. `cph("2027-03-24 15:45")`."""
    return datetime.fromisoformat(text).replace(tzinfo=CPH)


# --- next_allowed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "due", "expected", "weekday"),
    [
        # Friday after closing time → Monday morning.
        (DEFAULT, "2026-09-04 16:00", "2026-09-07 08:00", "Monday"),
        (DEFAULT, "2026-09-04 15:30", "2026-09-07 08:00", "Monday"),  # the end is excluded
        (DEFAULT, "2026-09-04 23:59", "2026-09-07 08:00", "Monday"),
        # Weekend → Monday morning.
        (DEFAULT, "2026-09-05 10:00", "2026-09-07 08:00", "Monday"),
        (DEFAULT, "2026-09-06 00:00", "2026-09-07 08:00", "Monday"),
        # Before opening → the same morning.
        (DEFAULT, "2026-09-08 06:15", "2026-09-08 08:00", "Tuesday"),
        (DEFAULT, "2026-09-08 00:00", "2026-09-08 08:00", "Tuesday"),
        # Inside working hours → unchanged.
        (DEFAULT, "2026-09-08 08:00", "2026-09-08 08:00", "Tuesday"),
        (DEFAULT, "2026-09-08 11:37", "2026-09-08 11:37", "Tuesday"),
        (DEFAULT, "2026-09-08 15:29", "2026-09-08 15:29", "Tuesday"),
        # Easter 2027: skærtorsdag 25/3, langfredag 26/3, weekend, 2. påskedag 29/3.
        (DEFAULT, "2027-03-24 15:45", "2027-03-30 08:00", "Tuesday"),
        (DEFAULT, "2027-03-25 09:00", "2027-03-30 08:00", "Tuesday"),
        (DEFAULT, "2027-03-29 12:00", "2027-03-30 08:00", "Tuesday"),
        # Kristi himmelfartsdag 6/5/2027; Friday 7/5 only closed when configured.
        (DEFAULT, "2027-05-05 16:00", "2027-05-07 08:00", "Friday"),
        (WITH_BRIDGE_DAY, "2027-05-05 16:00", "2027-05-10 08:00", "Monday"),
        (WITH_BRIDGE_DAY, "2027-05-07 10:00", "2027-05-10 08:00", "Monday"),
        # Pinse 2027: 2. pinsedag Monday 17/5.
        (DEFAULT, "2027-05-14 15:30", "2027-05-18 08:00", "Tuesday"),
        (DEFAULT, "2027-05-17 09:00", "2027-05-18 08:00", "Tuesday"),
        # Christmas 2026: 24/12 (Thursday) closing day, 25/12 and 26/12 holidays, weekend.
        (DEFAULT, "2026-12-23 16:00", "2026-12-28 08:00", "Monday"),
        (DEFAULT, "2026-12-24 09:00", "2026-12-28 08:00", "Monday"),
        # New Year: 31/12 (Thursday) closing day, 1/1/2027 (Friday) holiday, weekend.
        (DEFAULT, "2026-12-30 16:00", "2027-01-04 08:00", "Monday"),
        (DEFAULT, "2026-12-31 10:00", "2027-01-04 08:00", "Monday"),
        # Christmas week 27-30 December closed as well: 23/12 → Monday 4 January 2027.
        (CHRISTMAS_WEEK, "2026-12-23 16:00", "2027-01-04 08:00", "Monday"),
        (CHRISTMAS_WEEK, "2026-12-28 08:00", "2027-01-04 08:00", "Monday"),
        # Summer closure weeks 28-30 2027 = Monday 12 July to Sunday 1 August.
        (SUMMER, "2027-07-09 16:00", "2027-08-02 08:00", "Monday"),
        (SUMMER, "2027-07-12 08:00", "2027-08-02 08:00", "Monday"),
        (SUMMER, "2027-07-09 15:00", "2027-07-09 15:00", "Friday"),
        (DEFAULT, "2027-07-09 16:00", "2027-07-12 08:00", "Monday"),
    ],
)
def test_a_nudge_outside_working_time_moves_to_the_next_working_morning(
    calendar: WorkingCalendar, due: str, expected: str, weekday: str
) -> None:
    moved = calendar.next_allowed(cph(due))
    assert moved == cph(expected)
    assert moved.strftime("%A") == weekday
    assert moved.tzinfo is CPH
    assert calendar.is_allowed(moved)


@pytest.mark.parametrize(
    ("calendar", "due", "expected", "offset_before", "offset_after"),
    [
        # Spring 2027: summer time starts Sunday 28 March, inside the Easter closure.
        (DEFAULT, "2027-03-24 15:45", "2027-03-30 08:00", "+01:00", "+02:00"),
        (DEFAULT, "2027-03-27 02:30", "2027-03-30 08:00", "+01:00", "+02:00"),
        # Autumn 2026: winter time starts Sunday 25 October.
        (DEFAULT, "2026-10-23 16:00", "2026-10-26 08:00", "+02:00", "+01:00"),
        (DEFAULT, "2026-10-24 12:00", "2026-10-26 08:00", "+02:00", "+01:00"),
        # Open every day: Saturday evening → Sunday morning over the change itself.
        (EVERY_DAY, "2026-03-28 16:00", "2026-03-29 08:00", "+01:00", "+02:00"),
        (EVERY_DAY, "2026-10-24 16:00", "2026-10-25 08:00", "+02:00", "+01:00"),
    ],
)
def test_the_next_morning_is_8_local_time_across_a_dst_change(
    calendar: WorkingCalendar, due: str, expected: str, offset_before: str, offset_after: str
) -> None:
    moment = cph(due)
    moved = calendar.next_allowed(moment)
    assert moment.isoformat()[-6:] == offset_before
    assert moved.isoformat() == cph(expected).isoformat()
    assert moved.isoformat()[-6:] == offset_after
    assert (moved.hour, moved.minute) == (8, 0)


def test_an_opening_hour_that_does_not_exist_becomes_the_real_hour_after() -> None:
    # 2026-03-29: clocks go from 02:00 to 03:00, so 02:30 is 03:30 summer time.
    moved = NIGHT_SHIFT.next_allowed(cph("2026-03-28 05:00"))
    assert moved.isoformat() == "2026-03-29T03:30:00+02:00"
    assert NIGHT_SHIFT.is_allowed(moved)


def test_an_opening_hour_that_occurs_twice_is_the_first() -> None:
    # 2026-10-25: 02:00-03:00 occurs twice; the opening is the first 02:30 (summer time).
    moved = NIGHT_SHIFT.next_allowed(cph("2026-10-24 05:00"))
    assert moved.isoformat() == "2026-10-25T02:30:00+02:00"


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        # 08:00 in Copenhagen summer time is 06:00 UTC.
        (datetime(2027, 3, 30, 6, 0, tzinfo=UTC), True),
        (datetime(2027, 3, 30, 5, 59, tzinfo=UTC), False),
        (datetime(2027, 3, 30, 13, 29, tzinfo=UTC), True),
        (datetime(2027, 3, 30, 13, 30, tzinfo=UTC), False),
        # In winter time 08:00 is 07:00 UTC.
        (datetime(2027, 1, 5, 6, 30, tzinfo=UTC), False),
        (datetime(2027, 1, 5, 7, 0, tzinfo=UTC), True),
        # Monday 4 January 2027 08:00 Copenhagen = Sunday 3 January 23:00 in New York.
        (datetime(2027, 1, 4, 2, 0, tzinfo=ZoneInfo("America/New_York")), True),
        (datetime(2027, 3, 29, 9, 0, tzinfo=UTC), False),  # 2. påskedag
    ],
)
def test_any_zone_is_read_as_copenhagen_time(moment: datetime, allowed: bool) -> None:
    assert DEFAULT.is_allowed(moment) is allowed


def test_next_allowed_answers_in_the_calendars_zone() -> None:
    moved = DEFAULT.next_allowed(datetime(2027, 3, 30, 7, 0, tzinfo=UTC))
    assert moved.tzinfo is CPH
    assert moved.isoformat() == "2027-03-30T09:00:00+02:00"


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="aware datetime"):
        DEFAULT.next_allowed(datetime(2027, 3, 30, 9, 0))
    with pytest.raises(ValueError, match="aware datetime"):
        DEFAULT.is_allowed(datetime(2027, 3, 30, 9, 0))


@pytest.mark.parametrize(
    "calendar",
    [
        WorkingCalendar(tz=CPH, workdays=frozenset()),
        WorkingCalendar(tz=CPH, closing_days=parse_closing_days("01-01..12-31")),
        WorkingCalendar(tz=CPH, closing_days=parse_closing_days("12-01..11-30")),
        WorkingCalendar(tz=CPH, summer_weeks=parse_weeks("1-53")),
        WorkingCalendar(tz=CPH, closing_days=parse_closing_days("2026-01-01..2099-12-31")),
    ],
)
def test_a_calendar_with_every_day_closed_gives_up_with_a_clear_error(
    calendar: WorkingCalendar,
) -> None:
    with pytest.raises(ValueError, match="no working day in the 3 years after 2026-09-04"):
        calendar.next_allowed(cph("2026-09-04 16:00"))
    with pytest.raises(ValueError, match="no working day"):
        calendar.add_working_days(cph("2026-09-04 16:00"), 1)


def test_a_calendar_closed_for_over_two_years_still_finds_its_first_working_day() -> None:
    calendar = WorkingCalendar(tz=CPH, closing_days=parse_closing_days("2026-09-05..2028-12-31"))
    assert calendar.next_allowed(cph("2026-09-04 16:00")) == cph("2029-01-02 08:00")


# --- add_working_days --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "start", "days", "expected"),
    [
        (DEFAULT, "2026-09-08 10:00", 0, "2026-09-08 10:00"),
        (DEFAULT, "2026-09-08 10:00", 2, "2026-09-10 10:00"),
        # Over a weekend.
        (DEFAULT, "2026-09-10 10:00", 2, "2026-09-14 10:00"),
        (DEFAULT, "2026-09-11 15:29", 1, "2026-09-14 15:29"),
        # Over the weekend and 2. pinsedag (Monday 17 May 2027).
        (DEFAULT, "2027-05-14 10:00", 1, "2027-05-18 10:00"),
        (DEFAULT, "2027-05-13 10:00", 2, "2027-05-18 10:00"),
        # Over Easter 2027 and the change to summer time: the same clock time.
        (DEFAULT, "2027-03-24 10:00", 1, "2027-03-30 10:00"),
        (DEFAULT, "2027-03-24 10:00", 2, "2027-03-31 10:00"),
        # Over the Christmas week closure.
        (CHRISTMAS_WEEK, "2026-12-22 13:00", 2, "2027-01-04 13:00"),
        # A start outside working time counts from the next working morning.
        (DEFAULT, "2026-09-11 16:00", 2, "2026-09-16 08:00"),
        (DEFAULT, "2026-09-12 10:00", 2, "2026-09-16 08:00"),
        (DEFAULT, "2026-09-12 10:00", 0, "2026-09-14 08:00"),
        (DEFAULT, "2026-09-08 06:00", 1, "2026-09-09 08:00"),
    ],
)
def test_add_working_days_skips_weekends_holidays_and_closures(
    calendar: WorkingCalendar, start: str, days: int, expected: str
) -> None:
    landed = calendar.add_working_days(cph(start), days)
    assert landed == cph(expected)
    assert landed.isoformat() == cph(expected).isoformat()
    assert calendar.is_allowed(landed)


def test_add_working_days_keeps_the_clock_time_across_dst_not_the_hours() -> None:
    start = cph("2026-10-23 10:00")  # Friday, summer time
    landed = DEFAULT.add_working_days(start, 1)
    assert landed.isoformat() == "2026-10-26T10:00:00+01:00"
    # Python subtracts two times of one zone by the wall clock; in real time it is 3 days 1 hour.
    assert landed.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=3, hours=1)


def test_a_later_start_never_lands_earlier() -> None:
    moments = [cph("2026-09-11 15:00") + timedelta(minutes=37 * step) for step in range(200)]
    landed = [DEFAULT.add_working_days(moment, 2) for moment in moments]
    assert landed == sorted(landed)


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        DEFAULT.add_working_days(cph("2026-09-08 10:00"), -1)


# --- why a day is closed -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "day", "reason"),
    [
        (DEFAULT, date(2026, 9, 8), None),
        (DEFAULT, date(2026, 9, 12), "weekend"),
        (DEFAULT, date(2026, 9, 13), "weekend"),
        (DEFAULT, date(2027, 3, 25), "holiday"),  # skærtorsdag
        (DEFAULT, date(2027, 3, 26), "holiday"),  # langfredag
        (DEFAULT, date(2027, 3, 29), "holiday"),  # 2. påskedag
        (DEFAULT, date(2027, 5, 6), "holiday"),  # Kristi himmelfartsdag
        (DEFAULT, date(2027, 5, 7), None),
        (WITH_BRIDGE_DAY, date(2027, 5, 7), "closing_day"),
        (WITH_BRIDGE_DAY, date(2028, 5, 7), "weekend"),  # a dated rule does not come back
        (DEFAULT, date(2027, 5, 17), "holiday"),  # 2. pinsedag
        (DEFAULT, date(2026, 12, 24), "closing_day"),  # juleaftensdag: no public holiday
        (DEFAULT, date(2026, 12, 25), "holiday"),
        (DEFAULT, date(2028, 12, 26), "holiday"),  # 2. juledag on a Tuesday
        (DEFAULT, date(2026, 12, 28), None),
        (CHRISTMAS_WEEK, date(2026, 12, 28), "closing_day"),
        (DEFAULT, date(2026, 12, 31), "closing_day"),
        (DEFAULT, date(2027, 1, 1), "holiday"),
        (DEFAULT, date(2026, 12, 26), "weekend"),  # a holiday on a Saturday: weekend first
        (DEFAULT, date(2027, 6, 5), "weekend"),  # Grundlovsdag 2027 is a Saturday
        (DEFAULT, date(2026, 6, 5), None),  # Grundlovsdag is no public holiday
        (SUMMER, date(2027, 7, 12), "summer_closure"),
        (SUMMER, date(2027, 7, 30), "summer_closure"),
        (SUMMER, date(2027, 8, 2), None),
        (SUMMER, date(2026, 7, 8), "summer_closure"),  # the weeks come back every year
        (
            WorkingCalendar(tz=CPH, workdays=parse_working_days("mon,tue,thu")),
            date(2026, 9, 9),
            "weekend",
        ),
    ],
)
def test_reason_closed_says_why(calendar: WorkingCalendar, day: date, reason: str | None) -> None:
    assert calendar.reason_closed(day) == reason
    assert calendar.is_working_day(day) is (reason is None)


def test_christmas_eve_and_store_bededag_are_not_danish_public_holidays() -> None:
    assert not is_danish_holiday(date(2026, 12, 24))
    assert not is_danish_holiday(date(2027, 4, 23))  # Store bededag, abolished from 2024
    assert is_danish_holiday(date(2026, 12, 25))


# --- closing rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day", "covered"),
    [
        ("12-24", date(2026, 12, 24), True),
        ("12-24", date(2031, 12, 24), True),
        ("12-24", date(2026, 12, 23), False),
        ("12-27..12-30", date(2026, 12, 27), True),
        ("12-27..12-30", date(2026, 12, 30), True),
        ("12-27..12-30", date(2026, 12, 31), False),
        ("12-27..01-02", date(2026, 12, 30), True),  # wraps the year end
        ("12-27..01-02", date(2027, 1, 2), True),
        ("12-27..01-02", date(2027, 1, 3), False),
        ("12-27..01-02", date(2026, 12, 26), False),
        ("02-29", date(2028, 2, 29), True),
        ("02-29", date(2027, 3, 1), False),
        ("2027-05-07", date(2027, 5, 7), True),
        ("2027-05-07", date(2028, 5, 7), False),
        ("2027-05-07..2027-05-07", date(2027, 5, 7), True),
        ("2027-07-12..2027-07-16", date(2027, 7, 14), True),
        ("2027-07-12..2027-07-16", date(2027, 7, 17), False),
    ],
)
def test_closing_rules_cover_their_days(text: str, day: date, covered: bool) -> None:
    (rule,) = parse_closing_days(text)
    assert rule.covers(day) is covered
    assert str(rule) == ("2027-05-07" if text == "2027-05-07..2027-05-07" else text)


def test_closing_days_parse_a_list() -> None:
    rules = parse_closing_days(" 12-24, 12-27 .. 12-30 ,2027-05-07,")
    assert rules == (
        ClosingRule.every_year(12, 24),
        ClosingRule(date(2000, 12, 27), date(2000, 12, 30), yearly=True),
        ClosingRule(date(2027, 5, 7), date(2027, 5, 7)),
    )
    assert [str(rule) for rule in rules] == ["12-24", "12-27..12-30", "2027-05-07"]
    assert parse_closing_days("") == ()
    assert parse_closing_days("  ") == ()


# --- parsing errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("24/12", '"24/12" is not a closing day (MM-DD every year, YYYY-MM-DD once, or FROM..TO'),
        ("12-24,juleaften", '"juleaften" is not a closing day'),
        ("2027-5-7", '"2027-5-7" is not a closing day'),
        ("02-30", '"02-30" is not a day in the calendar'),
        ("2027-02-29", '"2027-02-29" is not a day in the calendar'),
        ("12-27..2027-12-30", '"12-27..2027-12-30" mixes MM-DD and YYYY-MM-DD'),
        ("2027-05-09..2027-05-07", '"2027-05-09..2027-05-07" ends before it starts'),
        ("12-27..", '"12-27.." is not a closing day'),
    ],
)
def test_bad_closing_days_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_closing_days(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:00-15:30", (time(8, 0), time(15, 30))),
        (" 7:30 - 16:00 ", (time(7, 30), time(16, 0))),
        ("08.00–15.30", (time(8, 0), time(15, 30))),
    ],
)
def test_working_hours_parse(text: str, expected: tuple[time, time]) -> None:
    assert parse_working_hours(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("8-3", '"8-3" is not HH:MM-HH:MM (e.g. 08:00-15:30)'),
        ("", '"" is not HH:MM-HH:MM (e.g. 08:00-15:30)'),
        ("08:00", '"08:00" is not HH:MM-HH:MM (e.g. 08:00-15:30)'),
        ("25:00-26:00", '"25:00-26:00" has a time that does not exist (e.g. 08:00-15:30)'),
        ("08:60-15:00", '"08:60-15:00" has a time that does not exist (e.g. 08:00-15:30)'),
        ("15:30-08:00", '"15:30-08:00" must start before it ends (e.g. 08:00-15:30)'),
        ("08:00-08:00", '"08:00-08:00" must start before it ends (e.g. 08:00-15:30)'),
        ("08:00-15:30\nx", '"08:00-15:30\\nx" is not HH:MM-HH:MM (e.g. 08:00-15:30)'),
    ],
)
def test_bad_working_hours_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_working_hours(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon-fri", {0, 1, 2, 3, 4}),
        ("man-fre", {0, 1, 2, 3, 4}),
        ("Mandag - Fredag", {0, 1, 2, 3, 4}),
        ("mon,tue,thu", {0, 1, 3}),
        ("man, tir, tor", {0, 1, 3}),
        ("tor-søn", {3, 4, 5, 6}),
        ("lor,son", {5, 6}),
        ("fri-mon", {4, 5, 6, 0}),  # wraps the week
        ("mon-fri,sat", {0, 1, 2, 3, 4, 5}),
    ],
)
def test_working_days_parse(text: str, expected: set[int]) -> None:
    assert parse_working_days(text) == frozenset(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mon-fr", '"mon-fr" has "fr", not a weekday (use mon, tue'),
        ("weekdays", '"weekdays" has "weekdays", not a weekday'),
        ("", '"" names no working day'),
        (" , ", '" , " names no working day'),
    ],
)
def test_bad_working_days_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_working_days(text)
    assert str(caught.value).startswith(message)
    assert "e.g. mon-fri" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28-30,32", {28, 29, 30, 32}),
        ("29", {29}),
        (" 28 - 29 , 31 ", {28, 29, 31}),
        ("", set()),
        ("1,53", {1, 53}),
    ],
)
def test_weeks_parse(text: str, expected: set[int]) -> None:
    assert parse_weeks(text) == frozenset(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("uge 28", '"uge 28" is not a week number (ISO week numbers 1-53 or ranges'),
        ("28-", '"28-" is not a week number'),
        ("0", '"0" is not an ISO week from 1 to 53'),
        ("28-54", '"28-54" is not an ISO week from 1 to 53'),
        ("30-28", '"30-28" ends before it starts'),
        ("²", '"²" is not a week number'),
    ],
)
def test_bad_weeks_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_weeks(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start": time(15, 30), "end": time(8, 0)}, "start before they end"),
        ({"workdays": frozenset({7})}, "0 (Monday) to 6 (Sunday)"),
        ({"summer_weeks": frozenset({54})}, "ISO weeks are 1 to 53"),
    ],
)
def test_an_impossible_calendar_is_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        WorkingCalendar(tz=CPH, **changes)  # type: ignore[arg-type]


def test_the_defaults_are_monday_to_friday_8_to_15_30_closed_24_and_31_december() -> None:
    assert DEFAULT.workdays == frozenset({0, 1, 2, 3, 4})
    assert (DEFAULT.start, DEFAULT.end) == (time(8, 0), time(15, 30))
    assert [str(rule) for rule in DEFAULT.closing_days] == ["12-24", "12-31"]
    assert DEFAULT.summer_weeks == frozenset()


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        ("2026-12-01T09:00", 2, "2026-12-01T11:00"),  # inside one day
        ("2026-12-01T14:00", 8, "2026-12-02T14:30"),  # 1.5 h today, 6.5 h tomorrow
        ("2026-12-04T14:00", 8, "2026-12-07T14:30"),  # Friday → Monday
        ("2026-12-05T10:00", 1, "2026-12-07T09:00"),  # asked on a Saturday
        ("2027-03-24T15:00", 1, "2027-03-30T08:30"),  # across Easter
        ("2026-12-01T09:00", 0, "2026-12-01T09:00"),
    ],
)
def test_working_hours_run_only_in_working_time(start: str, hours: float, expected: str) -> None:
    calendar = WorkingCalendar(tz=CPH)
    moment = datetime.fromisoformat(start).replace(tzinfo=CPH)
    assert calendar.add_working_hours(moment, hours) == datetime.fromisoformat(expected).replace(
        tzinfo=CPH
    )


# -- the nudge time (TOVHOLDER_NUDGE_AT) ------------------------------------------------------

NUDGES_AT_9_30 = WorkingCalendar(tz=CPH, nudge_at=time(9, 30))


def test_the_morning_is_the_nudge_time_of_the_next_working_day() -> None:
    assert NUDGES_AT_9_30.morning(date(2026, 12, 14)) == datetime(2026, 12, 14, 9, 30, tzinfo=CPH)
    # Thursday 24 December (closed) to Christmas and the weekend: Monday 28th at 09:30.
    assert NUDGES_AT_9_30.morning(date(2026, 12, 24)) == datetime(2026, 12, 28, 9, 30, tzinfo=CPH)
    assert DEFAULT.morning(date(2026, 12, 14)).time() == time(8, 0)  # none set: the start


def test_nudges_open_at_the_nudge_time_and_wait_to_the_next_morning() -> None:
    monday = datetime(2026, 12, 14, 9, 29, tzinfo=CPH)
    assert NUDGES_AT_9_30.is_allowed(monday) and not NUDGES_AT_9_30.nudges_open(monday)
    assert NUDGES_AT_9_30.nudges_open(monday + timedelta(minutes=1))
    friday = datetime(2026, 12, 18, 14, 0, tzinfo=CPH)
    assert NUDGES_AT_9_30.next_morning(friday) == datetime(2026, 12, 21, 9, 30, tzinfo=CPH)


@pytest.mark.parametrize("nudge_at", [time(7, 59), time(15, 30), time(18, 0)])
def test_a_nudge_time_outside_working_hours_is_refused(nudge_at: time) -> None:
    with pytest.raises(ValueError, match="outside the working hours 08:00-15:30"):
        WorkingCalendar(tz=CPH, nudge_at=nudge_at)
