"""Days and times as people type them — one reader for every place a person or the command
line gives a date (`tovholder tools decide --date`, the console's `:clock` and date fields).

Danes write the day first: `24/12`, `24.12.2026`, `24-12-2026`, `24/12-2026`, `24. december`;
ISO (`2026-12-24`) still works, and so do `i dag`, `i morgen`, `i går` (`today`, …). A day
without a year lies in the current year — the same year the person sees on the calendar —
so the caller passes today's date (from its clock; nothing here reads one).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

#: Month names as people write them, Danish and English, whole or cut short (`nov.`).
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "january", "jan"),
            ("februar", "february", "feb"),
            ("marts", "march", "mar", "mrt"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

#: Days counted from today.
RELATIVE_DAYS: dict[str, int] = {
    "i dag": 0,
    "idag": 0,
    "today": 0,
    "i morgen": 1,
    "imorgen": 1,
    "tomorrow": 1,
    "i går": -1,
    "igår": -1,
    "yesterday": -1,
}

_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
#: 24/12, 24.12.2026, 24-12-2026, 24/12-2026, 24.12.26, 24. 12.
_NUMBERS = re.compile(
    r"^(?P<day>\d{1,2})\s*[./-]\s*(?P<month>\d{1,2})"
    r"(?:\s*[./-]\s*(?P<year>\d{4}|\d{2})|\s+(?P<long_year>\d{4}))?\.?$"
)
#: 24. december 2026, 24 dec., 24. dec 26.
_NAMED = re.compile(r"^(?P<day>\d{1,2})\.?\s*(?P<month>[a-zæøå]+)\.?(?:\s*(?P<year>\d{4}|\d{2}))?$")
#: A time after the day: ` 09:30`, `T09:30`, ` kl. 9.30`.
_TIME = re.compile(r"^(?P<day>.+?)(?:\s+|T)(?:kl\.?\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})$")


class BadDate(ValueError):
    """Not a day (or a day and a time) that can be read."""


def parse_day(text: str, today: date | None = None) -> date:
    """The day `text` names. `today` (the local day) is needed for a day written without a
    year and for `i dag`/`i morgen`; without it those are refused. Raises BadDate."""
    words = " ".join(text.strip().casefold().split())
    if words in RELATIVE_DAYS:
        if today is None:
            raise BadDate(text)
        return today + timedelta(days=RELATIVE_DAYS[words])
    found = _ISO.match(words)
    if found is not None:
        return _day(int(found["year"]), int(found["month"]), int(found["day"]), text)
    found = _NUMBERS.match(words) or _NAMED.match(words)
    if found is None:
        raise BadDate(text)
    month_text = found["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.rstrip("."))
    if month is None:
        raise BadDate(text)
    year_text = found["year"] or found.groupdict().get("long_year")
    if year_text is None:
        if today is None:
            raise BadDate(text)
        year = today.year
    else:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    return _day(year, month, int(found["day"]), text)


def parse_moment(text: str, today: date | None = None) -> datetime:
    """A day with an optional time of day (`24.12.2026 09:30`, `24/12 kl. 9.30`, ISO with or
    without an offset); without a time, the start of the day. Naive unless ISO gave an
    offset: the caller places it in its zone. Raises BadDate."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        pass
    found = _TIME.match(" ".join(text.strip().split()))
    if found is None:
        return datetime.combine(parse_day(text, today), time(0))
    hour, minute = int(found["hour"]), int(found["minute"])
    if hour > 23 or minute > 59:
        raise BadDate(text)
    return datetime.combine(parse_day(found["day"], today), time(hour, minute))


def _day(year: int, month: int, day: int, text: str) -> date:
    if not 1900 <= year <= 2200:
        raise BadDate(text)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise BadDate(text) from error
