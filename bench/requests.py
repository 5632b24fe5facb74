"""Request overhead: signed HTTP `/tool-guide <query>` against Tovholder holding a large
network, next to a bare Bolt app (`bench.bare_bolt`) that acks with a fixed text.

Both run as their own processes (`tovholder run --mode http` and `python -m bench.bare_bolt`),
talk to the same local Slack stand-in, and are driven by the same signed requests from this
process, interleaved block by block (bare, ours, ours, bare…) so a noisy machine affects
both alike. Measured:

- **ack latency** — what Slack's 3-second limit is about: from sending the signed request
  to its HTTP answer. Median and p99 at concurrency 1 and 32, requests per second; the
  ratio Tovholder / bare. "Concurrency N" is N people each typing a command and waiting
  for its answer before the next: for Tovholder the answer is the search result it posts
  to the request's response_url (one per request, served by this process), for the bare
  app its ack. So requests per second are answers per second.
- **answer latency** (Tovholder only, concurrency 1) — until the search answer reaches the
  response_url: what the superuser waits for.
- **peak RSS** of each process (`VmHWM`) after the run, and **start time**: from starting
  the process to its first answered request.

    python -m bench.requests                    # the full size, ~3 minutes
    python -m bench.requests --small            # a smoke run, seconds
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
from aiohttp import web

from bench.network import ASKER, Size, build
from bench.results import report
from bench.search import machine
from bot.clock import SystemClock
from bot.standin import SlackStandIn
from bot.standin.driver import SlackDriver
from bot.standin.transport import Signing
from bot.standin.viewstate import DriverError
from storage.db import Database
from storage.migrations import migrate

CHANNEL = ("C0BENCH", "bench")
SECRET = "bench-signing-secret"  # noqa: S105 - a local benchmark, not a credential
START_TIMEOUT = 60.0
ANSWER_TIMEOUT = 10.0
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Latency:
    concurrency: int
    requests: int
    median_ms: float
    p99_ms: float
    max_ms: float
    per_second: float


@dataclass(frozen=True)
class Side:
    name: str
    levels: tuple[Latency, ...]
    peak_rss_mb: float
    start_s: float


@dataclass(frozen=True)
class RequestResult:
    size: Size
    ours: Side
    bare: Side
    #: Tovholder's median and p99 time to the search answer at concurrency 1.
    answer_median_ms: float
    answer_p99_ms: float
    failed: int
    machine: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def rss_ratio(self) -> float:
        return round(self.ours.peak_rss_mb / max(self.bare.peak_rss_mb, 1e-9), 2)

    def ratio(self, concurrency: int, field: str) -> float:
        ours = next(level for level in self.ours.levels if level.concurrency == concurrency)
        bare = next(level for level in self.bare.levels if level.concurrency == concurrency)
        return round(float(getattr(ours, field)) / max(float(getattr(bare, field)), 1e-9), 2)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


@dataclass
class Served:
    name: str
    process: asyncio.subprocess.Process
    driver: SlackDriver
    start_s: float


async def _serve(
    name: str, argv: list[str], env: dict[str, str], standin: SlackStandIn, cwd: Path
) -> Served:
    port = _free_port()
    driver = SlackDriver(
        standin, app_url=f"http://127.0.0.1:{port}/slack/events", signing_secret=SECRET
    )
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *argv,
        env={**os.environ, **env, "PORT": str(port)},
        cwd=cwd,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    while True:
        with suppress(aiohttp.ClientError, OSError, asyncio.TimeoutError):
            answer = await driver.slash_command(
                ASKER, "/tool-guide", "bee-bot", channel_id=CHANNEL[0]
            )
            if answer.status == 200:
                break
        if process.returncode is not None or time.perf_counter() - started > START_TIMEOUT:
            raise RuntimeError(f"{name} did not start")
        await asyncio.sleep(0.02)
    return Served(name, process, driver, round(time.perf_counter() - started, 2))


class Answers:
    """Where Tovholder's answers land: a response_url per request in this process, so each
    request's answer is known by itself (and a concurrency slot is free only once it came)."""

    def __init__(self) -> None:
        self._waiting: dict[str, asyncio.Event] = {}
        app = web.Application()
        app.router.add_post("/answer/{key}", self._arrived)
        self._runner = web.AppRunner(app, access_log=None)
        self.base = ""

    async def start(self) -> None:
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.base = f"http://127.0.0.1:{self._runner.addresses[0][1]}/answer"

    async def stop(self) -> None:
        await self._runner.cleanup()

    def expect(self, key: str) -> asyncio.Event:
        self._waiting[key] = asyncio.Event()
        return self._waiting[key]

    async def _arrived(self, request: web.Request) -> web.Response:
        await request.read()
        waiting = self._waiting.pop(request.match_info["key"], None)
        if waiting is not None:
            waiting.set()
        return web.json_response({"ok": True})


