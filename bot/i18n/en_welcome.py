"""English: the welcome to someone new in the network (`welcome.*`)."""

MESSAGES: dict[str, str] = {
    "welcome.header": "Welcome as a superuser",
    "welcome.intro": "Hi {name}! You are now a superuser in **{daycare}** (area {area}). You help bring the digital tools to life where you work.",
    "welcome.ambassador": "**Your ambassador in area {area}:** {names}, whom you can always ask.",
    "welcome.ambassadors": "**Your ambassadors in area {area}:** {names}, whom you can always ask.",
    "welcome.no_ambassador": "Area {area} has no ambassador right now. Until then, ask {coordinators}.",
    "welcome.first_question": "Ask your first question",
    "welcome.browse_guides": "See the guides",
    "welcome.commands": "**What you can use me for:**",
    "welcome.ambassador_note": "New superuser in area {area}: {superuser} in **{daycare}**. Please get in touch and plan a training.",
    "welcome.ambassador_header": "Welcome as an ambassador",
    "welcome.ambassador_intro": "Hi {name}! You are now an ambassador for area {areas}. You try out tools, write guides, answer your colleagues' sparring questions and hold trainings for the superusers.",
    "welcome.open_questions": "**Questions from your area nobody has taken yet ({count}):**",
    "welcome.no_open_questions": "There are no unanswered questions from your area right now.",
}
