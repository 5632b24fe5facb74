"""`python -m bench` (`make bench`): run the benchmarks, print Markdown, write JSON.

`python -m bench search`, `python -m bench reminders [--count N] [--speed K] [--no-kill]`,
`python -m bench requests [--small] [--requests N]` or `python -m bench outage [--people N]`
runs one of them (see each module).
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from bench import outage, reminders, requests
from bench.search import markdown, run_search_bench

RESULTS = Path(__file__).parent / "results"
BENCHES = ("search", "reminders", "requests", "outage")


def search() -> None:
    result = asyncio.run(run_search_bench())
    print(markdown(result))
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / "search.json"
    target.write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON: {target}")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    which = args[0] if args and args[0] in BENCHES else None
    rest = args[1:] if which else args
    if which in (None, "search"):
        search()
    if which is None:
        print()
    if which in (None, "reminders"):
        reminders.main(rest)
    if which is None:
        print()
    if which in (None, "requests"):
        requests.main(rest if which else [])
    if which is None:
        print()
    if which in (None, "outage"):
        outage.main(rest if which else [])


if __name__ == "__main__":
    main()
