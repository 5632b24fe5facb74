"""Shared fixtures: a frozen clock and a fresh, migrated database on real SQLite."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from storage.db import Database
from storage.migrations import migrate

TZ = ZoneInfo("Europe/Copenhagen")
#: A Monday morning in a working week, so time-of-day rules have something to say.
FROZEN_AT = datetime(2026, 11, 30, 9, 0, tzinfo=TZ)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TZ, frozen_at=FROZEN_AT)


@pytest.fixture
async def db(tmp_path: Path, clock: ManualClock) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "tovholder.db")
    await migrate(database, clock)
    yield database
    await database.close()
