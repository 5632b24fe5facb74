"""Personal data on real SQLite: `my-data` holds a person's records from every table and
nobody else's; erasure leaves neither their Slack id, person id, name nor e-mail anywhere (the
guides stay, by a former ambassador) and a second one changes nothing; retention anonymises
only old rows, once; the log holds each action."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.clock import ManualClock, utc_iso
from bot.errors import NotAllowed
from bot.i18n import t
from bot.services import gdpr
from bot.services.demo import seed_demo
from bot.services.export import export_document
from bot.services.identities import person_for
from bot.services.workspace_settings import set_setting
from bot.views.gdpr import (
    detail_text,
    erase_modal,
    erased_message,
    log_line,
    log_message,
    my_data_summary,
    plan_lines,
)
from handlers.slack import render, render_form
from storage.db import Database
from storage.repositories.gdpr import ERASURE, HOLDINGS
from tests.conftest import TZ
from tests.people import person_id

ANNETTE = "U0DEMO001"  # coordinator
METTE, METTE_NAME, METTE_EMAIL = "U0DEMO003", "Mette Lund", "mette.lund@vesteraa-kommune.example"
SOEREN = "U0DEMO004"  # another ambassador, who leaves the same traces
LINE = "U0DEMO005"


async def leave_traces(db: Database, who: str, mark: str, at: str, place: str) -> None:
    """One row naming `who` (by Slack id, or by person id `:pid`) in every table that can
    name a person, with `mark` in its free texts (and a mention of `who` in a colleague's
    text)."""

    async def one(sql: str, *params: str) -> int:
        row = await db.fetchone(sql, params)
        assert row is not None
        return int(row[0])

    p = {
        "who": who,
        "pid": await person_id(db, who),
        "line_pid": await person_id(db, LINE),
        "mark": mark,
        "at": at,
        "line": LINE,
        "tool": await one("SELECT id FROM tools WHERE name = 'Bee-Bot'"),
        "daycare": await one("SELECT id FROM daycares WHERE name = ?", place),
        "area": await one("SELECT id FROM areas WHERE name = 'Nord'"),
        "guide": await one(
            "SELECT g.id FROM guides g JOIN identities i ON i.person_id = g.owner_id"
            " WHERE i.external_id = ? ORDER BY g.id LIMIT 1",
            who,
        ),
    }
    statements = [
        "UPDATE guide_versions SET edited_by = :pid, via = 'chat' WHERE guide_id = :guide",
        "INSERT INTO guide_helpful_marks VALUES ((SELECT MIN(id) FROM guides),"
        " (SELECT person_id FROM identities WHERE external_id = :who), :at)",
        "INSERT INTO sparring_questions (request_key, asker_id, question, created_at)"
        " VALUES ('ask:' || :mark, :pid, 'Spørgsmål ' || :mark, :at)",
        "INSERT INTO sparring_questions (request_key, asker_id, question, state,"
        " created_at, claimed_by, claimed_at, answered_by, answered_at, answer_text)"
        " VALUES ('answer:' || :mark, :line_pid, 'Hjælp?', 'answered', :at, :pid, :at, :pid,"
        " :at, 'Svar ' || :mark || ' fra <@' || :who || '>')",
        "INSERT INTO sparring_replies (question_id, platform, conversation_id, message_id,"
        " author_id, text, created_at) VALUES ((SELECT MAX(id) FROM sparring_questions),"
        " 'slack', 'C0S', :mark, :pid, 'Tråd ' || :mark, :at)",
        "INSERT INTO tool_tests (request_key, tool_id, ambassador_id, question, starts_on,"
        " created_at) VALUES ('test:' || :mark, :tool, :pid, 'Virker den? ' || :mark,"
        " '2026-11-01', :at)",
        "INSERT INTO test_results (request_key, author_id, tool_id, tested_on, rating,"
        " worked, hard, source, created_at, updated_at, updated_by) VALUES ('result:' || :mark,"
        " :pid, :tool, '2026-11-02', 4, 'Godt ' || :mark, 'Svært ' || :mark, 'modal', :at,"
        " :at, :pid)",
        "INSERT INTO reminders (kind, recipient, due_at, dedupe_key, created_at, updated_at)"
        " VALUES ('guide_check', :pid, :at, 'check:' || :mark, :at, :at)",
        "INSERT INTO reminders (kind, recipient, due_at, payload, dedupe_key, created_at,"
        " updated_at) VALUES ('onboarding_follow_up', :line_pid, :at,"
        " '{\"superuser\": ' || :pid || '}', 'onboarding:' || :pid || ':' || :line_pid, :at,"
        " :at)",
        "INSERT INTO nudge_pauses VALUES"
        " ((SELECT person_id FROM identities WHERE external_id = :who), '2026-12-24', :at)",
        "INSERT INTO area_evaluations (period, area_id, person_id, role, works, created_at,"
        " updated_at) VALUES ('2026-11', :area, :pid, 'ambassador', 'Mening ' || :mark, :at,"
        " :at)",
        "INSERT OR REPLACE INTO adoption (daycare_id, tool_id, state, reason, changed_by,"
        " changed_at) VALUES (:daycare, :tool, 'in_use', '', :pid, :at)",
        "INSERT INTO adoption_changes (daycare_id, tool_id, from_state, to_state, changed_by,"
        " changed_at) VALUES (:daycare, :tool, 'not_started', 'in_use', :pid, :at)",
        "INSERT INTO spreading_rounds (tool_id, trigger, started_by, started_at,"
        " follow_up_weeks, ended_at) VALUES (:tool, 'recommended', :pid, :at, 4, :at)",
        "INSERT INTO spreading_targets (round_id, daycare_id, state_at_start, answer,"
        " answered_by, answered_at) VALUES ((SELECT MAX(id) FROM spreading_rounds),"
        " :daycare, 'not_started', 'in_use', :pid, :at)",
        "INSERT INTO trainings (tool_id, area_id, ambassador_id, starts_at, place, seats,"
        " request_key, created_at, updated_at) VALUES (:tool, :area, :pid, :at, 'Hytten',"
        " 10, 'training:' || :mark, :at, :at)",
        "INSERT INTO training_signups (training_id, person_id, answer, answered_at)"
        " VALUES ((SELECT MAX(id) FROM trainings), :pid, 'yes', :at)",
        "INSERT INTO tool_decisions (tool_id, decision, decided_on, recorded_by, recorded_at)"
        " VALUES (:tool, 'approved', '2026-11-01', :pid, :at)",
        "INSERT INTO tool_status_changes (tool_id, from_status, to_status, changed_by,"
        " changed_at) VALUES (:tool, NULL, 'proposed', :pid, :at)",
        "INSERT OR REPLACE INTO settings (key, value, updated_by, updated_at)"
        " VALUES ('setting_by_' || :mark, 'x', :pid, :at)",
    ]
    async with db.transaction() as conn:
        for statement in statements:
            await conn.execute(statement, p)


async def every_value(db: Database, *, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(table, text) for every value of every row of every table in the database."""
    found: list[tuple[str, str]] = []
    tables = await db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
    for table in (row["name"] for row in tables):
        if table in skip:
            continue
        for row in await db.fetchall(f'SELECT * FROM "{table}"'):  # noqa: S608 - schema names
            found += [(table, str(value)) for value in tuple(row) if value is not None]
    return found


