"""English: how far each daycare has come with a tool — getting started, in use or stopped
(`adoption.*`).
"""

MESSAGES: dict[str, str] = {
    # The states
    "adoption.state.not_started": "not started",
    "adoption.state.getting_started": "getting started",
    "adoption.state.in_use": "in use",
    "adoption.state.stopped": "stopped",
    # The guide card
    "adoption.count": "In use in {in_use} of {daycares} daycares",
    "adoption.neighbours": "Ask your neighbour: {names}",
    "adoption.own": "{daycare}: {state}",
    "adoption.button.started": "We're getting started",
    "adoption.button.in_use": "We use it",
    "adoption.button.stopped": "We've stopped",
    "adoption.button.other": "Set for a daycare",
    # The forms
    "adoption.stop_title": "We've stopped",
    "adoption.stop_intro": "You have stopped using {tool}. What made you stop?",
    "adoption.set_title": "Use of the tool",
    "adoption.set_intro": "How far has the daycare come with **{tool}**?",
    "adoption.daycare": "Daycare",
    "adoption.state": "State",
    "adoption.reason": "Why did you stop?",
    "adoption.reason_hint": "E.g. too hard to get going, the equipment acts up, or it did not suit the children. Do not write children's names.",
    "adoption.save": "Save",
    "adoption.cancel": "Cancel",
    # Replies
    "adoption.saved": "Saved: **{daycare}** is now _{state}_ with **{tool}**.",
    "adoption.unchanged": "**{daycare}** is already _{state}_ with **{tool}** – nothing changed.",
    "adoption.not_allowed": "You can only set the state for your own daycare (superuser) or the daycares of your areas (ambassador).",
    "adoption.gone": "The daycare or the tool no longer exists.",
    "adoption.error.unknown_state": "Choose one of the known states.",
    "adoption.error.reason_missing": "Write briefly why you stopped – it helps the other daycares.",
    "adoption.error.too_long": "At most {limit} characters (you wrote {length}).",
    # /tovholder network <daycare>
    "adoption.daycare_tools": "**Tools in {daycare}:**",
    "adoption.daycare_no_tools": "{daycare} has not reported using any tools yet.",
    "adoption.tool_line": "• **{tool}** – {state}",
    "adoption.because": "because: {reason}",
}
