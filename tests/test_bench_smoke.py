"""The benchmarks run end to end on a small scale and report numbers.

No timing assertions: speed is read from `make bench`, not enforced by tests.
"""

from __future__ import annotations

from bench.reminders import run_reminders_bench
from bench.search import markdown, run_search_bench


async def test_search_bench_produces_numbers() -> None:
    result = await run_search_bench(guides=200, queries=20, rounds=1)
    assert result.guides == 200
    assert result.queries > 0
    for timing in (result.ours, result.bare):
        assert timing.p50_ms > 0 and timing.p95_ms >= timing.p50_ms
    assert result.ratio_p95 > 0
    assert 0 < result.ours_hit_rate <= 1
    assert "| search_guides |" in markdown(result)


async def test_reminders_bench_loses_and_repeats_nothing() -> None:
    result = await run_reminders_bench(count=60, speed=50, kill=False)
    (steady,) = result.runs
    assert (steady.delivered, steady.lost, steady.duplicated) == (60, 0, 0)
