"""Durable reminders on real SQLite: planned once, claimed once, retried, paused, snoozed."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.admin.context import AdminContext
from bot.cli import parser as cli_parser
from bot.clock import ManualClock, utc_iso
from bot.domain.reminders import Reminder
from bot.reminders import (
    area_evaluation,
    escalation,
    guide_check,
    onboarding_follow_up,
    tool_test_checkpoint,
    welcome,
)
from bot.reminders import spreading as spreading_kinds
from bot.reminders.registry import KINDS, registry
from bot.services import identities, reminders
from bot.services.demo import seed_demo
from bot.services.export import export_document
from bot.services.working_time import WorkingCalendar
from bot.settings import load_settings
from storage.db import Database
from storage.repositories import reminders as reminders_repo
from tests.conftest import FROZEN_AT, TZ

ANNETTE = "U0DEMO001"  # in the demo organisation
METTE = "U0DEMO003"


class Always:
    """A calendar with no closed time: reminders keep the moment they are given."""

    def next_allowed(self, moment: datetime) -> datetime:
        return moment


ALWAYS = Always()
CALENDAR = WorkingCalendar(TZ)


async def plan(
    db: Database,
    clock: ManualClock,
    key: str,
    *,
    recipient: str = METTE,
    due: datetime | None = None,
    kind: str = "test_checkpoint",
    payload: dict[str, object] | None = None,
) -> Reminder | None:
    """Plan a reminder to the person with the Slack id `recipient` (a guest when the
    database does not know them yet)."""
    return await reminders.schedule(
        db,
        clock,
        kind=kind,
        recipient=await who(db, clock, recipient),
        due=due or clock.now(),
        payload=payload if payload is not None else {"test_id": 1},
        dedupe_key=key,
        calendar=ALWAYS,
    )


async def planned(db: Database, clock: ManualClock, key: str, **kwargs: object) -> Reminder:
    made = await plan(db, clock, key, **kwargs)  # type: ignore[arg-type]
    assert made is not None
    return made


async def who(db: Database, clock: ManualClock, slack_id: str) -> int:
    """The person id of the Slack user (a guest person for someone new)."""
    return await identities.person_for(db, clock, "slack", slack_id)


async def state_of(db: Database, reminder_id: int) -> Reminder:
    found = await reminders.get_reminder(db, reminder_id)
    assert found is not None
    return found


# -- schedule ---------------------------------------------------------------------------------


async def test_a_reminder_is_planned_on_the_next_working_moment(
    db: Database, clock: ManualClock
) -> None:
    saturday = datetime(2026, 12, 5, 10, 0, tzinfo=TZ)
    made = await reminders.schedule(
        db,
        clock,
        kind="guide_check",
        recipient=await who(db, clock, METTE),
        due=saturday,
        payload={"guide_id": 7},
        dedupe_key="guide_check:7:2026-06-01",
        calendar=CALENDAR,
    )
    assert made is not None
    assert made.due_at == "2026-12-07T07:00:00+00:00"  # Monday 08:00 in Copenhagen
    assert (made.state, made.attempts, made.payload) == ("pending", 0, {"guide_id": 7})


async def test_planning_twice_creates_one_reminder(db: Database, clock: ManualClock) -> None:
    first = await plan(db, clock, "test_checkpoint:1:2026-12-01")
    again = await plan(db, clock, "test_checkpoint:1:2026-12-01", due=clock.now() + timedelta(1))
    assert first is not None and again is None
    assert [r.id for r in await reminders.list_reminders(db, due_only=False, now=clock.now())] == [
        first.id
    ]
    # Sent or cancelled, the key still holds: the planning job does not plan it again.
    (claimed,) = await reminders.claim_due(db, clock, worker="a", limit=10)
    await reminders.mark_sent(db, clock, claimed.id)
    assert await plan(db, clock, "test_checkpoint:1:2026-12-01") is None


async def test_a_dedupe_key_must_not_look_like_a_snoozed_copy(
    db: Database, clock: ManualClock
) -> None:
    with pytest.raises(ValueError, match="snooze"):
        await plan(db, clock, "guide_check:1:snooze:1")


# -- claim ------------------------------------------------------------------------------------


async def test_only_due_reminders_are_claimed_and_only_once(
    db: Database, clock: ManualClock
) -> None:
    due = await planned(db, clock, "a", due=clock.now() - timedelta(minutes=5))
    await planned(db, clock, "b", due=clock.now() + timedelta(minutes=5))
    (claimed,) = await reminders.claim_due(db, clock, worker="w1", limit=10)
    assert claimed.id == due.id
    assert (claimed.state, claimed.claimed_by, claimed.claimed_at) == (
        "sending",
        "w1",
        utc_iso(FROZEN_AT),
    )
    assert await reminders.claim_due(db, clock, worker="w2", limit=10) == []
    clock.advance(timedelta(minutes=5))
    assert [r.dedupe_key for r in await reminders.claim_due(db, clock, worker="w2", limit=10)] == [
        "b"
    ]


async def test_the_oldest_due_is_claimed_first_up_to_the_limit(
    db: Database, clock: ManualClock
) -> None:
    for minutes in (3, 1, 2):
        await planned(db, clock, f"k{minutes}", due=clock.now() - timedelta(minutes=minutes))
    first = await reminders.claim_due(db, clock, worker="w", limit=2)
    assert [r.dedupe_key for r in first] == ["k3", "k2"]


async def test_workers_sharing_one_database_never_claim_the_same_row(
    db: Database, clock: ManualClock
) -> None:
    for n in range(120):
        await planned(db, clock, f"r{n}", recipient=f"U{n:04d}")

    async def drain(worker: str) -> list[int]:
        ids: list[int] = []
        while batch := await reminders.claim_due(db, clock, worker=worker, limit=7):
            ids.extend(r.id for r in batch)
        return ids

    results = await asyncio.gather(*(drain(f"w{i}") for i in range(6)))
    every = [i for ids in results for i in ids]
    assert len(every) == len(set(every)) == 120


async def test_two_processes_on_one_file_never_claim_the_same_row(
    db: Database, clock: ManualClock, tmp_path: Path
) -> None:
    for n in range(300):
        await planned(db, clock, f"r{n}", recipient=f"U{n:04d}")
    other = await Database.open(tmp_path / "tovholder.db")  # a second connection, own thread
    try:

        async def drain(database: Database, worker: str) -> list[int]:
            ids: list[int] = []
            while batch := await reminders.claim_due(database, clock, worker=worker, limit=5):
                ids.extend(r.id for r in batch)
            return ids

        # Both take part for sure (SQLite's busy wait may let one connection starve the
        # other under contention — slower, never wrong), then both drain at once.
        first = [r.id for r in await reminders.claim_due(other, clock, worker="two", limit=5)]
        mine, theirs = await asyncio.gather(drain(db, "one"), drain(other, "two"))
    finally:
        await other.close()
    theirs = first + theirs
    assert not set(mine) & set(theirs)
    assert len(mine) + len(theirs) == len(set(mine) | set(theirs)) == 300


async def test_a_paused_person_is_not_claimed_until_the_pause_ends(
    db: Database, clock: ManualClock
) -> None:
    await reminders.pause(
        db, clock, await identities.person_for(db, clock, "slack", METTE), date(2026, 12, 2)
    )
    hers = await planned(db, clock, "hers", recipient=METTE)
    theirs = await planned(db, clock, "theirs", recipient=ANNETTE)
    assert [r.id for r in await reminders.claim_due(db, clock, worker="w", limit=10)] == [theirs.id]
    await reminders.mark_sent(db, clock, theirs.id)
    clock.move_to(datetime(2026, 12, 2, 15, 0, tzinfo=TZ))  # the last paused day
    assert await reminders.claim_due(db, clock, worker="w", limit=10) == []
    clock.move_to(datetime(2026, 12, 3, 8, 0, tzinfo=TZ))
    assert [r.id for r in await reminders.claim_due(db, clock, worker="w", limit=10)] == [hers.id]


async def test_a_pause_is_kept_until_turned_off(db: Database, clock: ManualClock) -> None:
    assert (
        await reminders.paused_until(db, await identities.person_for(db, clock, "slack", METTE))
        is None
    )
    await reminders.pause(
        db, clock, await identities.person_for(db, clock, "slack", METTE), date(2026, 12, 11)
    )
    await reminders.pause(
        db, clock, await identities.person_for(db, clock, "slack", METTE), date(2026, 12, 18)
    )
    assert await reminders.paused_until(
        db, await identities.person_for(db, clock, "slack", METTE)
    ) == date(2026, 12, 18)
    hers = await planned(db, clock, "hers")
    assert await reminders.claim_due(db, clock, worker="w", limit=10) == []
    await reminders.pause(db, clock, await identities.person_for(db, clock, "slack", METTE), None)
    assert (
        await reminders.paused_until(db, await identities.person_for(db, clock, "slack", METTE))
        is None
    )
    assert [r.id for r in await reminders.claim_due(db, clock, worker="w", limit=10)] == [hers.id]


# -- the lease ---------------------------------------------------------------------------------


async def test_a_claim_left_by_a_dead_worker_is_reclaimed_once_after_the_lease(
    db: Database, clock: ManualClock
) -> None:
    made = await planned(db, clock, "k")
    assert len(await reminders.claim_due(db, clock, worker="dead", limit=10)) == 1
    clock.advance(reminders.LEASE - timedelta(seconds=1))
    assert await reminders.claim_due(db, clock, worker="alive", limit=10) == []
    clock.advance(timedelta(seconds=1))
    (again,) = await reminders.claim_due(db, clock, worker="alive", limit=10)
    assert (again.id, again.claimed_by, again.attempts) == (made.id, "alive", 1)
    assert again.last_error == reminders.LEASE_ERROR
    assert await reminders.claim_due(db, clock, worker="third", limit=10) == []
    assert await reminders.mark_sent(db, clock, made.id)
    assert (await state_of(db, made.id)).last_error is None


async def test_a_lease_that_expires_on_the_last_attempt_fails(
    db: Database, clock: ManualClock
) -> None:
    made = await planned(db, clock, "k")
    for _ in range(reminders.MAX_ATTEMPTS):  # claimed, then reclaimed four times
        assert await reminders.claim_due(db, clock, worker="dead", limit=10)
        clock.advance(reminders.LEASE)
    assert await reminders.claim_due(db, clock, worker="alive", limit=10) == []
    gone = await state_of(db, made.id)
    assert (gone.state, gone.attempts) == ("failed", reminders.MAX_ATTEMPTS)


# -- outcomes ----------------------------------------------------------------------------------


async def claimed_one(db: Database, clock: ManualClock, key: str = "k") -> Reminder:
    made = await planned(db, clock, key)
    (claimed,) = await reminders.claim_due(db, clock, worker="w", limit=10)
    assert claimed.id == made.id
    return claimed


async def test_sent_is_recorded_once(db: Database, clock: ManualClock) -> None:
    claimed = await claimed_one(db, clock)
    assert await reminders.mark_sent(db, clock, claimed.id)
    assert not await reminders.mark_sent(db, clock, claimed.id)
    sent = await state_of(db, claimed.id)
    assert (sent.state, sent.sent_at) == ("sent", utc_iso(FROZEN_AT))


async def test_a_retry_honours_a_longer_retry_after_exactly(
    db: Database, clock: ManualClock
) -> None:
    claimed = await claimed_one(db, clock)
    after = await reminders.mark_retry(db, clock, claimed.id, "ratelimited", 120, ALWAYS)
    assert after is not None
    assert (after.state, after.attempts, after.last_error) == ("pending", 1, "ratelimited")
    assert after.due == FROZEN_AT + timedelta(seconds=120)


async def test_a_retry_waits_the_backoff_when_it_is_longer(
    db: Database, clock: ManualClock
) -> None:
    claimed = await claimed_one(db, clock)
    after = await reminders.mark_retry(db, clock, claimed.id, "ratelimited", 10, ALWAYS)
    assert after is not None and after.due == FROZEN_AT + timedelta(seconds=30)
    clock.advance(timedelta(seconds=30))
    (again,) = await reminders.claim_due(db, clock, worker="w", limit=10)
    after = await reminders.mark_retry(db, clock, again.id, "internal_error", None, ALWAYS)
    assert after is not None and after.due == clock.now() + timedelta(seconds=60)


def test_the_backoff_doubles_up_to_an_hour() -> None:
    assert [reminders.backoff(n).total_seconds() for n in range(9)] == [
        30,
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]
    assert reminders.backoff(10_000) == timedelta(hours=1)


async def test_a_retry_is_moved_by_the_calendar_only_into_working_time(
    db: Database, clock: ManualClock
) -> None:
    claimed = await claimed_one(db, clock)
    after = await reminders.mark_retry(db, clock, claimed.id, "internal_error", None, CALENDAR)
    assert after is not None and after.due == FROZEN_AT + timedelta(seconds=30)  # 09:00:30
    clock.move_to(datetime(2026, 11, 30, 15, 29, 50, tzinfo=TZ))
    (again,) = await reminders.claim_due(db, clock, worker="w", limit=10)
    after = await reminders.mark_retry(db, clock, again.id, "internal_error", None, CALENDAR)
    assert after is not None
    assert after.due == datetime(2026, 12, 1, 8, 0, tzinfo=TZ)  # not 15:30:50, after hours


async def test_a_reminder_fails_after_max_attempts(db: Database, clock: ManualClock) -> None:
    made = await planned(db, clock, "k")
    after: Reminder | None = None
    for attempt in range(1, reminders.MAX_ATTEMPTS + 1):
        (claimed,) = await reminders.claim_due(db, clock, worker="w", limit=10)
        after = await reminders.mark_retry(db, clock, claimed.id, "internal_error", None, ALWAYS)
        assert after is not None and after.attempts == attempt
        clock.advance(timedelta(hours=1))
    assert after is not None and after.state == "failed"
    assert after.last_error == f"internal_error (after {reminders.MAX_ATTEMPTS} attempts)"
    assert await reminders.claim_due(db, clock, worker="w", limit=10) == []
    assert [r.id for r in await reminders.failed_reminders(db)] == [made.id]
    # The coordinator fixed the cause: it goes out again, attempts from scratch.
    assert await reminders.requeue(db, clock, made.id)
    assert not await reminders.requeue(db, clock, made.id)
    (again,) = await reminders.claim_due(db, clock, worker="w", limit=10)
    assert (again.id, again.attempts) == (made.id, 0)


async def test_a_permanent_error_fails_at_once(db: Database, clock: ManualClock) -> None:
    claimed = await claimed_one(db, clock)
    assert await reminders.mark_failed(db, clock, claimed.id, "user_not_found")
    gone = await state_of(db, claimed.id)
    assert (gone.state, gone.attempts, gone.last_error) == ("failed", 1, "user_not_found")
    assert await reminders.mark_retry(db, clock, claimed.id, "x", None, ALWAYS) is None


# -- cancel ------------------------------------------------------------------------------------


async def test_cancel_by_key_or_id_only_touches_pending(db: Database, clock: ManualClock) -> None:
    a = await planned(db, clock, "a", due=clock.now() + timedelta(days=1))
    b = await planned(db, clock, "b", due=clock.now() + timedelta(days=1))
    assert await reminders.cancel(db, clock, dedupe_key="a")
    assert not await reminders.cancel(db, clock, dedupe_key="a")
    assert await reminders.cancel(db, clock, id=b.id)
    assert {(await state_of(db, r.id)).state for r in (a, b)} == {"cancelled"}
    sending = await claimed_one(db, clock, "c")
    assert not await reminders.cancel(db, clock, id=sending.id)  # it may be in Slack already
    with pytest.raises(ValueError, match="exactly one"):
        await reminders.cancel(db, clock)


async def test_cancel_matching_takes_the_prefix_literally(db: Database, clock: ManualClock) -> None:
    later = clock.now() + timedelta(days=1)
    for key in (
        "test_follow_up:1:2026-12-01",
        "test_follow_up:1:2026-12-15",
        "test_follow_up:10:2026-12-01",
        "testXfollow_up:1:2026-12-01",
    ):
        await planned(db, clock, key, due=later)
    assert await reminders.cancel_matching(db, clock, "test_follow_up:1:") == 2
    left = await reminders.list_reminders(db, due_only=False, now=later)
    assert [r.dedupe_key for r in left] == [
        "test_follow_up:10:2026-12-01",
        "testXfollow_up:1:2026-12-01",
    ]
    with pytest.raises(ValueError, match="empty prefix"):
        await reminders.cancel_matching(db, clock, "")


# -- snooze ------------------------------------------------------------------------------------


async def test_snoozing_a_pending_reminder_moves_it(db: Database, clock: ManualClock) -> None:
    made = await planned(db, clock, "k", due=clock.now() + timedelta(hours=1))
    moved = await reminders.snooze(db, clock, made.id, timedelta(days=1), ALWAYS)
    assert moved is not None
    assert (moved.id, moved.due) == (made.id, FROZEN_AT + timedelta(days=1))


async def test_snoozing_a_sent_reminder_plans_one_copy(db: Database, clock: ManualClock) -> None:
    claimed = await claimed_one(db, clock, "guide_check:7:2026-06-01")
    await reminders.mark_sent(db, clock, claimed.id)
    copy = await reminders.snooze(db, clock, claimed.id, timedelta(days=7), CALENDAR)
    assert copy is not None
    assert copy.dedupe_key == "guide_check:7:2026-06-01:snooze:1"
    assert (copy.kind, copy.recipient, copy.payload) == (
        claimed.kind,
        claimed.recipient,
        claimed.payload,
    )
    assert copy.due == FROZEN_AT + timedelta(days=7)
    assert (copy.base_key, copy.snooze_number) == ("guide_check:7:2026-06-01", 1)
    # A second click on the same message changes the same copy: the latest choice wins.
    again = await reminders.snooze(db, clock, claimed.id, timedelta(days=1), CALENDAR)
    assert again is not None and again.id == copy.id
    assert again.due == FROZEN_AT + timedelta(days=1)
    # The copy, once sent, can be snoozed in turn.
    clock.advance(timedelta(days=1))
    (sent_copy,) = await reminders.claim_due(db, clock, worker="w", limit=10)
    await reminders.mark_sent(db, clock, sent_copy.id)
    second = await reminders.snooze(db, clock, sent_copy.id, timedelta(days=1), CALENDAR)
    assert second is not None and second.dedupe_key == "guide_check:7:2026-06-01:snooze:2"
    # …but the original's copy is gone (sent), so the old message's button says so.
    assert await reminders.snooze(db, clock, claimed.id, timedelta(days=1), CALENDAR) is None


async def test_a_cancelled_or_unknown_reminder_cannot_be_snoozed(
    db: Database, clock: ManualClock
) -> None:
    made = await planned(db, clock, "k", due=clock.now() + timedelta(hours=1))
    await reminders.cancel(db, clock, id=made.id)
    assert await reminders.snooze(db, clock, made.id, timedelta(days=1), ALWAYS) is None
    assert await reminders.snooze(db, clock, 999, timedelta(days=1), ALWAYS) is None


async def test_snoozed_copies_are_cancelled_with_their_prefix(
    db: Database, clock: ManualClock
) -> None:
    claimed = await claimed_one(db, clock, "guide_check:7:2026-06-01")
    await reminders.mark_sent(db, clock, claimed.id)
    copy = await reminders.snooze(db, clock, claimed.id, timedelta(days=1), ALWAYS)
    assert copy is not None
    assert await reminders.cancel_matching(db, clock, "guide_check:7:") == 1
    assert (await state_of(db, copy.id)).state == "cancelled"


# -- listing, the CLI and the export ----------------------------------------------------------


async def test_list_reminders_due_only(db: Database, clock: ManualClock) -> None:
    due = await planned(db, clock, "due")
    await planned(db, clock, "later", due=clock.now() + timedelta(hours=2))
    everything = await reminders.list_reminders(db, due_only=False, now=clock.now())
    assert [r.dedupe_key for r in everything] == ["due", "later"]
    assert [r.id for r in await reminders.list_reminders(db, due_only=True, now=clock.now())] == [
        due.id
    ]


async def run(db: Database, clock: ManualClock, *argv: str) -> tuple[int, str, str]:
    args = cli_parser().parse_args(["reminders", *argv])
    settings = load_settings("console", environ={"TOVHOLDER_DB": str(db.path)}, env_file=None)
    out, err = io.StringIO(), io.StringIO()
    code = await args.handler(args, AdminContext(settings, db, clock, None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


async def test_the_cli_lists_who_when_why_and_state(db: Database, clock: ManualClock) -> None:
    await seed_demo(db, clock)
    await planned(db, clock, "guide_check:7:x", kind="guide_check", payload={"guide_id": 7})
    await planned(
        db, clock, "o:1", recipient="U0NOBODY", kind="custom", due=clock.now() + timedelta(days=1)
    )
    await reminders.pause(
        db, clock, await identities.person_for(db, clock, "slack", METTE), date(2026, 12, 4)
    )
    code, out, _ = await run(db, clock, "list")
    assert code == 0
    header, first, second, summary = out.splitlines()
    assert header.split("\t")[0] == "Tidspunkt"
    assert first.split("\t") == [
        "2026-11-30 09:00",
        "venter",
        "0",
        "U0DEMO003 (Mette Lund) – sat på pause til og med 2026-12-04",
        "tjek af vejledning (guide_id=7)",
        "#1 guide_check:7:x",
    ]
    assert second.split("\t")[3] == "U0NOBODY (ikke i organisationen)"
    assert second.split("\t")[4] == "custom (test_id=1)"
    assert summary == "2 påmindelser i alt: venter 2."
    code, out, _ = await run(db, clock, "list", "--due")
    assert len(out.splitlines()) == 2


async def test_the_cli_lists_json_for_scripts(db: Database, clock: ManualClock) -> None:
    code, out, _ = await run(db, clock, "list", "--json")
    assert (code, json.loads(out)) == (0, [])
    made = await planned(db, clock, "k")
    code, out, _ = await run(db, clock, "list", "--json")
    (record,) = json.loads(out)
    assert {
        key: record[key]
        for key in ("id", "kind", "recipient", "due_at", "state", "attempts", "dedupe_key")
    } == {
        "id": made.id,
        "kind": "test_checkpoint",
        "recipient": METTE,
        "due_at": "2026-11-30T08:00:00+00:00",
        "state": "pending",
        "attempts": 0,
        "dedupe_key": "k",
    }
    assert record["due_local"] == "2026-11-30 09:00"


async def test_the_cli_lists_failed_reminders_and_sends_one_again(
    db: Database, clock: ManualClock
) -> None:
    code, out, _ = await run(db, clock, "failed")
    assert (code, out) == (0, "Ingen påmindelser er fejlet.\n")
    claimed = await claimed_one(db, clock)
    await reminders.mark_failed(db, clock, claimed.id, "user_not_found")
    code, out, _ = await run(db, clock, "failed")
    assert out.splitlines()[1].split("\t")[4] == "user_not_found"
    code, out, _ = await run(db, clock, "failed", "--json")
    assert [r["last_error"] for r in json.loads(out)] == ["user_not_found"]
    code, out, _ = await run(db, clock, "retry", str(claimed.id))
    assert code == 0 and f"#{claimed.id}" in out
    code, _, err = await run(db, clock, "retry", str(claimed.id))
    assert code == 1 and "ikke fejlet" in err


async def test_the_export_holds_every_reminder_with_its_payload(
    db: Database, clock: ManualClock
) -> None:
    made = await planned(db, clock, "k", payload={"guide_id": 7, "note": "æøå"})
    await reminders.pause(
        db, clock, await identities.person_for(db, clock, "slack", METTE), date(2026, 12, 4)
    )
    document = await export_document(db, clock)
    (record,) = document["reminders"]
    assert record["id"] == made.id
    assert record["payload"] == {"guide_id": 7, "note": "æøå"}
    assert record["paused_until"] == "2026-12-04"
    assert record["created_at"] == datetime(2026, 11, 30, 8, 0, tzinfo=UTC).isoformat()
    assert await reminders_repo.pause_records(db) == [
        {
            "person_id": await identities.person_for(db, clock, "slack", METTE),
            "until_date": "2026-12-04",
            "set_at": utc_iso(FROZEN_AT),
        }
    ]


# -- posts whose outcome is unknown ------------------------------------------------------------


async def test_a_post_is_unconfirmed_from_its_start_until_it_is_recorded(
    db: Database, clock: ManualClock
) -> None:
    claimed = await claimed_one(db, clock)
    assert await reminders.unconfirmed(db, [claimed.id]) == {}
    assert await reminders.posting(db, clock, claimed.id, worker="w")
    assert await reminders.unconfirmed(db, [claimed.id]) == {claimed.id: FROZEN_AT}
    assert await reminders.mark_sent(db, clock, claimed.id)
    assert await reminders.unconfirmed(db, [claimed.id]) == {}


async def test_only_the_post_in_flight_stays_unconfirmed_after_its_worker_died(
    db: Database, clock: ManualClock
) -> None:
    """A dead worker's batch is reclaimed whole; only the row it was posting is looked up."""
    first = await planned(db, clock, "a")
    second = await planned(db, clock, "b")
    await reminders.claim_due(db, clock, worker="dead", limit=10)
    assert await reminders.posting(db, clock, first.id, worker="dead")
    clock.advance(reminders.LEASE)
    again = await reminders.claim_due(db, clock, worker="alive", limit=10)
    assert [r.id for r in again] == [first.id, second.id]
    assert set(await reminders.unconfirmed(db, [first.id, second.id])) == {first.id}
    # The dead worker no longer holds the rows: it may not start a post.
    assert not await reminders.posting(db, clock, second.id, worker="dead")


