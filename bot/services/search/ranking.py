"""How hits are ordered: which fields count most, and what a tool's status is worth.

bm25 weights follow how people recognise a guide: the tool's name or alias is the
strongest signal, then the guide title, its purpose and tags, and the body last (a tool
mentioned in passing in another guide's body must not beat the tool's own guide).
A query that names a tool (exactly or with a typo) multiplies that tool's score.
"""

from __future__ import annotations

from storage.repositories.search import COLUMNS

WEIGHTS: dict[str, float] = {
    "names": 10.0,
    "title": 5.0,
    "purpose": 3.0,
    "tags": 3.0,
    "category": 2.0,
    "body": 1.0,
}
assert tuple(WEIGHTS) == COLUMNS, "weights must follow the index's column order"

#: Recommended tools a little up; retired and advised-against tools down, never hidden.
STATUS_FACTORS: dict[str, float] = {
    "recommended": 1.15,
    "not_recommended": 0.7,
    "retired": 0.5,
}

#: A query naming a tool exactly multiplies its guides' scores by 1 + NAME_BOOST.
NAME_BOOST = 2.0


def name_factors(named: dict[int, float]) -> dict[int, float]:
    """Tool id → score multiplier from name similarity (0..1)."""
    return {tool_id: 1.0 + NAME_BOOST * similarity for tool_id, similarity in named.items()}
