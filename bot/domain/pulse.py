"""The pulse: what leadership reads about the network for one period, without anyone writing
a report — per area, across the network, the gaps, and activity week by week.

Only numbers and names live here; the words are in the catalogues (`pulse.*`), the layouts in
`bot.views.pulse` (a message), `bot.views.pulse_files` (md, csv, json) and
`bot.views.pulse_chart` (the PNG).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from bot.domain.dates import MONTHS

PeriodKind = Literal["week", "month", "quarter", "year"]
_PERIOD = re.compile(
    r"^(?P<year>\d{4})(?:-(?:W(?P<week>\d{1,2})|Q(?P<quarter>[1-4])|(?P<month>\d{1,2})))?$",
    re.IGNORECASE,
)
#: Weeks of activity the chart shows.
ACTIVITY_WEEKS = 8


class BadPeriod(ValueError):
    """Not a period the pulse knows (`2026-W48`, `uge 48`, `november`, `3. kvartal`, …)."""


@dataclass(frozen=True)
class Period:
    """Local dates: `start` included, `end` excluded. `label` is the ISO-like name
    (`2026-W48`, `2026-11`, `2026-Q3`, `2026`) used in file names and files; people read
    `bot.views.dates.period_name`."""

    label: str
    kind: PeriodKind
    start: date
    end: date

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)


def week_of(day: date) -> Period:
    year, week, _ = day.isocalendar()
    start = date.fromisocalendar(year, week, 1)
    return Period(f"{year}-W{week:02d}", "week", start, start + timedelta(days=7))


def month_of(day: date) -> Period:
    year, month = day.year, day.month
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(f"{year}-{month:02d}", "month", date(year, month, 1), end)


def quarter_of(day: date) -> Period:
    year, quarter = day.year, (day.month - 1) // 3 + 1
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return Period(f"{year}-Q{quarter}", "quarter", start, end)


def year_of(day: date) -> Period:
    return Period(str(day.year), "year", date(day.year, 1, 1), date(day.year + 1, 1, 1))


_OF: dict[PeriodKind, Callable[[date], Period]] = {
    "week": week_of,
    "month": month_of,
    "quarter": quarter_of,
    "year": year_of,
}

#: "this …" (0) and "last …" (-1), Danish and English; Danish may put "i" before them.
_RELATIVE_KINDS: dict[str, PeriodKind] = {
    "uge": "week",
    "week": "week",
    "måned": "month",
    "maaned": "month",
    "month": "month",
    "kvartal": "quarter",
    "quarter": "quarter",
    "år": "year",
    "aar": "year",
    "year": "year",
}
_THIS = frozenset({"denne", "dette", "this", "current", "indeværende"})
_LAST = frozenset({"sidste", "forrige", "last", "previous"})
_RELATIVE = re.compile(r"^(?:i )?(?P<which>\w+) (?P<kind>\w+)$")
#: Danish "i år" (this year) and "i fjor" (last year) have no "this"/"last" word.
_SHORT_RELATIVE: dict[str, tuple[PeriodKind, int]] = {
    "i år": ("year", 0),
    "i aar": ("year", 0),
    "i fjor": ("year", -1),
    "iår": ("year", 0),
}
_YEAR = r"(?:\s+(?P<year>\d{4}))?"
_WEEK = re.compile(r"^(?:uge|week|wk|u|w)\s*(?P<number>\d{1,2})" + _YEAR + "$")
_QUARTER = re.compile(
    r"^(?:(?P<first>[1-4])(?:\.|st|nd|rd|th)?\s*(?:kvartal|kvt|quarter)"
    r"|(?:kvartal|quarter|q)\s*(?P<second>[1-4]))" + _YEAR + "$"
)
_MONTH = re.compile(r"^(?P<name>[a-zæøå]+)" + _YEAR + "$")
_YEAR_FIRST = re.compile(r"^(?P<year>\d{4})\s+(?P<rest>\D.*)$")


def parse_period(text: str, today: date | None = None) -> Period:
    """`2026-W48` (ISO week), `2026-11` (month), `2026-Q3` (quarter) or `2026` (year); and,
    as people write them in Danish or English, `uge 48`, `week 48 2025`, `november`,
    `nov. 2025`, `3. kvartal`, `Q3`, `denne uge`, `sidste uge`, `sidste måned`, `i år`,
    `last week`, `this year` …

    `today` (the local day, from the caller's clock) is needed for the relative words and
    for a week, month or quarter written without a year — without it they are refused.
    Such a period is the one of the current year if it has begun, else last year's: the
    pulse tells what happened, so "november" read in March means the November just past.
    """
    raw = text.strip()
    found = _PERIOD.match(raw)
    if found is not None:
        return _iso_period(found, text)
    words = " ".join(raw.casefold().replace(",", " ").replace(".", ". ").split())
    words = words.replace(". ", " ").rstrip(".").strip()
    year_first = _YEAR_FIRST.match(words)
    if year_first is not None:  # "2026 uge 48" reads as "uge 48 2026"
        words = f"{year_first['rest']} {year_first['year']}"
    relative = _relative(words, today) if today is not None else None
    if relative is not None:
        return relative
    named = _named(words)
    if named is None or (today is None and named[2] is None):
        raise BadPeriod(text)
    kind, number, year = named
    return _in_year(kind, number, year, today, text)


def _iso_period(found: re.Match[str], text: str) -> Period:
    year = int(found["year"])
    if not 2000 <= year <= 2100:
        raise BadPeriod(text)
    if found["week"]:
        week = int(found["week"])
        try:
            return week_of(date.fromisocalendar(year, week, 1))
        except ValueError as error:
            raise BadPeriod(text) from error
    if found["quarter"]:
        return quarter_of(date(year, 3 * int(found["quarter"]) - 2, 1))
    if found["month"]:
        month = int(found["month"])
        if not 1 <= month <= 12:
            raise BadPeriod(text)
        return month_of(date(year, month, 1))
    return year_of(date(year, 1, 1))


def _relative(words: str, today: date) -> Period | None:
    """`denne uge`, `sidste måned`, `i år`, `last quarter` … as of `today`."""
    short = _SHORT_RELATIVE.get(words)
    if short is not None:
        kind, step = short
    else:
        found = _RELATIVE.match(words)
        if found is None or found["kind"] not in _RELATIVE_KINDS:
            return None
        if found["which"] in _THIS:
            step = 0
        elif found["which"] in _LAST:
            step = -1
        else:
            return None
        kind = _RELATIVE_KINDS[found["kind"]]
    current = _OF[kind](today)
    return current if step == 0 else _OF[kind](current.start - timedelta(days=1))


def _named(words: str) -> tuple[PeriodKind, int, int | None] | None:
    """(kind, number, year or None) for `uge 48`, `3. kvartal 2025`, `november` …"""
    patterns: tuple[tuple[PeriodKind, re.Pattern[str]], ...] = (
        ("week", _WEEK),
        ("quarter", _QUARTER),
        ("month", _MONTH),
    )
    for kind, pattern in patterns:
        found = pattern.match(words)
        if found is None:
            continue
        year = int(found["year"]) if found["year"] else None
        if kind == "month":
            number = MONTHS.get(found["name"])
            if number is None:
                return None
        elif kind == "quarter":
            number = int(found["first"] or found["second"])
        else:
            number = int(found["number"])
        return kind, number, year
    return None


def _in_year(
    kind: PeriodKind, number: int, year: int | None, today: date | None, text: str
) -> Period:
    """The period in `year`; without one, this year's if it has begun, else last year's."""

    def build(in_year: int) -> Period:
        if not 2000 <= in_year <= 2100:
            raise BadPeriod(text)
        try:
            if kind == "week":
                return week_of(date.fromisocalendar(in_year, number, 1))
            if kind == "quarter":
                return quarter_of(date(in_year, 3 * number - 2, 1))
            return month_of(date(in_year, number, 1))
        except ValueError as error:
            raise BadPeriod(text) from error

    if year is not None:
        return build(year)
    assert today is not None
    try:
        found = build(today.year)
    except BadPeriod:
        return build(today.year - 1)  # "uge 53" in a year without one
    return found if found.start <= today else build(today.year - 1)


@dataclass(frozen=True)
class Scope:
    """Whose pulse: the whole network, some areas (an ambassador's), or one daycare (a
    superuser's). `label` names it for the reader."""

    kind: Literal["network", "areas", "daycare"]
    label: str = ""
    area_ids: frozenset[int] = frozenset()
    daycare_id: int | None = None


NETWORK = Scope("network")


@dataclass(frozen=True)
class ToolInTest:
    tool: str
    #: The newest result in the area: its rating (None: none given) and day (ISO).
    newest_rating: int | None = None
    newest_on: str | None = None
    results: int = 0


#: The counts of `AreaPulse`, in the order every surface shows them. Whatever one of them
#: counts, the area is not quiet (`AreaPulse.quiet`).
COUNTS: tuple[str, ...] = (
    "results",
    "guides_published",
    "guides_updated",
    "questions_asked",
    "questions_answered",
    "questions_open",
    "overdue_evaluations",
    "superusers_onboarded",
    "trainings_held",
    "training_attendees",
)


@dataclass(frozen=True)
class AreaPulse:
    """One area in the period. Counts are of things that happened in the period; `open`
    and `overdue` are as they stand at the period's end (or now, if sooner)."""

    area_id: int
    area: str
    tools_in_test: tuple[ToolInTest, ...] = ()
    results: int = 0
    guides_published: int = 0
    guides_updated: int = 0
    questions_asked: int = 0
    questions_answered: int = 0
    questions_open: int = 0
    median_answer_minutes: float | None = None
    overdue_evaluations: int = 0
    superusers_onboarded: int = 0
    trainings_held: int = 0
    training_attendees: int = 0

    @property
    def quiet(self) -> bool:
        """Nothing counted in the period and nothing waiting — the one rule behind "Stille i
        perioden", so no surface calls an area quiet while another shows a number for it (a
        new superuser, a training's attendees). Tools merely in test do not count: a test
        that produced nothing in the period is quiet too."""
        return not any(getattr(self, name) for name in COUNTS)

    @property
    def activity(self) -> int:
        """What the chart counts: results, guides written, questions, trainings held."""
        return (
            self.results
            + self.guides_published
            + self.guides_updated
            + self.questions_asked
            + self.trainings_held
        )


@dataclass(frozen=True)
class LifecycleMove:
    tool: str
    from_status: str | None
    to_status: str
    on: str


@dataclass(frozen=True)
class DecisionMade:
    tool: str
    decision: str
    decided_on: str
    note: str = ""


@dataclass(frozen=True)
class AreaSpread:
    area: str
    in_use: int
    daycares: int


@dataclass(frozen=True)
class Spread:
    """A recommended tool's reach now: daycares using it, per area, and the reasons given by
    those who said it is not for them."""

    tool: str
    in_use: int
    daycares: int
    areas: tuple[AreaSpread, ...] = ()
    declined: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class OverdueGuide:
    title: str
    tool: str
    owner: str | None
    checked_on: str


@dataclass(frozen=True)
class Gaps:
    areas_without_ambassador: tuple[str, ...] = ()
    daycares_without_superuser: tuple[str, ...] = ()
    guides_overdue: tuple[OverdueGuide, ...] = ()

    @property
    def any(self) -> bool:
        return bool(
            self.areas_without_ambassador or self.daycares_without_superuser or self.guides_overdue
        )


@dataclass(frozen=True)
class ActivityWeek:
    """One ISO week's activity per area (area name → count), for the chart."""

    week: str
    per_area: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Pulse:
    period: Period
    scope: Scope
    areas: tuple[AreaPulse, ...]
    moves: tuple[LifecycleMove, ...] = ()
    decisions_made: tuple[DecisionMade, ...] = ()
    #: Tools evaluated and waiting for leadership's verdict (recommend or not).
    decisions_waiting: tuple[str, ...] = ()
    spreading: tuple[Spread, ...] = ()
    gaps: Gaps = field(default_factory=Gaps)
    activity: tuple[ActivityWeek, ...] = ()

    def total(self, name: str) -> int:
        """A count summed over the areas (`results`, `questions_asked`, …)."""
        return sum(int(getattr(area, name)) for area in self.areas)
