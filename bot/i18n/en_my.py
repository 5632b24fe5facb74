"""English: `/tovholder settings mine` – pausing one's own reminders (`my.*`)."""

MESSAGES: dict[str, str] = {
    "my.title": "My settings",
    "my.intro": "Going on holiday or leave? Pause your reminders and they come when you are back.",
    "my.nudges": "Reminders",
    "my.nudges_on": "Send me reminders",
    "my.nudges_paused": "Pause them up to and including the date below",
    "my.until": "Up to and including",
    "my.until_hint": "Reminders that fall in the pause come on the first working day after.",
    "my.until_future": "Choose a date after today.",
    "my.coordinator": "Channels and roles are changed by the coordinator: {coordinators}.",
    "my.paused": "Your reminders are paused up to and including {day}.",
    "my.resumed": "Your reminders are on.",
}
