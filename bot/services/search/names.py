"""Typo-tolerant tool-name matching: which tools does the query *name*?

Names are compared in compact form (folded, no spaces or punctuation), so "Bee bot",
"beebot" and "bi-bot" meet "Bee-Bot" and its alias "Bi-Bot". Every run of one to four
query words is tried: exact compact matches are a dictionary look-up; rapidfuzz is only
asked about runs containing a word the index does not know (a likely typo, "ipaad"),
which keeps ordinary queries cheap.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.services.search.normalise import compact
from bot.services.search.vocabulary import Snapshot

#: How alike (0–100) a run of query words must be to a name to count as naming it.
NAME_CUTOFF = 80
#: Compact runs shorter than this are too ambiguous to name a tool ("bi", "tv").
MIN_NAME_CHARS = 4
MAX_RUN = 4


def named_tools(words: list[str], snap: Snapshot) -> dict[int, float]:
    """Tool id → similarity in 0..1 for the tools the query names, exactly or nearly."""
    found: dict[int, float] = {}
    choices: list[str] | None = None
    for start in range(len(words)):
        for end in range(start + 1, min(start + MAX_RUN, len(words)) + 1):
            run = words[start:end]
            key = "".join(run)
            if len(key) < MIN_NAME_CHARS and not (len(run) > 1 and key in snap.compact_names):
                continue
            for tool_id in snap.compact_names.get(key, ()):
                found[tool_id] = 1.0
            if key in snap.compact_names or all(snap.is_word(word) for word in run):
                continue
            if choices is None:
                choices = list(snap.compact_names)
            for name, score, _ in process.extract(
                key, choices, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF, limit=3
            ):
                for tool_id in snap.compact_names[name]:
                    found[tool_id] = max(found.get(tool_id, 0.0), score / 100)
    return found


def closest_names(query: str, snap: Snapshot, *, limit: int) -> list[str]:
    """Canonical names of the tools whose name or alias looks most like `query`."""
    wanted = compact(query)
    if not wanted or not snap.names:
        return []
    texts = [compact(name.text) for name in snap.names]
    ranked = process.extract(wanted, texts, scorer=fuzz.WRatio, score_cutoff=60, limit=None)
    result: list[str] = []
    for _, _, index in ranked:
        tool = snap.names[index].tool
        if tool not in result:
            result.append(tool)
        if len(result) >= limit:
            break
    return result


def compact_names_of(named: dict[int, float], snap: Snapshot) -> list[str]:
    """The indexed compact names ("scratchjr") of the named tools, so a typo'd name still
    brings its tool's guides into the candidate pool."""
    return sorted(key for key, ids in snap.compact_names.items() if ids & named.keys())
