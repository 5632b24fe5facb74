"""When the bot may nudge people: working hours, weekends, holidays and the daycares' closures.

Pedagogues read Slack at work, not at home, so a reminder that falls due in the evening, at
a weekend, on a Danish public holiday (`holidays.country_holidays("DK")`), on one of the
daycares' closing days (*lukkedage*) or in the summer closure (*sommerlukning*) waits until
the next working morning. This module only decides *when*; it does no I/O and reads no
clock, so every rule can be tested with fixed moments.

Times are aware datetimes in the calendar's zone. A local time on another day is built with
the zone (`datetime.combine(day, start, tzinfo=tz)`) and never by adding hours, so 08:00 stays
08:00 across the change to and from summer time (the last Sunday of March and of October).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Literal
from zoneinfo import ZoneInfo

import holidays

ClosedReason = Literal["weekend", "holiday", "closing_day", "summer_closure"]

#: Yearly closing days are kept as dates in this leap year, so `02-29` is a valid yearly day.
_YEARLY = 2000
#: How far ahead `next_allowed` looks before deciding that the calendar has no working day.
SEARCH_YEARS = 3
_SEARCH_DAYS = SEARCH_YEARS * 366


@dataclass(frozen=True)
class ClosingRule:
    """One entry of the closing-day list: a day or an inclusive range of days.

    `yearly` rules (`12-24`, `12-27..01-02`) come back every year and compare month and day
    only, so a yearly range may wrap the year end. Dated rules (`2027-05-07`,
    `2027-07-12..2027-07-16`) hold once. For a yearly rule, `first` and `last` carry the
    placeholder year 2000; only their month and day count.
    """

    first: date
    last: date
    yearly: bool = False

    def __post_init__(self) -> None:
        if not self.yearly and self.last < self.first:
            raise ValueError(f"{_quote(str(self))} ends before it starts")

    @classmethod
    def every_year(cls, month: int, day: int) -> ClosingRule:
        """A yearly closing day, e.g. `ClosingRule.every_year(12, 24)` for juleaftensdag."""
        one = date(_YEARLY, month, day)
        return cls(one, one, yearly=True)

    def covers(self, day: date) -> bool:
        if not self.yearly:
            return self.first <= day <= self.last
        here = (day.month, day.day)
        first = (self.first.month, self.first.day)
        last = (self.last.month, self.last.day)
        if first <= last:
            return first <= here <= last
        return here >= first or here <= last  # wraps the year end: 12-27..01-02

    def __str__(self) -> str:
        """The rule as written in `TOVHOLDER_CLOSING_DAYS`, so it can be listed and re-read."""
        shape = "%m-%d" if self.yearly else "%Y-%m-%d"
        first, last = self.first.strftime(shape), self.last.strftime(shape)
        return first if first == last else f"{first}..{last}"


#: Juleaftensdag and nytårsaftensdag: not public holidays, but daycares close (or run an
#: emergency service), so nobody should be nudged.
DEFAULT_CLOSING_DAYS: tuple[ClosingRule, ...] = (
    ClosingRule.every_year(12, 24),
    ClosingRule.every_year(12, 31),
)
DEFAULT_WORKDAYS: frozenset[int] = frozenset({0, 1, 2, 3, 4})


@cache
def _danish_holidays(year: int) -> frozenset[date]:
    """The Danish public holidays of one year (computed, not fetched; cached per year)."""
    return frozenset(holidays.country_holidays("DK", years=year).keys())


def is_danish_holiday(day: date) -> bool:
    """A public holiday in Denmark (helligdag). Juleaftensdag and Grundlovsdag are not."""
    return day in _danish_holidays(day.year)


@dataclass(frozen=True)
class WorkingCalendar:
    """The moments a nudge may arrive: working days, between `start` (included) and `end`
    (excluded), in `tz`.

    `end` is excluded so that a reminder due exactly at closing time (15:30) waits for the
    next morning instead of arriving as people leave.
    """

    tz: ZoneInfo
    workdays: frozenset[int] = DEFAULT_WORKDAYS  # Monday = 0
    start: time = time(8, 0)
    end: time = time(15, 30)
    closing_days: tuple[ClosingRule, ...] = DEFAULT_CLOSING_DAYS
    summer_weeks: frozenset[int] = frozenset()  # ISO week numbers
    #: When the day's nudges arrive (`TOVHOLDER_NUDGE_AT`); None: at `start`. The start of
    #: working hours is drop-off time in a daycare, so the nudges come a little later.
    nudge_at: time | None = None

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(
                f"working hours must start before they end, not {self.start}-{self.end}"
            )
        if not self.start <= self.nudge_time < self.end:
            raise ValueError(
                f"{self.nudge_time:%H:%M} is outside the working hours "
                f"{self.start:%H:%M}-{self.end:%H:%M}"
            )
        if not self.workdays <= frozenset(range(7)):
            raise ValueError(
                f"working days are 0 (Monday) to 6 (Sunday), not {sorted(self.workdays)}"
            )
        if not self.summer_weeks <= frozenset(range(1, 54)):
            raise ValueError(f"ISO weeks are 1 to 53, not {sorted(self.summer_weeks)}")

    def reason_closed(self, day: date) -> ClosedReason | None:
        """Why nobody is nudged on `day`, or None on a working day.

        Checked in this order, so a holiday on a Saturday is reported as "weekend": the
        first reason is enough to explain why a reminder moved.
        """
        if day.weekday() not in self.workdays:
            return "weekend"
        if is_danish_holiday(day):
            return "holiday"
        if any(rule.covers(day) for rule in self.closing_days):
            return "closing_day"
        if day.isocalendar().week in self.summer_weeks:
            return "summer_closure"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.reason_closed(day) is None

    @property
    def nudge_time(self) -> time:
        """The local time of day the nudges of a working day arrive."""
        return self.nudge_at if self.nudge_at is not None else self.start

    def morning(self, day: date) -> datetime:
        """The nudge time (`nudge_time`) of `day`, or of the next working day after it: when
        a nudge planned "for the morning" arrives."""
        if not self.is_working_day(day):
            day = self._next_working_day(day)
        return self._at(day, self.nudge_time)

    def next_morning(self, moment: datetime) -> datetime:
        """The nudge time of the first working day after `moment`'s (local) day: where a
        nudge waits when the person already had the day's nudge message."""
        return self.morning(self._local(moment).date() + timedelta(days=1))

    def nudges_open(self, moment: datetime) -> bool:
        """Whether the day's nudges may go out at `moment`: working time, from the nudge
        time on (before it, only what may not wait)."""
        return self.is_allowed(moment) and self._local(moment).time() >= self.nudge_time

    def is_allowed(self, moment: datetime) -> bool:
        """Whether a nudge may arrive at `moment` (an aware datetime in any zone)."""
        local = self._local(moment)
        return self.is_working_day(local.date()) and self.start <= local.time() < self.end

    def next_allowed(self, moment: datetime) -> datetime:
        """`moment` itself when allowed, else the next working moment; always in `self.tz`.

        Before `start` on a working day that is `start` the same day; otherwise `start` of
        the next working day. Raises ValueError when no working day comes within three years
        (every day closed), instead of looping for ever.
        """
        local = self._local(moment)
        if self.is_allowed(local):
            return local
        day = local.date()
        if not (self.is_working_day(day) and local.time() < self.start):
            day = self._next_working_day(day)
        return self._at(day, self.start)

    def add_working_days(self, moment: datetime, days: int) -> datetime:
        """The same local clock time `days` working days later, on an allowed moment.

        Counting starts from `next_allowed(moment)`: a reminder due on a Saturday counts
        from Monday morning, so a later moment never gives an earlier answer (Friday 16:00
        and Saturday 10:00 plus two working days are both Wednesday 08:00). Zero days is
        `next_allowed(moment)`.
        """
        if days < 0:
            raise ValueError(f"days must be 0 or more, not {days}")
        base = self.next_allowed(moment)
        day = base.date()
        for _ in range(days):
            day = self._next_working_day(day)
        return self.next_allowed(self._at(day, base.time()))

    def add_working_hours(self, moment: datetime, hours: float) -> datetime:
        """`hours` of working time after `moment`: the clock runs only inside working hours,
        so 8 working hours from Friday 14:00 is Monday 14:30 with 08:00–15:30 days."""
        if hours < 0:
            raise ValueError(f"hours must be 0 or more, not {hours}")
        current = self.next_allowed(moment)
        left = timedelta(hours=hours)
        while True:
            closing = self._at(current.date(), self.end)
            if current + left < closing:
                return current + left
            left -= closing - current
            current = self.next_allowed(closing)

    def _next_working_day(self, day: date) -> date:
        for step in range(1, _SEARCH_DAYS + 1):
            candidate = day + timedelta(days=step)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError(
            f"the working calendar has no working day in the {SEARCH_YEARS} years after {day}: "
            "every day is outside the working days, a holiday, a closing day or in the summer "
            "closure"
        )

    def _at(self, day: date, clock: time) -> datetime:
        """`clock` on `day` in the zone, as a time that exists (02:30 on the night summer
        time starts is 03:30 summer time; an hour that occurs twice is its first)."""
        naive = datetime.combine(day, clock.replace(tzinfo=None, fold=0), tzinfo=self.tz)
        return naive.astimezone(UTC).astimezone(self.tz)

    def _local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"an aware datetime is needed (with a zone), not {moment}")
        return moment.astimezone(self.tz)


