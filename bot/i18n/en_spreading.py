"""English: spreading rounds — a recommended tool carried to the daycares not using it yet
(`spreading.*`).
"""

MESSAGES: dict[str, str] = {
    # The invitation to superusers
    "spreading.invite.header": "Newly recommended tool: {tool}",
    "spreading.invite.intro": (
        "**{tool}** is now recommended for every daycare, and {daycare} has not started yet. "
        "Here is what you need to try it with the children:"
    ),
    "spreading.invite.nearest": "**Ask next door:** {daycare} ({area}) already uses it.",
    "spreading.invite.first": "**You can be among the first** – no daycare uses it regularly yet.",
    "spreading.invite.ambassadors": "**Your ambassador:** {names} – write if you want help getting started.",
    "spreading.invite.ambassadors_several": "**Your ambassadors:** {names} – write if you want help getting started.",
    "spreading.invite.no_ambassador": "**Your area has no ambassador right now** – use the Ask an ambassador button.",
    "spreading.invite.training": "**Next training:** {training}",
    # The follow-up
    "spreading.follow_up.text": (
        "How is **{tool}** going in {daycare}? You got the recommendation on {day} – "
        "tell me with one click how far you have come."
    ),
    "spreading.answer.in_use": "We use it",
    "spreading.answer.getting_started": "We have started",
    "spreading.answer.not_yet": "Not started yet",
    "spreading.answer.not_for_us": "Not for us",
    "spreading.modal.title": "Not for us",
    "spreading.modal.intro": "Why does **{tool}** not suit you? Your answer helps leadership evaluate the tool.",
    "spreading.modal.reason": "Why not?",
    "spreading.answered.in_use": "Thank you! **{daycare}** is now recorded as _in use_ with **{tool}**.",
    "spreading.answered.getting_started": "Thank you! **{daycare}** is recorded as _getting started_ with **{tool}**.",
    "spreading.answered.not_yet": "Thanks for answering. Your ambassador is glad to help when you are ready for **{tool}**.",
    "spreading.answered.not_for_us": "Thank you – your reason about **{tool}** is kept for the evaluation.",
    "spreading.answered.unchanged": "**{daycare}** already gave that answer about **{tool}** – nothing changed.",
    "spreading.not_allowed": "Only the daycare's superusers, the area's ambassadors and the coordinator can answer for the daycare.",
    "spreading.ended": "The spreading round for **{tool}** has ended, so the answer was not saved.",
    "spreading.gone": "The spreading round or the daycare no longer exists.",
    "spreading.error.unknown_answer": "Choose one of the answers.",
    "spreading.error.reason_missing": "Write briefly why the tool does not suit you.",
    "spreading.error.too_long": "At most {limit} characters (you wrote {length}).",
    # To the coordinator
    "spreading.started.recommended": (
        "**{tool}** is recommended, and spreading has begun: {targets} daycares do not use it "
        "yet, and {reached} of them hear of it through their superusers. "
        "I will follow up on {day}."
    ),
    "spreading.started.decision": (
        "Leadership decided to spread **{tool}**: {targets} daycares do not use it yet, and "
        "{reached} of them hear of it through their superusers. I will follow up on {day}."
    ),
    "spreading.started.without_superuser": "Without a superuser – they hear nothing, so do reach out to them: {names}",
    "spreading.started.everyone": "Every daycare uses it already.",
    # Progress
    "spreading.progress.line": "**Spreading:** in use in {in_use} of {daycares} daycares · {areas}",
    "spreading.progress.area": "{area} {in_use}/{daycares}",
    "spreading.progress.since": "Since {day}: from {before} to {now} daycares using it.",
    "spreading.progress.declined": "• _Not for us_ – {daycare}: {reason}",
    # tovholder spreading
    "spreading.cli.none": "No spreading rounds yet. A round starts when a tool becomes recommended (tovholder tools status TOOL recommended) or leadership decides to_be_spread.",
    "spreading.cli.bad_weeks": "--weeks must be between 1 and {limit} (not {value}).",
    "spreading.cli.declined": "Not for us – {daycare}: {reason}",
    "spreading.cli.confirm_recommend": "{tool} has no test results yet. Once recommended it is sent to every daycare not using it. Run the command again with --yes to recommend it anyway.",
}