async def test_a_retry_keeps_a_post_that_may_be_in_slack_unconfirmed(
    db: Database, clock: ManualClock
) -> None:
    maybe = await claimed_one(db, clock, "maybe")
    await reminders.posting(db, clock, maybe.id, worker="w")
    await reminders.mark_retry(db, clock, maybe.id, "TimeoutError", None, ALWAYS, maybe_posted=True)
    refused = await claimed_one(db, clock, "refused")
    await reminders.posting(db, clock, refused.id, worker="w")
    await reminders.mark_retry(db, clock, refused.id, "ratelimited", 30, ALWAYS)
    assert set(await reminders.unconfirmed(db, [maybe.id, refused.id])) == {maybe.id}


async def test_a_reminder_failed_after_a_maybe_post_is_looked_up_when_retried(
    db: Database, clock: ManualClock
) -> None:
    claimed = await claimed_one(db, clock)
    for attempt in range(reminders.MAX_ATTEMPTS):
        (row,) = (
            await reminders.claim_due(db, clock, worker="w", limit=10) if attempt else [claimed]
        )
        await reminders.posting(db, clock, row.id, worker="w")
        await reminders.mark_retry(
            db, clock, row.id, "TimeoutError", None, ALWAYS, maybe_posted=True
        )
        clock.advance(reminders.backoff(reminders.MAX_ATTEMPTS))
    assert (await state_of(db, claimed.id)).state == "failed"
    assert await reminders.requeue(db, clock, claimed.id)
    assert set(await reminders.unconfirmed(db, [claimed.id])) == {claimed.id}


