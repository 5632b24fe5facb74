"""The scheduler runs every job once at start, in order, on real APScheduler — so a restart
at Monday 08:29 plans and posts without waiting an interval."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.domain.tool_tests import TestPlan
from bot.lifecycle import RunningBot
from bot.local import LocalSlack
from bot.runtime import Services
from bot.scheduler import Job, Scheduler
from bot.services.demo import seed_demo
from bot.services.guides import find_tool
from bot.services.tool_tests import start_test
from bot.settings import parse_settings
from storage.db import Database
from storage.migrations import migrate
from storage.repositories import org
from tests.people import person_id

METTE = "U0DEMO003"  # an ambassador of the demo municipality

#: Only a safety net against a hang: each wait ends as soon as the job has run.
GUARD_SECONDS = 30
#: Far longer than any test: a run seen here can only be the run at start.
HOUR = 3600


@pytest.fixture
async def services(tmp_path: Path, clock: ManualClock) -> AsyncIterator[Services]:
    settings = parse_settings(
        {
            "TOVHOLDER_DB": str(tmp_path / "tovholder.db"),
            "SLACK_BOT_TOKEN": "xoxb-never-used",
            "SLACK_SIGNING_SECRET": "never-used",
        },
        "http",
    )
    bot = await RunningBot.start(settings, clock, schedule=False)
    yield bot.app.services
    await bot.stop()


class Recorder:
    """Jobs that say when they start and finish, each with an event set when it is done."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.log: list[str] = []
        self.done = {name: asyncio.Event() for name in names}
        self.jobs = tuple(Job(name, HOUR, self._job(name)) for name in names)

    def _job(self, name: str) -> Callable[[Services], Awaitable[object]]:
        async def run(services: Services) -> object:
            self.log.append(f"start {name}")
            await services.db.fetchone("SELECT 1")  # real I/O: a job beside it would show
            self.log.append(f"end {name}")
            self.done[name].set()
            return None

        return run

    async def all_done(self) -> None:
        await asyncio.wait_for(
            asyncio.gather(*(event.wait() for event in self.done.values())), GUARD_SECONDS
        )


async def test_every_job_runs_once_at_start_in_order(services: Services) -> None:
    recorder = Recorder(("plan_nudges", "dispatch_reminders", "weekly_digest"))
    scheduler = Scheduler(services, recorder.jobs)
    scheduler.start()
    try:
        await recorder.all_done()
        await asyncio.wait_for(scheduler.first_pass_done(), GUARD_SECONDS)
    finally:
        await scheduler.stop()
    assert recorder.log == [
        "start plan_nudges",
        "end plan_nudges",
        "start dispatch_reminders",
        "end dispatch_reminders",
        "start weekly_digest",
        "end weekly_digest",
    ]


async def test_a_failing_job_at_start_does_not_keep_the_others_from_running(
    services: Services,
) -> None:
    recorder = Recorder(("dispatch_reminders",))

    async def broken(services: Services) -> object:
        raise RuntimeError("planning failed")

    scheduler = Scheduler(services, (Job("plan_nudges", HOUR, broken), *recorder.jobs))
    scheduler.start()
    try:
        await recorder.all_done()
    finally:
        await scheduler.stop()
    assert recorder.log == ["start dispatch_reminders", "end dispatch_reminders"]


async def test_stopping_during_the_first_pass_cancels_it(services: Services) -> None:
    started = asyncio.Event()
    never = asyncio.Event()

    async def slow(services: Services) -> object:
        started.set()
        await never.wait()
        return None

    recorder = Recorder(("after",))
    scheduler = Scheduler(services, (Job("slow", HOUR, slow), *recorder.jobs))
    scheduler.start()
    await asyncio.wait_for(started.wait(), GUARD_SECONDS)
    await scheduler.stop()
    assert recorder.log == []  # the pass ended with the scheduler; nothing ran after it
    with pytest.raises(asyncio.CancelledError):
        await scheduler.first_pass_done()


async def test_after_a_restart_a_due_checkpoint_is_planned_and_sent_at_once(
    tmp_path: Path, clock: ManualClock
) -> None:
    """A test started before the restart without its reminders (as before this fix, or a
    crash between the two): the bot's own first pass plans them and then sends the one due
    now — without waiting five minutes for the planning job."""
    settings = parse_settings({"TOVHOLDER_DB": str(tmp_path / "tovholder.db")}, "console")
    db = await Database.open(settings.db_path)
    await migrate(db, clock)
    await seed_demo(db, clock)
    ozobot = await find_tool(db, "Ozobot")
    assert ozobot is not None
    plan = TestPlan(
        ozobot.id,
        "Kan 4-årige følge en streg?",
        area_id=(await org.all_areas(db))[0].id,
        starts_on=clock.now().date() - timedelta(weeks=2),  # checkpoint: this morning
        checkpoint_weeks=(2,),
    )
    mette = await person_id(db, METTE)
    test = await start_test(db, clock, mette, plan, request_key="before-the-restart")
    await db.close()
    clock.advance(timedelta(minutes=30))  # 09:30: the day's nudge time
    local = await LocalSlack.start(settings, clock, schedule=True)
    try:
        await asyncio.wait_for(local.bot.scheduler.first_pass_done(), GUARD_SECONDS)
        await local.settle()
        sent = [
            call
            for call in local.standin.calls
            if call.method == "chat.postMessage"
            and call.args.get("channel") == METTE
            and "Ozobot" in str(call.args.get("text"))
        ]
    finally:
        await local.stop()
    assert [call.ok for call in sent] == [True]  # planned, then sent, once
    assert test.checkpoints == (clock.now().date().isoformat(),)