def tables_containing(values: list[tuple[str, str]], needle: str) -> set[str]:
    return {table for table, value in values if needle.casefold() in value.casefold()}


@pytest.fixture
async def traced(db: Database, clock: ManualClock) -> Database:
    await seed_demo(db, clock)
    now = utc_iso(clock.now())
    await leave_traces(db, METTE, "mette-mark", now, "Børnehuset Mælkebøtten")
    await leave_traces(db, SOEREN, "soeren-mark", now, "Skovbørnehaven Egernet")
    return db


# -- access ------------------------------------------------------------------------------


async def test_my_data_holds_every_table_and_nobody_elses(
    traced: Database, clock: ManualClock
) -> None:
    document = await gdpr.my_data(traced, clock, await person_id(traced, METTE))
    await gdpr.record_access(traced, clock, document, by=await person_id(traced, METTE))
    document = await gdpr.my_data(
        traced, clock, await person_id(traced, METTE)
    )  # now with the access in the log
    assert document["slack_user_id"] == METTE and document["in_organisation"] is True
    assert document["person"]["email"] == METTE_EMAIL
    assert document["person"]["name"] == METTE_NAME
    assert [r["role"] for r in document["roles"]] == ["ambassador"]
    sections = [h.section for h in HOLDINGS if h.section != "person"]
    assert list(document) == [
        "generated_at",
        "slack_user_id",
        "in_organisation",
        "person",
        *sections,
    ]
    empty = [name for name in sections if not document[name]]
    assert empty == []
    assert all(g["owner_email"] == METTE_EMAIL for g in document["guides_owned"])
    text = gdpr.to_json(document)
    assert "mette-mark" in text
    assert SOEREN not in text and "soeren-mark" not in text
    # Someone else's id inside her own records (who asked the question she answered).
    assert LINE not in text and gdpr.OTHER_PERSON in text
    handled = document["sparring_questions_handled"]
    assert {q["asker_id"] for q in handled} == {gdpr.OTHER_PERSON}  # Line, by person id
    mette = await person_id(traced, METTE)
    people = [
        value
        for section in document.values()
        if isinstance(section, list)
        for record in section
        for key, value in record.items()
        if key in gdpr.PERSON_FIELDS
    ]
    assert set(people) <= {mette, gdpr.OTHER_PERSON, None}
    assert json.loads(text) == document


