"""Personal data through Slack and the CLI: `/tovholder my-data` sends the asker's own data
as a JSON file by DM; a coordinator erases a person after confirming in a modal; others are
refused; `tovholder gdpr erase EMAIL` shows first and erases with `--yes`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bot.clock import ManualClock
from bot.local import LocalSlack
from bot.services import gdpr
from bot.settings import parse_settings
from bot.standin import RecordedCall
from tests.e2e.conftest import ANNETTE, GENERAL, METTE, texts
from tests.e2e.test_modes import run_cli
from tests.e2e.test_pulse import uploaded
from tests.people import member, person_id

LINE = "U0DEMO005"
METTE_EMAIL = "mette.lund@vesteraa-kommune.example"


async def command(slack: LocalSlack, user: str, text: str) -> list[RecordedCall]:
    mark = slack.standin.mark()
    await slack.driver.slash_command(user, "/tovholder", text, channel_id=GENERAL)
    await slack.settle()
    calls = slack.standin.calls_since(mark)
    assert all(c.ok for c in calls), [c.errors for c in calls if not c.ok]
    return calls


def answer_text(calls: list[RecordedCall]) -> str:
    (answer,) = [c for c in calls if c.method == "response_url"]
    assert answer.args.get("response_type") == "ephemeral"
    return texts(answer)


async def test_my_data_arrives_as_a_json_file_by_dm(slack: LocalSlack, clock: ManualClock) -> None:
    calls = await command(slack, METTE, "my-data")
    (upload,) = [c for c in calls if c.method == "files.completeUploadExternal"]
    assert upload.args["channel_id"] == slack.standin.im_channel_id(METTE)
    content = uploaded(slack, upload).decode("utf-8")
    document = json.loads(content)
    assert document["slack_user_id"] == METTE
    assert document["person"]["email"] == METTE_EMAIL
    assert document["guides_owned"]  # the demo's guides she owns
    assert METTE in content and "Mette Lund" in content
    others = [
        row["external_id"]
        for row in await slack.bot.db.fetchall(
            "SELECT external_id FROM identities WHERE external_id != ?", (METTE,)
        )
    ]
    assert others and not [other for other in others if other in content]
    assert "Alt, hvad jeg har gemt om dig, er sendt til dig som JSON-fil" in answer_text(calls)
    # Beside the file, in the same DM: what it holds, in words and counts.
    summary = upload.args["initial_comment"]
    assert summary.startswith("Det har jeg gemt om dig: navn og e-mail · roller: ambassadør · ")
    assert f"vejledninger, du ejer: {len(document['guides_owned'])}" in summary
    assert "_" not in summary and METTE not in summary
    (entry,) = await gdpr.log_entries(slack.bot.db)
    hashed = gdpr.erasure_list(slack.bot.db).subject("email", METTE_EMAIL)
    mette = await person_id(slack.bot.db, METTE)
    assert (entry.action, entry.subject, entry.requested_by) == ("access", hashed, mette)


async def test_mine_data_works_for_someone_not_in_the_organisation(
    slack: LocalSlack, clock: ManualClock
) -> None:
    stranger = "U0STRANGER1"
    slack.standin.add_user(stranger, "stranger")
    slack.standin.workspace.channels[GENERAL].members.append(stranger)
    calls = await command(slack, stranger, "mine data")
    (upload,) = [c for c in calls if c.method == "files.completeUploadExternal"]
    document = json.loads(uploaded(slack, upload))
    assert document["slack_user_id"] == stranger
    assert document["in_organisation"] is False and document["person"] is None
    assert "0 poster" in answer_text(calls)


async def test_a_coordinator_erases_a_person_after_confirming(
    slack: LocalSlack, clock: ManualClock
) -> None:
    db = slack.bot.db
    calls = await command(slack, ANNETTE, "gdpr erase <@U0DEMO003|mette>")
    assert [c for c in calls if c.method == "views.open"]
    (modal,) = slack.standin.open_views(ANNETTE)
    shown = json.dumps(modal, ensure_ascii=False)
    assert "personen: 1 slettet" in shown and "roller: 1 slettet" in shown
    assert "vejledninger: " in shown and "people:" not in shown and "person_roles" not in shown
    assert await member(db, METTE) is not None  # nothing happens before
    mark = slack.standin.mark()
    await slack.driver.submit_view(ANNETTE)
    await slack.settle()
    after = slack.standin.calls_since(mark)
    assert all(c.ok for c in after), [c.errors for c in after if not c.ok]
    assert await member(db, METTE) is None
    owners = await db.fetchall(
        "SELECT COUNT(*) AS n FROM guides WHERE owner_email = ?", (METTE_EMAIL,)
    )
    assert owners[0]["n"] == 0
    receipts = [c for c in after if c.method == "chat.postEphemeral"]
    assert receipts and "er slettet eller anonymiseret" in texts(receipts[-1])
    assert "intet af det ligger tilbage i databasefilen" in texts(receipts[-1])
    assert "• personen: 1 slettet" in texts(receipts[-1])  # what was done, in plain words
    assert "person_roles" not in texts(receipts[-1])
    (entry,) = await gdpr.log_entries(db)
    hashed = gdpr.erasure_list(db).subject("email", METTE_EMAIL)
    annette = await person_id(db, ANNETTE)
    assert (entry.action, entry.subject, entry.requested_by) == ("erasure", hashed, annette)
    log = answer_text(await command(slack, ANNETTE, "gdpr log"))
    assert "sletning · slettet person · bedt om af Annette Bæk · vejledninger: 9 beholdt" in log
    assert METTE_EMAIL not in log and ANNETTE not in log
    # Naming her e-mail shows that she was erased, although the log holds only its hash.
    again = answer_text(await command(slack, ANNETTE, f"gdpr erase {METTE_EMAIL}"))
    assert f"»{METTE_EMAIL}« blev slettet 30. nov. 2026" in again


async def test_the_bot_started_on_a_backup_from_before_an_erasure_erases_again(
    tmp_path: Path, clock: ManualClock, demo_database: Path
) -> None:
    """The coordinator erases Mette in Slack; the operator then restores the database from
    a copy made before (the demo database) and starts the bot: she is gone again at once."""
    path = tmp_path / "tovholder.db"
    shutil.copyfile(demo_database, path)
    settings = parse_settings({"TOVHOLDER_DB": str(path)}, "console")
    first = await LocalSlack.start(settings, clock)
    try:
        await command(first, ANNETTE, "gdpr erase <@U0DEMO003|mette>")
        await first.driver.submit_view(ANNETTE)
        await first.settle()
        assert await member(first.bot.db, METTE) is None
    finally:
        await first.stop()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(demo_database, path)
    assert b"Mette Lund" in path.read_bytes()
    again = await LocalSlack.start(settings, clock)
    try:
        assert await member(again.bot.db, METTE) is None
        data = path.read_bytes()
        assert b"Mette Lund" not in data and METTE_EMAIL.encode() not in data
        assert METTE.encode() not in data
        log = answer_text(await command(again, ANNETTE, "gdpr log"))
        assert "sletning · slettet person · bedt om af sletningslisten" in log
    finally:
        await again.stop()


async def test_others_are_refused_and_a_coordinator_cannot_erase_themselves(
    slack: LocalSlack, clock: ManualClock
) -> None:
    refused = answer_text(await command(slack, METTE, "gdpr erase <@U0DEMO005|line>"))
    assert "Det er kun" in refused
    assert slack.standin.open_views(METTE) == []
    assert await member(slack.bot.db, LINE) is not None
    own = answer_text(await command(slack, ANNETTE, "gdpr erase <@U0DEMO001|annette>"))
    assert "Du kan ikke slette dine egne data her" in own
    assert slack.standin.open_views(ANNETTE) == []
    bad = answer_text(await command(slack, ANNETTE, "gdpr erase <!channel>"))
    assert "&lt;!channel&gt;" in bad
    assert await gdpr.log_entries(slack.bot.db) == []


async def test_erase_from_the_command_line(tmp_path: Path) -> None:
    """…and a backup restored afterwards, or an old organisation file imported, loses the
    person again at once (the erasure list beside the database)."""
    code, _, err = await run_cli("demo", "seed", cwd=tmp_path)
    assert code == 0, err
    code, _, err = await run_cli("db", "backup", str(tmp_path / "before.db"), cwd=tmp_path)
    assert code == 0, err
    code, _, err = await run_cli("org", "export", str(tmp_path / "org.csv"), cwd=tmp_path)
    assert code == 0, err
    code, out, err = await run_cli("gdpr", "erase", METTE_EMAIL, cwd=tmp_path)
    assert code == 0, err
    assert out.splitlines()[0] == f"Sletning af Mette Lund ({METTE_EMAIL}) vil:"
    assert "  personen: 1 slettet" in out.splitlines()
    assert "Intet er ændret endnu. Kør igen med --yes for at slette." in out
    code, out, _ = await run_cli("gdpr", "log", cwd=tmp_path)
    assert out.strip() == "GDPR-loggen er tom."
    code, out, err = await run_cli("gdpr", "erase", METTE_EMAIL, "--yes", cwd=tmp_path)
    assert code == 0, err
    assert f"Slettet: Mette Lund ({METTE_EMAIL})" in out
    code, out, err = await run_cli("gdpr", "erase", METTE_EMAIL, "--yes", cwd=tmp_path)
    assert code == 0, err
    assert "Der er intet tilbage at slette." in out
    code, out, err = await run_cli("gdpr", "erase", "nobody@example.dk", cwd=tmp_path)
    assert code == 1 and out == ""
    assert (
        err.strip()
        == "Ingen person eller vejledning har e-mailen »nobody@example.dk«. Intet er slettet."
    )
    code, out, _ = await run_cli("gdpr", "log", cwd=tmp_path)
    (line,) = out.splitlines()
    assert "· sletning · slettet person · bedt om af kommandolinjen · vejledninger: " in line
    assert "Mette Lund" not in line and METTE_EMAIL not in line
    code, out, _ = await run_cli("export", cwd=tmp_path)
    assert [row["action"] for row in json.loads(out)["gdpr_log"]] == ["erasure"]
    assert "mette" not in json.dumps(json.loads(out)["people"]).lower()
    assert "mette" not in out.lower()
    # The backup from before the erasure comes back: the next start erases her again.
    database = tmp_path / "data" / "tovholder.db"
    for leftover in (
        database.with_name("tovholder.db-wal"),
        database.with_name("tovholder.db-shm"),
    ):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(tmp_path / "before.db", database)
    assert b"Mette Lund" in database.read_bytes()
    code, out, err = await run_cli("gdpr", "log", cwd=tmp_path)
    assert code == 0, err
    (line,) = out.splitlines()
    assert "· sletning · slettet person · bedt om af sletningslisten · " in line
    assert b"Mette Lund" not in database.read_bytes()
    assert METTE_EMAIL.encode() not in database.read_bytes()
    # An organisation file from before the erasure brings her in; she is erased again.
    code, out, err = await run_cli("org", "import", str(tmp_path / "org.csv"), cwd=tmp_path)
    assert code == 0, err
    assert "1 person(er) på sletningslisten var med i det indlæste og er slettet igen." in out
    code, out, _ = await run_cli("export", cwd=tmp_path)
    assert "mette" not in out.lower()
