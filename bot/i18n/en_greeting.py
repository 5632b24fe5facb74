"""English: the answer to a greeting (`greeting.*`)."""

MESSAGES: dict[str, str] = {
    "greeting.hello": "Hi {name}!",
    "greeting.hello_anonymous": "Hi!",
    "greeting.morning": "Good morning, {name}!",
    "greeting.morning_anonymous": "Good morning!",
    "greeting.thanks": "You're welcome, {name}!",
    "greeting.thanks_anonymous": "You're welcome!",
    "greeting.commands": "Two things I can help you with:",
    "greeting.more": "Write **help** and I'll show you the rest.",
}
