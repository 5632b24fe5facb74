"""The reminder benchmark's killed run, on a small scale: a dispatcher killed while Slack
accepts a message, and a restarted one, lose nothing and repeat nothing — the message in
flight is found in Slack by its tag.

No timing assertions; the run waits out one lease on the benchmark's scaled clock (600 s of
Slack time, three real seconds at ×200).
"""

from __future__ import annotations

from bench.reminders import markdown, run_reminders_bench


async def test_the_killed_run_loses_and_repeats_nothing() -> None:
    result = await run_reminders_bench(count=40, speed=200, kill=True)
    steady, killed = result.runs
    assert (steady.delivered, steady.lost, steady.duplicated) == (40, 0, 0)
    assert (killed.delivered, killed.lost, killed.duplicated) == (40, 0, 0)
    assert (killed.found_in_slack, killed.lookups) == (1, 1)
    assert killed.states == {"sent": 40}
    assert "| killed halfway | 40 | 0 | 0 | 1 | 1 |" in markdown(result)
