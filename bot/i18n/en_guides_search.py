"""English: `tovholder guides search` (`guides_search.*`)."""

MESSAGES: dict[str, str] = {
    "guides_search.none": "No guides match “{query}”.",
    "guides_search.did_you_mean": "Did you mean: {names}?",
}
