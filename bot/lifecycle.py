"""Start and stop the bot's parts in order: database (migrated), app, scheduler — and back."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.app import TovholderApp, build_app
from bot.clock import Clock
from bot.jobs.dispatcher import Pacer
from bot.scheduler import Scheduler
from bot.settings import Settings
from storage.db import Database
from storage.migrations import migrate

logger = logging.getLogger(__name__)
SHUTDOWN_GRACE_SECONDS = 10.0


@dataclass
class RunningBot:
    app: TovholderApp
    scheduler: Scheduler

    @property
    def db(self) -> Database:
        return self.app.services.db

    @classmethod
    async def start(
        cls,
        settings: Settings,
        clock: Clock,
        *,
        schedule: bool = True,
        pacer: Pacer | None = None,
    ) -> RunningBot:
        """`schedule=False` keeps the jobs off the timer (tests run them by hand); `pacer`
        replaces real-time pacing of reminders (the local stand-in has no need to wait)."""
        db = await Database.open(settings.db_path)
        try:
            applied = await migrate(db, clock)
        except BaseException:
            await db.close()
            raise
        if applied:
            logger.info("migrations applied: %s", ", ".join(applied))
        app = build_app(settings, db, clock)
        scheduler = Scheduler(app.services, pacer=pacer)
        if schedule:
            scheduler.start()
        return cls(app, scheduler)

    async def stop(self) -> None:
        """In-flight work finishes first, then the scheduler stops, then the database closes."""
        try:
            async with asyncio.timeout(SHUTDOWN_GRACE_SECONDS):
                await self.app.services.inflight.wait_idle()
        except TimeoutError:
            logger.warning("stopped with work still in flight after %.0fs", SHUTDOWN_GRACE_SECONDS)
        self.scheduler.stop()
        await self.db.close()
