"""An erasure as someone reading the raw database file would check it (like `strings`):
nothing of the person is left in the `.db` file or its WAL — not their name, e-mail or Slack
id, not a word of what they wrote — while the numbers and the guides stay (an FAQ made from
their question without the name). A backup from before the erasure, restored, loses them
again at start; the GDPR log keeps a salted hash of the e-mail, never the e-mail."""

from __future__ import annotations

import shutil
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from bot.clock import ManualClock, utc_iso
from bot.domain.refs import MessageRef
from bot.services import gdpr
from bot.services.demo import seed_demo
from bot.services.guides import guide_drafts, save_guide
from bot.services.sparring_handling import mark_answered, record_reply, save_as_faq
from storage.db import Database
from storage.erasure_list import HASH_PREFIX, ErasureList, ErasureListUnreadable
from storage.migrations import migrate
from storage.repositories.reminders import clear_pause, set_pause
from tests.conftest import FROZEN_AT, TZ
from tests.people import person_id

KAREN = "U0KAREN01"
NAME = "Karen Kvistgaard"
EMAIL = "karen.kvistgaard@vesteraa-kommune.example"
METTE, SOEREN, ANNETTE = "U0DEMO003", "U0DEMO004", "U0DEMO001"

#: What Karen wrote, one text per place; none of it may be left in the file.
HER_TEXTS = {
    "question": "Hvordan får vi Bee-Botten til at køre rundt om sandkassen uden at vælte?",
    "draft": "Kladde aldrig sendt: må børnene tage Ozoboterne med hjem i weekenden?",
    "reply": "Vi prøvede med tape på gulvet og lagkage-figurer, det gik overraskende godt",
    "answer": "Svaret fra mig: sæt robotten på et bord med kant og brug korte sekvenser",
    "worked": "Drengene i Myretuen byggede en bane af mælkekartoner",
    "hard": "Batteriet løb tør efter tyve minutter hver gang i kulden",
    "evaluation": "Jeg synes personligt at ledelsen bør droppe Kahoot helt",
    "training_note": "Medbring egne høretelefoner og en madpakke til frokosten",
    "test_question": "Kan treårige selv programmere en rute med fem skridt?",
    "adoption": "Stoppet fordi personalet i Egernet ikke havde tid til opladning",
}
#: What Karen asked that an ambassador saved as FAQ: it stays, in the guide.
FAQ_QUESTION = "Kan man låne ekstra Bee-Bot-måtter fra biblioteket?"


async def one(db: Database, sql: str, *params: object) -> int:
    row = await db.fetchone(sql, params)
    assert row is not None
    return int(row[0])