async def test_my_data_for_someone_not_in_the_organisation(
    db: Database, clock: ManualClock
) -> None:
    stranger = "U0STRANGER1"
    guest = await person_for(db, clock, "slack", stranger)
    await db.execute(
        "INSERT INTO sparring_questions (request_key, asker_id, question, created_at)"
        " VALUES ('k', ?, 'Hvordan virker Bee-Bot?', ?)",
        (guest, utc_iso(clock.now())),
    )
    document = await gdpr.my_data(db, clock, guest)
    assert document["slack_user_id"] == stranger
    assert document["in_organisation"] is False and document["person"] is None
    assert [q["question"] for q in document["sparring_questions_asked"]] == [
        "Hvordan virker Bee-Bot?"
    ]
    assert gdpr.record_count(document) == 1


# -- erasure -----------------------------------------------------------------------------


async def test_erasure_leaves_no_trace_of_the_person_and_keeps_the_guides(
    traced: Database, clock: ManualClock
) -> None:
    await gdpr.record_access(
        traced,
        clock,
        await gdpr.my_data(traced, clock, await person_id(traced, METTE)),
        by=await person_id(traced, METTE),
    )
    guides_before = await traced.fetchall(
        "SELECT g.id FROM guides g JOIN people p ON p.id = g.owner_id"
        " WHERE p.id = (SELECT person_id FROM identities WHERE external_id = ?)",
        (METTE,),
    )
    assert guides_before
    soeren_before = tables_containing(await every_value(traced), SOEREN)
    soeren_rows_before = len(
        [v for v in await every_value(traced) if SOEREN in v[1] or "soeren-mark" in v[1]]
    )
    who = await gdpr.identity_for(traced, gdpr.Target("email", METTE_EMAIL.upper()))
    assert who.external_id == METTE and who.name == METTE_NAME
    planned = await gdpr.plan_erasure(traced, who)
    done = await gdpr.erase(traced, clock, who, by=await person_id(traced, ANNETTE))
    assert done.counts == planned.counts
    assert done.counts[("people", "removed")] == 1
    assert done.counts[("guides", "kept")] == len(guides_before)
    assert done.counts[("tool_tests", "closed")] == 1

    values = await every_value(traced)
    assert tables_containing(values, METTE) == set()
    assert tables_containing(values, METTE_NAME) == set()
    # Not even the log holds the e-mail: it keeps a salted hash (see tests/test_gdpr_file.py).
    assert tables_containing(values, METTE_EMAIL) == set()
    # Her guides stay, by a former ambassador; her question and answer stay as rows (the
    # numbers count), without her and without what she wrote.
    ids = [row["id"] for row in guides_before]
    for guide_id in ids:
        kept = await traced.fetchone(
            "SELECT owner_id, owner_email FROM guides WHERE id = ?", (guide_id,)
        )
        assert kept is not None and tuple(kept) == (None, None)
    editors = await traced.fetchall(
        "SELECT DISTINCT edited_by, via FROM guide_versions WHERE guide_id = ?", (ids[0],)
    )
    assert (None, "chat") in {tuple(row) for row in editors}  # a former ambassador
    question = await traced.fetchone(
        "SELECT asker_id, question FROM sparring_questions WHERE request_key = ?",
        ("ask:mette-mark",),
    )
    assert question is not None
    assert tuple(question) == (None, gdpr.ERASED_TEXT)  # a former member
    answer = await traced.fetchone(
        "SELECT answered_by, answer_text FROM sparring_questions WHERE request_key = ?",
        ("answer:mette-mark",),
    )
    assert answer is not None
    assert tuple(answer) == (None, gdpr.ERASED_TEXT)  # a former member
    # Personal opinions and what was only about her are gone.
    assert "area_evaluations" not in tables_containing(values, "mette-mark")
    for table in ("area_evaluations", "nudge_pauses", "guide_helpful_marks", "training_signups"):
        rows = await traced.fetchone(f"SELECT COUNT(*) AS n FROM {table}")  # noqa: S608
        assert rows is not None and rows["n"] == 1, table  # Søren's row only
    # Søren's traces are untouched.
    assert tables_containing(values, SOEREN) == soeren_before
    soeren_rows_after = len([v for v in values if SOEREN in v[1] or "soeren-mark" in v[1]])
    assert soeren_rows_after == soeren_rows_before


