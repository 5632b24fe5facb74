"""English: the name of each kind of reminder in `tovholder reminders` (`reminder_kind.*`)."""

MESSAGES: dict[str, str] = {
    "reminder_kind.test_checkpoint": "tool test evaluation",
    "reminder_kind.test_follow_up": "evaluation follow-up",
    "reminder_kind.guide_check": "guide check",
    "reminder_kind.onboarding_follow_up": "new superuser not active yet",
    "reminder_kind.welcome": "welcome for a new superuser",
    "reminder_kind.welcome_note": "note about a new superuser",
    "reminder_kind.ambassador_welcome": "welcome for a new ambassador",
    "reminder_kind.training_invite": "training invitation",
    "reminder_kind.training_reminder": "training reminder the day before",
    "reminder_kind.training_changed": "training moved or cancelled",
    "reminder_kind.training_signed_up": "sign-up for your training",
    "reminder_kind.training_attendance": "record attendance after a training",
    "reminder_kind.spread_invite": "invitation to a newly recommended tool",
    "reminder_kind.spread_follow_up": "spreading follow-up",
    "reminder_kind.spread_started": "spreading started (to the coordinator)",
    # tovholder reminders
    "reminder_kind.area_evaluation": "area evaluation",
    "reminder_kind.sparring_escalation": "unanswered sparring question",
    "reminder_kind.sparring_post": "sparring question waiting for Slack",
    "reminder_kind.sparring_copy": "copy of a sparring question waiting for Slack",
    "reminder_kind.sparring_offer": "reply to a question in a direct message, waiting for Slack",
}
