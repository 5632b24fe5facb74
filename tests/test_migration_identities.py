"""An existing database migrates to identities and message references in place: nothing
lost, every person column still leads to the same Slack user, and `tovholder export` says
the same as the release did.

The fixtures were made by the release before identities (migrations up to 0024): the demo
(`bot/services/demo.py`) plus a row in every table a running bot writes, with a guest who
never was in the organisation (U0VISITOR) and the actors that are not people ('cli', an
erased 'former-member'). `release_0024_rows.json` is every table's rows;
`release_0024_export.json` is what that release's `tovholder export` wrote for them.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.services.export import export_document
from storage import migrations
from storage.db import Database
from storage.migrations.m0025_identities import SLACK_ID_COLUMNS
from storage.migrations.person_columns import PersonColumn

FIXTURES = Path(__file__).parent / "fixtures"
RELEASE = json.loads((FIXTURES / "release_0024_rows.json").read_text(encoding="utf-8"))
EXPORTED = json.loads((FIXTURES / "release_0024_export.json").read_text(encoding="utf-8"))
GUEST = "U0VISITOR"


async def released_database(path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The release's schema, filled with the release's rows."""
    db = await Database.open(path)
    released = tuple(m for m in migrations.MIGRATIONS if m.name < "0025")
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", released)
        await migrations.migrate(db, _clock())
    async with db.transaction() as conn:
        await conn.execute("PRAGMA defer_foreign_keys = ON")
        await conn.execute("DELETE FROM guide_search_state")
        for table, content in RELEASE["tables"].items():
            columns = ", ".join(content["columns"])
            marks = ", ".join("?" for _ in content["columns"])
            await conn.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608 - fixture
                [tuple(row) for row in content["rows"]],
            )
    return db


def _clock() -> ManualClock:
    """The moment the release's export was made (its `exported_at`)."""
    return ManualClock(
        ZoneInfo("Europe/Copenhagen"), frozen_at=datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    )


#: Export fields that named a person by Slack id and now by person id: section, the field
#: now, the field then, the erasure's marker and the field that names a non-person actor.
NOW_PERSON_IDS: tuple[tuple[str, str, str, str, str | None], ...] = (
    ("nudge_pauses", "person_id", "slack_user_id", "former-member", None),
    ("reminders", "recipient", "recipient", "former-member", None),
    ("tool_tests", "ambassador_id", "ambassador_slack_id", "former-member", None),
    ("tool_tests", "closed_by", "closed_by", "former-member", None),
    ("test_results", "author_id", "author_slack_id", "former-member", None),
    ("test_results", "updated_by", "updated_by", "former-member", None),
    ("guides.versions", "edited_by", "edited_by", "former-ambassador", "via"),
    ("tool_decisions", "recorded_by", "recorded_by", "former-member", "via"),
    ("tools.status_changes", "changed_by", "changed_by", "former-member", "via"),
    ("settings", "updated_by", "updated_by", "former-member", "via"),
    ("gdpr_log", "requested_by", "requested_by", "former-member", "via"),
    ("trainings", "ambassador_id", "ambassador_slack_id", "former-member", None),
    ("training_signups", "person_id", "slack_user_id", "former-member", None),
    ("area_evaluations", "person_id", "slack_user_id", "former-member", None),
    ("adoption", "changed_by", "changed_by", "former-member", None),
    ("adoption_changes", "changed_by", "changed_by", "former-member", None),
    ("spreading_rounds", "started_by", "started_by", "former-member", None),
    ("spreading_targets", "answered_by", "answered_by", "former-member", None),
    ("sparring_questions", "asker_id", "asker_slack_id", "former-member", None),
    ("sparring_questions", "claimed_by", "claimed_by", "former-member", None),
    ("sparring_questions", "answered_by", "answered_by", "former-member", None),
    ("sparring_replies", "author_id", "author_slack_id", "former-member", None),
)


