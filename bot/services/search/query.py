"""Turn query words into an FTS5 MATCH expression built only from our own quoted tokens.

User text never reaches MATCH: every alternative is a folded letters-and-digits token
(or a phrase of them) inside double quotes, so `"`, `*`, `NEAR`, `OR`, `(`, `^` and friends
are just characters that were dropped by tokenising. Per query word we search for:

* its stem as a prefix ("robotterne" → `"robot"*`), or, for short stems, the stem exactly,
  the word as a prefix and the stem's Danish endings ("lys" → `"lys" OR "lyset" …`);
* for a word the index does not know: the closest index words (typos, "kodnig" →
  "kodning") and a split into two known parts ("naturappen" → natur + app);
* index compounds ending in the word ("skærmen" → "storskaerm");
* every member of a matching concept ("magnifier" → lup, mikroskop, forstørrelsesglas),
  as the concept table spells it (a word the table knows is searched that way too).

Words are OR-ed: the expression finds the candidates. Each alternative also keeps how
much it is worth when it is what a guide matched (the person's own word most, a guessed
split of a compound least) and how many guides hold it, so `ranking` can score every query
word once, by its best alternative in each guide (`Query.groups`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from bot.services.search import concepts
from bot.services.search.normalise import stem
from bot.services.search.vocabulary import MIN_HEAD, MIN_PART, Snapshot

#: How alike (0–100) an unknown word must be to an index word to be taken as its typo.
TYPO_CUTOFF = 80
MIN_TYPO_CHARS = 4
MAX_TYPO_FIXES = 2
MAX_COMPOUNDS = 8
MAX_ALTERNATIVES = 24
#: A stem shorter than this is matched exactly, not as a prefix ("bi" must not find "bil").
MIN_PREFIX = 4
#: An expansion found in more than this share of guides is not worth its cost.
COMMON_SHARE = 0.5
#: Common expansions kept when they are all a query word has.
MAX_COMMON = 2

#: What an alternative is worth when it is what a guide matched, by where it came from:
#: the person's own word, a typo fix, an index compound ending in the word, a split of an
#: unknown compound, a member of the word's concept (another word for the same thing).
Kind = Literal["own", "typo", "compound", "part", "concept", "name"]
KIND_WEIGHTS: dict[str, float] = {
    "own": 1.0,
    "typo": 0.85,
    "compound": 0.8,
    "part": 0.6,
    "concept": 0.8,
    "name": 1.0,
}


#: The endings a short Danish word takes ("lys" → "lyset", "dyr" → "dyrene", "bi" →
#: "bien"), searched exactly: a short stem as a prefix would find other words ("bil" →
#: "billede").
SHORT_ENDINGS = ("en", "et", "e", "er", "erne", "ene", "ens", "ets")


def _inflections(root: str) -> list[str]:
    """The inflected forms of a short stem, also with its last consonant doubled
    ("rum" → "rummet")."""
    bases = [root]
    if root[-1:].isalpha() and root[-1] not in "aeiouy":
        bases.append(root + root[-1])
    return [base + ending for base in bases for ending in SHORT_ENDINGS]


def _as_spelt(word: str, snap: Snapshot) -> bool:
    """Whether to search a word as spelt rather than by its stem: a word the concept table
    knows (so its forms that matter are listed) whose stem is no word at all ("tablet" →
    "tabl"*, which finds "table"). "robotter" → "robot" stays with the stem."""
    root = stem(word)
    return (
        word in concepts.WORDS
        and root != word
        and not snap.has_term(root)
        and root not in concepts.WORDS
    )


@dataclass(frozen=True)
class _Alt:
    """One alternative: a term, a prefix (`"robot"*`) or a phrase with a prefix last."""

    text: str
    prefix: bool = False
    phrase: bool = False
    #: `KIND_WEIGHTS` of where it came from; not part of its identity.
    weight: float = field(default=1.0, compare=False)
    #: Guides holding it, for its rarity: for a prefix the most any one word it starts
    #: has (the union is hidden; `docs` is the sum, an upper bound); not its identity.
    df: int = field(default=0, compare=False)
    #: It is the person's own word (not one found for it); not part of its identity.
    own: bool = field(default=False, compare=False)

    def covers(self, other: _Alt) -> bool:
        """Whether every term `other` matches is matched by `self` already."""
        if self.phrase or other.phrase:
            return self == other
        if self.prefix:
            return other.text.startswith(self.text)
        return self == other

    def fragment(self) -> str:
        return f'"{self.text}"' + ("*" if self.prefix else "")


@dataclass
class _Group:
    """The alternatives for one query word, kept only when the index holds them.

    An alternative the vocabulary lacks cannot match, and one found in most guides adds
    almost nothing to bm25; both would still cost SQLite a scan per phrase, so they are
    left out (the person's own word is kept however common it is). Common expansions are
    kept aside, though: when they are all a word has ("ipaad" → "ipad", in most guides),
    they stand in for it rather than the word being dropped. An alternative another one
    already covers is left out too ("robotter"* after "robot"*): bm25 would count the
    same word twice.
    """

    snap: Snapshot
    alternatives: list[_Alt] = field(default_factory=list)
    common: list[_Alt] = field(default_factory=list)
    #: Where the alternatives added now come from (see `KIND_WEIGHTS`).
    kind: Kind = "own"

    def _add(self, alt: _Alt, docs: int, *, own: bool, df: int | None = None) -> None:
        if docs == 0 or any(have.covers(alt) for have in self.alternatives):
            return
        df = docs if df is None else df
        mine = self.kind == "own"
        alt = _Alt(alt.text, alt.prefix, alt.phrase, KIND_WEIGHTS[self.kind], df, mine)
        if not own and docs > self.snap.guides * COMMON_SHARE:
            if not any(have.covers(alt) for have in self.common):
                self.common.append(alt)
            return
        covered = [have for have in self.alternatives if alt.covers(have)]
        kept = [have for have in self.alternatives if not alt.covers(have)]
        if covered:  # the broader alternative is worth what the best one it covers was
            weight = max(alt.weight, *(have.weight for have in covered))
            mine = alt.own or any(have.own for have in covered)
            alt = _Alt(alt.text, alt.prefix, alt.phrase, weight, df, mine)
        if len(kept) < MAX_ALTERNATIVES:
            self.alternatives = [*kept, alt]

    def add_exact(self, term: str, *, own: bool = False) -> None:
        self._add(_Alt(term), self.snap.doc_counts.get(term, 0), own=own)

    def add_prefix(self, prefix: str, *, own: bool = False) -> None:
        docs, df = self.snap.prefix_docs(prefix), self.snap.prefix_df(prefix)
        self._add(_Alt(prefix, prefix=True), docs, own=own, df=df)

    def add_word(self, word: str, *, own: bool = False) -> None:
        """A word as we search for it: its stem as prefix, or exactly when short."""
        root = stem(word)
        if len(root) >= MIN_PREFIX:
            self.add_prefix(root, own=own)
            return
        self.add_exact(root, own=own)
        if word != root:
            if len(word) >= MIN_PREFIX:
                self.add_prefix(word, own=own)
            else:
                self.add_exact(word, own=own)
        for form in _inflections(root):
            self.add_exact(form, own=own)

    def add_known(self, word: str, *, own: bool = False) -> None:
        """A word by its stem, unless `_as_spelt` says the stem would mislead."""
        if _as_spelt(word, self.snap):
            self.add_member((word,), own=own)
        else:
            self.add_word(word, own=own)

    def add_member(self, member: tuple[str, ...], *, own: bool = False) -> None:
        """A concept member as spelt: "tablet" finds "tablets" but not "table".

        When the forms starting with the member look too common (their counts are summed,
        so "vuggestue"* may seem to be in most guides when it is not), the member itself
        is still searched for exactly.
        """
        if len(member) == 1:
            word = member[0]
            if len(word) >= MIN_PREFIX:
                docs = self.snap.prefix_docs(word)
                df = self.snap.prefix_df(word)
                self._add(_Alt(word, prefix=True), docs, own=own, df=df)
                if own or docs <= self.snap.guides * COMMON_SHARE:
                    return
            self.add_exact(word, own=own)
        elif all(self.snap.has_term(word) for word in member[:-1]):
            last = self.snap.prefix_docs(member[-1])
            docs = min([last, *(self.snap.doc_counts[word] for word in member[:-1])])
            self._add(_Alt(" ".join(member), prefix=True, phrase=True), docs, own=own)

    def chosen(self) -> list[_Alt]:
        return self.alternatives or self.common[:MAX_COMMON]

    def expression(self) -> str:
        """The OR of the alternatives; "" when the word finds nothing."""
        chosen = self.chosen()
        return "(" + " OR ".join(alt.fragment() for alt in chosen) + ")" if chosen else ""


def _typo_fixes(word: str, snap: Snapshot) -> list[str]:
    if len(word) < MIN_TYPO_CHARS or word.isdigit():
        return []
    choices = [
        term
        for size in range(len(word) - 2, len(word) + 3)
        for term in snap.by_length.get(size, ())
    ]
    choices += [w for w in concepts.WORDS if abs(len(w) - len(word)) <= 2]
    found = process.extract(
        word, choices, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=MAX_TYPO_FIXES
    )
    return [term for term, _, _ in found]


def _compound_parts(word: str, snap: Snapshot) -> list[str]:
    """The longest known first part with a remainder the index (or a concept) knows."""
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        left, right = word[:cut], word[cut:]
        linked = left[:-1] if left[-1] in "se" and len(left) > MIN_PART else ""
        first = left if snap.is_word(left) else linked if linked and snap.is_word(linked) else ""
        if not first:
            continue
        rest = stem(right)
        if snap.has_prefix(rest) or rest in concepts.WORDS:
            return [first, right]
    return []


def _add_concepts(group: _Group, word_stems: list[str]) -> None:
    group.kind = "concept"
    for concept in concepts.concepts_for(word_stems):
        for member in concept.members:
            group.add_member(member)


@dataclass(frozen=True)
class Alternative:
    """One way a query word may appear in a guide, as `ranking` scores it."""

    #: Folded index tokens; several for a phrase.
    words: tuple[str, ...]
    #: The last token may be the start of a longer word.
    prefix: bool
    weight: float
    #: Guides holding it, for its rarity (see `_Alt.df`).
    df: int


@dataclass(frozen=True)
class Query:
    #: The FTS5 MATCH expression that finds the candidates; "" when nothing can match.
    expression: str
    #: Per query word (and one for the tool names it names): its alternatives.
    groups: tuple[tuple[Alternative, ...], ...]
    #: The query words that ask for an age group ("vuggestue", "de mindste"), by label.
    age_groups: frozenset[str] = frozenset()


#: A word asking for an age group mostly says which guides to prefer among those the
#: other words find (`ranking.AGE_FACTOR`): as a word to match it counts this much, so
#: "robot til vuggestue" finds robots, not every guide with a tip for the vuggestue.
AGE_WORD_WEIGHT = 0.3


def _alternatives(group: _Group, *, weight: float = 1.0) -> tuple[Alternative, ...]:
    """The group's alternatives for ranking. One found for the person's word is never
    rarer than their word itself: a synonym only one guide uses must not outweigh the
    word they typed ("tegne" → "whiteboard")."""
    chosen = group.chosen()
    own = max((alt.df for alt in chosen if alt.own), default=0)
    return tuple(
        Alternative(tuple(alt.text.split(" ")), alt.prefix, alt.weight * weight, max(alt.df, own))
        for alt in chosen
    )


def build_query(words: list[str], snap: Snapshot, *, named_compacts: Sequence[str] = ()) -> Query:
    """What to search for `words` (already folded, no stopwords).

    `named_compacts` are compact tool names the query names (maybe misspelt); they join
    as one more alternative so those tools' guides always reach the ranking.
    """
    stems = [stem(word) for word in words]
    groups: list[_Group] = []
    weights: list[float] = []
    ages: set[str] = set()
    for i, word in enumerate(words):
        asked_before = len(ages)
        group = _Group(snap)
        group.add_known(word, own=True)
        related = [word]
        known = snap.has_term(word) or snap.has_prefix(stems[i]) or word in concepts.WORDS
        if not known:
            group.kind = "typo"
            fixes = _typo_fixes(word, snap)
            for other in fixes:
                group.add_known(other)
            group.kind = "part"
            parts = _compound_parts(word, snap) if len(word) >= MIN_PART * 2 else []
            for other in parts:
                group.add_known(other)
            related += fixes + parts
        group.kind = "compound"
        root = word if _as_spelt(word, snap) else stems[i]
        if len(root) >= MIN_HEAD:
            for compound in snap.compounds_with_head(root, limit=MAX_COMPOUNDS):
                group.add_exact(compound)
        for other in related:
            _add_concepts(group, [stem(other)])
            ages.update(concepts.age_groups_for([stem(other)]))
        for size in range(2, concepts.MAX_MEMBER_WORDS + 1):
            if i + size <= len(words):
                _add_concepts(group, stems[i : i + size])
                ages.update(concepts.age_groups_for(stems[i : i + size]))
        groups.append(group)
        weights.append(AGE_WORD_WEIGHT if len(ages) > asked_before else 1.0)
    if named_compacts:
        names = _Group(snap, kind="name")
        for compact in named_compacts:
            names.add_exact(compact, own=True)
        groups.append(names)
        weights.append(1.0)
    expression = " OR ".join(e for group in groups if (e := group.expression()))
    return Query(
        expression=expression,
        groups=tuple(
            alts
            for group, weight in zip(groups, weights, strict=True)
            if (alts := _alternatives(group, weight=weight))
        ),
        age_groups=frozenset(ages),
    )
