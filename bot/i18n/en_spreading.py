"""English: spreading rounds: a recommended tool carried to the remaining daycares."""

MESSAGES: dict[str, str] = {}
