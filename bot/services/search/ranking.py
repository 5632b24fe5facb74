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
from collections import Counter
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


def name_factors(named: dict[int, float]) -> dict[int, float]:
    """Tool id → score multiplier from name similarity (0..1)."""
    return {tool_id: 1.0 + NAME_BOOST * similarity for tool_id, similarity in named.items()}


@dataclass
class Field:
    tokens: list[str]
    counts: Counter[str]
    #: The distinct tokens, sorted, for prefix look-ups.
    sorted_terms: list[str]

    @classmethod
    def of(cls, text: str) -> Field:
        found = _TOKEN.findall(fold(text))
        counts = Counter(found)
        return cls(found, counts, sorted(counts))

    def frequency(self, alt: Alternative) -> int:
        if len(alt.words) > 1:
            return self._phrase(alt)
        word = alt.words[0]
        if not alt.prefix:
            return self.counts.get(word, 0)
        i = bisect.bisect_left(self.sorted_terms, word)
        total = 0
        while i < len(self.sorted_terms) and self.sorted_terms[i].startswith(word):
            total += self.counts[self.sorted_terms[i]]
            i += 1
        return total

    def _phrase(self, alt: Alternative) -> int:
        *head, last = alt.words
        if any(word not in self.counts for word in head):
            return 0
        size = len(alt.words)
        return sum(
            1
            for i in range(len(self.tokens) - size + 1)
            if self.tokens[i : i + size - 1] == head
            and (
                self.tokens[i + size - 1].startswith(last)
                if alt.prefix
                else self.tokens[i + size - 1] == last
            )
        )


@dataclass(frozen=True)
class Scored:
    row: PoolRow
    score: float
    #: The score the query words earned in each field, for explaining a hit.
    fields: tuple[Field, ...]


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
) -> list[Scored]:
    """The candidates scored and ordered best first (ties by guide id)."""
    parsed = [tuple(Field.of(text) for text in row.columns) for row in rows]
    if not parsed:
        return []
    averages = [
        max(1.0, sum(len(fields[i].tokens) for fields in parsed) / len(parsed))
        for i in range(len(COLUMNS))
    ]
    idfs = [[idf(alt.df, guides) for alt in group] for group in groups]
    scored: list[Scored] = []
    for row, fields in zip(rows, parsed, strict=True):
        norms = [
            1.0 - b + b * len(field.tokens) / average
            for field, b, average in zip(fields, LENGTH_NORMS, averages, strict=True)
        ]
        total = 0.0
        for group, group_idfs in zip(groups, idfs, strict=True):
            best = 0.0
            for alt, rarity in zip(group, group_idfs, strict=True):
                tf = sum(
                    weight * field.frequency(alt) / norm
                    for field, weight, norm in zip(fields, FIELD_WEIGHTS, norms, strict=True)
                )
                if tf:
                    best = max(best, alt.weight * rarity * tf / (K1 + tf))
            total += best
        total *= STATUS_FACTORS.get(row.status, 1.0) * tool_factors.get(row.tool_id, 1.0)
        if age_groups and age_groups & set(fields[COLUMNS.index("tags")].counts):
            total *= AGE_FACTOR
        scored.append(Scored(row, total, fields))
    scored.sort(key=lambda item: (-item.score, item.row.guide_id))
    return scored