def _records(document: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """The records of `section`: a list, or a mapping's values (`settings`); `a.b` is the
    list `b` inside each record of `a` (`guides.versions`)."""
    outer, _, inner = section.partition(".")
    found = document[outer]
    records = list(found.values()) if isinstance(found, dict) else list(found)
    return [item for record in records for item in record[inner]] if inner else records


#: Export fields where NULL also meant nobody in the release (as `PersonColumn.nobody`).
NOBODY: dict[tuple[str, str], Callable[[dict[str, Any]], bool]] = {
    ("tool_tests", "closed_by"): lambda test: test["closed_at"] is None,
    ("test_results", "updated_by"): lambda result: result["updated_at"] == result["created_at"],
    ("spreading_rounds", "started_by"): lambda _: True,
    ("spreading_targets", "answered_by"): lambda target: target["answered_at"] is None,
    ("sparring_questions", "claimed_by"): lambda question: question["claimed_at"] is None,
    ("sparring_questions", "answered_by"): lambda question: question["answered_at"] is None,
}

#: Export sections whose Slack message (channel, ts, permalink as the release named them) is
#: now a message reference (`platform`, `conversation_id`, `message_id`, `thread_id`, `link`);
#: every message the release stored was Slack's, none with a thread. A section without a
#: permalink names no link; one without a thread (a reply: its thread is its question's
#: post) has no `thread_id`.
NOW_MESSAGE_REFS: tuple[tuple[str, str, str, str | None], ...] = (
    ("test_results", "channel_id", "message_ts", "permalink"),
    ("sparring_questions", "channel_id", "message_ts", None),
    ("sparring_replies", "channel_id", "ts", None),
)

#: Export fields renamed without a platform's word: section, the field now, then.
RENAMED: tuple[tuple[str, str, str], ...] = (
    ("sparring_questions", "answer_message_id", "answer_ts"),
)


def as_released(document: dict[str, Any], slack_of: dict[int, str]) -> dict[str, Any]:
    """The export as the release wrote it: each person id back to the Slack id it was, a
    NULL back to the marker it was."""
    released = copy.deepcopy(document)
    for person in released["people"]:  # the release named a person's Slack id only
        slack = [i["external_id"] for i in person.pop("identities") if i["platform"] == "slack"]
        person["slack_user_id"] = slack[0] if slack else None
    for section, channel, ts, link in NOW_MESSAGE_REFS:
        for record in released[section]:
            platform, thread = record.pop("platform"), record.pop("thread_id", None)
            assert platform == ("slack" if record["conversation_id"] else None), record
            assert thread is None, record
            record[channel] = record.pop("conversation_id")
            record[ts] = record.pop("message_id")
            if link is not None:
                record[link] = record.pop("link")
    for section, now, then in RENAMED:
        for record in _records(released, section):
            record[then] = record.pop(now)
    for record in released["reminders"]:  # a key named its recipient by Slack id (0031)
        head, _, last = record["dedupe_key"].rpartition(":")
        if last == str(record["recipient"]):
            record["dedupe_key"] = f"{head}:{slack_of[record['recipient']]}"
    for section, now, then, former, via in NOW_PERSON_IDS:
        for record in _records(released, section):
            person = record.pop(now)
            actor = record.pop(via) if via else None
            nobody = (section, now) in NOBODY and NOBODY[(section, now)](record)
            record[then] = (
                slack_of[person]
                if person is not None
                else (actor if actor not in (None, "chat") else None if nobody else former)
            )
    return released


def released_values(table: str, column: str) -> list[Any]:
    content = RELEASE["tables"][table]
    at = content["columns"].index(column)
    return sorted((row[at] for row in content["rows"]), key=repr)


#: Every column a migration turned into a person id.
CONVERTED: dict[tuple[str, str], PersonColumn] = {
    (column.table, column.then): column
    for migration in migrations.MIGRATIONS
    for column in migration.person_columns
}


async def now_values(db: Database, table: str, then: str, now: str) -> list[Any]:
    """The column's values as the release wrote them: a person id as the Slack id it leads
    to (through `identities`), NULL as the marker it was ('cli' when the row's `via` says
    so, the erasure's marker otherwise). A column not converted yet is as it was."""
    column = CONVERTED.get((table, then))
    if column is None:
        rows = await db.fetchall(f"SELECT {now} AS v FROM {table}")  # noqa: S608
        return sorted((row["v"] for row in rows), key=repr)
    actor = f"WHEN t.{column.via} = 'cli' THEN 'cli' " if column.via else ""
    if column.nobody:
        actor += f"WHEN {column.nobody} THEN NULL "
    rows = await db.fetchall(
        f"SELECT CASE WHEN t.{column.now} IS NOT NULL THEN i.external_id {actor}"  # noqa: S608
        f"ELSE ? END AS v FROM {table} t LEFT JOIN identities i"
        f" ON i.person_id = t.{column.now} AND i.platform = 'slack'",
        (column.former,),
    )
    return sorted((row["v"] for row in rows), key=repr)


async def test_a_release_database_migrates_without_losing_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = _clock()
    db = await released_database(tmp_path / "release.db", monkeypatch)
    try:
        later = [m.name for m in migrations.MIGRATIONS if m.name >= "0025"]
        assert await migrations.migrate(db, clock) == later

        for table, content in RELEASE["tables"].items():
            extra = 1 if table == "people" else 0  # the guest
            row = await db.fetchone(f"SELECT COUNT(*) AS n FROM {table}")  # noqa: S608
            assert row is not None
            assert row["n"] == len(content["rows"]) + extra, table

        # The people keep their ids, and their Slack ids are their identities.
        people = RELEASE["tables"]["people"]
        at_id, at_slack = people["columns"].index("id"), people["columns"].index("slack_user_id")
        identities = {
            row["external_id"]: row["person_id"]
            for row in await db.fetchall("SELECT external_id, person_id FROM identities")
        }
        for person in people["rows"]:
            assert identities[person[at_slack]] == person[at_id]
        guest = await db.fetchone(
            "SELECT p.name, p.in_organisation FROM people p JOIN identities i"
            " ON i.person_id = p.id WHERE i.external_id = ?",
            (GUEST,),
        )
        assert guest is not None
        assert (guest["name"], guest["in_organisation"]) == (GUEST, 0)
        assert "cli" not in identities and "former-member" not in identities

        # Every column that named a person still leads to the same Slack user.
        for table, then, now in SLACK_ID_COLUMNS:
            found = await now_values(db, table, then, now)
            assert found == released_values(table, then), (table, now)

        # A message the bot stored is a conversation and a message id (0026).
        digest = await db.fetchone("SELECT platform, conversation_id, message_id FROM digests")
        assert digest is not None
        assert tuple(digest) == ("slack", "C0LEAD", "1772442000.000600")

        # Foreign keys are on again, and the rebuild cascaded nothing away.
        row = await db.fetchone("PRAGMA foreign_keys")
        assert row is not None and row[0] == 1
        assert await db.fetchall("PRAGMA foreign_key_check") == []

        slack_of = {person: slack for slack, person in identities.items()}
        exported = await export_document(db, clock)
        assert as_released(exported, slack_of) == EXPORTED

        # Twice changes nothing.
        assert await migrations.migrate(db, clock) == []
        assert await export_document(db, clock) == exported
    finally:
        await db.close()
