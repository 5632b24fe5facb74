"""English: nudges – evaluating tool tests, checking guides, new superusers."""

MESSAGES: dict[str, str] = {
    "nudge.checkpoint": "How is *{tool}* going in {where}? It is time to evaluate the test ({day}).",
    "nudge.follow_up": "Reminder: no result for *{tool}* in {where} has come in since the evaluation on {day}. Do you have five minutes?",
    "nudge.your_daycares": "your daycares",
    "nudge.question": "The test was to answer: {question}",
    "nudge.snooze_1": "Remind me tomorrow",
    "nudge.snooze_7": "Remind me in a week",
    "nudge.snoozed": "Fine – I will remind you again on {day}.",
    "nudge.snooze_gone": "That reminder no longer applies.",
    "nudge.morning_intro": "Hi! Here are your {count} reminders for today. Press *Show* next to one to see it and answer.",
    "nudge.morning_text": "{count} reminders for today",
    "nudge.show": "Show",
    "nudge.shown_gone": "That reminder is no longer needed – it has already been taken care of.",
    "nudge.guide_check": "Is the guide *{tool}: {title}* still right? It was last checked on {day}.",
    "nudge.still_right": "Yes, it is right",
    "nudge.checked": "Thank you! The guide is marked as checked today.",
    "nudge.hand_over": "Hand it over",
    "nudge.hand_over_title": "Hand the guide over",
    "nudge.hand_over_submit": "Hand over",
    "nudge.hand_over_intro": "Who should keep *{title}* up to date from now on?",
    "nudge.hand_over_to": "New owner",
    "nudge.hand_over_not_yours": "Only the guide's owner or the coordinator can hand it over.",
    "nudge.hand_over_not_ambassador": "Choose an ambassador (or the coordinator) – they write and keep the guides.",
    "nudge.handed_over": "*{title}* has been handed over to {to}.",
    "nudge.received": "{by} has made you responsible for the guide *{title}*. You will be told when it needs checking.",
    "nudge.onboarding": "{superuser} became a superuser two weeks ago and has not used Tovholder yet. Perhaps it is time to plan a training?",
}
MESSAGES.update(
    {
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
)
MESSAGES.update(
    {
        "nudge.escalation": "A sparring question from {asker} has waited {hours} working hours for an answer:",
        "nudge.escalation_everyone": "It is still unanswered, so it now goes to every ambassador and the coordinator.",
        "nudge.escalation_channel": "Answer in the thread in {channel} – or take it with “I'll take it”.",
        "nudge.escalation_direct": "Answer {asker} in a direct message.",
    }
)
