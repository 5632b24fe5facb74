"""Forgiving name matching for areas and daycares: case, æ/ø/å written as ae/oe/aa, and
small typos ("Maelkeboetten", "mælkebøten") all find "Børnehuset Mælkebøtten"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process

T = TypeVar("T")
#: How alike (0–100) a typo must be to count; below this the asker gets the list instead.
TYPO_SCORE = 80
FOLDS = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e"), ("ü", "u"), ("ö", "oe"), ("ä", "ae"))


def fold(text: str) -> str:
    text = " ".join(text.casefold().split())
    for letter, plain in FOLDS:
        text = text.replace(letter, plain)
    return text


def best_match(query: str, items: Sequence[T], name: Callable[[T], str]) -> T | None:
    """Exact (folded) name, else the one name containing the query, else the closest typo."""
    wanted = fold(query)
    if not wanted or not items:
        return None
    names = [fold(name(item)) for item in items]
    for item, folded in zip(items, names, strict=True):
        if folded == wanted:
            return item
    containing = [item for item, folded in zip(items, names, strict=True) if wanted in folded]
    if containing:
        return containing[0] if len(containing) == 1 else None  # ambiguous: show the list
    found = process.extractOne(wanted, names, scorer=fuzz.WRatio, score_cutoff=TYPO_SCORE)
    return items[found[2]] if found else None
