"""Slack's `users.info` failing while many people use the bot at once.

The bot asks `users.info` for the Slack locale of a person who has no stored language.
Here 200 such people type `/tool-guide` at the same moment while that one method fails
the three ways Slack's edge fails — an HTML 503, an empty 404, a call that never
answers — and once more with Slack healthy, as the baseline. Each round starts a fresh
`tovholder run --mode http` process (so no locale is cached). Measured per round: every
ack's time (Slack shows the person an error after 3 s; the goal is under 1 s), and how
many search answers reached their response_url.

    python -m bench outage [--people N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.network import ASKER, Size
from bench.requests import CHANNEL, Answers, Served, _one, _percentile, _serve, prepare
from bench.results import report
from bench.search import machine
from bot.standin import SlackStandIn
from bot.standin.server import EMPTY_404, HANG, HTML_503, Fault

FAULTS: dict[str, Fault | None] = {
    "healthy": None,
    "HTML 503": HTML_503,
    "empty 404": EMPTY_404,
    "hanging": HANG,
}


def visitor(n: int) -> str:
    """People Slack knows but the organisation does not: their language needs `users.info`."""
    return f"U9{n:06d}"


@dataclass(frozen=True)
class Round:
    fault: str
    people: int
    ack_median_ms: float
    ack_p99_ms: float
    ack_max_ms: float
    acks_over_1s: int
    answered: int


@dataclass(frozen=True)
class OutageResult:
    rounds: tuple[Round, ...]
    machine: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


async def run_outage_bench(people: int = 200, size: Size | None = None) -> OutageResult:
    size = size or Size(guides=2_000, people=200, results=2_000, questions=200)
    standin = SlackStandIn()
    await standin.start()
    answers = Answers()
    await answers.start()
    try:
        standin.add_channel(*CHANNEL)
        standin.add_user(ASKER, "asker", real_name="Bench Asker", locale="da-DK")
        standin.workspace.channels[CHANNEL[0]].members.append(ASKER)
        for n in range(people):
            standin.add_user(visitor(n), f"v{n}", real_name=f"Gæst {n}", locale="en-GB")
            standin.workspace.channels[CHANNEL[0]].members.append(visitor(n))
        with tempfile.TemporaryDirectory(prefix="tovholder-outage-") as folder:
            env, queries = await prepare(standin, Path(folder), size, seed=20_261_202)
            rounds = []
            for name, fault in FAULTS.items():
                served = await _serve(
                    "tovholder",
                    [sys.executable, "-m", "bot", "run", "--mode", "http"],
                    env,
                    standin,
                    Path(folder),
                )
                try:
                    rounds.append(await _round(served, answers, standin, name, fault, queries))
                finally:
                    standin.clear_faults()
                    served.process.terminate()
                    with suppress(TimeoutError):
                        await asyncio.wait_for(served.process.wait(), timeout=10)
                    await served.driver.close()
    finally:
        await answers.stop()
        await standin.stop()
    return OutageResult(tuple(rounds), machine())


async def _round(
    served: Served,
    answers: Answers,
    standin: SlackStandIn,
    name: str,
    fault: Fault | None,
    queries: list[str],
) -> Round:
    if fault is not None:
        standin.fault("users.info", fault)
    people = [u for u in standin.workspace.users if u.startswith("U9")]
    samples = await asyncio.gather(
        *(
            _one(served, answers, queries[i % len(queries)], waits_for_answer=True, user_id=u)
            for i, u in enumerate(people)
        )
    )
    acks = [s.ack_ms for s in samples]
    return Round(
        fault=name,
        people=len(people),
        ack_median_ms=round(statistics.median(acks), 1),
        ack_p99_ms=round(_percentile(acks, 0.99), 1),
        ack_max_ms=round(max(acks), 1),
        acks_over_1s=sum(ms > 1000 for ms in acks),
        answered=sum(s.ok for s in samples),
    )


def markdown(result: OutageResult) -> str:
    rows = [
        f"`users.info` failing while {result.rounds[0].people} people type `/tool-guide` at"
        f" once ({result.machine})",
        "",
        "| users.info | ack median ms | ack p99 ms | ack max ms | acks > 1 s | answers delivered |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows += [
        f"| {r.fault} | {r.ack_median_ms} | {r.ack_p99_ms} | {r.ack_max_ms} | {r.acks_over_1s}"
        f" | {r.answered} of {r.people} |"
        for r in result.rounds
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> OutageResult:
    parser = argparse.ArgumentParser(prog="python -m bench outage")
    parser.add_argument("--people", type=int, default=200, help="people typing at once")
    args = parser.parse_args(argv)
    result = asyncio.run(run_outage_bench(args.people))
    report("outage", markdown(result), result.as_dict())
    return result


if __name__ == "__main__":
    main()