@dataclass
class Sample:
    ack_ms: float
    answer_ms: float
    ok: bool


async def _one(
    served: Served,
    answers: Answers,
    query: str,
    *,
    waits_for_answer: bool,
    user_id: str = ASKER,
) -> Sample:
    """One signed `/tool-guide`: the ack's time, and — for Tovholder — the answer's."""
    key = uuid.uuid4().hex
    arrived = answers.expect(key)
    user = served.driver.standin.workspace.users[user_id]
    channel = served.driver.standin.workspace.channels[CHANNEL[0]]
    fields = served.driver.payloads.slash_command(
        user=user,
        channel=channel,
        command="/tool-guide",
        text=query,
        response_url=f"{answers.base}/{key}",
        trigger_id=served.driver.standin.issue_trigger_id(ASKER),
    )
    started = time.perf_counter()
    try:
        answer = await served.driver.transport.send(
            "slash_commands", fields, signing=Signing(True, None, None)
        )
        ok = answer.status == 200
    except (TimeoutError, aiohttp.ClientError, OSError, DriverError):
        ok = False  # no answer within Slack's 3 s counts as failed, at its full wait
    ack_ms = (time.perf_counter() - started) * 1000
    if not (ok and waits_for_answer):
        return Sample(ack_ms, ack_ms, ok)
    try:
        await asyncio.wait_for(arrived.wait(), ANSWER_TIMEOUT)
    except TimeoutError:
        return Sample(ack_ms, ANSWER_TIMEOUT * 1000, False)
    return Sample(ack_ms, (time.perf_counter() - started) * 1000, True)


async def _block(
    served: Served, answers: Answers, queries: list[str], concurrency: int
) -> tuple[list[Sample], float]:
    """`concurrency` people typing at once; each waits for their answer before the next."""
    samples: list[Sample] = []
    gate = asyncio.Semaphore(concurrency)
    waits = served.name == "tovholder"

    async def run(query: str) -> None:
        async with gate:
            samples.append(await _one(served, answers, query, waits_for_answer=waits))

    started = time.perf_counter()
    await asyncio.gather(*(run(query) for query in queries))
    return samples, time.perf_counter() - started


def _latency(concurrency: int, samples: list[float], seconds: float) -> Latency:
    return Latency(
        concurrency=concurrency,
        requests=len(samples),
        median_ms=round(statistics.median(samples), 2),
        p99_ms=round(_percentile(samples, 0.99), 2),
        max_ms=round(max(samples), 2),
        per_second=round(len(samples) / seconds, 1),
    )


