"""English: `tovholder reminders` – scheduled and failed reminders from the command line
(`reminders.*`).
"""

MESSAGES: dict[str, str] = {
    "reminders.none": "No reminders are scheduled.",
    "reminders.none_due": "No reminders are waiting to be sent right now.",
    "reminders.none_failed": "No reminders have failed.",
    "reminders.header": "When\tState\tAttempts\tTo\tWhy\tKey",
    "reminders.failed_header": "Failed\tAttempts\tTo\tWhy\tError\tKey",
    "reminders.not_in_org": "not in the organisation",
    "reminders.paused": "paused up to and including {day}",
    "reminders.summary": "{count} reminders in all: {states}.",
    "reminders.failed_hint": "Fix the cause (e.g. a person who has left Slack) and send the reminder again with: tovholder reminders retry ID",
    "reminders.retried": "Reminder #{id} will be sent again at the next dispatch.",
    "reminders.not_failed": "Reminder #{id} does not exist or has not failed, so there is nothing to send again.",
}
