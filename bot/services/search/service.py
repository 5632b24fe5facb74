"""`search_guides`, `closest_tool_names` and `named_tool`: what callers need from search."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.search import names, ranking
from bot.services.search.normalise import query_words, tokens
from bot.services.search.query import build_match
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
    named = names.named_tools(tokens(query)[: len(words) * 2 + 4], snap)
    match = build_match(words, snap, named_compacts=names.compact_names_of(named, snap))
    if not match:
        # Not one word is in the index: a name misspelt past `named_tools`' bar
        # ("skrach") is a better answer than nothing.
        named = names.loose_named(words, snap)
        loose = names.compact_names_of(named, snap, at_least=0.0)
        match = build_match([], snap, named_compacts=loose)
    if not match:
        return []
    found = await repo.match_guides(
        db,
        match,
        weights=tuple(ranking.WEIGHTS.values()),
        status_factors=ranking.STATUS_FACTORS,
        tool_factors=ranking.name_factors(named),
        limit=limit,
        pool=max(POOL, limit * 4),
    )
    floor = found[0].score * RELATIVE_CUTOFF if found else 0.0
    return [
        SearchHit(
            guide_id=hit.guide_id,
            tool_id=hit.tool_id,
            tool=hit.tool,
            title=hit.title,
            slug=hit.slug,
            # Significant digits, not decimals: a query of only everyday words ("ipad")
            # scores tiny, and its order must survive.
            score=float(f"{hit.score:.6g}"),
        )
        for hit in found
        if hit.score >= floor
    ]


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
