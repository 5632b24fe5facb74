"""Reminder dispatch: N reminders due at once to N people, drained through the local Slack
stand-in with Slack's rate limits *enforced* (they are off by default in the stand-in).

Two runs on fresh databases:

- **steady**: one dispatcher drains everything. The headline is the achieved send rate
  over the allowed one (goal ≥ 0.9), with lost and duplicated messages (goal 0 / 0).
- **killed**: the dispatcher task is cancelled the moment Slack has accepted message N/2
  — before the bot could record it, the worst moment — and a new dispatcher (a new
  database connection, a new worker name and pacer: a restarted process) drains the
  same file. Goal: none lost, none repeated. The reminder in flight was marked
  unconfirmed before its post; once its lease runs out the new dispatcher looks for its
  tag in the person's DM (`conversations.open` + `conversations.history`), finds it and
  records it as sent ("found in Slack") instead of sending it again.

With different recipients, the per-channel limit (1/s) never binds: the allowed rate is
the stand-in's workspace cap for chat.postMessage (`RateLimitPolicy`, 300 per minute, our
reading of Slack's "several hundred"). The rate is measured on the stand-in's clock, from
the first to the last accepted message.

Time can run faster (`speed`): the dispatcher's clock (leases, backoff), its pacer and the
stand-in's rate limiter all read one scaled clock, and sleeps are divided by `speed`.
10,000 messages at 300/min are 33 minutes of Slack time — at `speed=20` under two minutes
per run. What a higher speed does *not* scale is the bot's own work per message (HTTP,
SQLite): at 20×, 5 ms of real work is 100 ms of Slack time, a tenth of each slot at 5/s.
Run with `--speed 1` for real time.

    python -m bench.reminders                     # 10,000 reminders, speed 20, both runs
    python -m bench.reminders --count 300 --speed 50   # a smoke run, a few seconds
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.results import report
from bench.search import machine
from bot.domain.reminders import Reminder
from bot.jobs.dispatcher import Kinds, Pacer, dispatch
from bot.reminders.kind import Built, Payload, ReminderKind
from bot.runtime import Services
from bot.services import identities, reminders
from bot.settings import parse_settings
from bot.standin import RecordedCall, SlackStandIn
from bot.views.model import Message
from handlers.slack.app import slack_services
from handlers.slack.client import web_client
from storage.db import Database
from storage.migrations import migrate

TZ = ZoneInfo("Europe/Copenhagen")
#: A Monday morning; the bench's calendar is open all the time anyway.
START = datetime(2027, 3, 1, 9, 0, tzinfo=TZ)
KIND = "bench_note"


class ScaledTime:
    """One clock for the dispatcher (as a `Clock`), its pacer and the stand-in, running
    `speed` times faster than real time from `START`."""

    def __init__(self, speed: float) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self.tz = TZ
        self._origin = time.monotonic()

    def elapsed(self) -> float:
        """Scaled seconds since the start."""
        return (time.monotonic() - self._origin) * self.speed

    def now(self) -> datetime:
        return START + timedelta(seconds=self.elapsed())

    def wall(self) -> float:
        """For the stand-in: seconds since the epoch, scaled."""
        return START.timestamp() + self.elapsed()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds / self.speed)


class OpenCalendar:
    """Working hours are not what is measured here."""

    def is_allowed(self, moment: datetime) -> bool:
        return True

    def next_allowed(self, moment: datetime) -> datetime:
        return moment


OPEN = OpenCalendar()


@dataclass(frozen=True)
class _Nothing(Payload):
    """The bench reads nothing from its reminders' payload."""


class _Note(ReminderKind[_Nothing, int]):
    """One short DM per reminder: the bench measures sending, not building."""

    payload = _Nothing

    async def still_due(self, services: Services, reminder: Reminder, payload: _Nothing) -> int:
        return reminder.id

    async def message(
        self, services: Services, reminder: Reminder, payload: _Nothing, found: int
    ) -> Built:
        return Message(f"Påmindelse {found}: husk evalueringen.")


SENDERS: Kinds = {KIND: _Note(KIND)}


