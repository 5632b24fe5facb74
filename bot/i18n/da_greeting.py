"""Dansk: svaret på en hilsen (`greeting.*`)."""

MESSAGES: dict[str, str] = {
    # Svar på en hilsen i en direkte besked
    "greeting.hello": "Hej {name}!",
    "greeting.hello_anonymous": "Hej!",
    "greeting.morning": "Godmorgen, {name}!",
    "greeting.morning_anonymous": "Godmorgen!",
    "greeting.thanks": "Selv tak, {name}!",
    "greeting.thanks_anonymous": "Selv tak!",
    "greeting.commands": "To ting, jeg kan hjælpe dig med:",
    "greeting.more": "Skriv **hjælp**, så viser jeg resten.",
}
