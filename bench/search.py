"""Search latency: `search_guides` against a bare FTS5 MATCH on the same index.

Both run through the same shared `Database` connection, on the same queries, interleaved
(ours, bare, ours, bare… with the order flipped every other query) so drift in the
machine affects both alike. The baseline is what a naive search would do: the query's
tokens, quoted, OR-ed, `ORDER BY rank LIMIT`. The headline is p95(ours) / p95(bare).
"""

from __future__ import annotations

import platform
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.corpus import fill
from bench.corpus import queries as make_queries
from bot.clock import SystemClock
from bot.services.search import search_guides
from bot.services.search.normalise import tokens
from storage.db import Database
from storage.migrations import migrate
from storage.repositories.search import bare_match

LIMIT = 5
WARMUP = 20


@dataclass(frozen=True)
class Timing:
    p50_ms: float
    p95_ms: float
    mean_ms: float


@dataclass(frozen=True)
class BenchResult:
    guides: int
    queries: int
    seed: int
    index_build_s: float
    ours: Timing
    bare: Timing
    #: p95(ours) / p95(bare); the goal is ≤ 2.
    ratio_p95: float
    ratio_p50: float
    #: Share of queries where ours / bare found at least one guide.
    ours_hit_rate: float
    bare_hit_rate: float
    machine: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def bare_expression(query: str) -> str:
    return " OR ".join(f'"{token}"' for token in tokens(query))


def _timing(samples_ns: list[int]) -> Timing:
    ms = sorted(sample / 1e6 for sample in samples_ns)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return Timing(round(statistics.median(ms), 4), round(p95, 4), round(statistics.fmean(ms), 4))


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {platform.system()} " + (
        f"Python {platform.python_version()}"
    )


async def run_search_bench(
    *, guides: int = 10_000, queries: int = 300, seed: int = 20_260_105, rounds: int = 3
) -> BenchResult:
    """Build a temp-file database of `guides` generated guides and time both searches."""
    with tempfile.TemporaryDirectory(prefix="tovholder-bench-") as folder:
        db = await Database.open(Path(folder) / "bench.db")
        try:
            await migrate(db, SystemClock(ZoneInfo("Europe/Copenhagen")))
            started = time.perf_counter()
            async with db.transaction() as conn:
                catalogue = await fill(conn, guides=guides, seed=seed)
            build = time.perf_counter() - started
            asked = [
                q for q in make_queries(catalogue, count=queries, seed=seed) if bare_expression(q)
            ]
            for query in asked[:WARMUP]:
                await search_guides(db, query, limit=LIMIT)
                await bare_match(db, bare_expression(query), limit=LIMIT)
            ours_ns: list[int] = []
            bare_ns: list[int] = []
            ours_hits = bare_hits = 0
            for round_no in range(rounds):
                for i, query in enumerate(asked):
                    expression = bare_expression(query)
                    order = (0, 1) if (i + round_no) % 2 == 0 else (1, 0)
                    for which in order:
                        start = time.perf_counter_ns()
                        if which == 0:
                            found = len(await search_guides(db, query, limit=LIMIT))
                            ours_ns.append(time.perf_counter_ns() - start)
                            ours_hits += round_no == 0 and found > 0
                        else:
                            found = len(await bare_match(db, expression, limit=LIMIT))
                            bare_ns.append(time.perf_counter_ns() - start)
                            bare_hits += round_no == 0 and found > 0
        finally:
            await db.close()
    ours, bare = _timing(ours_ns), _timing(bare_ns)
    return BenchResult(
        guides=guides,
        queries=len(asked),
        seed=seed,
        index_build_s=round(build, 2),
        ours=ours,
        bare=bare,
        ratio_p95=round(ours.p95_ms / bare.p95_ms, 2),
        ratio_p50=round(ours.p50_ms / bare.p50_ms, 2),
        ours_hit_rate=round(ours_hits / max(1, len(asked)), 3),
        bare_hit_rate=round(bare_hits / max(1, len(asked)), 3),
        machine=machine(),
    )


def markdown(result: BenchResult) -> str:
    """The table `make bench` prints."""
    rows = [
        f"Search benchmark: {result.guides} guides, {result.queries} queries × rounds,"
        f" index built in {result.index_build_s} s ({result.machine})",
        "",
        "| search | p50 ms | p95 ms | mean ms | queries with hits |",
        "|---|---:|---:|---:|---:|",
        f"| search_guides | {result.ours.p50_ms:.3f} | {result.ours.p95_ms:.3f}"
        f" | {result.ours.mean_ms:.3f} | {result.ours_hit_rate:.0%} |",
        f"| bare FTS5 MATCH | {result.bare.p50_ms:.3f} | {result.bare.p95_ms:.3f}"
        f" | {result.bare.mean_ms:.3f} | {result.bare_hit_rate:.0%} |",
        "",
        f"**p95 ratio (ours / bare): {result.ratio_p95}** (goal ≤ 2; p50 ratio {result.ratio_p50})",
    ]
    return "\n".join(rows)
