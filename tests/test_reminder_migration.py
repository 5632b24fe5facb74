"""A database from the release before identities (0024) keeps its reminders through 0031:
each one pending goes out once, to the same Slack user, and one whose post went out just
before the upgrade (its fate unknown, its tag carrying the key as it was) is found in the
person's DM and not posted again.

The release's rows (`tests/fixtures/release_0024_rows.json`) plus reminders as the release's
planners wrote them: keys and payloads naming people by Slack id, and a queued sparring offer
addressed to the DM conversation the asker wrote in.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.jobs.dispatcher import Pacer, dispatch
from bot.local import LocalSlack
from bot.reminders.registry import KINDS
from bot.services import reminders
from bot.settings import parse_settings
from bot.tags import reminder_tag
from bot.views.model import Message
from storage.migrations.m0031_reminder_people import person_key, person_payload
from tests.people import person_id
from tests.test_dispatcher import Scripted, kinds, note
from tests.test_migration_identities import GUEST, _clock, released_database

LINE, METTE, JENS, AHMED = "U0DEMO005", "U0DEMO003", "U0DEMO002", "U0DEMO006"
DUE = "2026-03-02T09:00:00+00:00"
#: When the escalation's post started: the process died before it was recorded.
POSTED = "2026-03-02T09:30:00+00:00"

#: Reminders as the release stored them, beside the fixture's two (a pending welcome to Line,
#: a sent DM copy to the guest): id, kind, recipient, payload, state, key.
RELEASED: tuple[tuple[int, str, str, dict[str, Any], str, str], ...] = (
    (
        3,
        "welcome_note",
        METTE,
        {"person_id": 5, "superuser": LINE},
        "pending",
        f"welcome_note:5:1:{METTE}",
    ),
    (
        4,
        "onboarding_follow_up",
        METTE,
        {"superuser": LINE},
        "pending",
        f"onboarding_follow_up:{LINE}:{METTE}",
    ),
    (
        5,
        "training_signed_up",
        METTE,
        {"training_id": 1, "person": AHMED},
        "pending",
        f"training_signed_up:1:{AHMED}",
    ),
    (
        6,
        "sparring_escalation",
        JENS,
        {"question_id": 2, "level": 1, "hours": 8},
        "sending",
        f"sparring_escalation:2:1:{JENS}",
    ),
    (7, "sparring_offer", "D0LINEDM", {"question_id": 1}, "pending", "sparring_offer:1"),
    (
        8,
        "onboarding_follow_up",
        METTE,
        {"superuser": LINE},
        "sent",
        f"onboarding_follow_up:{LINE}:{METTE}:snooze:1",
    ),
)


async def release_with_reminders(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = await released_database(path, monkeypatch)
    try:
        async with db.transaction() as conn:
            for rid, kind, recipient, payload, state, key in RELEASED:
                sending = state == "sending"
                await conn.execute(
                    "INSERT INTO reminders (id, kind, recipient, due_at, payload, state,"
                    " attempts, dedupe_key, claimed_by, claimed_at, sent_at, created_at,"
                    " updated_at, unconfirmed_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    " ?, ?)",
                    (
                        rid,
                        kind,
                        recipient,
                        DUE,
                        json.dumps(payload, sort_keys=True),
                        state,
                        1 if state != "pending" else 0,
                        key,
                        "old-worker" if sending else None,
                        POSTED if sending else None,
                        DUE if state == "sent" else None,
                        DUE,
                        DUE,
                        POSTED if sending else None,
                    ),
                )
    finally:
        await db.close()


@pytest.fixture
async def upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The bot started on the release's database (it migrates at start), with the stand-in's
    Slack knowing everyone in it."""
    path = tmp_path / "tovholder.db"
    await release_with_reminders(path, monkeypatch)
    clock = _clock()
    clock.advance(timedelta(days=1))  # the welcome is due; the dead worker's lease has run out
    slack = await LocalSlack.start(parse_settings({"TOVHOLDER_DB": str(path)}, "console"), clock)
    slack.standin.add_user(GUEST, "visitor")
    yield slack, clock
    await slack.stop()


