"""Recurring jobs on APScheduler 3's AsyncIOScheduler, in the configured time zone.

Each job reads the time from the injected clock and keeps its truth in the database, so a
job that runs twice (or late, after a restart) does no harm. `run_all_now` runs every job at
once — what the console's `:clock` does after moving time forward.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.jobs.onboarding import send_welcomes
from bot.runtime import Services
from bot.services.housekeeping import prune_processed_events

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: int
    run: Callable[[Services], Awaitable[object]]


async def _prune(services: Services) -> object:
    return await prune_processed_events(services.db, services.clock)


JOBS: tuple[Job, ...] = (
    Job("send_welcomes", 60, send_welcomes),
    Job("prune_processed_events", 3600, _prune),
)


class Scheduler:
    def __init__(self, services: Services, jobs: tuple[Job, ...] = JOBS) -> None:
        self._services = services
        self._jobs = jobs
        self._scheduler = AsyncIOScheduler(timezone=services.settings.tz)

    def start(self) -> None:
        for job in self._jobs:
            self._scheduler.add_job(
                self._run,
                "interval",
                seconds=job.every_seconds,
                args=(job,),
                id=job.name,
                max_instances=1,
                coalesce=True,
            )
        self._scheduler.start()

    def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    async def run_all_now(self) -> None:
        for job in self._jobs:
            await self._run(job)

    async def _run(self, job: Job) -> None:
        """A failing job is logged and tried again at its next run; it never stops the bot."""
        try:
            await job.run(self._services)
        except Exception:
            logger.exception("job failed name=%s", job.name)