async def test_a_second_erasure_changes_nothing(traced: Database, clock: ManualClock) -> None:
    who = await gdpr.identity_for(traced, gdpr.Target("user", METTE, "slack"))
    first = await gdpr.erase(traced, clock, who, by=await person_id(traced, ANNETTE))
    assert first.total > 0
    before = await every_value(traced)
    again = await gdpr.erase(
        traced,
        clock,
        await gdpr.identity_for(traced, gdpr.Target("user", METTE, "slack")),
        by=await person_id(traced, ANNETTE),
    )
    assert again.empty and again.total == 0
    by_email = await gdpr.identity_for(traced, gdpr.Target("email", METTE_EMAIL))
    assert (await gdpr.plan_erasure(traced, by_email)).empty
    assert await every_value(traced) == before
    assert len(await gdpr.log_entries(traced)) == 1
    earlier = await gdpr.last_erasure(traced, METTE_EMAIL)
    assert earlier is not None and earlier.requested_by == await person_id(traced, ANNETTE)


async def test_a_coordinator_cannot_erase_themselves_or_be_a_non_coordinator(
    traced: Database,
) -> None:
    annette, mette = await person_id(traced, ANNETTE), await person_id(traced, METTE)
    with pytest.raises(gdpr.OwnErasure):
        await gdpr.chat_erasure_plan(traced, annette, gdpr.Target("user", ANNETTE, "slack"))
    with pytest.raises(NotAllowed):
        await gdpr.chat_erasure_plan(traced, mette, gdpr.Target("user", LINE, "slack"))
    plan = await gdpr.chat_erasure_plan(traced, annette, gdpr.Target("user", METTE, "slack"))
    assert plan.counts[("people", "removed")] == 1


async def test_an_owner_known_only_by_email_is_erased_from_the_guides(
    traced: Database, clock: ManualClock
) -> None:
    await traced.execute(
        "UPDATE guides SET owner_id = NULL, owner_email = 'ny@vesteraa-kommune.example'"
        " WHERE id = (SELECT MIN(id) FROM guides)"
    )
    who = await gdpr.identity_for(traced, gdpr.Target("email", "NY@vesteraa-kommune.example"))
    assert who.person_id is None
    done = await gdpr.erase(traced, clock, who, by="cli")
    assert done.counts == {("guides", "kept"): 1}
    values = await every_value(traced, skip=("gdpr_log",))
    assert tables_containing(values, "ny@vesteraa") == set()


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("<@U0DEMO003|mette>", gdpr.Target("user", "U0DEMO003", "slack")),
        ("<@U0DEMO003>", gdpr.Target("user", "U0DEMO003", "slack")),
        (" U0DEMO003 ", gdpr.Target("user", "U0DEMO003", "slack")),
        ("Mette.Lund@Example.dk", gdpr.Target("email", "mette.lund@example.dk")),
        ("<!channel>", None),
        ("mette", None),
        ("", None),
    ],
)
def test_whom_a_coordinator_names(text: str, target: gdpr.Target | None) -> None:
    assert gdpr.parse_target(text, "slack") == target


# -- retention ---------------------------------------------------------------------------