async def test_a_deferred_reminder_waits_the_backoff_without_counting_an_attempt(
    db: Database, clock: ManualClock
) -> None:
    claimed = await claimed_one(db, clock)
    await reminders.posting(db, clock, claimed.id, worker="w")
    await reminders.mark_retry(
        db, clock, claimed.id, "TimeoutError", None, ALWAYS, maybe_posted=True
    )
    clock.advance(reminders.backoff(0))
    (row,) = await reminders.claim_due(db, clock, worker="w", limit=10)
    assert await reminders.defer(
        db, clock, row.id, worker="w", error="look-up failed: http_503", calendar=ALWAYS
    )
    waiting = await state_of(db, claimed.id)
    assert (waiting.state, waiting.attempts, waiting.claimed_by) == ("pending", 1, None)
    assert waiting.due == clock.now() + reminders.backoff(1)
    assert waiting.last_error == "look-up failed: http_503"
    assert set(await reminders.unconfirmed(db, [claimed.id])) == {claimed.id}
    # Only the worker holding the claim can defer it.
    assert not await reminders.defer(db, clock, row.id, worker="w", error="x", calendar=ALWAYS)


async def test_a_claim_can_take_only_some_kinds(db: Database, clock: ManualClock) -> None:
    urgent = await planned(db, clock, "u", kind="sparring_delivery")
    await planned(db, clock, "n")
    taken = await reminders.claim_due(db, clock, worker="w", limit=10, kinds={"sparring_delivery"})
    assert [r.id for r in taken] == [urgent.id]
    assert len(await reminders.claim_due(db, clock, worker="w", limit=10)) == 1
    assert reminders.ANYTIME.next_allowed(FROZEN_AT) == FROZEN_AT


