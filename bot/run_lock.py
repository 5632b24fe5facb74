"""One running bot per database: the lease `tovholder run` takes at start.

Two bots on one SQLite file (a common operator mistake: the service plus a `tovholder run`
in a shell, or two containers on one volume) would both plan and both send. So a starting
bot takes the run lock — one row in the database (`run_lock`, migration 0018) naming its
host, process id and start — and renews it every `HEARTBEAT_SECONDS` while it runs. A second
bot finds it held and stops at start with one line naming the holder. The admin commands
never take it: they are short, and what they write is safe beside the bot.

**Why a row in the database, not an OS file lock** (`fcntl.flock` on `<db>.lock`):

- It guards what needs guarding — the database — wherever the database can be opened.
  Who gets the row is decided by SQLite's own locking (`BEGIN IMMEDIATE`), so the lease
  holds on Windows (no `fcntl`; `msvcrt` locks are another code path to keep right) and
  on a network file system shared by two hosts, where `flock` may lock nothing at all
  (NFS without lock service, some SMB and FUSE mounts) while SQLite's locks are the very
  thing the database already depends on. No second file has to live, with the right
  permissions, beside the database, nor be left behind.
- The price is that the kernel does not release a row when the process dies (`kill -9`,
  a crash, a power cut). So a row is taken over when its holder is evidently gone: at once
  when it is on this host and its process id is no longer alive (the usual restart after a
  kill, by hand or by systemd), or when the host has rebooted since (Linux boot id); from
  any host once its heartbeat is older than `STALE_AFTER` (three missed heartbeats).
- A process id can come back: a restarted container runs as pid 1 again. A row naming
  this very pid is ours only if this process holds its token (`_HELD`); otherwise it was
  left by an earlier process that had our pid, and is taken over.
- On Windows `os.kill(pid, 0)` would *end* that process, so process ids are not checked
  there: only the heartbeat decides.
- A bot stalled for longer than `STALE_AFTER` may be taken over. Its next heartbeat finds
  the row gone, and it stops (`lost` is set) rather than run beside the new one.

Time comes from an injected clock, as everywhere; but the bot gives the lease the host's
real clock (`bot.lifecycle`), not its own: heartbeats are compared between processes,
and the bot's clock may be moved (the console's `:clock +3d`) or set elsewhere
(`TOVHOLDER_FAKE_NOW`). Between hosts, `STALE_AFTER` leaves room for clocks that differ by
far more than NTP allows.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.clock import Clock, utc_iso
from storage.db import Database
from storage.repositories import run_lock as repo
from storage.repositories.run_lock import Holder

logger = logging.getLogger(__name__)

#: How often the running bot renews its lease.
HEARTBEAT_SECONDS = 30
#: A lease whose heartbeat is this old is taken over from any host.
STALE_AFTER = timedelta(seconds=3 * HEARTBEAT_SECONDS)
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")

#: Tokens of the leases this process holds now: tells our own row (another bot started in
#: this process — tests do that) from one left by an earlier process with the same pid.
_HELD: set[str] = set()


@dataclass(frozen=True)
class Identity:
    """Who is asking: the host, the process, and this boot of the host."""

    host: str
    pid: int
    boot_id: str = ""

    @classmethod
    def this_process(cls) -> Identity:
        try:
            boot_id = BOOT_ID.read_text(encoding="ascii").strip()
        except OSError:
            boot_id = ""  # not Linux: the pid and the heartbeat still decide
        return cls(socket.gethostname(), os.getpid(), boot_id)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this host (a zombie counts as alive).

    On Windows it cannot be asked without risk (`os.kill` ends the process), so the answer
    there is "alive" and the heartbeat decides."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


class RunLockHeld(Exception):
    """Another bot holds the database; `holder` says who, since when."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(f"pid {holder.pid} on host {holder.host}")
        self.holder = holder

    def describe(self, tz: ZoneInfo) -> str:
        """`pid 4711 on host kl-srv-02, since 2026-12-02 08:29` — local time in `tz`."""
        since = datetime.fromisoformat(self.holder.started_at).astimezone(tz)
        return (
            f"pid {self.holder.pid} on host {self.holder.host},"
            f" since {since.strftime('%Y-%m-%d %H:%M')}"
        )


def why_free(held: Holder, me: Identity, now: datetime, alive: Callable[[int], bool]) -> str | None:
    """Why `held` may be taken over by `me` now (for the log); None while it holds."""
    same_host = held.host == me.host
    if same_host and held.boot_id and me.boot_id and held.boot_id != me.boot_id:
        return "the host has restarted since"
    if same_host and held.pid == me.pid and held.token not in _HELD:
        return "left by an earlier process with this pid"
    if same_host and held.pid != me.pid and not alive(held.pid):
        return "its process is gone"
    last = datetime.fromisoformat(held.heartbeat_at)
    if now - last >= STALE_AFTER:
        return f"no heartbeat since {held.heartbeat_at}"
    return None


class RunLock:
    """The lease this process holds; `release` it on a clean stop."""

    def __init__(self, db: Database, clock: Clock, holder: Holder) -> None:
        self._db = db
        self._clock = clock
        self.holder = holder
        #: Set when another bot has taken the lease over: this one should stop.
        self.lost = asyncio.Event()

    @classmethod
    async def acquire(
        cls,
        db: Database,
        clock: Clock,
        *,
        me: Identity | None = None,
        alive: Callable[[int], bool] = pid_alive,
    ) -> RunLock:
        """Take the lease, or raise RunLockHeld naming the bot that has it.

        `me` and `alive` are this process and the host's process table unless a test
        stands in another host."""
        me = me or Identity.this_process()
        moment = clock.now()
        now = utc_iso(moment)
        mine = Holder(secrets.token_hex(16), me.host, me.pid, me.boot_id, now, now)
        async with db.transaction() as conn:
            held = await repo.holder(conn)
            if held is not None:
                reason = why_free(held, me, moment, alive)
                if reason is None:
                    raise RunLockHeld(held)
                logger.warning(
                    "run lock taken over from pid %d on host %s: %s",
                    held.pid,
                    held.host,
                    reason,
                )
            await repo.put(conn, mine)
        _HELD.add(mine.token)
        return cls(db, clock, mine)

    async def renew(self) -> bool:
        """One heartbeat; False (and `lost` set) when another bot has taken the lease."""
        if await repo.renew(self._db, self.holder.token, utc_iso(self._clock.now())):
            return True
        if not self.lost.is_set():
            logger.error(
                "run lock lost: another Tovholder took over the database; stopping this one"
            )
            self.lost.set()
        _HELD.discard(self.holder.token)
        return False

    async def keep(self, every: float = HEARTBEAT_SECONDS) -> None:
        """Renew every `every` seconds until cancelled or lost. A heartbeat the database
        refuses (busy, unwritable) is tried again next time: only a row that is gone means
        the lease is lost."""
        while True:
            await asyncio.sleep(every)
            try:
                if not await self.renew():
                    return
            except sqlite3.Error as error:
                logger.warning("run lock heartbeat failed, trying again error=%s", error)

    async def release(self) -> None:
        """Give the lease up (a clean stop), unless another bot has it by now."""
        _HELD.discard(self.holder.token)
        try:
            await repo.release(self._db, self.holder.token)
        except sqlite3.Error as error:
            # The row stays; the next start on this host takes it over (this pid is gone).
            logger.warning("run lock not released error=%s", error)
