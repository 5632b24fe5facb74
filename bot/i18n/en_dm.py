"""English: the answer to a direct message the bot does not understand (`dm.*`)."""

MESSAGES: dict[str, str] = {
    "dm.not_understood": "I didn't quite get that. Write **help** and I'll show what I can do.",
}
