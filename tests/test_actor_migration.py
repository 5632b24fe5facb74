"""Migration 0030_actor_people on the rows a release wrote: who edited a guide, recorded a
decision, changed a tool's status or a setting, and who asked for a GDPR action becomes the
person (their Slack id's identity); the command line, the retention rule and the erasure
list are said by `via`; an erased person is NULL. The GDPR log names nobody by a Slack id
any more, and the coordinator still reads the same names in it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.services import gdpr
from bot.views.gdpr import log_line
from storage import migrations
from storage.db import Database
from storage.erasure_list import HASH_PREFIX, ErasureList

TZ = ZoneInfo("Europe/Copenhagen")
NOW = "2026-03-02T09:00:00+00:00"
METTE, LINE = "U0DEMO003", "U0DEMO005"


def _clock() -> ManualClock:
    return ManualClock(TZ, frozen_at=datetime(2026, 3, 2, 12, 0, tzinfo=UTC))


async def before_0030(path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The schema just before 0030, with two people, a guide and a tool, and the actors a
    release wrote in each of the five columns."""
    db = await Database.open(path)
    with monkeypatch.context() as patch:
        earlier = tuple(m for m in migrations.MIGRATIONS if m.name < "0030")
        patch.setattr(migrations, "MIGRATIONS", earlier)
        await migrations.migrate(db, _clock())
    rows: list[tuple[str, tuple[object, ...]]] = [
        (
            "INSERT INTO people (id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (3, "Mette Lund", "mette@example.dk", NOW, NOW),
        ),
        (
            "INSERT INTO people (id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (5, "Line Nielsen", None, NOW, NOW),
        ),
        (
            "INSERT INTO identities (platform, external_id, person_id) VALUES (?, ?, ?)",
            ("slack", METTE, 3),
        ),
        (
            "INSERT INTO identities (platform, external_id, person_id) VALUES (?, ?, ?)",
            ("slack", LINE, 5),
        ),
        (
            "INSERT INTO tools (id, name, status, created_at, updated_at)"
            " VALUES (1, 'Bee-Bot', 'proposed', ?, ?)",
            (NOW, NOW),
        ),
        (
            "INSERT INTO guides (id, tool_id, slug, current_version, verified_at, verify_days,"
            " created_at, updated_at) VALUES (1, 1, 'bee-bot', 4, ?, 180, ?, ?)",
            (NOW, NOW, NOW),
        ),
    ]
    for version, editor in enumerate(("cli", "cli:import", METTE, "former-ambassador"), 1):
        rows.append(
            (
                "INSERT INTO guide_versions (guide_id, version, title, purpose, edited_by,"
                " edited_at) VALUES (1, ?, 'Bee-Bot', 'Retninger.', ?, ?)",
                (version, editor, NOW),
            )
        )
    for who in ("cli", METTE, "former-member"):
        rows.append(
            (
                "INSERT INTO tool_status_changes (tool_id, to_status, changed_by, changed_at)"
                " VALUES (1, 'proposed', ?, ?)",
                (who, NOW),
            )
        )
        rows.append(
            (
                "INSERT INTO tool_decisions (tool_id, decision, decided_on, recorded_by,"
                " recorded_at) VALUES (1, 'approved', '2026-03-01', ?, ?)",
                (who, NOW),
            )
        )
    rows += [
        (
            "INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)",
            ("language", "da", "cli", NOW),
        ),
        (
            "INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)",
            ("test_channel", "C0TEST", METTE, NOW),
        ),
        (
            "INSERT INTO gdpr_log (at, action, subject, requested_by, detail)"
            " VALUES (?, 'access', ?, ?, 'records=3')",
            (NOW, LINE, LINE),
        ),
        (
            "INSERT INTO gdpr_log (at, action, subject, requested_by, detail)"
            " VALUES (?, 'retention', 'created_at<2024-03-02T09:00:00+00:00', 'retention',"
            " 'test_results=1')",
            (NOW,),
        ),
        (
            "INSERT INTO gdpr_log (at, action, subject, requested_by, detail)"
            " VALUES (?, 'erasure', 'hmac:abc', 'erasure-list', 'people:removed=1')",
            (NOW,),
        ),
        (
            "INSERT INTO gdpr_log (at, action, subject, requested_by, detail)"
            " VALUES (?, 'erasure', 'hmac:def', 'former-member', 'people:removed=1')",
            (NOW,),
        ),
    ]
    async with db.transaction() as conn:
        for sql, params in rows:
            await conn.execute(sql, params)
    return db


async def test_the_actors_become_people_or_what_acted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = await before_0030(tmp_path / "old.db", monkeypatch)
    try:
        assert await migrations.migrate(db, _clock()) == [
            m.name for m in migrations.MIGRATIONS if m.name >= "0030"
        ]

        async def pairs(sql: str) -> list[tuple[object, ...]]:
            return [tuple(row) for row in await db.fetchall(sql)]

        assert await pairs("SELECT edited_by, via FROM guide_versions ORDER BY version") == [
            (None, "cli"),
            (None, "cli"),
            (3, "chat"),
            (None, "chat"),  # the erased editor: a former ambassador
        ]
        for table, column in (
            ("tool_status_changes", "changed_by"),
            ("tool_decisions", "recorded_by"),
        ):
            found = await pairs(f"SELECT {column}, via FROM {table} ORDER BY id")  # noqa: S608
            assert found == [(None, "cli"), (3, "chat"), (None, "chat")], table
        assert await pairs("SELECT key, updated_by, via FROM settings ORDER BY key") == [
            ("language", None, "cli"),
            ("test_channel", 3, "chat"),
        ]
        log = await pairs("SELECT action, subject, requested_by, via FROM gdpr_log ORDER BY id")
        hashed = ErasureList.beside(db.path).subject("slack", LINE)
        assert log == [
            ("access", hashed, 5, "chat"),
            ("retention", "created_at<2024-03-02T09:00:00+00:00", None, "retention"),
            ("erasure", "hmac:abc", None, "erasure-list"),
            ("erasure", "hmac:def", None, "chat"),
        ]
        assert hashed.startswith(HASH_PREFIX)
        # Nothing in the log is a Slack id any more.
        values = [str(value) for row in log for value in row]
        assert not [value for value in values if value.startswith("U0")]

        # The coordinator reads the same log as before: names and what asked.
        entries = await gdpr.log_entries(db)
        names = await gdpr.log_names(db, entries)
        lines = [log_line("da", entry, TZ, names) for entry in reversed(entries)]
        assert "· indsigt · Line Nielsen · bedt om af Line Nielsen · 3 poster" in lines[0]
        assert "· bedt om af opbevaringsreglen ·" in lines[1]
        assert "· sletning · slettet person · bedt om af sletningslisten ·" in lines[2]
        assert "· sletning · slettet person · bedt om af slettet person ·" in lines[3]

        # Line's own data still holds the access she asked for.
        document = await gdpr.my_data(db, _clock(), 5)
        assert [entry["action"] for entry in document["gdpr_log"]] == ["access"]
        assert await migrations.migrate(db, _clock()) == []
    finally:
        await db.close()
