"""What the index knows, cached per database until a trigger says it changed.

The query side needs the index's vocabulary to tell a typo from a real word, to split
compounds ("naturappen" → natur + app) against words the guides actually use, and to find
index compounds whose last part is the query word ("skærm" → "storskærm"). Reading it for
every query would cost more than the search, so a snapshot is kept per `Database` and
reloaded only when `guide_search_state.generation` (bumped by every index trigger) moves.
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.services.search.concepts import WORDS as CONCEPT_WORDS
from bot.services.search.normalise import STOPWORDS, compact, stem, tokens
from storage.db import Database
from storage.repositories import search as repo

if TYPE_CHECKING:  # ranking builds on the snapshot
    from bot.services.search.ranking import Parsed

#: Shortest part of a compound we believe in ("bil", "lys", "tal" are real Danish words).
MIN_PART = 3
#: Shortest compound head; shorter heads ("en", "et") are inflections, not words.
MIN_HEAD = 4
#: Shortest part of a tool's name that can stand for the tool ("ipad" in "iPad-kamera").
MIN_NAME_PART = 4
#: A name part shared by more tools than this is a family or everyday word, not a name
#: ("Lego" in a dozen "Lego …" sets).
MAX_PART_TOOLS = 3


@dataclass(frozen=True)
class Snapshot:
    generation: int
    guides: int
    doc_counts: dict[str, int]
    sorted_terms: list[str]
    stems: frozenset[str]
    by_length: dict[int, list[str]]
    #: (head, compound) pairs, sorted: "skaerm" → "storskaerm".
    heads: list[tuple[str, str]]
    names: list[repo.ToolName]
    #: Compact name or alias → tool ids ("beebot" → {Bee-Bot's id}).
    compact_names: dict[str, set[int]]
    #: Compact part of a name or alias → tool ids ("ipad" → {iPad-kamera's id}).
    name_parts: dict[str, set[int]]
    #: Every compact name and part, for fuzzy matching of misspelt names.
    name_choices: list[str]
    #: Guides parsed for ranking while this snapshot is current (`ranking.score_rows`).
    parsed_rows: dict[int, Parsed] = field(default_factory=dict)

    def has_term(self, term: str) -> bool:
        return term in self.doc_counts

    def has_prefix(self, prefix: str) -> bool:
        i = bisect.bisect_left(self.sorted_terms, prefix)
        return i < len(self.sorted_terms) and self.sorted_terms[i].startswith(prefix)

    def prefix_docs(self, prefix: str) -> int:
        """Guides holding a term starting with `prefix` (an upper bound: terms are summed)."""
        i = bisect.bisect_left(self.sorted_terms, prefix)
        total = 0
        while i < len(self.sorted_terms) and self.sorted_terms[i].startswith(prefix):
            total += self.doc_counts[self.sorted_terms[i]]
            if total >= self.guides:
                return self.guides
            i += 1
        return total

    def prefix_df(self, prefix: str) -> int:
        """Guides holding the commonest term starting with `prefix` (a lower bound)."""
        i = bisect.bisect_left(self.sorted_terms, prefix)
        most = 0
        while i < len(self.sorted_terms) and self.sorted_terms[i].startswith(prefix):
            most = max(most, self.doc_counts[self.sorted_terms[i]])
            i += 1
        return most

    def is_word(self, word: str) -> bool:
        """A word the guides (or the concept table) use, exactly or as a stem."""
        return word in self.doc_counts or word in self.stems or word in CONCEPT_WORDS

    def compounds_with_head(self, root: str, *, limit: int) -> list[str]:
        """Index terms made of a known word plus `root` or an inflection of it
        ("skaerm" → "storskaerm", "storskaermen"; "smaa" → not "spoergsmaal")."""
        found: list[str] = []
        stems = {root, stem(root)}
        i = bisect.bisect_left(self.heads, (root, ""))
        while i < len(self.heads) and self.heads[i][0].startswith(root):
            head = self.heads[i][0]
            if (head == root or stem(head) in stems) and self.heads[i][1] not in found:
                found.append(self.heads[i][1])
                if len(found) >= limit:
                    break
            i += 1
        return found


def _heads(terms: list[str], known: set[str]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for term in terms:
        if len(term) < MIN_PART + MIN_HEAD or term.isdigit():
            continue
        for cut in range(MIN_PART, len(term) - MIN_HEAD + 1):
            left = term[:cut]
            linked = left[:-1] if left[-1] in "se" and len(left) > MIN_PART else ""
            if left in known or linked in known:
                pairs.append((term[cut:], term))
    pairs.sort()
    return pairs


def _name_parts(names: list[repo.ToolName]) -> dict[str, set[int]]:
    """The parts of tool names people type on their own.

    A tool's own name is made of its words, so any run of them counts ("ipad" and
    "kamera" in "iPad-kamera", "motion" in "Stop Motion Studio"); an alias may be a
    description ("tegne sammen på skærmen"), so only its beginning does. Runs starting or
    ending with a stopword, and parts shared by many tools, are left out.
    """
    parts: dict[str, set[int]] = {}
    for name in names:
        words = tokens(name.text)
        starts = range(len(words)) if name.text == name.tool else range(1)
        for start in starts:
            for end in range(start + 1, len(words) + 1):
                run = words[start:end]
                key = "".join(run)
                if (end - start == len(words)) or len(key) < MIN_NAME_PART:
                    continue
                if run[0] in STOPWORDS or run[-1] in STOPWORDS:
                    continue
                parts.setdefault(key, set()).add(name.tool_id)
    return {key: ids for key, ids in parts.items() if len(ids) <= MAX_PART_TOOLS}


async def load(db: Database, generation: int) -> Snapshot:
    vocab = await repo.vocabulary(db)
    names = await repo.tool_names(db)
    guides = await repo.guide_count(db)
    doc_counts = dict(vocab)
    terms = sorted(doc_counts)
    stems = frozenset(stem(term) for term in terms)
    by_length: dict[int, list[str]] = {}
    for term in terms:
        if not term.isdigit():
            by_length.setdefault(len(term), []).append(term)
    compact_names: dict[str, set[int]] = {}
    for name in names:
        compact_names.setdefault(compact(name.text), set()).add(name.tool_id)
    known = set(terms) | set(stems) | set(CONCEPT_WORDS)
    name_parts = _name_parts(names)
    return Snapshot(
        generation=generation,
        guides=guides,
        doc_counts=doc_counts,
        sorted_terms=terms,
        stems=stems,
        by_length=by_length,
        heads=_heads(terms, known),
        names=names,
        compact_names=compact_names,
        name_parts=name_parts,
        name_choices=sorted(compact_names.keys() | name_parts.keys()),
    )


_CACHE: weakref.WeakKeyDictionary[Database, Snapshot] = weakref.WeakKeyDictionary()


async def snapshot(db: Database) -> Snapshot:
    """The current snapshot: one cheap read of the generation, a reload only on change."""
    generation = await repo.generation(db)
    cached = _CACHE.get(db)
    if cached is not None and cached.generation == generation:
        return cached
    fresh = await load(db, generation)
    _CACHE[db] = fresh
    return fresh