async def karen_everywhere(db: Database, clock: ManualClock) -> dict[str, int]:
    """Karen, an ambassador in Nord, in every table that can hold what she wrote, and her
    name in colleagues' texts; each row edited a few times, as in real use. Ids back."""
    now = utc_iso(clock.now())
    nord = await one(db, "SELECT id FROM areas WHERE name = 'Nord'")
    tool = await one(db, "SELECT id FROM tools WHERE name = 'Bee-Bot'")
    daycare = await one(db, "SELECT id FROM daycares WHERE name = 'Børnehuset Mælkebøtten'")
    p = {"k": KAREN, "n": NAME, "e": EMAIL, "now": now, "area": nord, "tool": tool}
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO people (name, email, created_at, updated_at) VALUES (:n, :e, :now, :now)",
            p,
        )
        await conn.execute(
            "INSERT INTO identities (platform, external_id, person_id)"
            " VALUES ('slack', :k, (SELECT id FROM people WHERE email = :e))",
            p,
        )
        await conn.execute(
            "INSERT INTO person_roles (person_id, role, area_id) VALUES"
            " ((SELECT person_id FROM identities WHERE external_id = :k), 'ambassador', :area)",
            p,
        )
        for key, text, state in (
            ("q", HER_TEXTS["question"], "open"),
            ("faq", FAQ_QUESTION, "open"),
            ("draft", HER_TEXTS["draft"], "draft"),
        ):
            await conn.execute(
                "INSERT INTO sparring_questions (request_key, asker_id, area_id, tool_id,"
                " question, state, platform, conversation_id, message_id, created_at) VALUES"
                " (:key, (SELECT person_id FROM identities WHERE external_id = :k), :area,"
                " :tool, :text, :state, 'slack', 'C0SPAR', :key, :now)",
                {**p, "key": key, "text": text, "state": state},
            )
        await conn.execute(
            "INSERT INTO sparring_questions (request_key, asker_id, question, state,"
            " created_at, claimed_by, claimed_at, answered_by, answered_at, answer_text)"
            " VALUES ('other', (SELECT person_id FROM identities WHERE external_id ="
            " 'U0DEMO005'), 'Hvem ved noget om lysborde?', 'answered', :now,"
            " (SELECT person_id FROM identities WHERE external_id = :k), :now,"
            " (SELECT person_id FROM identities WHERE external_id = :k), :now, :answer)",
            {**p, "answer": HER_TEXTS["answer"]},
        )
        await conn.execute(
            "INSERT INTO test_results (request_key, author_id, tool_id, daycare_id,"
            " tested_on, rating, children, worked, hard, source, created_at, updated_at)"
            " VALUES ('r', (SELECT person_id FROM identities WHERE external_id = :k), :tool,"
            " :daycare, '2026-11-20', 4, 6, :worked, :hard, 'modal', :now, :now)",
            {**p, "daycare": daycare, "worked": HER_TEXTS["worked"], "hard": HER_TEXTS["hard"]},
        )
        await conn.execute(
            "INSERT INTO area_evaluations (period, area_id, person_id, role, works,"
            " support, created_at, updated_at) VALUES ('2026-11', :area, (SELECT person_id"
            " FROM identities WHERE external_id = :k), 'ambassador', :text, :text, :now, :now)",
            {**p, "text": HER_TEXTS["evaluation"]},
        )
        await conn.execute(
            "INSERT INTO trainings (tool_id, area_id, ambassador_id, starts_at, place,"
            " seats, note, request_key, created_at, updated_at) VALUES (:tool, :area,"
            " (SELECT person_id FROM identities WHERE external_id = :k), :now,"
            " 'Hytten', 10, :note, 'training-k', :now, :now)",
            {**p, "note": HER_TEXTS["training_note"]},
        )
        await conn.execute(
            "INSERT INTO tool_tests (request_key, tool_id, ambassador_id, question, starts_on,"
            " created_at) VALUES ('t', :tool, (SELECT person_id FROM identities"
            " WHERE external_id = :k), :text, '2026-11-01', :now)",
            {**p, "text": HER_TEXTS["test_question"]},
        )
        await conn.execute(
            "INSERT INTO adoption_changes (daycare_id, tool_id, from_state, to_state, reason,"
            " changed_by, changed_at) VALUES (:daycare, :tool, 'in_use', 'stopped', :reason,"
            " (SELECT person_id FROM identities WHERE external_id = :k), :now)",
            {**p, "daycare": daycare, "reason": HER_TEXTS["adoption"]},
        )
    # She corrects her result the day after: the first wording lies in the page's free
    # space from now on (the bot does not run with secure_delete in daily use).
    await db.execute(
        "UPDATE test_results SET worked = worked || ' og tegnede vejskilte til den',"
        " updated_at = ? WHERE request_key = 'r'",
        (now,),
    )
    question = await one(db, "SELECT id FROM sparring_questions WHERE request_key = 'q'")
    faq = await one(db, "SELECT id FROM sparring_questions WHERE request_key = 'faq'")
    # Her reply, and colleagues naming her, through the bot's own doors.
    await record_reply(
        db,
        clock,
        message=MessageRef("slack", "C0SPAR", "q.1", thread_id="q"),
        author=await person_id(db, KAREN),
        text=HER_TEXTS["reply"],
    )
    await record_reply(
        db,
        clock,
        message=MessageRef("slack", "C0SPAR", "q.2", thread_id="q"),
        author=await person_id(db, SOEREN),
        text=f"Tak {NAME}! Skriv til {EMAIL} hvis I vil låne vores.",
    )
    mette = await person_id(db, METTE)
    await mark_answered(db, clock, question, mette, f"Hej {NAME}, prøv at sænke farten.")
    await mark_answered(db, clock, faq, mette, "Ja, Karen Kvistgaard: spørg på filialen.")
    saved = await save_as_faq(db, clock, faq, mette, heading="Spørgsmål og svar")
    assert saved.changed
    # Later the guide is edited again (the search index drops its copy of the version with
    # her name), and she pauses her nudges and lifts the pause: deleted rows, whose bytes
    # stay in free space in daily use.
    (draft,) = [d for d in await guide_drafts(db) if d.slug == saved.guide.guide.slug]
    content = replace(draft.content, body=draft.content.body + "\n\nOpdateret i december.")
    await save_guide(db, clock, replace(draft, content=content), editor=mette)
    karen = await one(db, "SELECT person_id FROM identities WHERE external_id = ?", KAREN)
    await set_pause(db, karen, "2026-12-24", now)
    await clear_pause(db, karen)
    return {"question": question, "faq": faq, "guide": saved.guide.guide.id}


