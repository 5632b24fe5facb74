"""Migration 0031_reminder_people: a reminder goes to a person id, and its key and payload
name people by person id.

`reminders.recipient` held the Slack user id whose DM the reminder went to (a queued
sparring offer: the DM conversation's id, `D…`, the asker wrote in); now it is the person's
id (`INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE`: a reminder is nobody's once
its person is gone). A queued offer goes to the question's asker, whose private
conversation with the bot is that DM. A row whose recipient leads to nobody cannot stay
(the release has none: 0025 made a guest of every Slack id it found).

Keys and payloads that named a person by Slack id name them by person id: every part of a
key (`sparring_escalation:12:1:U0AMB`, `onboarding_follow_up:U0SU:U0AMB`, snoozed copies
too) that is a known Slack user id becomes that person's id, and so does a payload's
`person` (a training sign-up's), `superuser` (the quiet superuser of an onboarding
follow-up). A welcome's payload drops `superuser`: it was the Slack id of its `person_id`.
Row ids stay, so a reminder whose post's fate was unknown at the upgrade is still found in
the person's DM by its tag's `reminder_id` (`bot.tags.find_reminders`), not posted twice.

`reminders` is rebuilt (a column's type cannot change in place); nothing points at it.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import aiosqlite

from storage.erasure_list import ErasureList
from storage.migrations.migration import Migration
from storage.migrations.person_columns import PersonColumn

logger = logging.getLogger(__name__)

#: A Slack user id (as 0025 read them): U or W, then upper-case letters and digits.
_SLACK_ID = re.compile(r"[UW][A-Z0-9]*")
#: Payload fields that named a person by Slack id.
PERSON_FIELDS = ("person", "superuser")
#: Kinds whose payload carried `superuser` beside `person_id` (the same person).
_WELCOMES = ("welcome", "welcome_note")
#: The kind whose recipient was a DM conversation: the question's asker now.
_OFFER = "sparring_offer"

_TABLE = """CREATE TABLE reminders_0031 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    due_at TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    dedupe_key TEXT NOT NULL UNIQUE,
    claimed_by TEXT,
    claimed_at TEXT,
    last_error TEXT,
    sent_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    unconfirmed_since TEXT,
    CHECK (state != 'sending' OR claimed_at IS NOT NULL)
)"""
_COLUMNS = (
    "id, kind, recipient, due_at, payload, state, attempts, dedupe_key, claimed_by, claimed_at,"
    " last_error, sent_at, created_at, updated_at, unconfirmed_since"
)
_AFTER = (
    "DROP TABLE reminders",
    "ALTER TABLE reminders_0031 RENAME TO reminders",
    "CREATE INDEX reminders_due ON reminders(state, due_at)",
    "CREATE INDEX reminders_recipient ON reminders(recipient, state)",
    "CREATE INDEX reminders_kind ON reminders(kind, state)",
)


def person_key(key: str, people: dict[str, int]) -> str:
    """The key with each part that is a known Slack user id turned into the person's id."""
    return ":".join(
        str(people[part]) if _SLACK_ID.fullmatch(part) and part in people else part
        for part in key.split(":")
    )


def person_payload(kind: str, payload: dict[str, Any], people: dict[str, int]) -> dict[str, Any]:
    """The payload with its person fields as person ids (a welcome's `superuser` dropped)."""
    found = dict(payload)
    if kind in _WELCOMES and "person_id" in found:
        found.pop("superuser", None)
    for name in PERSON_FIELDS:
        value = found.get(name)
        if isinstance(value, str) and value in people:
            found[name] = people[value]
    return found


async def _askers(conn: aiosqlite.Connection) -> dict[int, int]:
    """Each sparring question's asker (person id), whichever way the table names them."""
    async with conn.execute("PRAGMA table_info(sparring_questions)") as cursor:
        columns = {str(row[1]) for row in await cursor.fetchall()}
    if "asker_id" in columns:
        query = "SELECT id, asker_id FROM sparring_questions WHERE asker_id IS NOT NULL"
    else:
        query = (
            "SELECT q.id, i.person_id FROM sparring_questions q JOIN identities i"
            " ON i.platform = 'slack' AND i.external_id = q.asker_slack_id"
        )
    async with conn.execute(query) as cursor:
        return {int(row[0]): int(row[1]) for row in await cursor.fetchall()}


async def _convert(conn: aiosqlite.Connection, _erasures: ErasureList) -> None:
    async with conn.execute(
        "SELECT external_id, person_id FROM identities WHERE platform = 'slack'"
    ) as cursor:
        people = {str(row[0]): int(row[1]) for row in await cursor.fetchall()}
    askers = await _askers(conn)
    await conn.execute(_TABLE)
    async with conn.execute(f"SELECT {_COLUMNS} FROM reminders ORDER BY id") as cursor:  # noqa: S608
        rows = [list(row) for row in await cursor.fetchall()]
    converted: list[list[Any]] = []
    dropped: list[tuple[int, str]] = []
    for row in rows:
        kind, recipient, key = str(row[1]), str(row[2]), str(row[7])
        payload = json.loads(row[4] or "{}")
        person = people.get(recipient)
        if person is None and kind == _OFFER and isinstance(payload.get("question_id"), int):
            person = askers.get(payload["question_id"])
        if person is None:
            dropped.append((int(row[0]), kind))  # nobody to send it to (see the docstring)
            continue
        row[2] = person
        row[4] = json.dumps(
            person_payload(kind, payload, people), ensure_ascii=False, sort_keys=True
        )
        row[7] = person_key(key, people)
        converted.append(row)
    await conn.executemany(
        f"INSERT INTO reminders_0031 ({_COLUMNS}) VALUES ({', '.join('?' * 15)})",  # noqa: S608
        converted,
    )
    for statement in _AFTER:
        await conn.execute(statement)
    if dropped:
        logger.warning("0031: reminders to nobody left out (id, kind): %s", dropped)


MIGRATION = Migration(
    "0031_reminder_people",
    (),
    run=_convert,
    person_columns=(PersonColumn("reminders", "recipient", "recipient"),),
)
