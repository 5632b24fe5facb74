"""Search as pedagogues ask, on the demo guides: the first hit is the guide the card shows,
so it must be the right one (issue 18.10).

`tests/fixtures/search/questions.tsv` holds questions as new users ask them — what the children
should do, in their own words, without the tool's name, Danish and English — each with the
tool whose guide should come first. `questions_holdout.tsv` holds more of the same
that the search was never tuned on. Names and typos must keep working too.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.services.demo import seed_demo
from bot.services.search import search_guides
from storage.db import Database

DATA = Path(__file__).parent / "fixtures" / "search"
#: The share of questions whose first hit must be the expected tool.
FIRST_HIT_GOAL = 0.9
#: For the held-out questions: measured 0.92 when they were first run.
HOLDOUT_GOAL = 0.85


@dataclass(frozen=True)
class Question:
    text: str
    expected: str
    language: str


def questions(name: str) -> list[Question]:
    with (DATA / name).open(encoding="utf-8") as file:
        rows = csv.DictReader(
            (line for line in file if not line.startswith("#")),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
        return [Question(row["question"], row["expected"], row["language"]) for row in rows]


@pytest.fixture
async def demo(db: Database, clock: ManualClock) -> Database:
    await seed_demo(db, clock)
    return db


async def first_tool(db: Database, text: str) -> str | None:
    hits = await search_guides(db, text, limit=3)
    return hits[0].tool if hits else None


async def misses(db: Database, asked: list[Question]) -> list[str]:
    found = []
    for question in asked:
        first = await first_tool(db, question.text)
        if first != question.expected:
            found.append(f"{question.text!r}: {first} (wanted {question.expected})")
    return found


@pytest.mark.parametrize("name", ["questions.tsv", "questions_holdout.tsv"])
async def test_the_question_files_are_sound(demo: Database, name: str) -> None:
    asked = questions(name)
    tools = {str(row["name"]) for row in await demo.fetchall("SELECT name FROM tools")}
    assert {q.expected for q in asked} <= tools
    assert {q.language for q in asked} == {"da", "en"}
    assert len({q.text for q in asked}) == len(asked)


async def test_at_least_nine_in_ten_questions_find_the_right_guide_first(demo: Database) -> None:
    asked = questions("questions.tsv")
    assert len(asked) >= 40
    assert {q.expected for q in asked} == {
        str(row["name"]) for row in await demo.fetchall("SELECT name FROM tools")
    }, "every demo tool is asked for"
    wrong = await misses(demo, asked)
    share = 1 - len(wrong) / len(asked)
    assert share >= FIRST_HIT_GOAL, f"{share:.0%} first hits; missed:\n" + "\n".join(wrong)


async def test_questions_the_search_was_not_tuned_on(demo: Database) -> None:
    asked = questions("questions_holdout.tsv")
    wrong = await misses(demo, asked)
    share = 1 - len(wrong) / len(asked)
    assert share >= HOLDOUT_GOAL, f"{share:.0%} first hits; missed:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Names, aliases and their typos, as before.
        ("bi-bot", "Bee-Bot"),
        ("Bee bot", "Bee-Bot"),
        ("bluebot", "Blue-Bot"),
        ("mikroskob", "Digitalt mikroskop"),
        ("groen skaerm", "Green Screen by Do Ink"),
        ("naturappen", "Seek by iNaturalist"),
        ("magnifier", "Digitalt mikroskop"),
        ("book creater", "Book Creator"),
        ("ozzobot", "Ozobot"),
        ("skrach", "ScratchJr"),
        ("ipda", "iPad-kamera"),
        ("ipad", "iPad-kamera"),
        ("stop motoin", "Stop Motion Studio"),
        ("puppet pals", "Puppet Pals"),
        ("lysbordet", "Projektor og lysbord"),
        ("qr kode", "QR-koder på legepladsen"),
        ("makey makey", "Makey Makey"),
        ("bitsbord", "Bitsboard"),
        ("lydoptageren", "Lydoptager"),
        ("seek", "Seek by iNaturalist"),
        ("osmo", "Osmo"),
        # Short intentions of the README's table.
        ("lave musik med frugt", "Makey Makey"),
        ("how do I make the bee move", "Bee-Bot"),
    ],
)
async def test_names_and_typos_still_find_their_tool(
    demo: Database, query: str, expected: str
) -> None:
    assert await first_tool(demo, query) == expected
