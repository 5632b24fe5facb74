"""The coordinator's workspace settings: which channels the bot works in.

Stored in the database and read when needed, so a change takes effect at once, without a
restart. Values are conversation ids of the chat platform (Slack's `C…`, or `G…` for older
private channels, the only front end today), and each value keeps who set it: a person id,
or the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.clock import Clock, utc_iso
from bot.domain.actors import Actor
from storage.db import Database
from storage.repositories import settings as repo

KEYS: tuple[str, ...] = ("sparring_channel", "test_channel", "leadership_channel")
#: Whole-number settings: key → (default, lowest, highest).
NUMBERS: dict[str, tuple[int, int, int]] = {
    # Working hours an unanswered sparring question waits before it is escalated.
    "sparring_escalate_hours": (8, 1, 80),
    # Weeks after a spreading round starts before each daycare is asked how it went.
    "spread_follow_up_weeks": (4, 1, 26),
    # Months before old sparring questions and test results' free texts are anonymised.
    "retention_months": (24, 6, 120),
}
ALL_KEYS: tuple[str, ...] = (*KEYS, *NUMBERS)
CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,20}$")


@dataclass(frozen=True)
class SettingProblem(Exception):
    """`reason` is a catalogue key; `key` and `value` fill its placeholders."""

    reason: str
    key: str
    value: str = ""


def check(key: str, value: str | None) -> str | None:
    """The value to store (None clears it); raises SettingProblem for a bad key or value."""
    if key not in ALL_KEYS:
        raise SettingProblem("settings.unknown_key", key)
    if value is None or not value.strip() or value.strip().lower() in ("none", "-"):
        return None
    if key in NUMBERS:
        _, low, high = NUMBERS[key]
        text = value.strip()
        if not text.isdecimal() or not low <= int(text) <= high:
            raise SettingProblem("settings.bad_number", key, value[:20])
        return str(int(text))
    cleaned = value.strip().lstrip("#")
    if not CHANNEL_ID.match(cleaned):
        raise SettingProblem("settings.bad_channel", key, value[:80])
    return cleaned


async def set_setting(
    db: Database, clock: Clock, key: str, value: str | None, by: Actor | None
) -> str | None:
    """Store a checked value; `by` is the person who set it, or `CLI` for the command line."""
    cleaned = check(key, value)
    async with db.transaction() as conn:
        await repo.put(conn, key, cleaned, by, utc_iso(clock.now()))
    return cleaned


async def current(db: Database) -> dict[str, str | None]:
    stored = await repo.all_settings(db)
    return {key: stored.get(key) for key in KEYS}


async def number(db: Database, key: str) -> int:
    """A whole-number setting, or its default when none is stored."""
    stored = (await repo.all_settings(db)).get(key)
    return int(stored) if stored else NUMBERS[key][0]
