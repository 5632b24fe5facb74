"""Shared fixtures: a frozen clock and a fresh, migrated database on real SQLite; and the
check that no test made the bot send a payload Slack would refuse."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.standin import RecordedCall, SlackStandIn
from storage.db import Database
from storage.migrations import migrate

TZ = ZoneInfo("Europe/Copenhagen")
#: A Monday morning in a working week, so time-of-day rules have something to say.
FROZEN_AT = datetime(2026, 11, 30, 9, 0, tzinfo=TZ)


#: Errors Slack gives for a payload over Block Kit's limits; the person would see nothing.
REFUSED_PAYLOAD_ERRORS = frozenset({"invalid_blocks", "invalid_blocks_format", "msg_too_long"})
#: Where "invalid_arguments" means a view or an ack the bot built wrong.
VIEW_METHODS = frozenset({"views.open", "views.push", "views.update", "views.publish", "ack"})
ALLOW_REFUSED = "allow_refused_payloads"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{ALLOW_REFUSED}: the test makes the bot send payloads Slack refuses on purpose",
    )


def refused_payload(call: RecordedCall) -> bool:
    return call.error in REFUSED_PAYLOAD_ERRORS or (
        call.method in VIEW_METHODS and call.error == "invalid_arguments"
    )


def assert_no_refused_payloads(standin: SlackStandIn, request: pytest.FixtureRequest) -> None:
    """At the end of a test: every message and view the bot sent was within Block Kit's
    limits, so a future view that breaks one fails the suite (opt out with the marker).

    And nothing it sent made Slack notify a whole channel (`<!channel>`, `<!here>`,
    `<!everyone>`): the bot never broadcasts, so one is always user text let through
    unescaped. There is no opting out of that."""
    broadcasts = [
        f"{call.method}: <!{found.target}> in {found.where}"
        for call in standin.calls
        for found in call.broadcasts()
    ]
    assert not broadcasts, "The bot made Slack notify everyone:\n" + "\n".join(broadcasts)
    if request.node.get_closest_marker(ALLOW_REFUSED) is not None:
        return
    refused = [f"{c.method}: {c.error} {c.errors}" for c in standin.calls if refused_payload(c)]
    assert not refused, "Slack would refuse what the bot sent:\n" + "\n".join(refused)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(TZ, frozen_at=FROZEN_AT)


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database with every migration applied, made once per run; each test gets a
    copy of the file (migrating anew cost ~65 ms a test). Under pytest-xdist each worker
    has its own `tmp_path_factory` folder, so each builds its own template and no two
    processes ever write the same file."""
    path = tmp_path_factory.mktemp("migrated") / "tovholder.db"

    async def build() -> None:
        database = await Database.open(path)
        try:
            await migrate(database, ManualClock(TZ, frozen_at=FROZEN_AT))
        finally:
            await database.close()  # checkpoints the WAL: the one file holds everything

    asyncio.run(build())
    return path


@pytest.fixture
async def db(tmp_path: Path, migrated_database: Path) -> AsyncIterator[Database]:
    path = tmp_path / "tovholder.db"
    shutil.copyfile(migrated_database, path)
    database = await Database.open(path)
    yield database
    await database.close()


def shown_text(message: Mapping[str, Any]) -> str:
    """Everything a person reads in a message or view, one per line as the bot sent them: its
    top-level text first (an empty line when it has none), then the text of every block,
    element and option."""
    parts = [str(message.get("text", ""))]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                parts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(message.get("blocks", []))
    return "\n".join(parts)