async def test_the_cli_lists_a_reminder_whose_post_is_unconfirmed(
    db: Database, clock: ManualClock
) -> None:
    claimed = await claimed_one(db, clock)
    await reminders.posting(db, clock, claimed.id, worker="w")
    code, out, _ = await run(db, clock, "list", "--json")
    (record,) = json.loads(out)
    assert (code, record["id"], record["state"]) == (0, claimed.id, "sending")
    code, out, _ = await run(db, clock, "list")
    assert code == 0 and "#1 k" in out


# -- one message a day (issue 18.3) --------------------------------------------------------------


async def test_a_claim_can_be_for_some_people_only(db: Database, clock: ManualClock) -> None:
    await plan(db, clock, "a", recipient=METTE)
    await plan(db, clock, "b", recipient=ANNETTE)
    annette = await who(db, clock, ANNETTE)
    claimed = await reminders.claim_due(db, clock, worker="w", limit=10, recipients=[annette])
    assert [r.dedupe_key for r in claimed] == ["b"]


async def test_held_reminders_wait_without_an_attempt_and_the_day_s_sends_are_counted(
    db: Database, clock: ManualClock
) -> None:
    await plan(db, clock, "sent", recipient=METTE)
    await plan(db, clock, "apart", recipient=ANNETTE, kind="welcome")
    for claimed in await reminders.claim_due(db, clock, worker="w", limit=10):
        assert await reminders.mark_sent(db, clock, claimed.id)
    mette, annette = await who(db, clock, METTE), await who(db, clock, ANNETTE)
    assert await reminders.sent_today(db, clock, [mette, annette], apart={"welcome"}) == {mette}
    clock.advance(timedelta(days=1))  # a new day: nobody has had today's message
    assert await reminders.sent_today(db, clock, [mette], apart=set()) == set()
    later = await plan(db, clock, "later", recipient=METTE)
    assert later is not None
    (claimed,) = await reminders.claim_due(db, clock, worker="w", limit=10)
    tomorrow = clock.now() + timedelta(days=1)
    assert await reminders.hold(db, clock, [claimed.id], worker="w", until=tomorrow) == 1
    waiting = await reminders.get_reminder(db, later.id)
    assert waiting is not None
    assert (waiting.state, waiting.attempts, waiting.due) == ("pending", 0, tomorrow)


