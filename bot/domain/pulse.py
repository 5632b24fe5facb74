"""The pulse: what leadership reads about the network for one period, without anyone writing
a report — per area, across the network, the gaps, and activity week by week.

Only numbers and names live here; the words are in the catalogues (`pulse.*`), the layouts in
`bot.views.pulse` (Slack), `bot.views.pulse_files` (md, csv, json) and
`bot.views.pulse_chart` (the PNG).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

PeriodKind = Literal["week", "month", "quarter", "year"]
_PERIOD = re.compile(
    r"^(?P<year>\d{4})(?:-(?:W(?P<week>\d{1,2})|Q(?P<quarter>[1-4])|(?P<month>\d{1,2})))?$",
    re.IGNORECASE,
)
#: Weeks of activity the chart shows.
ACTIVITY_WEEKS = 8


class BadPeriod(ValueError):
    """Not a period the pulse knows (`2026-W48`, `2026-11`, `2026-Q3`, `2026`)."""


@dataclass(frozen=True)
class Period:
    """Local dates: `start` included, `end` excluded."""

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


def parse_period(text: str) -> Period:
    """`2026-W48` (ISO week), `2026-11` (month), `2026-Q3` (quarter) or `2026` (year)."""
    found = _PERIOD.match(text.strip())
    if found is None:
        raise BadPeriod(text)
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
        quarter = int(found["quarter"])
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return Period(f"{year}-Q{quarter}", "quarter", start, end)
    if found["month"]:
        month = int(found["month"])
        if not 1 <= month <= 12:
            raise BadPeriod(text)
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return Period(f"{year}-{month:02d}", "month", date(year, month, 1), end)
    return Period(str(year), "year", date(year, 1, 1), date(year + 1, 1, 1))


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