def raw_bytes(path: Path) -> bytes:
    """The database file and its WAL, as they lie on disk."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def leftovers(data: bytes) -> list[str]:
    """What of Karen a `strings` on the file would show; also the search index's words
    (lower case; it stores a word after the first as what differs from the one before, so
    "karen" is the word to look for)."""
    needles = [NAME, NAME.lower(), "karen", "vistgaard", EMAIL, KAREN, *HER_TEXTS.values()]
    return [needle for needle in needles if needle.encode("utf-8") in data]


async def without_secure_delete(db: Database) -> None:
    """Daily use as on most platforms: SQLite leaves a deleted or edited text in the page's
    free space (Debian's build zeroes it always, which would hide what the erasure must do)."""
    async with db.outside_transaction() as conn, conn.execute("PRAGMA secure_delete = OFF"):
        pass


@pytest.fixture
async def with_karen(db: Database, clock: ManualClock) -> Database:
    await without_secure_delete(db)
    await seed_demo(db, clock)
    await karen_everywhere(db, clock)
    karen = await person_id(db, KAREN)
    await gdpr.record_access(db, clock, await gdpr.my_data(db, clock, karen), by=karen)
    return db


async def test_nothing_of_the_person_is_left_in_the_file(
    with_karen: Database, clock: ManualClock
) -> None:
    db = with_karen
    assert leftovers(raw_bytes(db.path)) != []  # she is there before
    questions_before = await one(db, "SELECT COUNT(*) FROM sparring_questions")
    who = await gdpr.identity_for(db, gdpr.Target("email", EMAIL))
    done = await gdpr.erase(db, clock, who, by="cli")
    assert done.counts[("sparring_questions", "removed")] == 1  # the draft
    assert done.counts[("sparring_replies", "renamed")] == 1  # Søren's thanks

    assert leftovers(raw_bytes(db.path)) == []
    async with db.outside_transaction() as conn, conn.execute("PRAGMA secure_delete") as cur:
        assert tuple(await cur.fetchone() or ()) == (0,)  # daily use as it was
    wal = db.path.with_name(db.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    # The numbers stay: the result's rating and children, every question but the draft.
    result = await db.fetchone("SELECT rating, children, worked, hard FROM test_results")
    assert result is not None and tuple(result) == (4, 6, "[slettet]", "[slettet]")
    assert await one(db, "SELECT COUNT(*) FROM sparring_questions") == questions_before - 1
    # Colleagues' texts stay, without her name and e-mail.
    thanks = await one(
        db,
        "SELECT COUNT(*) FROM sparring_replies WHERE text = ?",
        ("Tak [slettet]! Skriv til [slettet] hvis I vil låne vores."),
    )
    assert thanks == 1
    # The FAQ her question became stays in the guide, without her name.
    body = await db.fetchone(
        "SELECT v.body FROM guide_versions v JOIN guides g ON g.id = v.guide_id"
        " AND v.version = g.current_version WHERE g.tool_id ="
        " (SELECT id FROM tools WHERE name = 'Bee-Bot')"
    )
    assert body is not None
    assert "ekstra Bee-Bot-måtter fra biblioteket" in body["body"]
    assert "Ja, [slettet]: spørg på filialen." in body["body"]


async def test_a_backup_restored_after_the_erasure_loses_the_person_again(
    with_karen: Database, clock: ManualClock, tmp_path: Path
) -> None:
    db = with_karen
    backup = tmp_path / "backup-before.db"
    await db.backup(backup)
    await gdpr.erase(
        db, clock, await gdpr.identity_for(db, gdpr.Target("user", KAREN, "slack")), by="cli"
    )
    listed = ErasureList.beside(db.path)
    assert listed.path is not None and listed.path.parent == db.path.parent
    list_before_restore = listed.path.read_bytes()
    await db.close()
    # The operator restores last night's copy of the database (and only the database).
    for suffix in ("-wal", "-shm"):
        db.path.with_name(db.path.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(backup, db.path)
    assert leftovers(raw_bytes(db.path)) != []
    # What `tovholder run` and every CLI command do on opening the database.
    reopened = await Database.open(db.path)
    try:
        applied = await migrate(reopened, clock)
        plans = await gdpr.after_migrate(reopened, clock, applied)
        assert [plan.who.external_id for plan in plans] == [KAREN]
        assert leftovers(raw_bytes(db.path)) == []
        (entry,) = [e for e in await gdpr.log_entries(reopened) if e.action == "erasure"]
        assert (entry.requested_by, entry.via) == (None, gdpr.ERASURE_LIST)
        assert await gdpr.last_erasure(reopened, EMAIL) is not None
        # A second start finds nothing more to do.
        assert await gdpr.after_migrate(reopened, clock, []) == []
    finally:
        await reopened.close()
    assert listed.path.read_bytes() == list_before_restore


async def test_the_log_keeps_a_salted_hash_of_the_email(
    with_karen: Database, clock: ManualClock, tmp_path: Path
) -> None:
    db = with_karen
    who = await gdpr.identity_for(db, gdpr.Target("email", EMAIL.upper()))
    annette = await person_id(db, ANNETTE)
    await gdpr.erase(db, clock, who, by=annette)
    (erasure,) = [e for e in await gdpr.log_entries(db) if e.action == "erasure"]
    assert erasure.subject.startswith(HASH_PREFIX) and erasure.requested_by == annette
    assert erasure.at == utc_iso(clock.now())
    log = await db.fetchall("SELECT * FROM gdpr_log")
    assert not [row for row in log if any(EMAIL in str(value) for value in tuple(row))]
    assert not [row for row in log if any(KAREN in str(value) for value in tuple(row))]
    # The coordinator can still show it happened, by naming the e-mail.
    found = await gdpr.last_erasure(db, f"  {EMAIL.title()} ")
    assert found is not None and found.id == erasure.id
    # The salt is this installation's own, beside the database, readable by the owner only.
    listed = ErasureList.beside(db.path)
    assert listed.path is not None
    assert stat.S_IMODE(listed.path.stat().st_mode) == 0o600
    assert EMAIL.encode() not in listed.path.read_bytes()
    elsewhere = ErasureList.beside(tmp_path / "other" / "tovholder.db")
    assert elsewhere.subject("email", EMAIL) != erasure.subject


async def test_migration_0022_hashes_the_emails_already_in_the_log(
    tmp_path: Path, migrated_database: Path
) -> None:
    """A database from before 0022, with an erasure and an access logged under e-mails."""
    path = tmp_path / "old.db"
    shutil.copyfile(migrated_database, path)
    clock = ManualClock(TZ, frozen_at=FROZEN_AT)
    db = await Database.open(path)
    await without_secure_delete(db)
    try:
        async with db.transaction() as conn:
            await conn.execute("DELETE FROM _migrations WHERE name = '0022_gdpr_log_hashed'")
            await conn.executemany(
                "INSERT INTO gdpr_log (at, action, subject, via, detail)"
                " VALUES ('2026-01-05T10:00:00Z', ?, ?, 'cli', 'people:removed=1')",
                [("erasure", EMAIL), ("access", "Line.Nielsen@vesteraa-kommune.example")],
            )
        applied = await migrate(db, clock)
        assert applied == ["0022_gdpr_log_hashed"]
        await gdpr.after_migrate(db, clock, applied)
        subjects = [entry.subject for entry in await gdpr.log_entries(db)]
        assert all(subject.startswith(HASH_PREFIX) for subject in subjects)
        assert await gdpr.last_erasure(db, EMAIL) is not None
        data = raw_bytes(path)
        assert EMAIL.encode() not in data and b"Line.Nielsen@" not in data
        # The person erased before 0022 is on the erasure list now.
        assert len(ErasureList.beside(path).hashes()) == 1
        assert await migrate(db, clock) == []
    finally:
        await db.close()


async def test_no_erasure_without_the_list_and_one_secret_per_installation(
    with_karen: Database, clock: ManualClock
) -> None:
    """An erasure that cannot be written to the list is not done (it could come back with
    the next restored backup); two processes making the secret at once end with one."""
    db = with_karen
    first, second = ErasureList.beside(db.path), ErasureList.beside(db.path)
    assert first.path is not None
    first.path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ErasureListUnreadable):
        who = await gdpr.identity_for(db, gdpr.Target("user", KAREN, "slack"))
        await gdpr.erase(db, clock, who, by="cli")
    assert await one(db, "SELECT COUNT(*) FROM identities WHERE external_id = ?", KAREN) == 1
    first.path.unlink()
    first._store(b"first", set(), create=True)
    second._store(b"second", set(), create=True)  # a moment later: the first one stays
    assert first.salt() == second.salt() == b"first"
    assert list(first.path.parent.glob("*.part")) == []
