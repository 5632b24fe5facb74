"""The real app served over HTTP, talking to the local Slack stand-in, with the demo people."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services.demo import seed_demo
from bot.settings import parse_settings
from bot.standin import RecordedCall
from tests.conftest import assert_no_refused_payloads

ANNETTE = "U0DEMO001"  # coordinator, Danish
METTE = "U0DEMO003"  # ambassador, Danish
OLIVER = "U0DEMO008"  # superuser who prefers English
GENERAL = "C0GENERAL"


@pytest.fixture
async def slack(
    tmp_path: Path, clock: ManualClock, request: pytest.FixtureRequest
) -> AsyncIterator[LocalSlack]:
    settings = parse_settings({"TOVHOLDER_DB": str(tmp_path / "tovholder.db")}, "console")
    local = await LocalSlack.start(settings, clock)
    await seed_demo(local.bot.db, clock)
    await local.sync_people()
    yield local
    await local.stop()
    assert_no_refused_payloads(local.standin, request)


def texts(call: RecordedCall) -> str:
    """Everything a person would read in one message: its text and every block's text."""
    parts = [str(call.args.get("text", ""))]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                parts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(call.args.get("blocks", []))
    return "\n".join(parts)