# --- parsing the settings' text --------------------------------------------------------------


def _quote(text: str) -> str:
    """The value as typed, in double quotes, on one line (a newline is shown as \\n)."""
    return json.dumps(text, ensure_ascii=False)


_HOURS = re.compile(r"(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})", re.ASCII)


def parse_working_hours(text: str) -> tuple[time, time]:
    """`08:00-15:30` → (08:00, 15:30). `08.00–15.30` (Danish dots, an en dash) also reads."""
    example = "(e.g. 08:00-15:30)"
    found = _HOURS.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"{_quote(text)} is not HH:MM-HH:MM {example}")
    h1, m1, h2, m2 = (int(part) for part in found.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise ValueError(f"{_quote(text)} has a time that does not exist {example}")
    start, end = time(h1, m1), time(h2, m2)
    if not start < end:
        raise ValueError(f"{_quote(text)} must start before it ends {example}")
    return start, end


#: English and Danish weekday names, short and full, with and without ø (Monday = 0).
_WEEKDAY_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("mon", "monday", "man", "mandag"),
            ("tue", "tuesday", "tir", "tirsdag"),
            ("wed", "wednesday", "ons", "onsdag"),
            ("thu", "thursday", "tor", "torsdag"),
            ("fri", "friday", "fre", "fredag"),
            ("sat", "saturday", "lør", "lor", "lørdag", "lordag"),
            ("sun", "sunday", "søn", "son", "søndag", "sondag"),
        )
    )
    for name in names
}
_DAYS_HELP = (
    "use mon, tue, wed, thu, fri, sat, sun or man, tir, ons, tor, fre, lør, søn; e.g. mon-fri"
)


