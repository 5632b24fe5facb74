"""`tovholder pulse` through the real CLI, in a child process, on the demo municipality:
JSON, CSV and Markdown for a period, one area, a file written, and the refusals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bot.views.pulse_files import BOM, CSV_HEADER
from tests.e2e.test_modes import run_cli

#: The demo is seeded on Monday 30 November 2026; the pulse is read two days later.
SEEDED, LATER = "2026-11-30T09:00", "2026-12-02T10:00"


async def seeded(tmp_path: Path) -> None:
    code, _, err = await run_cli("demo", "seed", cwd=tmp_path, TOVHOLDER_FAKE_NOW=SEEDED)
    assert code == 0, err


async def test_the_quarter_as_json_csv_and_markdown(tmp_path: Path) -> None:
    await seeded(tmp_path)
    code, out, err = await run_cli(
        "pulse", "--period", "2026-Q4", "--format", "json", cwd=tmp_path, TOVHOLDER_FAKE_NOW=LATER
    )
    assert code == 0, err
    document = json.loads(out)
    assert document["period"]["label"] == "2026-Q4"
    assert document["scope"]["kind"] == "network"
    assert [a["area"] for a in document["areas"]] == ["Nord", "Syd", "Øst"]
    # The demo's guides were published in the quarter, by Nord's and Syd's ambassadors.
    published = [a["guides_published"] for a in document["areas"]]
    assert published[0] > 0 and published[1] > 0 and published[2] == 0
    assert document["totals"]["guides_published"] == sum(published)

    target = tmp_path / "rapport" / "puls.csv"
    code, out, err = await run_cli(
        "pulse", "--period", "2026-Q4", "--format", "csv", "--output", str(target),
        cwd=tmp_path, TOVHOLDER_FAKE_NOW=LATER,
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == f"Pulsen for 4. kvartal 2026 er gemt som CSV-fil i {target}."
    raw = target.read_bytes()
    assert raw.startswith(BOM.encode("utf-8"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert tuple(rows[0]) == CSV_HEADER
    from_csv = {
        row[1]: int(row[4]) for row in rows if row[0] == "area" and row[3] == "guides_published"
    }
    assert from_csv == {"Nord": published[0], "Syd": published[1], "Øst": 0}

    code, out, err = await run_cli(
        "pulse",
        "--period",
        "2026-Q4",
        "--area",
        "syd",
        cwd=tmp_path,
        TOVHOLDER_LANG="en",
        TOVHOLDER_FAKE_NOW=LATER,
    )
    assert code == 0, err
    assert out.splitlines()[0] == "# Pulse – Area Syd – Q4 2026"
    assert f"| Guides published | {published[1]} | {published[1]} |" in out
    assert "| Nord" not in out


async def test_the_default_is_the_current_week(tmp_path: Path) -> None:
    await seeded(tmp_path)
    code, out, err = await run_cli(
        "pulse", "--format", "json", cwd=tmp_path, TOVHOLDER_FAKE_NOW=LATER
    )
    assert code == 0, err
    assert json.loads(out)["period"]["label"] == "2026-W49"


async def test_the_period_in_danish_words_is_read_against_the_clock(tmp_path: Path) -> None:
    """On Wednesday 2 December 2026 "sidste uge" is week 48 and "november" this November."""
    await seeded(tmp_path)
    for words, label in (("sidste uge", "2026-W48"), ("november", "2026-11"), ("i år", "2026")):
        code, out, err = await run_cli(
            "pulse", "--period", words, "--format", "json", cwd=tmp_path, TOVHOLDER_FAKE_NOW=LATER
        )
        assert code == 0, err
        assert json.loads(out)["period"]["label"] == label


async def test_a_bad_period_and_an_unknown_area_are_refused_with_one_line(tmp_path: Path) -> None:
    await seeded(tmp_path)
    for period in ("2026-W54", "2026-11; DROP", "uge 54"):
        code, out, err = await run_cli("pulse", "--period", period, cwd=tmp_path)
        assert (code, out) == (1, "")
        assert err.strip().splitlines() == [
            f"»{period}« er ikke en periode. Skriv en uge (uge 48 eller 2026-W48), en måned "
            "(november eller 2026-11), et kvartal (3. kvartal eller 2026-Q3), et år (i år eller "
            "2026) eller fx sidste uge."
        ]
    code, out, err = await run_cli("pulse", "--area", "Vest", cwd=tmp_path, TOVHOLDER_LANG="en")
    assert (code, out) == (1, "")
    assert err.strip() == "There is no area “Vest”. Known areas: Nord, Syd, Øst."
