"""`python -m bench` (`make bench`): run the benchmarks, print Markdown, write JSON."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from bench.search import markdown, run_search_bench

RESULTS = Path(__file__).parent / "results"


def main() -> None:
    result = asyncio.run(run_search_bench())
    print(markdown(result))
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / "search.json"
    target.write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON: {target}")


if __name__ == "__main__":
    main()