def posts(slack: LocalSlack) -> list[str]:
    """Whom the bot sent a message to (the channel of each successful post)."""
    return [
        str(call.args["channel"]) for call in slack.standin.calls_to("chat.postMessage") if call.ok
    ]


async def test_the_upgrade_names_recipients_keys_and_payloads_by_person_id(
    upgraded: tuple[LocalSlack, ManualClock],
) -> None:
    slack, _ = upgraded
    db = slack.bot.db
    line, mette, jens, ahmed, guest = [
        await person_id(db, s) for s in (LINE, METTE, JENS, AHMED, GUEST)
    ]
    rows = {
        int(r["id"]): (r["recipient"], r["dedupe_key"], json.loads(r["payload"]))
        for r in await db.fetchall("SELECT id, recipient, dedupe_key, payload FROM reminders")
    }
    assert rows == {
        1: (line, "welcome:5:1", {}),
        2: (guest, f"sparring_dm:2:{guest}", {"question_id": 2}),
        3: (mette, f"welcome_note:5:1:{mette}", {"person_id": 5}),
        4: (mette, f"onboarding_follow_up:{line}:{mette}", {"superuser": line}),
        5: (mette, f"training_signed_up:1:{ahmed}", {"training_id": 1, "person": ahmed}),
        6: (
            jens,
            f"sparring_escalation:2:1:{jens}",
            {"question_id": 2, "level": 1, "hours": 8},
        ),
        7: (line, "sparring_offer:1", {"question_id": 1}),
        8: (mette, f"onboarding_follow_up:{line}:{mette}:snooze:1", {"superuser": line}),
    }
    # Each kind reads its migrated payload.
    for reminder in await reminders.list_reminders(db, due_only=False, now=_clock().now()):
        if reminder.kind in KINDS and reminder.payload:
            KINDS[reminder.kind].decode(reminder)


async def test_a_release_database_sends_each_pending_reminder_once(
    upgraded: tuple[LocalSlack, ManualClock],
) -> None:
    slack, _ = upgraded
    services = slack.bot.app.services
    # The escalation's post went out before the upgrade: in Jens's DM, tagged with the key as
    # the release wrote it.
    await services.messenger.send_privately(
        await person_id(slack.bot.db, JENS),
        Message("Et spørgsmål venter stadig"),
        tag=reminder_tag(6, f"sparring_escalation:2:1:{JENS}"),
    )
    mark = len(posts(slack))
    known = kinds(*(Scripted(kind, note) for kind in {row[1] for row in RELEASED} | {"welcome"}))
    report = await dispatch(
        services, known, worker="new", pacer=Pacer.instant(), calendar=reminders.ANYTIME
    )
    assert (report.claimed, report.sent, report.confirmed) == (6, 5, 1)
    assert sorted(posts(slack)[mark:]) == sorted([LINE, METTE, METTE, METTE, LINE])
    states = {
        int(r["id"]): r["state"]
        for r in await slack.bot.db.fetchall("SELECT id, state FROM reminders")
    }
    assert states == {i: "sent" for i in range(1, 9)}
    again = await dispatch(
        services, known, worker="new", pacer=Pacer.instant(), calendar=reminders.ANYTIME
    )
    assert (again.claimed, again.sent) == (0, 0)
    assert len(posts(slack)) == mark + 5


def test_only_known_slack_ids_in_a_key_become_person_ids() -> None:
    people = {METTE: 3, LINE: 5}
    assert person_key(f"onboarding_follow_up:{LINE}:{METTE}:snooze:2", people) == (
        "onboarding_follow_up:5:3:snooze:2"
    )
    # Times, periods and numbers stay; a Slack id nobody has stays as it was.
    assert person_key("guide_check:7:2026-06-01T08:00:00+00:00", people) == (
        "guide_check:7:2026-06-01T08:00:00+00:00"
    )
    assert person_key("area_evaluation:2026-2:2:U0NOBODY", people) == (
        "area_evaluation:2026-2:2:U0NOBODY"
    )
    assert person_payload("welcome", {"person_id": 5, "superuser": LINE}, people) == {
        "person_id": 5
    }
    assert person_payload("training_signed_up", {"training_id": 1, "person": METTE}, people) == {
        "training_id": 1,
        "person": 3,
    }
