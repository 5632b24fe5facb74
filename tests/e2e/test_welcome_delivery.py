"""A new superuser's welcome, and the note to their area's ambassadors, are never lost.

Both are durable reminders (issue 16.2): a send that meets an outage, a timeout or a crash
is tried again from its row and arrives once; one person Slack refuses does not stop the
next; nothing is sent outside working time; and `welcomed_at` only counts a welcome that
was sent. The clock is the injected one; Slack is the stand-in, with its fault switch.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

import pytest
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

from bot.clock import ManualClock, utc_iso
from bot.jobs.onboarding import send_welcomes
from bot.local import LocalSlack
from bot.reminders import welcome
from bot.services import reminders
from bot.services.network import snapshot
from bot.standin.server import HANG, HTML_503, Fault
from storage.repositories import org
from tests.e2e.conftest import METTE, texts

#: The kinds' names, as stored with each reminder.
WELCOME = welcome.WELCOME.name
WELCOME_NOTE = welcome.WELCOME_NOTE.name

SARA = "U0SARA001"
GHOST = "U0GHOST01"  # in the organisation, but Slack does not know them
MAELKEBOETTEN = "Børnehuset Mælkebøtten"  # area Nord: Mette is its ambassador


async def new_superuser(
    slack: LocalSlack, slack_id: str, name: str, *, in_slack: bool = True
) -> int:
    """A person made superuser of Mælkebøtten the way the import and the modal do it."""
    db = slack.bot.db
    daycare = next(d for d in (await snapshot(db)).daycares if d.name == MAELKEBOETTEN)
    now = utc_iso(slack.bot.app.services.clock.now())
    async with db.transaction() as conn:
        person_id = await org.insert_member(conn, "slack", slack_id, name, None, None, now)
        await org.set_role(
            conn, person_id, "superuser", area_id=None, daycare_id=daycare.id, present=True
        )
    if in_slack:
        slack.standin.add_user(slack_id, name.split()[0].lower(), real_name=name)
    return person_id


async def set_superuser(slack: LocalSlack, person_id: int, *, present: bool) -> None:
    db = slack.bot.db
    daycare = next(d for d in (await snapshot(db)).daycares if d.name == MAELKEBOETTEN)
    async with db.transaction() as conn:
        await org.set_role(
            conn, person_id, "superuser", area_id=None, daycare_id=daycare.id, present=present
        )


def delivered(slack: LocalSlack, user: str) -> list[str]:
    """What `user` was sent by DM, as they read it."""
    return [
        texts(c)
        for c in slack.standin.calls_to("chat.postMessage")
        if c.ok and c.args["channel"] == user
    ]


def welcomes(slack: LocalSlack, user: str) -> list[str]:
    return [m for m in delivered(slack, user) if "Du er nu superbruger" in m]


def notes_about(slack: LocalSlack, ambassador: str, superuser: str) -> list[str]:
    return [
        m
        for m in delivered(slack, ambassador)
        if f"Ny superbruger i område Nord: <@{superuser}>" in m
    ]


async def welcomed_at(slack: LocalSlack, person_id: int) -> str | None:
    row = await slack.bot.db.fetchone("SELECT welcomed_at FROM people WHERE id = ?", (person_id,))
    assert row is not None
    return cast(str | None, row["welcomed_at"])


async def run(slack: LocalSlack) -> None:
    """One round of every scheduled job: plan the welcomes, then dispatch."""
    await slack.bot.scheduler.run_all_now()
    await slack.settle()


def no_retry_pause(slack: LocalSlack) -> None:
    """slack_sdk's own retries inside a call wait 0.5 s, 1 s… with jitter; here they retry at
    once, so a fault that outlasts them costs no real time."""
    for handler in slack.bot.app.client.retry_handlers:
        handler.interval_calculator = FixedValueRetryIntervalCalculator(0.0)


@pytest.mark.parametrize("fault", [HTML_503, Fault(status=500)], ids=["html-503", "json-500"])
async def test_a_welcome_that_meets_an_outage_is_sent_later_once_and_the_ambassador_told(
    slack: LocalSlack, clock: ManualClock, fault: Fault
) -> None:
    no_retry_pause(slack)
    sara = await new_superuser(slack, SARA, "Sara Møller")
    slack.standin.fault("chat.postMessage", fault)  # until cleared: every retry fails too
    await run(slack)
    assert welcomes(slack, SARA) == [] and notes_about(slack, METTE, SARA) == []
    assert await welcomed_at(slack, sara) is None  # nothing counts as welcomed yet
    slack.standin.clear_faults()
    await run(slack)  # the retry waits for its backoff: nothing is sent again at once
    assert welcomes(slack, SARA) == []
    clock.advance(timedelta(hours=1))
    await run(slack)
    (welcome,) = welcomes(slack, SARA)
    assert "Du er nu superbruger i *Børnehuset Mælkebøtten* (område Nord)" in welcome
    assert len(notes_about(slack, METTE, SARA)) == 1
    await run(slack)  # records the welcome
    assert await welcomed_at(slack, sara) is not None
    clock.advance(timedelta(hours=1))
    await run(slack)
    assert len(welcomes(slack, SARA)) == 1 and len(notes_about(slack, METTE, SARA)) == 1


async def test_a_welcome_that_times_out_is_sent_later_once(
    slack: LocalSlack, clock: ManualClock
) -> None:
    no_retry_pause(slack)
    client: Any = slack.bot.app.client
    client.timeout = 0.05  # seconds; the stand-in never answers a hanging call by itself
    await new_superuser(slack, SARA, "Sara Møller")
    slack.standin.fault("chat.postMessage", HANG)
    await run(slack)
    slack.standin.clear_faults()  # lets the hanging calls go; nothing they asked is done
    assert welcomes(slack, SARA) == [] and notes_about(slack, METTE, SARA) == []
    failed = await reminders.list_reminders(slack.bot.db, due_only=False, now=clock.now())
    assert {r.last_error for r in failed if r.kind in (WELCOME, WELCOME_NOTE)} == {"TimeoutError"}
    client.timeout = 30
    clock.advance(timedelta(hours=1))
    await run(slack)
    await run(slack)
    assert len(welcomes(slack, SARA)) == 1 and len(notes_about(slack, METTE, SARA)) == 1


async def test_a_welcome_claimed_by_a_process_that_died_is_sent_after_the_lease(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """kill -9 while the welcome is in flight: its rows stay `sending`, claimed by a worker
    that is gone, until the lease runs out; then the running bot sends them, once."""
    db, services = slack.bot.db, slack.bot.app.services
    sara = await new_superuser(slack, SARA, "Sara Møller")
    assert await send_welcomes(services) == 2  # Mette's note and Sara's welcome
    claimed = await reminders.claim_due(db, clock, worker="gone:4242", limit=10)
    assert {r.kind for r in claimed} == {WELCOME, WELCOME_NOTE}
    await run(slack)
    assert welcomes(slack, SARA) == []  # the lease still holds
    assert await welcomed_at(slack, sara) is None
    clock.advance(reminders.LEASE + timedelta(minutes=1))
    await run(slack)
    await run(slack)
    assert len(welcomes(slack, SARA)) == 1 and len(notes_about(slack, METTE, SARA)) == 1
    assert await welcomed_at(slack, sara) is not None


async def test_one_superuser_slack_refuses_does_not_stop_the_next(slack: LocalSlack) -> None:
    ghost = await new_superuser(slack, GHOST, "Gitte Gæst", in_slack=False)
    sara = await new_superuser(slack, SARA, "Sara Møller")
    await run(slack)
    await run(slack)
    assert len(welcomes(slack, SARA)) == 1
    assert await welcomed_at(slack, sara) is not None
    # Both ambassadors' notes went out; the refused welcome waits for the coordinator.
    assert len(notes_about(slack, METTE, GHOST)) == 1 and len(notes_about(slack, METTE, SARA)) == 1
    (failed,) = await reminders.failed_reminders(slack.bot.db)
    assert (failed.kind, failed.recipient, failed.last_error) == (
        WELCOME,
        ghost,
        "channel_not_found",
    )
    assert await welcomed_at(slack, ghost) is None
    # The person gets a Slack account; the coordinator retries (`tovholder reminders retry`).
    slack.standin.add_user(GHOST, "gitte", real_name="Gitte Gæst")
    assert await reminders.requeue(slack.bot.db, slack.bot.app.services.clock, failed.id)
    await run(slack)
    await run(slack)
    assert len(welcomes(slack, GHOST)) == 1 and len(notes_about(slack, METTE, GHOST)) == 1
    assert await welcomed_at(slack, ghost) is not None


async def test_a_welcome_waits_for_working_time(slack: LocalSlack, clock: ManualClock) -> None:
    monday_evening = clock.move_to(clock.now().replace(hour=20))
    sara = await new_superuser(slack, SARA, "Sara Møller")
    await run(slack)
    assert welcomes(slack, SARA) == [] and notes_about(slack, METTE, SARA) == []
    clock.move_to(monday_evening.replace(day=1, month=12, hour=8, minute=0))  # Tuesday 08:00
    await run(slack)
    await run(slack)
    assert len(welcomes(slack, SARA)) == 1 and len(notes_about(slack, METTE, SARA)) == 1
    stamp = await welcomed_at(slack, sara)
    assert stamp is not None and datetime.fromisoformat(stamp) == clock.now()


async def test_a_welcome_no_longer_due_is_not_sent_and_a_new_superuser_stint_is_welcomed(
    slack: LocalSlack, clock: ManualClock
) -> None:
    """Made superuser in the evening and not any more by morning: nothing is sent. Made one
    again, and later once more after leaving the role: a welcome each time, once."""
    monday_evening = clock.move_to(clock.now().replace(hour=20))
    sara = await new_superuser(slack, SARA, "Sara Møller")
    await run(slack)
    await set_superuser(slack, sara, present=False)
    clock.move_to(monday_evening.replace(day=1, month=12, hour=8, minute=0))
    await run(slack)
    assert delivered(slack, SARA) == [] and notes_about(slack, METTE, SARA) == []
    counts = await reminders.counts(slack.bot.db)
    assert counts.get("cancelled") == 2 and "sending" not in counts
    await set_superuser(slack, sara, present=True)
    await run(slack)
    await run(slack)
    assert len(welcomes(slack, SARA)) == 1 and len(notes_about(slack, METTE, SARA)) == 1
    first = await welcomed_at(slack, sara)
    assert first is not None
    # Leaves the role and takes it again: welcomed again (with the ambassadors of then).
    await set_superuser(slack, sara, present=False)
    await set_superuser(slack, sara, present=True)
    clock.advance(timedelta(hours=1))
    await run(slack)
    await run(slack)
    assert len(welcomes(slack, SARA)) == 2 and len(notes_about(slack, METTE, SARA)) == 2
    again = await welcomed_at(slack, sara)
    assert again is not None and again > first
    await run(slack)
    assert len(welcomes(slack, SARA)) == 2


async def test_people_already_welcomed_are_not_welcomed_again(slack: LocalSlack) -> None:
    """The demo's superusers were recorded as welcomed before welcomes were reminders (no
    `welcome_key`): the job plans nothing for them."""
    rows = await slack.bot.db.fetchall(
        "SELECT welcomed_at, welcome_key FROM people p JOIN person_roles r"
        " ON r.person_id = p.id AND r.role = 'superuser'"
    )
    assert rows and all(r["welcomed_at"] and r["welcome_key"] is None for r in rows)
    assert await send_welcomes(slack.bot.app.services) == 0
    await run(slack)
    assert not [c for c in slack.standin.calls_to("chat.postMessage") if "superbruger" in texts(c)]
