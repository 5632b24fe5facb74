"""Dansk: navnet på hver slags påmindelse i `tovholder reminders` (`reminder_kind.*`)."""

MESSAGES: dict[str, str] = {
    "reminder_kind.test_checkpoint": "evaluering af afprøvning",
    "reminder_kind.test_follow_up": "opfølgning på evaluering",
    "reminder_kind.guide_check": "tjek af vejledning",
    "reminder_kind.onboarding_follow_up": "ny superbruger uden aktivitet",
    "reminder_kind.welcome": "velkomst til ny superbruger",
    "reminder_kind.welcome_note": "besked om ny superbruger",
    "reminder_kind.ambassador_welcome": "velkomst til ny ambassadør",
    "reminder_kind.training_invite": "invitation til oplæring",
    "reminder_kind.training_reminder": "påmindelse om oplæring dagen før",
    "reminder_kind.training_changed": "oplæring flyttet eller aflyst",
    "reminder_kind.training_signed_up": "tilmelding til din oplæring",
    "reminder_kind.training_attendance": "registrér fremmøde efter oplæring",
    "reminder_kind.spread_invite": "invitation til nyt anbefalet redskab",
    "reminder_kind.spread_follow_up": "opfølgning på spredning",
    "reminder_kind.spread_started": "spredning startet (til koordinatoren)",
    # tovholder reminders
    "reminder_kind.area_evaluation": "områdets evaluering",
    "reminder_kind.sparring_escalation": "ubesvaret sparringsspørgsmål",
    "reminder_kind.sparring_post": "sparringsspørgsmål, der venter på Slack",
    "reminder_kind.sparring_copy": "kopi af sparringsspørgsmål, der venter på Slack",
    "reminder_kind.sparring_offer": "svar på spørgsmål i en direkte besked, der venter på Slack",
}
