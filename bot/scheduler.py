"""Recurring jobs on APScheduler 3's AsyncIOScheduler, in the configured time zone.

Each job reads the time from the injected clock and keeps its truth in the database, so a
job that runs twice (or late, after a restart) does no harm. `run_all_now` runs every job at
once — what the console's `:clock` does after moving time forward.

Every job also runs once at start, in the list's order (planning before dispatching), and
then every interval from there. Otherwise a restart or a deploy at Monday 08:29 would plan
and post nothing for up to five minutes. That first pass runs beside APScheduler, not in
it: APScheduler starts jobs due at the same moment as concurrent tasks, in no order we
choose. A job still running (from the first pass, or a slow run) is not started a second
time beside itself; its next run comes at its next interval.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.jobs.digest import send_digest
from bot.jobs.dispatcher import Pacer, default_worker, dispatch
from bot.jobs.nudges import MORNING
from bot.jobs.onboarding import send_welcomes
from bot.jobs.retention import RETENTION_SECONDS, run_retention
from bot.reminders.registry import KINDS
from bot.runtime import Services
from bot.services.housekeeping import prune_processed_events
from bot.services.nudges import plan_all

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: int
    run: Callable[[Services], Awaitable[object]]


async def _prune(services: Services) -> object:
    return await prune_processed_events(services.db, services.clock)


async def _plan_nudges(services: Services) -> object:
    settings = services.settings
    return await plan_all(
        services.db, services.clock, settings.calendar, settings.evaluation_months
    )


#: Who claims reminders in this process (two bot processes on one database never both send).
WORKER = default_worker()
#: How often nudges are planned from tests, guides, new superusers and evaluation cycles.
PLAN_SECONDS = 300


def jobs_for(services: Services, pacer: Pacer | None = None) -> tuple[Job, ...]:
    """Planning runs before dispatching, so `run_all_now` (the console's `:clock`) plans and
    sends what became due in one go. `pacer`: the process's shared one unless given."""

    async def _dispatch(services: Services) -> object:
        return await dispatch(
            services,
            KINDS,
            worker=WORKER,
            pacer=pacer,
            morning=MORNING,
        )

    return (
        Job("send_welcomes", 60, send_welcomes),
        Job("plan_nudges", PLAN_SECONDS, _plan_nudges),
        Job("dispatch_reminders", services.settings.dispatch_seconds, _dispatch),
        Job("weekly_digest", PLAN_SECONDS, send_digest),
        Job("prune_processed_events", 3600, _prune),
        Job("gdpr_retention", RETENTION_SECONDS, run_retention),
    )


class Scheduler:
    def __init__(
        self,
        services: Services,
        jobs: tuple[Job, ...] | None = None,
        *,
        pacer: Pacer | None = None,
    ) -> None:
        self._services = services
        self._jobs = jobs if jobs is not None else jobs_for(services, pacer)
        self._scheduler = AsyncIOScheduler(timezone=services.settings.tz)
        self._running: set[str] = set()
        self._first_pass: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Schedule every job at its interval and run each once now, in order (needs a
        running event loop, like APScheduler's asyncio scheduler)."""
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
        self._first_pass = asyncio.get_running_loop().create_task(
            self.run_all_now(), name="scheduler-first-pass"
        )

    async def first_pass_done(self) -> None:
        """Until the run at start has finished (at once when there was none)."""
        if self._first_pass is not None:
            await asyncio.shield(self._first_pass)

    async def stop(self) -> None:
        """Stop the timer and cancel the first pass if it is still going (as APScheduler
        cancels the runs in hand), so nothing touches the database after it closes."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        if self._first_pass is not None and not self._first_pass.done():
            self._first_pass.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._first_pass

    async def run_all_now(self) -> None:
        for job in self._jobs:
            await self._run(job)

    async def _run(self, job: Job) -> None:
        """A failing job is logged and tried again at its next run; it never stops the bot."""
        if job.name in self._running:
            logger.info("job still running, not started again name=%s", job.name)
            return
        self._running.add(job.name)
        try:
            await job.run(self._services)
        except Exception:
            logger.exception("job failed name=%s", job.name)
        finally:
            self._running.discard(job.name)
