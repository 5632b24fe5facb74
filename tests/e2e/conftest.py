"""The real app served over HTTP, talking to the local Slack stand-in, with the demo people."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.demo import seed_demo
from bot.settings import parse_settings
from bot.standin import RecordedCall
from storage.db import Database
from storage.migrations import migrate
from tests.conftest import FROZEN_AT, TZ, assert_no_refused_payloads, shown_text

ANNETTE = "U0DEMO001"  # coordinator, Danish
METTE = "U0DEMO003"  # ambassador, Danish
OLIVER = "U0DEMO008"  # superuser who prefers English
GENERAL = "C0GENERAL"


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo municipality, migrated and seeded once per run at the tests' frozen moment;
    each test starts from a copy of the file (seeding it anew cost ~0.2 s a test)."""
    path = tmp_path_factory.mktemp("demo") / "tovholder.db"

    async def build() -> None:
        clock = ManualClock(TZ, frozen_at=FROZEN_AT)
        db = await Database.open(path)
        try:
            await migrate(db, clock)
            await seed_demo(db, clock)
        finally:
            await db.close()  # checkpoints the WAL: the one file holds everything

    asyncio.run(build())
    return path


@pytest.fixture
async def slack(
    tmp_path: Path, clock: ManualClock, request: pytest.FixtureRequest, demo_database: Path
) -> AsyncIterator[LocalSlack]:
    path = tmp_path / "tovholder.db"
    shutil.copyfile(demo_database, path)
    settings = parse_settings({"TOVHOLDER_DB": str(path)}, "console")
    local = await LocalSlack.start(settings, clock)
    yield local
    await local.stop()
    assert_no_refused_payloads(local.standin, request)


def texts(call: RecordedCall) -> str:
    """Everything a person would read in one message: its text and every block's text."""
    return shown_text(call.args)
