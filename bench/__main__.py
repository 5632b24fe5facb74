"""`python -m bench` (`make bench`): run the benchmarks, print Markdown, write JSON.

`python -m bench search`, `python -m bench reminders [--count N] [--speed K] [--no-kill]`,
`python -m bench requests [--small] [--requests N]` or `python -m bench outage [--people N]`
runs one of them (see each module).
"""

from __future__ import annotations

import asyncio
import sys

from bench import outage, reminders, requests
from bench.results import report
from bench.search import markdown, run_search_bench

BENCHES = ("search", "reminders", "requests", "outage")


def search() -> None:
    result = asyncio.run(run_search_bench())
    report("search", markdown(result), result.as_dict())


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
