"""The benchmarks run end to end on a small scale and report numbers.

No timing assertions: speed is read from `make bench`, not enforced by tests.
"""

from __future__ import annotations

from bench.network import Size
from bench.outage import run_outage_bench
from bench.reminders import run_reminders_bench
from bench.requests import markdown as requests_markdown
from bench.requests import run_request_bench
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


async def test_request_bench_measures_both_apps_side_by_side() -> None:
    """Tovholder and the bare Bolt app each start as a process and answer every request."""
    size = Size(guides=60, people=40, results=200, questions=20)
    result = await run_request_bench(size, requests=16, rounds=1)
    assert result.failed == 0
    for side in (result.ours, result.bare):
        assert [level.concurrency for level in side.levels] == [1, 32]
        assert all(level.requests == 16 and level.median_ms > 0 for level in side.levels)
        assert side.peak_rss_mb > 0 and side.start_s > 0
    assert result.answer_median_ms > 0
    assert "| Tovholder | 1 |" in requests_markdown(result)


async def test_outage_bench_answers_everyone_whatever_users_info_does() -> None:
    size = Size(guides=60, people=40, results=200, questions=20)
    result = await run_outage_bench(people=6, size=size)
    assert [r.fault for r in result.rounds] == ["healthy", "HTML 503", "empty 404", "hanging"]
    assert all(r.answered == r.people == 6 for r in result.rounds)