# -- the kinds (bot.reminders) --------------------------------------------------------------

#: Person ids in the tests of keys and payloads.
PERSON_A, PERSON_M = 1, 3

#: A payload of each kind as the planners stored it before kinds were objects (with people by
#: person id, as migration 0031 left them).
STORED_PAYLOADS: dict[str, dict[str, object]] = {
    "test_checkpoint": {"test_id": 3, "checkpoint": "2026-12-01"},
    "test_follow_up": {"test_id": 3, "checkpoint": "2026-12-01"},
    "guide_check": {"guide_id": 5},
    "onboarding_follow_up": {"superuser": PERSON_A},
    "area_evaluation": {"period": "2026-2", "area_id": 2},
    "sparring_escalation": {"question_id": 7, "level": 2, "hours": 16},
    "spread_invite": {"round_id": 1, "daycare_id": 4},
    "spread_follow_up": {"round_id": 1, "daycare_id": 4},
    "spread_started": {"round_id": 1},
    "training_invite": {"training_id": 9},
    "training_reminder": {"training_id": 9, "version": 2},
    "training_changed": {"training_id": 9, "change": "cancelled"},
    "training_signed_up": {"training_id": 9, "person": PERSON_A},
    "training_attendance": {"training_id": 9, "version": 2},
    "welcome": {"person_id": 4},
    "welcome_note": {"person_id": 4},
    "ambassador_welcome": {"person_id": 4},
    "sparring_post": {"question_id": 7},
    "sparring_copy": {"question_id": 7, "failed_in": "C0SPARRING", "error": "not_in_channel"},
    "sparring_offer": {"question_id": 7},
}


