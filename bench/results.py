"""Where every benchmark reports: its Markdown table on standard output, its numbers as JSON
in `bench/results/` (not in git), so `make bench` leaves one file per benchmark behind."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).parent / "results"


def report(name: str, markdown: str, numbers: dict[str, object]) -> Path:
    """Print `markdown`, write `numbers` to `bench/results/<name>.json`; returns the file."""
    print(markdown)
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"{name}.json"
    target.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON: {target}")
    return target
