"""English: errors the person is told about (`error.*`)."""

MESSAGES: dict[str, str] = {
    "error.other_workspace": "Tovholder only answers in the municipality's own Slack workspace.",
    "error.apology": (
        "Sorry, something went wrong on my side. Please try again in a moment – "
        "and tell your coordinator if it keeps happening."
    ),
    "error.unreadable_request": (
        "I couldn't read what Slack sent me, so nothing happened. Please try again – "
        "and tell your coordinator if it keeps happening."
    ),
}
