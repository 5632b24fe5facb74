"""The run lock on real SQLite: one bot per database; a lock whose holder is evidently gone
is taken over — at once on this host when its process is dead, from anywhere when its
heartbeat (by the injected clock) is too old."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from datetime import timedelta

import pytest

from bot.clock import ManualClock, utc_iso
from bot.run_lock import STALE_AFTER, Identity, RunLock, RunLockHeld, pid_alive
from storage.db import Database
from storage.repositories import run_lock as repo
from storage.repositories.run_lock import Holder

OTHER_HOST = Identity("kl-srv-02", 4711, "boot-of-kl-srv-02")
THIRD_HOST = Identity("kl-srv-03", 4712, "boot-of-kl-srv-03")
SECOND = timedelta(seconds=1)
GUARD_SECONDS = 30


async def holder(db: Database) -> Holder | None:
    async with db.transaction() as conn:
        return await repo.holder(conn)


def dead_pid() -> int:
    """The id of a process of this host that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    assert not pid_alive(process.pid)
    return process.pid


async def test_a_second_bot_is_refused_and_told_who_holds_the_database(
    db: Database, clock: ManualClock
) -> None:
    first = await RunLock.acquire(db, clock)
    clock.advance(timedelta(minutes=1))  # within one heartbeat's reach
    with pytest.raises(RunLockHeld) as refused:
        await RunLock.acquire(db, clock)
    assert refused.value.holder == first.holder
    assert refused.value.describe(clock.tz) == (
        f"pid {os.getpid()} on host {socket.gethostname()}, since 2026-11-30 09:00"
    )
    assert await holder(db) == first.holder  # the refused one changed nothing
    await first.release()


async def test_a_clean_stop_releases_it_for_the_next_start(
    db: Database, clock: ManualClock
) -> None:
    first = await RunLock.acquire(db, clock)
    await first.release()
    assert await holder(db) is None
    second = await RunLock.acquire(db, clock)
    assert await holder(db) == second.holder
    await second.release()


async def test_another_hosts_lock_is_taken_over_only_when_its_heartbeat_is_old(
    db: Database, clock: ManualClock
) -> None:
    first = await RunLock.acquire(db, clock, me=OTHER_HOST)
    clock.advance(STALE_AFTER - SECOND)
    with pytest.raises(RunLockHeld):
        await RunLock.acquire(db, clock, me=THIRD_HOST)
    clock.advance(SECOND)
    second = await RunLock.acquire(db, clock, me=THIRD_HOST)
    assert (await holder(db)) == second.holder
    assert (second.holder.host, second.holder.pid) == ("kl-srv-03", 4712)
    # The first finds out at its next heartbeat, and gives nothing up that is not its own.
    assert await first.renew() is False
    assert first.lost.is_set()
    await first.release()
    assert await holder(db) == second.holder
    assert await second.renew() is True
    assert not second.lost.is_set()


async def test_heartbeats_keep_a_lock_held_past_the_stale_time(
    db: Database, clock: ManualClock
) -> None:
    first = await RunLock.acquire(db, clock, me=OTHER_HOST)
    for _ in range(4):
        clock.advance(STALE_AFTER / 2)
        assert await first.renew() is True
    with pytest.raises(RunLockHeld) as refused:
        await RunLock.acquire(db, clock, me=THIRD_HOST)
    assert refused.value.holder.heartbeat_at == utc_iso(clock.now())
    assert refused.value.holder.started_at == first.holder.started_at


async def test_a_dead_process_on_this_host_is_taken_over_at_once(
    db: Database, clock: ManualClock
) -> None:
    me = Identity.this_process()
    gone = Identity(me.host, dead_pid(), me.boot_id)
    await RunLock.acquire(db, clock, me=gone)  # what a bot killed with SIGKILL leaves
    taken = await RunLock.acquire(db, clock)  # no time has passed
    assert (taken.holder.pid, taken.holder.host) == (os.getpid(), me.host)
    await taken.release()


async def test_a_live_process_on_this_host_keeps_it(db: Database, clock: ManualClock) -> None:
    me = Identity.this_process()
    parent = Identity(me.host, os.getppid(), me.boot_id)  # alive: it started this test run
    await RunLock.acquire(db, clock, me=parent)
    with pytest.raises(RunLockHeld):
        await RunLock.acquire(db, clock)


async def test_a_lock_with_this_pid_left_by_an_earlier_process_is_taken_over(
    db: Database, clock: ManualClock
) -> None:
    """A restarted container runs as the same pid (1) again: that row is not ours."""
    me = Identity.this_process()
    now = utc_iso(clock.now())
    earlier = Holder("left-by-the-last-container", me.host, me.pid, me.boot_id, now, now)
    async with db.transaction() as conn:
        await repo.put(conn, earlier)
    taken = await RunLock.acquire(db, clock)
    assert taken.holder.token != earlier.token
    await taken.release()


async def test_a_lock_from_before_the_host_rebooted_is_taken_over(
    db: Database, clock: ManualClock
) -> None:
    me = Identity.this_process()
    before = Identity(me.host, os.getppid(), "boot-before-the-reboot")  # pid alive again
    await RunLock.acquire(db, clock, me=before)
    taken = await RunLock.acquire(db, clock, me=Identity(me.host, me.pid, "boot-after"))
    assert taken.holder.boot_id == "boot-after"
    await taken.release()


async def test_the_heartbeat_loop_ends_with_lost_set_once_another_bot_took_over(
    db: Database, clock: ManualClock
) -> None:
    first = await RunLock.acquire(db, clock, me=OTHER_HOST)
    clock.advance(STALE_AFTER)  # as if the first had stalled that long
    await RunLock.acquire(db, clock, me=THIRD_HOST)
    keeping = asyncio.create_task(first.keep(every=0))  # no pause between heartbeats
    await asyncio.wait_for(keeping, GUARD_SECONDS)  # only a safety net against a hang
    assert first.lost.is_set()