async def add_question_and_result(db: Database, key: str, at: datetime) -> None:
    stamp = utc_iso(at)
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO sparring_questions (request_key, asker_id, question, state,"
            " created_at, answered_by, answered_at, answer_text) VALUES (?,"
            " (SELECT person_id FROM identities WHERE external_id = ?), ?, 'answered', ?,"
            " (SELECT person_id FROM identities WHERE external_id = ?), ?, ?)",
            (key, LINE, f"Spørgsmål {key}", stamp, METTE, stamp, f"Svar {key}"),
        )
        await conn.execute(
            "INSERT INTO sparring_replies (question_id, platform, conversation_id, message_id,"
            " author_id, text, created_at) VALUES"
            " ((SELECT id FROM sparring_questions WHERE request_key = ?), 'slack', 'C0S', ?,"
            " (SELECT person_id FROM identities WHERE external_id = ?), ?, ?)",
            (key, key, METTE, f"Tråd {key}", stamp),
        )
        await conn.execute(
            "INSERT INTO test_results (request_key, author_id, tool_id, tested_on,"
            " rating, children, worked, hard, source, created_at, updated_at) VALUES"
            " (?, (SELECT person_id FROM identities WHERE external_id = ?),"
            " (SELECT id FROM tools WHERE name = 'Bee-Bot'), '2024-01-01', 4, 12,"
            " ?, ?, 'modal', ?, ?)",
            (key, METTE, f"Godt {key}", f"Svært {key}", stamp, stamp),
        )


async def test_retention_anonymises_only_old_rows_and_only_once(
    traced: Database, clock: ManualClock
) -> None:
    now = clock.now()
    await add_question_and_result(traced, "old", now - timedelta(days=2 * 365 + 5))
    await add_question_and_result(traced, "young", now - timedelta(days=2 * 365 - 5))
    run = await gdpr.apply_retention(traced, clock)
    assert run.months == 24
    assert run.counts == {"sparring_questions": 1, "sparring_replies": 1, "test_results": 1}
    old = await traced.fetchone(
        "SELECT asker_id, question, answer_text, answered_by FROM sparring_questions"
        " WHERE request_key = 'old'"
    )
    assert old is not None
    marker = gdpr.RETENTION_MARKER
    assert tuple(old) == (None, marker, marker, await person_id(traced, METTE))
    result = await traced.fetchone(
        "SELECT worked, hard, rating, children FROM test_results WHERE request_key = 'old'"
    )
    assert result is not None and tuple(result) == ("", "", 4, 12)
    values = await every_value(traced)
    assert tables_containing(values, "Spørgsmål old") == set()
    assert tables_containing(values, "Tråd old") == set()
    assert tables_containing(values, "Godt old") == set()
    for text in ("Spørgsmål young", "Svar young", "Tråd young", "Godt young", "Svært young"):
        assert tables_containing(values, text), text
    again = await gdpr.apply_retention(traced, clock)
    assert again.counts == {}
    assert await every_value(traced) == values
    log = await gdpr.log_entries(traced)
    assert [entry.action for entry in log] == ["retention"]
    assert log[0].detail == "sparring_questions=1, sparring_replies=1, test_results=1"
    # A shorter period, set by the coordinator, reaches the younger rows too.
    await set_setting(traced, clock, "retention_months", "6", await person_id(traced, ANNETTE))
    shorter = await gdpr.apply_retention(traced, clock)
    assert shorter.months == 6 and shorter.counts["sparring_questions"] >= 1
    assert not tables_containing(await every_value(traced), "Spørgsmål young")


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 11, 30, 9, 0, tzinfo=TZ), 24, datetime(2024, 11, 30, 9, 0, tzinfo=TZ)),
        (datetime(2026, 3, 31, 9, 0, tzinfo=TZ), 1, datetime(2026, 2, 28, 9, 0, tzinfo=TZ)),
        (datetime(2026, 1, 15, 0, 0, tzinfo=UTC), 13, datetime(2024, 12, 15, 0, 0, tzinfo=UTC)),
    ],
)
def test_months_before(moment: datetime, months: int, expected: datetime) -> None:
    assert gdpr.months_before(moment, months) == expected


# -- the log -----------------------------------------------------------------------------


