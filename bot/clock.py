"""The one source of time for the bot.

Rules about working hours, holidays and reminders read the time from an injected clock, so
tests freeze it and the console can move it forward (`:clock +3d`) to make nudges fire.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    tz: ZoneInfo

    def now(self) -> datetime:
        """An aware datetime in the bot's time zone."""
        ...


class SystemClock:
    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz

    def now(self) -> datetime:
        return datetime.now(self.tz)


class ManualClock:
    """Real time plus an offset that only `:clock` changes (forward), or a fixed time when
    frozen. The console starts it at real time (or TOVHOLDER_FAKE_NOW); tests freeze it.
    """

    def __init__(
        self,
        tz: ZoneInfo,
        *,
        frozen_at: datetime | None = None,
        starting_at: datetime | None = None,
    ) -> None:
        """`starting_at` (TOVHOLDER_FAKE_NOW) sets the clock to that moment, running on from
        there; `frozen_at` stops it there (tests)."""
        self.tz = tz
        self._frozen = frozen_at.astimezone(tz) if frozen_at else None
        self._offset = starting_at - datetime.now(tz) if starting_at else timedelta()

    def now(self) -> datetime:
        base = self._frozen if self._frozen is not None else datetime.now(self.tz)
        return base + self._offset

    def advance(self, delta: timedelta) -> datetime:
        if delta < timedelta():
            raise ValueError("time only moves forward")
        self._offset += delta
        return self.now()

    def move_to(self, moment: datetime) -> datetime:
        """Move forward to `moment`; moving backwards is refused (reminders already sent)."""
        return self.advance(moment.astimezone(self.tz) - self.now())


def clock_for(tz: ZoneInfo, fake_now: datetime | None) -> Clock:
    """Real time; or, with TOVHOLDER_FAKE_NOW (demos and tests only), time running on from
    that moment."""
    if fake_now is not None:
        return ManualClock(tz, starting_at=fake_now)
    return SystemClock(tz)


def utc_iso(moment: datetime) -> str:
    """How times are stored: UTC ISO-8601, so they sort and compare as text in SQLite."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")
