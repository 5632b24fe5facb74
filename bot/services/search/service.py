"""`search_guides`, `closest_tool_names` and `named_tool`: what callers need from search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.services.search import faq, names, ranking
from bot.services.search.normalise import query_words, tokens
from bot.services.search.query import Alternative, build_query
from bot.services.search.vocabulary import snapshot
from storage.db import Database
from storage.repositories import search as repo

MAX_LIMIT = 50
#: Guides ranked by bm25 alone before status and name factors reorder them.
POOL = 40
#: A hit scoring below this share of the best one matched only words nearly every guide
#: has (bm25 gives those ~0); showing it would only be noise.
RELATIVE_CUTOFF = 0.05


@dataclass(frozen=True)
class SearchHit:
    guide_id: int
    tool_id: int
    #: The tool's canonical name.
    tool: str
    title: str
    slug: str
    #: Higher is better; only comparable within one search.
    score: float
    #: The number of the saved question and answer in the guide (`faq.entry_at`) the hit
    #: came from, when it came from one.
    faq: int | None = None


async def search_guides(db: Database, query: str, *, limit: int = 5) -> list[SearchHit]:
    """The guides best matching what a person typed, best first; [] when nothing fits.

    Any text is safe: it is tokenised before anything reaches FTS5, and long input is
    cut to its first words.
    """
    words = query_words(query)
    limit = max(1, min(limit, MAX_LIMIT))
    if not words:
        return []
    snap = await snapshot(db)
    if snap.guides == 0:
        return []
    named = names.named_tools(tokens(query)[: len(words) * 2 + 4], snap, meaningful=len(words))
    found = build_query(words, snap, named_compacts=names.compact_names_of(named, snap))
    if not found.expression:
        # Not one word is in the index: a name misspelt past `named_tools`' bar
        # ("skrach") is a better answer than nothing.
        named = names.loose_named(words, snap)
        loose = names.compact_names_of(named, snap, at_least=0.0)
        found = build_query([], snap, named_compacts=loose)
    if not found.expression:
        return []
    rows = await repo.candidates(
        db, found.expression, weights=tuple(ranking.WEIGHTS.values()), pool=max(POOL, limit * 4)
    )
    scored = ranking.score_rows(
        rows,
        found.groups,
        guides=snap.guides,
        tool_factors=ranking.name_factors(named),
        age_groups=found.age_groups,
        parsed_rows=snap.parsed_rows,
    )[:limit]
    floor = scored[0].score * RELATIVE_CUTOFF if scored else 0.0
    return [
        SearchHit(
            guide_id=hit.row.guide_id,
            tool_id=hit.row.tool_id,
            tool=hit.row.tool,
            title=hit.row.title,
            slug=hit.row.slug,
            # Significant digits, not decimals: a query of only everyday words ("ipad")
            # scores tiny, and its order must survive.
            score=float(f"{hit.score:.6g}"),
            faq=_explaining_entry(hit.row, found.groups, guides=snap.guides),
        )
        for hit in scored
        if hit.score >= floor and hit.score > 0
    ]


def _explaining_entry(
    row: repo.PoolRow, groups: Sequence[Sequence[Alternative]], *, guides: int
) -> int | None:
    text = dict(zip(repo.COLUMNS, row.columns, strict=True))
    headline = "\n".join(text[column] for column in ("names", "title", "purpose", "tags"))
    return faq.explaining_entry(text["body"], headline, groups, guides=guides)


async def named_tool(db: Database, text: str) -> int | None:
    """The one tool `text` names by its full name or an alias ("… med Bee-Bot?"); None
    when it names none, several, or only part of a name."""
    words = tokens(text)
    if not words:
        return None
    snap = await snapshot(db)
    named = names.named_tools(words, snap)
    exact = [tool_id for tool_id, similarity in named.items() if similarity >= 1.0]
    return exact[0] if len(exact) == 1 else None


async def closest_tool_names(db: Database, query: str, *, limit: int = 3) -> list[str]:
    """Tool names that look like `query`, for "mente du …?" when a search finds nothing."""
    if not tokens(query) or limit < 1:
        return []
    snap = await snapshot(db)
    return names.closest_names(query, snap, limit=limit)
