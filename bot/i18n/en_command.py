"""English: each command's description in the help (`command.*`)."""

MESSAGES: dict[str, str] = {
    "command.tovholder_help": "Show this help.",
    "command.tovholder_network": "See your area: ambassadors, daycares and superusers. Add an area or a daycare to see another.",
    "command.tovholder_settings": "Pause your reminders (holiday, leave).",
    # Help
    "command.tool_guide": "Find the guide to a tool in your own words – or see them all with no words.",
    "command.tool_guide_new": "Ambassadors: write a new guide.",
    "command.sparring": "Ask the ambassadors of your area a question.",
    "command.sparring_mine": "See your questions that are not solved yet.",
    # Help
    "command.tool_test": "Your tool tests: start one (`start`), or record a result (`result`).",
    "command.tool_test_summary": "See the evaluation of a tool: results, recommendations and quotes.",
}