def parse_working_days(text: str) -> frozenset[int]:
    """`mon-fri`, `man-fre` or `mon,tue,thu` → weekday numbers (Monday = 0).

    English and Danish names, short or full; a range may wrap the week (`fri-mon`).
    """

    def day(name: str) -> int:
        number = _WEEKDAY_NAMES.get(name.strip().lower())
        if number is None:
            raise ValueError(
                f"{_quote(text)} has {_quote(name.strip())}, not a weekday ({_DAYS_HELP})"
            )
        return number

    found: set[int] = set()
    for item in text.split(","):
        if not item.strip():
            continue
        first, dash, last = item.partition("-")
        if not dash:
            found.add(day(first))
            continue
        start, stop = day(first), day(last)
        found.update((start + step) % 7 for step in range((stop - start) % 7 + 1))
    if not found:
        raise ValueError(f"{_quote(text)} names no working day ({_DAYS_HELP})")
    return frozenset(found)


_WEEKS = re.compile(r"(\d+)(?:\s*-\s*(\d+))?", re.ASCII)


def parse_weeks(text: str) -> frozenset[int]:
    """`28-30,32` → ISO weeks {28, 29, 30, 32}; empty text → no weeks."""
    help_text = "ISO week numbers 1-53 or ranges, e.g. 28-30,32"
    weeks: set[int] = set()
    for item in text.split(","):
        if not item.strip():
            continue
        found = _WEEKS.fullmatch(item.strip())
        if found is None:
            raise ValueError(f"{_quote(item.strip())} is not a week number ({help_text})")
        start = int(found[1])
        stop = int(found[2]) if found[2] else start
        if not (1 <= start <= 53 and 1 <= stop <= 53):
            raise ValueError(
                f"{_quote(item.strip())} is not an ISO week from 1 to 53 ({help_text})"
            )
        if stop < start:
            raise ValueError(f"{_quote(item.strip())} ends before it starts ({help_text})")
        weeks.update(range(start, stop + 1))
    return frozenset(weeks)


