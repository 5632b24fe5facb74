"""English: what a role may do, and the refusal when one may not (`permission.*`)."""

MESSAGES: dict[str, str] = {
    "permission.refused": "Only {roles} can {action}. Ask {coordinators}.",
    "permission.manage_organisation": "change the organisation",
    "permission.manage_settings": "change the settings",
    "permission.see_coverage": "see the network's coverage",
    "permission.write_guides": "write guides",
    "permission.run_tool_tests": "start tool tests",
    "permission.plan_trainings": "plan trainings",
    "permission.answer_sparring": "answer sparring questions",
    "permission.read_guides": "read guides",
    "permission.ask_questions": "ask questions",
    "permission.record_decisions": "record leadership's decisions on tools",
}
