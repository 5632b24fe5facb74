"""How hits are ordered: every query word counts once, by its best match in each guide.

FTS5 finds the candidates (`query.Query.expression`), but its bm25 adds up every
alternative of the OR: a word with eight concept members ("film" → video, animation, stop
motion …) counts eight times in a guide that happens to use them all, and drowns the one
rare word that said what the person wanted ("månen"). So the candidates are scored here
instead, BM25F-style: for each query word, its best alternative in the guide (the person's
own word counts fully, a typo fix or another word for the same thing a little less),
weighted by how rare it is and by where it stands — the tool's name or alias most, then the
guide's title and purpose (what the card shows first), tags, category, and the body last;
repeats add less and less. The sum is multiplied by the tool's status, by how surely the
query names the tool, and by whether the guide is for the age group the query asks for.
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from bot.services.search.normalise import fold
from bot.services.search.query import Alternative
from storage.repositories.search import COLUMNS, PoolRow

#: bm25 weights for finding the candidates (FTS5), in the index's column order.
WEIGHTS: dict[str, float] = {
    "names": 10.0,
    "title": 5.0,
    "purpose": 3.0,
    "tags": 3.0,
    "category": 2.0,
    "body": 1.0,
}
assert tuple(WEIGHTS) == COLUMNS, "weights must follow the index's column order"

#: Field weights for the ranking: the name most, then what the card shows first.
FIELD_WEIGHTS: tuple[float, ...] = (6.0, 4.0, 4.0, 2.5, 1.5, 1.0)
assert len(FIELD_WEIGHTS) == len(COLUMNS)
#: How much a field's length tempers a match (0: not at all); long bodies say more words.
LENGTH_NORMS: tuple[float, ...] = (0.0, 0.3, 0.5, 0.0, 0.0, 0.75)
#: Saturation: the second and third mention of a word add less than the first.
K1 = 1.6

#: Recommended tools a little up; retired and advised-against tools down, never hidden.
STATUS_FACTORS: dict[str, float] = {
    "recommended": 1.15,
    "not_recommended": 0.7,
    "retired": 0.5,
}

#: A query naming a tool exactly multiplies its guides' scores by 1 + NAME_BOOST.
NAME_BOOST = 2.0
#: A guide labelled for the age group the query asks for ("robot til vuggestue").
AGE_FACTOR = 1.5

_TOKEN = re.compile(r"[^\W_]+")
#: Parsed guides kept between searches, at most (4.5 MB per 1,000 benchmark guides): every
#: guide of a real network (tens to a few hundred), without growing the process by 20 MB on
#: the 10,000-guide benchmark (peak RSS 100.5 MB at 5,000, 91.7 MB at 1,000).
MAX_PARSED = 1000


def name_factors(named: dict[int, float]) -> dict[int, float]:
    """Tool id → score multiplier from name similarity (0..1)."""
    return {tool_id: 1.0 + NAME_BOOST * similarity for tool_id, similarity in named.items()}


_SHARED: dict[tuple[int, ...], tuple[int, ...]] = {}


def _shared(counts: tuple[int, ...]) -> tuple[int, ...]:
    """One tuple for each distinct count vector (a few dozen occur)."""
    if len(_SHARED) > 10_000:
        _SHARED.clear()
    return _SHARED.setdefault(counts, counts)


@dataclass
class Parsed:
    """A guide's indexed text (or any texts), parsed once for every query word: each
    distinct token with its count in each column, so an alternative is one look-up. Kept
    small, since searches keep many (`MAX_PARSED`)."""

    #: Each column's tokens, joined by single spaces with one before and after (phrases).
    joined: tuple[str, ...]
    #: Each column's number of tokens.
    lengths: tuple[int, ...]
    #: Token → its count in each column.
    counts: dict[str, tuple[int, ...]]
    #: The distinct tokens, sorted, for prefix look-ups.
    terms: list[str]

    @classmethod
    def of(cls, texts: Sequence[str]) -> Parsed:
        columns = [_TOKEN.findall(fold(text)) for text in texts]
        counts: dict[str, list[int]] = {}
        for i, found in enumerate(columns):
            for token in found:
                per_column = counts.get(token)
                if per_column is None:
                    per_column = counts[token] = [0] * len(columns)
                per_column[i] += 1
        return cls(
            joined=tuple(f" {' '.join(found)} " for found in columns),
            lengths=tuple(len(found) for found in columns),
            # Shared, not copied: the same words and counts recur in every guide.
            counts={
                sys.intern(token): _shared(tuple(per_column))
                for token, per_column in counts.items()
            },
            terms=sorted(sys.intern(token) for token in counts),
        )

    def has(self, token: str, column: int) -> bool:
        per_column = self.counts.get(token)
        return per_column is not None and per_column[column] > 0

    def frequencies(self, alt: Alternative) -> Sequence[int] | None:
        """How often `alt` occurs in each column; None when nowhere."""
        if len(alt.words) > 1:
            return self._phrase(alt)
        word = alt.words[0]
        if not alt.prefix:
            return self.counts.get(word)
        i = bisect.bisect_left(self.terms, word)
        if i == len(self.terms) or not self.terms[i].startswith(word):
            return None
        total = list(self.counts[self.terms[i]])
        i += 1
        while i < len(self.terms) and self.terms[i].startswith(word):
            for column, count in enumerate(self.counts[self.terms[i]]):
                total[column] += count
            i += 1
        return total

    def _phrase(self, alt: Alternative) -> list[int] | None:
        if any(word not in self.counts for word in alt.words[:-1]):
            return None
        start = " " + " ".join(alt.words)
        if alt.prefix:
            pattern = re.compile(re.escape(start) + r"[^ ]* ")
            found = [len(pattern.findall(text)) for text in self.joined]
        else:
            found = [text.count(start + " ") for text in self.joined]
        return found if any(found) else None


@dataclass(frozen=True)
class Scored:
    row: PoolRow
    score: float


def idf(docs: int, guides: int) -> float:
    """bm25's rarity of a word held by `docs` of `guides` guides."""
    docs = min(max(docs, 0), guides)
    return math.log(1.0 + (guides - docs + 0.5) / (docs + 0.5))