def test_every_kind_is_registered_once_and_reads_its_stored_payloads_unchanged() -> None:
    assert set(KINDS) == set(STORED_PAYLOADS)
    for name, stored in STORED_PAYLOADS.items():
        kind = KINDS[name]
        assert kind.name == name
        assert kind.payload.decode(stored).encode() == stored, name
    # A copy's reason is optional: a copy without one stores none.
    assert KINDS["sparring_copy"].payload.decode({"question_id": 7}).encode() == {"question_id": 7}


def test_a_broken_payload_is_refused_when_read() -> None:
    with pytest.raises(KeyError):
        KINDS["sparring_escalation"].payload.decode({"question_id": 7, "level": 1})
    with pytest.raises(ValueError):
        KINDS["guide_check"].payload.decode({"guide_id": "five"})


def test_how_each_kind_goes_out_is_a_property_of_the_kind() -> None:
    urgent = {name for name, kind in KINDS.items() if kind.urgent}
    apart = {name for name, kind in KINDS.items() if not kind.gathered}
    anytime = {name for name, kind in KINDS.items() if kind.anytime}
    assert urgent == {"sparring_escalation", "training_changed"}
    assert anytime == {"sparring_post", "sparring_copy", "sparring_offer"}
    assert apart == urgent | anytime | {"welcome", "welcome_note", "ambassador_welcome"}


