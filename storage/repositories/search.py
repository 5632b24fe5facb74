"""The guide search index: the SQL that reads it (its schema: migration 0005_guide_search).

Design — why pure SQL triggers. The shared connection is opened in `storage/db.py`, so
no Python function can be registered for triggers to call. Instead the index stores text
that SQLite alone can normalise, and the query side (`bot.services.search.normalise`)
applies the *same* normalisation to what people type:

* triggers replace æ/ø/å (either case) with ae/oe/aa, so "grøn" and "groen" index alike;
* the FTS5 tokenizer `unicode61 remove_diacritics 2` lower-cases, strips other
  diacritics (é → e, ö → o) and splits on anything that is not a letter or digit;
* tool names are indexed a second time with `-`, space and `.` removed, so "beebot"
  finds "Bee-Bot" without any Python.

Stemming, compounds, synonyms and typos are handled at query time, against the index's
own vocabulary (the `guide_search_vocab` fts5vocab table): a stem becomes a prefix query
("robotterne" → `"robot"*`), which matches every inflected form the index holds.

One index row per guide (rowid = guide id), built from the guide's *current* version.
Every trigger refreshes the affected guides by deleting and re-inserting their rows, and
bumps `guide_search_state.generation`, so the query side knows when its cached vocabulary
is stale. Migration 0005 is released: never change it, add a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage.db import Database

#: Indexed columns, in order; their bm25 weights live in `bot.services.search.ranking`.
COLUMNS = ("names", "title", "purpose", "tags", "category", "body")


# ---------------------------------------------------------------------------------------
# Reads
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ToolName:
    """A tool's name or one of its aliases, with the tool's canonical name and status."""

    tool_id: int
    text: str
    tool: str
    status: str


@dataclass(frozen=True)
class PoolRow:
    """A candidate guide with its tool and its indexed text (folded, one string a column)."""

    guide_id: int
    tool_id: int
    tool: str
    status: str
    slug: str
    title: str
    #: The index row's text, in `COLUMNS` order.
    columns: tuple[str, ...]


async def generation(db: Database) -> int:
    row = await db.fetchone("SELECT generation FROM guide_search_state WHERE id = 1")
    return 0 if row is None else int(row["generation"])


async def vocabulary(db: Database) -> list[tuple[str, int]]:
    """Every indexed term with the number of guides it occurs in."""
    rows = await db.fetchall("SELECT term, doc FROM guide_search_vocab")
    return [(str(row["term"]), int(row["doc"])) for row in rows]


async def guide_count(db: Database) -> int:
    row = await db.fetchone("SELECT count(*) AS n FROM guide_search")
    return 0 if row is None else int(row["n"])


async def tool_names(db: Database) -> list[ToolName]:
    """Names and aliases of every tool, for typo-tolerant name matching."""
    rows = await db.fetchall(
        "SELECT id AS tool_id, name AS text, name AS tool, status FROM tools"
        " UNION ALL"
        " SELECT t.id, a.alias, t.name, t.status FROM tool_aliases a JOIN tools t"
        " ON t.id = a.tool_id ORDER BY 1, 2"
    )
    return [
        ToolName(int(row["tool_id"]), str(row["text"]), str(row["tool"]), str(row["status"]))
        for row in rows
    ]


async def candidates(
    db: Database, match: str, *, weights: Sequence[float], pool: int
) -> list[PoolRow]:
    """The best `pool` guides for the FTS5 expression `match` (built by the caller from its
    own quoted tokens) by weighted bm25, with their tool and indexed text, for the caller to
    rank.

    FTS5 ranks every matching row by bm25 alone (reading any other column would cost a
    content-table look-up per matching row); only the pool is joined to its tool and read.
    """
    weight_sql = ", ".join(f"{float(w)!r}" for w in weights)
    columns = ", ".join(f"s.{column}" for column in COLUMNS)
    # Only float literals we formatted and our own column names are spliced in.
    sql = (
        "WITH pool AS (SELECT rowid AS guide_id,"  # noqa: S608
        f" -bm25(guide_search, {weight_sql}) AS base"
        " FROM guide_search WHERE guide_search MATCH ? ORDER BY base DESC LIMIT ?)"
        " SELECT p.guide_id, g.tool_id, t.name AS tool, t.status, g.slug,"
        f" coalesce(v.title, '') AS title, {columns}"
        " FROM pool p JOIN guides g ON g.id = p.guide_id JOIN tools t ON t.id = g.tool_id"
        " JOIN guide_search s ON s.rowid = p.guide_id"
        " LEFT JOIN guide_versions v ON v.guide_id = g.id AND v.version = g.current_version"
        " ORDER BY p.base DESC, p.guide_id"
    )
    rows = await db.fetchall(sql, [match, pool])
    return [
        PoolRow(
            guide_id=int(row["guide_id"]),
            tool_id=int(row["tool_id"]),
            tool=str(row["tool"]),
            status=str(row["status"]),
            slug=str(row["slug"]),
            title=str(row["title"]),
            columns=tuple(str(row[column] or "") for column in COLUMNS),
        )
        for row in rows
    ]


async def bare_match(db: Database, match: str, *, limit: int) -> list[int]:
    """The baseline the benchmark compares against: plain FTS5 rank, guide ids only."""
    rows = await db.fetchall(
        "SELECT rowid FROM guide_search WHERE guide_search MATCH ? ORDER BY rank LIMIT ?",
        (match, limit),
    )
    return [int(row["rowid"]) for row in rows]
