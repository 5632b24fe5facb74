"""English: `/tool-test summary` – a tool's evaluation (`summary.*`)."""

MESSAGES: dict[str, str] = {
    # The evaluation
    "summary.header": "Evaluation: {tool}",
    "summary.nothing": "There are no tool tests or test results for **{tool}** in Tovholder yet.",
    "summary.status": "**Status:** {status}",
    "summary.counts": "**Tests:** {tests} ({running} running) · **Results:** {results}",
    "summary.where": "**Daycares:** {daycares}\n**Areas:** {areas}",
    "summary.average": "**Average:** {stars} {average}",
    "summary.recommendations": "**Recommendations:**",
    "summary.themes": "**Curriculum themes:** {themes}",
    "summary.quotes": "**Latest words from the tests:**",
    "summary.quote": "> {text}\n– {who}, {daycare}, {day}",
    "summary.short": "Test results: {results}",
    "summary.short_daycares": "Daycares: {daycares}",
    "summary.short_recommend": "Recommend: {count}",
    "summary.fallback": "Evaluation of {tool}: {results} results",
    "summary.choose": "**Tools with test results** – choose one, or type e.g. `/tool-test summary Bee-Bot`:",
    "summary.choose_none": "There are no test results yet. You can still see a tool's status: type e.g. `/tool-test summary Bee-Bot`.",
    "summary.choose_line": "**{tool}** · results: {results}",
    "summary.choose_button": "See the evaluation",
    "summary.choose_fallback": "Tools with test results: {tools}",
    "summary.decision": "**Leadership's latest decision:** {decision} ({day})",
    "summary.decision_why": "**Why:** {note}",
}