@dataclass(frozen=True)
class RunResult:
    variant: str
    reminders: int
    delivered: int
    #: Recipients who got nothing / messages beyond the first per recipient.
    lost: int
    duplicated: int
    #: 429 answers from the stand-in (the pacer should make these rare).
    rate_limited: int
    #: Accepted chat.postMessage per minute, first to last, on the stand-in's clock.
    achieved_per_minute: float
    allowed_per_minute: int
    ratio: float
    slack_minutes: float
    real_seconds: float
    #: Reminders the database ends with in each state.
    states: dict[str, int]
    #: Unconfirmed reminders found in Slack by their tag (recorded as sent, not re-sent),
    #: and the history look-ups made for them.
    found_in_slack: int = 0
    lookups: int = 0

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class ReminderBenchResult:
    count: int
    speed: float
    planning_s: float
    runs: list[RunResult]
    machine: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class _Bench:
    """One run: a stand-in with rate limits on, a database with `count` due reminders."""

    def __init__(self, folder: Path, count: int, speed: float) -> None:
        self.count = count
        self.time = ScaledTime(speed)
        self.path = folder / "bench.db"
        self.standin = SlackStandIn(enforce_rate_limits=True, clock=self.time.wall)
        self.recipients = [f"U{n:07d}" for n in range(count)]

    async def start(self) -> None:
        await self.standin.start()
        for user in self.recipients:
            self.standin.add_user(user, user.lower())

    async def services(self) -> Services:
        """A fresh process's services on the shared database file."""
        settings = parse_settings({"TOVHOLDER_DB": str(self.path)}, "console").with_changes(
            bot_token=self.standin.bot_token, api_url=self.standin.api_url
        )
        db = await Database.open(self.path)
        await migrate(db, self.time)
        return slack_services(settings, db, self.time, web_client(settings))

    async def plan(self, db: Database) -> float:
        """Plan one reminder per recipient; returns the seconds planning took (making the
        recipients' people, before it, is not timed)."""
        people = [
            await identities.person_for(db, self.time, "slack", user) for user in self.recipients
        ]
        started = time.perf_counter()
        due = self.time.now()
        for n, person in enumerate(people):
            await reminders.schedule(
                db,
                self.time,
                kind=KIND,
                recipient=person,
                due=due,
                payload={"n": n},
                dedupe_key=f"{KIND}:{n}",
                calendar=OPEN,
            )
        return time.perf_counter() - started

    def pacer(self) -> Pacer:
        return Pacer(
            per_minute=self.standin.rate_policy.post_message_per_workspace_per_minute,
            channel_seconds=1.0 / self.standin.rate_policy.post_message_per_channel_per_second,
            monotonic=self.time.elapsed,
            sleep=self.time.sleep,
        )

    async def drain(self, services: Services, worker: str) -> int:
        """Dispatch until nothing is pending or being sent; idle a (scaled) second between
        empty runs, as the scheduler would, while retries and leases wait. Returns how many
        reminders were found already in Slack."""
        pacer = self.pacer()
        found = 0
        while True:
            report = await dispatch(services, SENDERS, worker=worker, pacer=pacer, calendar=OPEN)
            found += report.confirmed
            if report.claimed:
                continue
            left = await reminders.counts(services.db)
            if not left.get("pending") and not left.get("sending"):
                return found
            await self.time.sleep(1.0)

    def result(
        self, variant: str, states: dict[str, int], real_seconds: float, found: int = 0
    ) -> RunResult:
        calls = self.standin.calls_to("chat.postMessage")
        accepted = [c for c in calls if c.ok]
        per_recipient = Counter(str(c.args["channel"]) for c in accepted)
        lost = sum(1 for user in self.recipients if per_recipient[user] == 0)
        duplicated = sum(n - 1 for n in per_recipient.values() if n > 1)
        span = accepted[-1].at - accepted[0].at if len(accepted) > 1 else 0.0
        achieved = (len(accepted) - 1) / span * 60 if span > 0 else 0.0
        allowed = self.standin.rate_policy.post_message_per_workspace_per_minute
        return RunResult(
            variant=variant,
            reminders=self.count,
            delivered=len(accepted),
            lost=lost,
            duplicated=duplicated,
            rate_limited=sum(1 for c in calls if c.status == 429),
            achieved_per_minute=round(achieved, 1),
            allowed_per_minute=allowed,
            ratio=round(achieved / allowed, 3),
            slack_minutes=round(span / 60, 2),
            real_seconds=round(real_seconds, 1),
            states=states,
            found_in_slack=found,
            lookups=len(self.standin.calls_to("conversations.history")),
        )