def score_rows(
    rows: Sequence[PoolRow],
    groups: Sequence[Sequence[Alternative]],
    *,
    guides: int,
    tool_factors: dict[int, float],
    age_groups: frozenset[str] = frozenset(),
    parsed_rows: dict[int, Parsed] | None = None,
) -> list[Scored]:
    """The candidates scored and ordered best first (ties by guide id).

    `parsed_rows` keeps guides parsed by earlier searches (guide id → fields); the caller
    empties it when the index changes. Parsing is most of the work here.
    """
    cache = {} if parsed_rows is None else parsed_rows
    if len(cache) > MAX_PARSED:
        cache.clear()
    parsed = []
    for row in rows:
        found = cache.get(row.guide_id)
        if found is None:
            found = cache[row.guide_id] = Parsed.of(row.columns)
        parsed.append(found)
    if not parsed:
        return []
    averages = [
        max(1.0, sum(doc.lengths[i] for doc in parsed) / len(parsed)) for i in range(len(COLUMNS))
    ]
    idfs = [[idf(alt.df, guides) for alt in group] for group in groups]
    tags = COLUMNS.index("tags")
    scored: list[Scored] = []
    for row, doc in zip(rows, parsed, strict=True):
        scales = [
            weight / (1.0 - b + b * length / average)
            for length, weight, b, average in zip(
                doc.lengths, FIELD_WEIGHTS, LENGTH_NORMS, averages, strict=True
            )
        ]
        total = 0.0
        for group, group_idfs in zip(groups, idfs, strict=True):
            best = 0.0
            for alt, rarity in zip(group, group_idfs, strict=True):
                counts = doc.frequencies(alt)
                if counts is None:
                    continue
                tf = sum(count * scale for count, scale in zip(counts, scales, strict=True))
                if tf:
                    best = max(best, alt.weight * rarity * tf / (K1 + tf))
            total += best
        total *= STATUS_FACTORS.get(row.status, 1.0) * tool_factors.get(row.tool_id, 1.0)
        if any(doc.has(label, tags) for label in age_groups):
            total *= AGE_FACTOR
        scored.append(Scored(row, total))
    scored.sort(key=lambda item: (-item.score, item.row.guide_id))
    return scored
