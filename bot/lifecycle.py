"""Start and stop the bot's parts in order: database (migrated), run lock, app, scheduler —
and back."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from bot.clock import Clock, SystemClock
from bot.jobs.dispatcher import Pacer
from bot.run_lock import RunLock
from bot.scheduler import Scheduler
from bot.services.gdpr import after_migrate
from bot.settings import Settings
from handlers.slack.app import TovholderApp, build_app
from storage.db import Database
from storage.migrations import migrate

logger = logging.getLogger(__name__)
SHUTDOWN_GRACE_SECONDS = 10.0


@dataclass
class RunningBot:
    app: TovholderApp
    scheduler: Scheduler
    #: The database's run lock (see `bot.run_lock`); None when started without one.
    lock: RunLock | None = None
    _heartbeat: asyncio.Task[None] | None = None

    @property
    def db(self) -> Database:
        return self.app.services.db

    @property
    def lock_lost(self) -> asyncio.Event:
        """Set when another bot has taken the database over: the caller should stop."""
        return self.lock.lost if self.lock is not None else asyncio.Event()

    @classmethod
    async def start(
        cls,
        settings: Settings,
        clock: Clock,
        *,
        schedule: bool = True,
        pacer: Pacer | None = None,
        lock: bool = True,
        lock_clock: Clock | None = None,
    ) -> RunningBot:
        """`schedule=False` keeps the jobs off the timer (tests run them by hand); `pacer`
        replaces real-time pacing of reminders (the local stand-in has no need to wait).

        The run lock is taken right after migrating and before anything is scheduled or
        served, so a second bot on the same database raises `RunLockHeld` having sent
        nothing. `lock=False` is for a caller that knows it is alone (none in the bot).
        The lock's heartbeat is compared across processes, so it runs on the host's real
        time (`lock_clock`, the system clock unless given), not on `clock`, which the
        console moves forward and `TOVHOLDER_FAKE_NOW` sets elsewhere."""
        db = await Database.open(settings.db_path)
        run_lock: RunLock | None = None
        try:
            applied = await migrate(db, clock)
            if lock:
                run_lock = await RunLock.acquire(db, lock_clock or SystemClock(settings.tz))
            if applied:
                logger.info("migrations applied: %s", ", ".join(applied))
            # A restored backup may hold people erased since: erase them again first.
            await after_migrate(db, clock, applied)
            app = build_app(settings, db, clock)
            scheduler = Scheduler(app.services, pacer=pacer)
            if schedule:
                scheduler.start()
        except BaseException:
            if run_lock is not None:
                await run_lock.release()
            await db.close()
            raise
        heartbeat = (
            asyncio.create_task(run_lock.keep(), name="run-lock-heartbeat") if run_lock else None
        )
        return cls(app, scheduler, run_lock, heartbeat)

    async def stop(self) -> None:
        """In-flight work finishes first, then the scheduler stops, the run lock is given
        up, and the database closes."""
        try:
            async with asyncio.timeout(SHUTDOWN_GRACE_SECONDS):
                await self.app.services.inflight.wait_idle()
        except TimeoutError:
            logger.warning("stopped with work still in flight after %.0fs", SHUTDOWN_GRACE_SECONDS)
        await self.scheduler.stop()
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
        if self.lock is not None:
            await self.lock.release()
        await self.db.close()