def test_a_registry_refuses_two_kinds_of_one_name() -> None:
    with pytest.raises(ValueError, match="two reminder kinds"):
        registry([tool_test_checkpoint.CHECKPOINT, tool_test_checkpoint.CHECKPOINT])


def test_keys_keep_the_format_stored_databases_hold() -> None:
    assert tool_test_checkpoint.FOLLOW_UP.key(3, "2026-12-01") == "test_follow_up:3:2026-12-01"
    assert guide_check.GUIDE_CHECK.key_of(5, "2026-06-01T08:00:00+00:00") == (
        "guide_check:5:2026-06-01T08:00:00+00:00"
    )
    assert onboarding_follow_up.ONBOARDING.key_of(PERSON_A, PERSON_M) == (
        "onboarding_follow_up:1:3"
    )
    assert area_evaluation.AREA_EVALUATION.key_of("2026-2", 2, PERSON_M) == (
        "area_evaluation:2026-2:2:3"
    )
    assert escalation.ESCALATION.key_of(7, 2, PERSON_M) == "sparring_escalation:7:2:3"
    assert welcome.WELCOME.stint_of("welcome:4:3") == 3
    with pytest.raises(ValueError):
        welcome.WELCOME.stint_of("welcome_note:4:3:1")


async def test_planning_through_a_kind_writes_the_stored_payload_and_key(
    db: Database, clock: ManualClock
) -> None:
    kind = spreading_kinds.INVITE
    mette = await who(db, clock, METTE)
    made = await kind.plan_for(
        db, clock, CALENDAR, round_id=1, daycare_id=4, person=mette, due=clock.now()
    )
    assert made is not None
    assert (made.kind, made.recipient, made.dedupe_key) == (
        "spread_invite",
        mette,
        f"spread_invite:1:4:{mette}",
    )
    assert made.payload == STORED_PAYLOADS["spread_invite"]
    assert made.due == CALENDAR.next_allowed(clock.now())
    again = await kind.plan_for(
        db, clock, CALENDAR, round_id=1, daycare_id=4, person=mette, due=clock.now()
    )
    assert again is None
    with pytest.raises(ValueError, match="not a key of"):
        await kind.plan(
            db,
            clock,
            CALENDAR,
            recipient=mette,
            due=clock.now(),
            payload=kind.decode(made),
            key="spread_follow_up:1:4:x",
        )