async def prepare(
    standin: SlackStandIn, folder: Path, size: Size, seed: int
) -> tuple[dict[str, str], list[str]]:
    """The benchmark network in `folder`, and the environment that runs Tovholder on it
    against the stand-in; returns that environment and the queries to type."""
    path = folder / "bench.db"
    db = await Database.open(path)
    try:
        await migrate(db, SystemClock(ZoneInfo("Europe/Copenhagen")))
        async with db.transaction() as conn:
            queries = await build(conn, size, seed)
    finally:
        await db.close()
    env = {
        "SLACK_BOT_TOKEN": standin.bot_token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": standin.api_url,
        "SLACK_APP_TOKEN": "",
        "TOVHOLDER_DB": str(path),
        "TOVHOLDER_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    return env, queries


async def run_request_bench(
    size: Size | None = None, *, requests: int = 400, rounds: int = 2, seed: int = 20_260_105
) -> RequestResult:
    size = size or Size()
    standin = SlackStandIn()
    await standin.start()
    answers = Answers()
    await answers.start()
    try:
        return await _measure(standin, answers, size, requests, rounds, seed)
    finally:
        await answers.stop()
        await standin.stop()


async def _measure(
    standin: SlackStandIn, answers: Answers, size: Size, requests: int, rounds: int, seed: int
) -> RequestResult:
    standin.add_user(ASKER, "asker", real_name="Bench Asker", locale="da-DK")
    standin.add_channel(*CHANNEL)
    standin.workspace.channels[CHANNEL[0]].members.append(ASKER)
    with tempfile.TemporaryDirectory(prefix="tovholder-bench-") as folder:
        env, queries = await prepare(standin, Path(folder), size, seed)
        servers: list[Served] = []
        try:
            ours = await _serve(
                "tovholder",
                [sys.executable, "-m", "bot", "run", "--mode", "http"],
                env,
                standin,
                Path(folder),
            )
            servers.append(ours)
            bare = await _serve(
                "bare", [sys.executable, "-m", "bench.bare_bolt"], env, standin, Path(folder)
            )
            servers.append(bare)
            failed = 0
            answer_ms: list[float] = []
            levels: dict[str, list[Latency]] = {"tovholder": [], "bare": []}
            for concurrency in (1, 32):
                acks: dict[str, list[float]] = {"tovholder": [], "bare": []}
                seconds = {"tovholder": 0.0, "bare": 0.0}
                per_block = max(1, requests // (2 * rounds))
                for block in range(2 * rounds):
                    batch = [
                        queries[(block * per_block + i) % len(queries)] for i in range(per_block)
                    ]
                    order = (bare, ours) if block % 2 == 0 else (ours, bare)
                    for served in order:
                        found, took = await _block(served, answers, batch, concurrency)
                        acks[served.name] += [sample.ack_ms for sample in found]
                        seconds[served.name] += took
                        failed += sum(not sample.ok for sample in found)
                        if served is ours and concurrency == 1:
                            answer_ms += [sample.answer_ms for sample in found]
                for name in levels:
                    levels[name].append(_latency(concurrency, acks[name], seconds[name]))
            rss = {served.name: _peak_rss_mb(served.process.pid) for served in servers}
        finally:
            for served in servers:
                served.process.terminate()
                with suppress(TimeoutError):
                    await asyncio.wait_for(served.process.wait(), timeout=10)
                await served.driver.close()
    return RequestResult(
        size=size,
        ours=Side("tovholder", tuple(levels["tovholder"]), rss["tovholder"], ours.start_s),
        bare=Side("bare", tuple(levels["bare"]), rss["bare"], bare.start_s),
        answer_median_ms=round(statistics.median(answer_ms), 2),
        answer_p99_ms=round(_percentile(answer_ms, 0.99), 2),
        failed=failed,
        machine=machine(),
    )


def markdown(result: RequestResult) -> str:
    size = result.size
    rows = [
        f"Request benchmark: {size.guides:,} guides, {size.results:,} results,"
        f" {size.questions:,} questions, {size.people:,} people ({result.machine})",
        "",
        "| `/tool-guide` ack | concurrency | median ms | p99 ms | max ms | req/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for side in (result.ours, result.bare):
        for level in side.levels:
            rows.append(
                f"| {'Tovholder' if side is result.ours else 'bare Bolt app'} | {level.concurrency}"
                f" | {level.median_ms} | {level.p99_ms} | {level.max_ms} | {level.per_second} |"
            )
    rows += [
        "",
        f"Ratio Tovholder / bare — median: **{result.ratio(1, 'median_ms')}** at concurrency 1"
        f" (goal ≤ 1.3), {result.ratio(32, 'median_ms')} at 32; p99: {result.ratio(1, 'p99_ms')}"
        f" / {result.ratio(32, 'p99_ms')}; req/s: {result.ratio(1, 'per_second')}"
        f" / {result.ratio(32, 'per_second')}. Failed or unanswered requests: {result.failed}.",
        f"Slowest ack at concurrency 32: {max(level.max_ms for level in result.ours.levels)} ms"
        " (Slack's limit: 3000).",
        f"Tovholder's search answer at its response_url, concurrency 1: median"
        f" {result.answer_median_ms} ms, p99 {result.answer_p99_ms} ms.",
        "",
        "| process | peak RSS MB | start to first answer s |",
        "|---|---:|---:|",
        f"| Tovholder | {result.ours.peak_rss_mb} | {result.ours.start_s} |",
        f"| bare Bolt app | {result.bare.peak_rss_mb} | {result.bare.start_s} |",
        "",
        f"Peak RSS ratio: **{result.rss_ratio}** (goal ≤ 2).",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> RequestResult:
    parser = argparse.ArgumentParser(prog="python -m bench.requests")
    parser.add_argument("--small", action="store_true", help="a small data set: a smoke run")
    parser.add_argument("--requests", type=int, default=400, help="per level and side")
    args = parser.parse_args(argv)
    size = Size(guides=200, people=100, results=1_000, questions=100) if args.small else Size()
    result = asyncio.run(run_request_bench(size, requests=args.requests))
    report("requests", markdown(result), result.as_dict())
    return result


if __name__ == "__main__":
    main()