async def test_the_log_holds_each_action_and_no_personal_data(
    traced: Database, clock: ManualClock
) -> None:
    await add_question_and_result(traced, "old", clock.now() - timedelta(days=800))
    await gdpr.record_access(
        traced,
        clock,
        await gdpr.my_data(traced, clock, await person_id(traced, LINE)),
        by=await person_id(traced, LINE),
    )
    who = await gdpr.identity_for(traced, gdpr.Target("email", METTE_EMAIL))
    await gdpr.erase(traced, clock, who, by=await person_id(traced, ANNETTE))
    await gdpr.apply_retention(traced, clock)
    log = list(reversed(await gdpr.log_entries(traced)))
    line = await person_id(traced, LINE)
    row = await traced.fetchone("SELECT email FROM people WHERE id = ?", (line,))
    assert row is not None
    hashed = gdpr.erasure_list(traced).subject
    assert [(e.action, e.subject, e.requested_by, e.via) for e in log] == [
        ("access", hashed("email", row["email"]), line, "chat"),
        ("erasure", hashed("email", METTE_EMAIL), await person_id(traced, ANNETTE), "chat"),
        (
            "retention",
            f"created_at<{utc_iso(gdpr.months_before(clock.now(), 24))}",
            None,
            "retention",
        ),
    ]
    assert log[0].detail.startswith("records=")
    assert "people:removed=1" in log[1].detail and "guides:kept=" in log[1].detail
    assert all(METTE_NAME not in e.detail and METTE not in e.detail for e in log)
    document: dict[str, Any] = await export_document(traced, clock)
    assert [row["action"] for row in document["gdpr_log"]] == ["access", "erasure", "retention"]
    assert document["gdpr_log"][1]["at"] == utc_iso(clock.now().astimezone(UTC))


# -- what people read: names and plain words, never ids or table names ------------------


async def test_the_log_names_people_and_counts_in_words(
    traced: Database, clock: ManualClock
) -> None:
    """Line asks for her data, the CLI hands Mette's out by e-mail (logged under its hash),
    Annette erases Mette, retention runs: the coordinator reads names and words."""
    await add_question_and_result(traced, "old", clock.now() - timedelta(days=800))
    document = await gdpr.my_data(traced, clock, await person_id(traced, LINE))
    await gdpr.record_access(traced, clock, document, by=await person_id(traced, LINE))
    by_email = await gdpr.data_by_email(traced, clock, METTE_EMAIL)
    assert by_email is not None
    await gdpr.record_access(traced, clock, by_email, by=gdpr.CLI)
    lines = [line_of("da", entry, await names_for(traced)) for entry in await log(traced)]
    assert lines[0].endswith(
        f"· indsigt · Line Nielsen · bedt om af Line Nielsen · {gdpr.record_count(document)} poster"
    )
    assert lines[1].endswith(
        f"· indsigt · Mette Lund · bedt om af kommandolinjen · {len_of(by_email)} poster"
    )

    who = await gdpr.identity_for(traced, gdpr.Target("email", METTE_EMAIL))
    await gdpr.erase(traced, clock, who, by=await person_id(traced, ANNETTE))
    await gdpr.apply_retention(traced, clock)
    entries = await log(traced)
    names = await names_for(traced)
    lines = [line_of("da", entry, names) for entry in entries]
    # Mette is gone: her access is now "slettet person", like her erasure.
    assert "· indsigt · slettet person · bedt om af kommandolinjen ·" in lines[1]
    erasure = lines[2]
    assert "· sletning · slettet person · bedt om af Annette Bæk · " in erasure
    assert "· påmindelser: 2 slettet; pauser i påmindelser: " in erasure
    whole = detail_text("da", entries[2].action, entries[2].detail)
    assert "personen: 1 slettet" in whole and "roller: 1 slettet" in whole
    assert re.search(r"vejledninger: \d+ beholdt, nu skrevet af en tidligere ambassadør", whole)
    assert "_" not in whole
    assert "· opbevaringsregel · tekster fra før " in lines[3]
    assert "bedt om af opbevaringsreglen · sparringsspørgsmål: 1 anonymiseret" in lines[3]
    shown = "\n".join(lines)
    for internal in ("U0DEMO", "records=", "hmac", "kode ", "people", "person_roles", "cli ·"):
        assert internal not in shown
    english = [line_of("en", entry, names) for entry in entries]
    assert "· access · Line Nielsen · asked by Line Nielsen · " in english[0]
    assert english[0].endswith(" records")
    assert "· erasure · erased person · asked by Annette Bæk · reminders: 2 deleted;" in english[2]

    message = render.message(log_message("da", list(reversed(entries)), len(entries), TZ, names))
    assert "Line Nielsen" in json.dumps(message, ensure_ascii=False)
    assert "U0DEMO" not in json.dumps(message)