async def test_who_was_told_of_an_escalation_leaves_snoozed_copies_out(
    db: Database, clock: ManualClock
) -> None:
    kind = escalation.ESCALATION
    mette, annette = await who(db, clock, METTE), await who(db, clock, ANNETTE)
    for key, to in ((kind.key_of(7, 1, mette), METTE), (kind.key_of(7, 2, annette), ANNETTE)):
        await plan(db, clock, key, kind=kind.name, payload={"question_id": 7}, recipient=to)
    await plan(db, clock, kind.key_of(17, 1, mette), kind=kind.name, payload={"question_id": 17})
    first = await reminders_repo.by_key(db, kind.key_of(7, 1, mette))
    assert first is not None
    await reminders.claim_due(db, clock, worker="test", limit=10)
    assert await reminders.mark_sent(db, clock, first.id)
    copy = await reminders.snooze(db, clock, first.id, timedelta(days=1), ALWAYS)
    assert copy is not None and copy.dedupe_key == first.dedupe_key + ":snooze:1"
    assert await kind.told(db, 7) == {(1, mette): "sent", (2, annette): "sending"}


#: What loading the kinds may load of the services, views and jobs: what planning needs.
LOADED_BY_KINDS = {"bot.services", "bot.services.reminders", "bot.services.working_time"}

LIST_LOADED = """
import importlib, pathlib, sys
for path in sorted(pathlib.Path("bot/reminders").glob("*.py")):
    importlib.import_module("bot.reminders" + ("" if path.stem == "__init__" else "." + path.stem))
print("\\n".join(m for m in sys.modules if m.startswith(("bot.services", "bot.views", "bot.jobs"))))
"""


def test_loading_the_kinds_loads_no_view_and_no_other_service() -> None:
    """The services that plan a kind import its module, and a kind reads through those
    services when due: so a kind module loads only what planning needs, or loading a
    planner would load the views and the other services halfway through (`bot.reminders`)."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(  # noqa: S603 — our own interpreter and code
        [sys.executable, "-c", LIST_LOADED], capture_output=True, text=True, cwd=root, check=True
    )
    assert set(done.stdout.split()) <= LOADED_BY_KINDS