async def _steady(folder: Path, count: int, speed: float) -> tuple[RunResult, float]:
    bench = _Bench(folder, count, speed)
    await bench.start()
    services = await bench.services()
    try:
        planning = await bench.plan(services.db)
        started = time.perf_counter()
        await bench.drain(services, "steady")
        states = await reminders.counts(services.db)
        return bench.result("steady", states, time.perf_counter() - started), planning
    finally:
        await services.db.close()
        await bench.standin.stop()


async def _killed(folder: Path, count: int, speed: float) -> RunResult:
    bench = _Bench(folder, count, speed)
    await bench.start()
    first = await bench.services()
    await bench.plan(first.db)
    started = time.perf_counter()
    half = max(1, count // 2)
    accepted = 0
    task = asyncio.create_task(bench.drain(first, "first"))

    def kill_at_half(call: RecordedCall) -> None:
        # Runs inside the stand-in as it accepts the message: the dispatcher is still
        # awaiting the answer, so the send is in Slack but not yet in the database.
        nonlocal accepted
        if call.method == "chat.postMessage" and call.ok:
            accepted += 1
            if accepted == half:
                task.cancel()

    unsubscribe = bench.standin.subscribe(kill_at_half)
    try:
        await task
    except asyncio.CancelledError:
        pass
    finally:
        unsubscribe()
        await first.db.close()
    second = await bench.services()
    try:
        found = await bench.drain(second, "restarted")
        states = await reminders.counts(second.db)
        return bench.result("killed halfway", states, time.perf_counter() - started, found)
    finally:
        await second.db.close()
        await bench.standin.stop()


async def run_reminders_bench(
    *, count: int = 10_000, speed: float = 20.0, kill: bool = True
) -> ReminderBenchResult:
    with tempfile.TemporaryDirectory(prefix="tovholder-bench-") as folder:
        steady, planning = await _steady(Path(folder) / "steady", count, speed)
        runs = [steady]
        if kill:
            runs.append(await _killed(Path(folder) / "killed", count, speed))
    return ReminderBenchResult(
        count=count, speed=speed, planning_s=round(planning, 2), runs=runs, machine=machine()
    )


def markdown(result: ReminderBenchResult) -> str:
    rows = [
        f"Reminder dispatch: {result.count} reminders due at once to {result.count} people,"
        f" stand-in rate limits on, time ×{result.speed:g} ({result.machine});"
        f" planned in {result.planning_s} s",
        "",
        "| run | delivered | lost | duplicated | found in Slack | look-ups | 429s"
        " | achieved/min | allowed/min | ratio | Slack min | real s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in result.runs:
        rows.append(
            f"| {run.variant} | {run.delivered} | {run.lost} | {run.duplicated}"
            f" | {run.found_in_slack} | {run.lookups} | {run.rate_limited}"
            f" | {run.achieved_per_minute} | {run.allowed_per_minute}"
            f" | **{run.ratio}** | {run.slack_minutes} | {run.real_seconds} |"
        )
    rows += [
        "",
        "Goals: ratio ≥ 0.9; steady and killed: 0 lost / 0 duplicated (the message in flight"
        " when the process died is found in Slack by its tag, not sent again).",
    ]
    return "\n".join(rows)


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.reminders")
    parser.add_argument("--count", type=int, default=10_000, help="reminders (default 10000)")
    parser.add_argument(
        "--speed", type=float, default=20.0, help="time runs this many times faster (default 20)"
    )
    parser.add_argument("--no-kill", action="store_true", help="skip the killed-halfway run")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    result = asyncio.run(
        run_reminders_bench(count=args.count, speed=args.speed, kill=not args.no_kill)
    )
    report("reminders", markdown(result), result.as_dict())


if __name__ == "__main__":
    main()
