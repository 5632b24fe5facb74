"""A large, reproducible network for the request benchmark: 10,000 guides (the search
corpus), 2,000 people in areas and daycares, 100,000 test results and 5,000 sparring
questions — written with plain SQL in one transaction, from a fixed seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

import aiosqlite

from bench.corpus import NOW, fill
from bench.corpus import queries as make_queries

AREAS = 10


@dataclass(frozen=True)
class Size:
    guides: int = 10_000
    people: int = 2_000
    results: int = 100_000
    questions: int = 5_000


#: The user the benchmark types as: a superuser with a stored language (no Slack look-up).
ASKER = "U000001"


def slack_id(n: int) -> str:
    return f"U{n:06d}"


async def build(conn: aiosqlite.Connection, size: Size, seed: int) -> list[str]:
    """Fill a migrated database; returns the queries to type."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    catalogue = await fill(conn, guides=size.guides, seed=seed)
    daycares = max(AREAS, size.people // 10)
    await conn.executemany(
        "INSERT INTO areas (id, name, created_at) VALUES (?, ?, ?)",
        [(a, f"Område {a}", NOW) for a in range(1, AREAS + 1)],
    )
    await conn.executemany(
        "INSERT INTO daycares (id, area_id, name, created_at) VALUES (?, ?, ?, ?)",
        [(d, (d - 1) % AREAS + 1, f"Dagtilbud {d}", NOW) for d in range(1, daycares + 1)],
    )
    await conn.executemany(
        "INSERT INTO people (id, name, email, language, created_at, updated_at, welcomed_at)"
        " VALUES (?, ?, ?, 'da', ?, ?, ?)",
        [
            (p, f"Person {p}", f"person{p}@kommune.example", NOW, NOW, NOW)
            for p in range(1, size.people + 1)
        ],
    )
    await conn.executemany(
        "INSERT INTO identities (platform, external_id, person_id) VALUES ('slack', ?, ?)",
        [(slack_id(p), p) for p in range(1, size.people + 1)],
    )
    roles: list[tuple[int, str, int | None, int | None]] = []
    for p in range(1, size.people + 1):
        if p % 20 == 0:
            roles.append((p, "ambassador", (p // 20 - 1) % AREAS + 1, None))
        else:
            daycare = (p - 1) % daycares + 1
            roles.append((p, "superuser", None, daycare))
    roles.append((size.people, "coordinator", None, None))
    await conn.executemany(
        "INSERT INTO person_roles (person_id, role, area_id, daycare_id) VALUES (?, ?, ?, ?)",
        roles,
    )
    tools = len(catalogue)
    await conn.executemany(
        "INSERT INTO test_results (request_key, author_id, tool_id, daycare_id,"
        " tested_on, rating, worked, source, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, '2026-01-05', ?, ?, 'modal', ?, ?)",
        [
            (
                f"bench-result-{r}",
                rng.randint(1, size.people),
                rng.randint(1, tools),
                rng.randint(1, daycares),
                rng.randint(1, 5),
                "Børnene byggede en bane og styrede robotten sammen.",
                NOW,
                NOW,
            )
            for r in range(size.results)
        ],
    )
    questions = []
    for q in range(size.questions):
        answered = rng.random() < 0.7
        questions.append(
            (
                f"bench-question-{q}",
                rng.randint(1, size.people),  # the asker's person id
                rng.randint(1, AREAS),
                rng.randint(1, daycares),
                rng.randint(1, tools),
                "Hvordan kommer vi i gang med robotten i vuggestuen?",
                "answered" if answered else "open",
                NOW,
                NOW if answered else None,
                20 if answered else None,
            )
        )
    await conn.executemany(
        "INSERT INTO sparring_questions (request_key, asker_id, area_id, daycare_id,"
        " tool_id, question, state, created_at, answered_at, answered_by, delivered_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?8)",  # delivered when asked
        questions,
    )
    return make_queries(catalogue, count=200, seed=seed)
