"""Dates as people write them: "3. nov. 2026" in Danish, "3 Nov 2026" in English.

Times are stored in UTC; a reader means the local day, so they are shown in the bot's zone.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.i18n import t


def day_text(lang: str, day: date) -> str:
    return t(lang, "date.day", day=day.day, month=t(lang, f"month.{day.month}"), year=day.year)


def local_day(lang: str, stored: str, tz: ZoneInfo) -> str:
    """A stored UTC timestamp (or a plain ISO date) as the local day it fell on."""
    if len(stored) == len("2026-11-30"):
        return day_text(lang, date.fromisoformat(stored))
    return day_text(lang, datetime.fromisoformat(stored).astimezone(tz).date())
