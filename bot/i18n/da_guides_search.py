"""Dansk: `tovholder guides search` (`guides_search.*`)."""

MESSAGES: dict[str, str] = {
    "guides_search.none": "Ingen vejledninger passer til »{query}«.",
    "guides_search.did_you_mean": "Mente du: {names}?",
}
