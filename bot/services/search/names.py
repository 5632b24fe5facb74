"""Typo-tolerant tool-name matching: which tools does the query *name*?

Names are compared in compact form (folded, no spaces or punctuation), so "Bee bot",
"beebot" and "bi-bot" meet "Bee-Bot" and its alias "Bi-Bot". Every run of one to four
query words is tried: exact compact matches are a dictionary look-up; rapidfuzz is only
asked about runs containing a word the index does not know (a likely typo, "ipaad"),
which keeps ordinary queries cheap.

A run that is only *part* of a name ("ipad" of "iPad-kamera", see
`vocabulary._name_parts`) names the tool too, a little less surely. That matters most
for the words nearly every guide uses: bm25 gives "ipad" almost nothing when most guides
mention the iPad, but the person typing it most likely wants the iPad's own guide.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.services.search.normalise import STOPWORDS, compact, tokens
from bot.services.search.vocabulary import Snapshot

#: How alike (0–100) a run of query words must be to a name to count as naming it.
NAME_CUTOFF = 80
#: When nothing else in the query matches, a name this alike is the best guess there is
#: ("skrach" → "scratch", "ipda" → "ipad"); "osmxyz" is still not "osmo" (60).
LOOSE_CUTOFF = 70
#: Compact runs shorter than this are too ambiguous to name a tool ("bi", "tv").
MIN_NAME_CHARS = 4
MAX_RUN = 4
#: Naming part of a tool's name counts this much of naming all of it.
PART_SIMILARITY = 0.6
MAX_LOOSE = 3


def _note(found: dict[int, float], tool_ids: set[int], similarity: float) -> None:
    for tool_id in tool_ids:
        found[tool_id] = max(found.get(tool_id, 0.0), similarity)


#: A query of more meaningful words than this is a question, not a name: a part of a name
#: in it ("tegning" of "Fælles tegning på storskærm", "screen" of "Green Screen by Do
#: Ink") is an everyday word there, and only whole names and aliases name a tool.
MAX_PART_QUERY_WORDS = 2


def _fuzzy(
    key: str, snap: Snapshot, found: dict[int, float], *, cutoff: float, limit: int, parts: bool
) -> None:
    """Record the tools whose name (or name part, with `parts`) looks like `key`."""
    choices = snap.name_choices if parts else list(snap.compact_names)
    for name, score, _ in process.extract(
        key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
    ):
        _note(found, snap.compact_names.get(name, set()), score / 100)
        if parts:
            _note(found, snap.name_parts.get(name, set()), score / 100 * PART_SIMILARITY)


def named_tools(words: list[str], snap: Snapshot, *, meaningful: int = 1) -> dict[int, float]:
    """Tool id → similarity in 0..1 for the tools the query names, exactly or nearly.

    `meaningful` is how many meaningful words the query has; past `MAX_PART_QUERY_WORDS`
    only whole names and aliases count.
    """
    parts = meaningful <= MAX_PART_QUERY_WORDS
    found: dict[int, float] = {}
    for start in range(len(words)):
        for end in range(start + 1, min(start + MAX_RUN, len(words)) + 1):
            run = words[start:end]
            key = "".join(run)
            if len(key) < MIN_NAME_CHARS and not (len(run) > 1 and key in snap.compact_names):
                continue
            _note(found, snap.compact_names.get(key, set()), 1.0)
            if parts:
                _note(found, snap.name_parts.get(key, set()), PART_SIMILARITY)
            if key in snap.compact_names or (parts and key in snap.name_parts):
                continue
            if all(snap.is_word(word) for word in run):
                continue
            if run[0] in STOPWORDS or run[-1] in STOPWORDS:  # "a robot" is no "blå robot"
                continue
            _fuzzy(key, snap, found, cutoff=NAME_CUTOFF, limit=3, parts=parts)
    return found


def loose_named(words: list[str], snap: Snapshot) -> dict[int, float]:
    """For a query that matches nothing at all: the tools a word of it (or all of it)
    most likely misspells, by a lower bar than `named_tools` uses.

    Besides whole names and name parts, the starts of names count (as parts), so
    "skrach" meets "ScratchJr" through "scratch".
    """
    found: dict[int, float] = {}
    keys = [word for word in words if not snap.is_word(word)]
    if len(keys) > 1:
        keys.append("".join(keys))
    for key in keys:
        if len(key) < MIN_NAME_CHARS:
            continue
        choices: dict[str, tuple[set[int], float]] = {
            part: (ids, PART_SIMILARITY) for part, ids in snap.name_parts.items()
        }
        for name, ids in snap.compact_names.items():
            for size in range(len(key), min(len(key) + 3, len(name))):
                choices.setdefault(name[:size], (ids, PART_SIMILARITY))
        choices.update((name, (ids, 1.0)) for name, ids in snap.compact_names.items())
        for text, score, _ in process.extract(
            key, list(choices), scorer=fuzz.ratio, score_cutoff=LOOSE_CUTOFF, limit=MAX_LOOSE
        ):
            ids, weight = choices[text]
            _note(found, ids, score / 100 * weight)
    best = sorted(found.items(), key=lambda item: -item[1])[:MAX_LOOSE]
    return dict(best)


#: "Mente du …?" offers a name only when a run of the query is this alike to it (0–100)…
CLOSE_CUTOFF = 75
#: …or begins with its first letters, this many at least, and is still somewhat alike
#: ("osmxyz" → Osmo); "minecraft" is not "iPad-kamera", nor "canva" "Makey Makey".
CLOSE_PREFIX = 3
CLOSE_PREFIX_CUTOFF = 60


def _closeness(key: str, name: str) -> float:
    """How close a typed run is to a compact name, 0 when not close enough to offer."""
    score = fuzz.ratio(key, name)
    if score >= CLOSE_CUTOFF:
        return score
    if score >= CLOSE_PREFIX_CUTOFF and key[:CLOSE_PREFIX] == name[:CLOSE_PREFIX]:
        return score
    return 0.0


def closest_names(query: str, snap: Snapshot, *, limit: int) -> list[str]:
    """Canonical names of the tools whose name or alias a run of `query` nearly spells,
    closest first; [] when none is really close (the "ask the network" button is the
    better offer than a name that only shares some letters)."""
    words = tokens(query)[: MAX_RUN * 4]
    keys = {
        key
        for start in range(len(words))
        for end in range(start + 1, min(start + MAX_RUN, len(words)) + 1)
        if len(key := "".join(words[start:end])) >= CLOSE_PREFIX
    }
    best: dict[str, float] = {}
    for name in snap.names:
        text = compact(name.text)
        score = max((_closeness(key, text) for key in keys), default=0.0)
        if score > best.get(name.tool, 0.0):
            best[name.tool] = score
    ranked = sorted((tool for tool in best if best[tool] > 0), key=lambda tool: -best[tool])
    return ranked[:limit]


def compact_names_of(
    named: dict[int, float], snap: Snapshot, *, at_least: float = NAME_CUTOFF / 100
) -> list[str]:
    """The indexed compact names ("scratchjr") of the tools named at least this surely, so
    a typo'd name still brings its tool's guides into the candidate pool.

    A tool named only by a part of its name is left to its factor: the part is a query
    word and searched for anyway, and the whole name would outweigh every other guide
    ("tegne" is the start of an alias of the drawing tool, but other drawing guides
    should still be shown).
    """
    wanted = {tool_id for tool_id, similarity in named.items() if similarity >= at_least}
    return sorted(key for key, ids in snap.compact_names.items() if ids & wanted)