_YEARLY_DAY = re.compile(r"(\d{2})-(\d{2})", re.ASCII)
_DATED_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_CLOSING_HELP = "MM-DD every year, YYYY-MM-DD once, or FROM..TO; e.g. 12-24,12-27..12-30,2027-05-07"


def _closing_day(text: str, whole: str) -> tuple[date, bool]:
    """One end of a closing rule: (the day, whether it is yearly)."""
    if found := _YEARLY_DAY.fullmatch(text):
        parts, yearly = (_YEARLY, *map(int, found.groups())), True
    elif found := _DATED_DAY.fullmatch(text):
        parts, yearly = tuple(map(int, found.groups())), False
    else:
        raise ValueError(f"{_quote(whole)} is not a closing day ({_CLOSING_HELP})")
    try:
        return date(*parts), yearly
    except ValueError:
        raise ValueError(f"{_quote(text)} is not a day in the calendar ({_CLOSING_HELP})") from None


def parse_closing_days(text: str) -> tuple[ClosingRule, ...]:
    """`12-24,12-27..12-30,2027-05-07` → closing rules; empty text → none.

    Both ends of a range are of one kind: yearly (`12-27..01-02`, may wrap the year end) or
    dated (`2027-07-12..2027-07-16`, must not end before it starts).
    """
    rules: list[ClosingRule] = []
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        first_text, dots, last_text = (part.strip() for part in item.partition(".."))
        first, yearly = _closing_day(first_text, item)
        last, last_yearly = _closing_day(last_text, item) if dots else (first, yearly)
        if yearly != last_yearly:
            raise ValueError(
                f"{_quote(item)} mixes MM-DD and YYYY-MM-DD: both ends of a range must be "
                "of the same kind"
            )
        rules.append(ClosingRule(first, last, yearly=yearly))
    return tuple(rules)


_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$", re.ASCII)


def parse_time_of_day(text: str) -> time:
    """`09:30` / `9.30` → 09:30."""
    found = _CLOCK.match(text.strip())
    if found is None:
        raise ValueError(f"{_quote(text)} is not a time of day HH:MM (e.g. 09:30)")
    return time(int(found[1]), int(found[2]))


def parse_weekly_moment(text: str) -> tuple[int, time] | None:
    """`mon 08:30` / `mandag 8.30` → (0, 08:30): a weekday and a time; `off` or empty → None."""
    help_text = "a weekday and a time, e.g. mon 08:30 or mandag 8.30; off: never"
    cleaned = text.strip().lower()
    if cleaned in ("", "off", "fra", "none"):
        return None
    day, _, clock = cleaned.partition(" ")
    number = _WEEKDAY_NAMES.get(day.strip())
    found = _CLOCK.match(clock.strip())
    if number is None or found is None:
        raise ValueError(f"{_quote(text)} is not {help_text}")
    return number, time(int(found[1]), int(found[2]))
