"""Dates as people write them: "3. nov. 2026" in Danish, "3 Nov 2026" in English; and
periods as people name them: "uge 49", "november 2026", "3. kvartal 2026" (never the
`2026-W49` the code and the files use).

Times are stored in UTC; a reader means the local day, so they are shown in the bot's zone.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.pulse import Period
from bot.i18n import t


def day_text(lang: str, day: date) -> str:
    return t(lang, "date.day", day=day.day, month=t(lang, f"month.{day.month}"), year=day.year)


def local_day(lang: str, stored: str, tz: ZoneInfo) -> str:
    """A stored UTC timestamp (or a plain ISO date) as the local day it fell on."""
    if len(stored) == len("2026-11-30"):
        return day_text(lang, date.fromisoformat(stored))
    return day_text(lang, datetime.fromisoformat(stored).astimezone(tz).date())


def period_name(lang: str, period: Period) -> str:
    """The one way a period is named for people, wherever it is shown: "uge 49" ("week
    49"), "november 2026", "3. kvartal 2026" ("Q3 2026"), "2026"."""
    start = period.start
    if period.kind == "week":
        return t(lang, "period.week", week=period.start.isocalendar()[1])
    if period.kind == "month":
        month = t(lang, f"pulse.month.{start.month}")
        return t(lang, "period.month", month=month, year=start.year)
    if period.kind == "quarter":
        return t(lang, "period.quarter", quarter=(start.month - 1) // 3 + 1, year=start.year)
    return str(start.year)