def len_of(document: dict[str, Any]) -> int:
    return gdpr.record_count(document)


async def log(db: Database) -> list[gdpr.LogEntry]:
    """Oldest first, as the CLI prints it."""
    return list(reversed(await gdpr.log_entries(db)))


async def names_for(db: Database) -> dict[str | int, str]:
    return await gdpr.log_names(db, await gdpr.log_entries(db))


def line_of(lang: str, entry: gdpr.LogEntry, names: dict[str | int, str]) -> str:
    return log_line(lang, entry, TZ, names)


async def test_the_erasure_plan_names_what_tables_hold_in_plain_words(
    traced: Database, clock: ManualClock
) -> None:
    who = await gdpr.identity_for(traced, gdpr.Target("user", METTE, "slack"))
    plan = await gdpr.plan_erasure(traced, who)
    for lang in ("da", "en"):
        modal = json.dumps(
            render_form.modal(erase_modal(lang, plan, gdpr.Target("user", METTE, "slack"), None))
        )
        receipt = json.dumps(render.message(erased_message(lang, plan)))
        for shown in (strip_ids(modal), strip_ids(receipt)):
            assert not re.findall(r"\b[a-z]+_[a-z_]+\b", shown)  # no table keys
            if lang == "da":
                assert not [table for table, _ in plan.counts if f"{table}:" in shown]
    lines = plan_lines("da", plan)
    assert "roller: 1 slettet" in lines and "personen: 1 slettet" in lines
    assert any(line.startswith("vejledninger: ") for line in lines)


def strip_ids(payload: str) -> str:
    """The payload's texts only (block ids, action ids and callback ids are the bot's own)."""
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "text" and isinstance(item, str):
                    texts.append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(payload))
    return "\n".join(texts)


def test_every_table_an_erasure_or_retention_touches_has_a_word() -> None:
    tables = {step.table for step in ERASURE} | {"sparring_questions", "sparring_replies"}
    for table in tables | {"test_results"}:
        assert "_" not in t("en", f"gdpr.table.{table}")
        danish = t("da", f"gdpr.table.{table}")
        assert "_" not in danish and danish != table


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_section_of_my_data_has_a_word(lang: str) -> None:
    assert set(gdpr.SECTIONS) == {h.section for h in HOLDINGS} - {"person", "roles"}
    summary = gdpr.DataSummary(counts=tuple((section, 2) for section in gdpr.SECTIONS))
    assert "_" not in my_data_summary(lang, summary)


async def test_my_data_summary_says_what_is_held_in_words(
    traced: Database, clock: ManualClock
) -> None:
    summary = gdpr.summary_of(await gdpr.my_data(traced, clock, await person_id(traced, METTE)))
    text = my_data_summary("da", summary)
    assert text.startswith("Det har jeg gemt om dig: navn og e-mail · roller: ambassadør · ")
    assert "roller: ambassadør" in text
    assert "spørgsmål, du har stillet: 1" in text
    assert "spørgsmål, du har taget eller besvaret: 1" in text
    assert "vejledninger, du ejer: " in text
    assert "_" not in text and "U0DEMO" not in text
    nobody = await person_for(traced, clock, "slack", "U0NOBODY1")
    assert my_data_summary("da", gdpr.summary_of(await gdpr.my_data(traced, clock, nobody)))
    assert "ud over dit Slack-id" in my_data_summary(
        "da", gdpr.summary_of(await gdpr.my_data(traced, clock, nobody))
    )


@pytest.mark.parametrize(
    ("slack_id", "role"),
    [
        (LINE, "superbruger"),
        (METTE, "ambassadør"),
        (ANNETTE, "koordinator"),
        ("U0DEMO002", "ledelse"),
    ],
)
async def test_each_role_gets_a_summary_naming_their_role(
    traced: Database, clock: ManualClock, slack_id: str, role: str
) -> None:
    text = my_data_summary(
        "da", gdpr.summary_of(await gdpr.my_data(traced, clock, await person_id(traced, slack_id)))
    )
    assert text.startswith(f"Det har jeg gemt om dig: navn og e-mail · roller: {role}")
    assert text.endswith(". Det hele står i filen.")
    assert "_" not in text and "U0DEMO" not in text
