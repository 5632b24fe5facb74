"""English: personal data (GDPR) — my data, erasure, retention and the GDPR log (`gdpr.*`)."""

MESSAGES: dict[str, str] = {
    # The help
    "gdpr.help_my_data": "Get everything I hold about you as a JSON file in a direct message.",
    "gdpr.help_erase": "Coordinator: erase or anonymise a person's data (after confirming).",
    "gdpr.help_log": "Coordinator: see the GDPR log (access, erasure, retention).",
    # /tovholder my-data
    "gdpr.file_title": "Your data in Tovholder",
    "gdpr.my_data_sent": (
        "Everything I hold about you has been sent to you as a JSON file in a direct message "
        "({count} records). The GDPR log notes that you had access."
    ),
    # The summary beside the file (my data)
    "gdpr.summary": "This is what I hold about you: {items}. The file has all of it.",
    "gdpr.summary_roles": "roles: {roles}",
    "gdpr.summary_count": "{what}: {count}",
    "gdpr.summary_nothing": "I hold nothing about you but your Slack id – the file shows it.",
    "gdpr.and": "{first} and {last}",
    "gdpr.detail.name": "name",
    "gdpr.detail.email": "e-mail",
    "gdpr.detail.language": "language",
    "gdpr.section.guides_owned": "guides you own",
    "gdpr.section.guide_versions_edited": "guide versions you wrote",
    "gdpr.section.guide_helpful_marks": "guides you marked as helpful",
    "gdpr.section.sparring_questions_asked": "questions you asked",
    "gdpr.section.sparring_questions_handled": "questions you took or answered",
    "gdpr.section.sparring_replies": "replies in sparring threads",
    "gdpr.section.tool_tests": "tool tests",
    "gdpr.section.test_results": "test results",
    "gdpr.section.reminders": "reminders to you",
    "gdpr.section.nudge_pauses": "reminder pauses",
    "gdpr.section.area_evaluations": "answers to area evaluations",
    "gdpr.section.adoption": "tool use you recorded",
    "gdpr.section.adoption_changes": "changes to tool use",
    "gdpr.section.spreading_rounds": "spreading rounds you started",
    "gdpr.section.spreading_targets": "answers about spreading",
    "gdpr.section.trainings": "trainings you planned",
    "gdpr.section.training_signups": "training sign-ups",
    "gdpr.section.tool_decisions": "decisions you recorded",
    "gdpr.section.tool_status_changes": "status changes you made",
    "gdpr.section.settings": "settings you changed",
    "gdpr.section.gdpr_log": "lines in the GDPR log",
    # /tovholder gdpr …
    "gdpr.usage": (
        "How to use it: `/tovholder gdpr erase @person` erases a person's data (you confirm "
        "first), and `/tovholder gdpr log` shows the GDPR log."
    ),
    "gdpr.bad_target": (
        "“{text}” is neither a mentioned person nor an e-mail. "
        "Write, for example, `/tovholder gdpr erase @Mette`."
    ),
    "gdpr.not_yourself": (
        "You cannot erase your own data here. Ask whoever runs Tovholder to run "
        "`tovholder gdpr erase <your e-mail>` on the command line."
    ),
    "gdpr.nothing_held": "I hold no data about {who} – there is nothing to erase.",
    "gdpr.modal_title": "Erase personal data",
    "gdpr.modal_submit": "Erase",
    "gdpr.modal_close": "Cancel",
    "gdpr.modal_intro": (
        "When you press **Erase**, this happens to the data about {who} – all at once, "
        "and it cannot be undone:"
    ),
    "gdpr.modal_note": (
        "What the person wrote (questions, answers, comments, notes) becomes [slettet], "
        "and a question they never sent is deleted. Where others wrote the person's name "
        "or e-mail, it becomes [slettet]. Numbers and guides stay – the guides now written "
        "by a former ambassador, and an FAQ in a guide without the name. The GDPR log keeps "
        "only a code for the e-mail, the date and who asked – not the e-mail."
    ),
    # The tables in plain words
    "gdpr.table.people": "the person",
    "gdpr.table.person_roles": "roles",
    "gdpr.table.reminders": "reminders",
    "gdpr.table.nudge_pauses": "reminder pauses",
    "gdpr.table.guide_helpful_marks": "“It helped” marks",
    "gdpr.table.area_evaluations": "answers to area evaluations",
    "gdpr.table.training_signups": "training sign-ups",
    "gdpr.table.sparring_questions": "sparring questions",
    "gdpr.table.sparring_replies": "replies in sparring threads",
    "gdpr.table.test_results": "test results",
    "gdpr.table.tool_tests": "tool tests",
    "gdpr.table.trainings": "trainings",
    "gdpr.table.adoption": "tools in use at daycares",
    "gdpr.table.adoption_changes": "changes to tools in use",
    "gdpr.table.spreading_rounds": "spreading rounds",
    "gdpr.table.spreading_targets": "answers about spreading",
    "gdpr.table.tool_decisions": "leadership decisions",
    "gdpr.table.tool_status_changes": "tool status changes",
    "gdpr.table.guides": "guides",
    "gdpr.table.guide_versions": "guide versions",
    "gdpr.table.settings": "settings",
    "gdpr.table.gdpr_log": "the GDPR log",
    "gdpr.verb.removed": "{table}: {count} deleted",
    "gdpr.verb.anonymised": "{table}: {count} anonymised",
    "gdpr.verb.closed": "{table}: {count} running test(s) closed",
    "gdpr.verb.kept": "{table}: {count} kept, now written by a former ambassador",
    "gdpr.verb.renamed": "{table}: the name replaced by [slettet] in {count} row(s)",
    "gdpr.erased": (
        "The data about {who} has been erased or anonymised ({count} rows). "
        "It is written in the GDPR log."
    ),
    "gdpr.erased_detail": (
        "The person's own texts are replaced by [slettet], their name is gone from others' "
        "texts, and none of it is left in the database file. The person is on the erasure "
        "list, so an old backup cannot bring them back."
    ),
    "gdpr.erased_nothing": "There was nothing left to erase about {who}.",
    # The GDPR log
    "gdpr.log_header": "GDPR log",
    "gdpr.log_empty": "The GDPR log is empty.",
    "gdpr.log_more": "Showing the latest {shown} of {total}. The whole log: `tovholder gdpr log`.",
    "gdpr.log_line": "{at} · {action} · {subject} · asked by {by} · {detail}",
    "gdpr.action.access": "access",
    "gdpr.action.erasure": "erasure",
    "gdpr.action.retention": "retention",
    "gdpr.deleted_person": "erased person",
    "gdpr.by.cli": "the command line",
    "gdpr.by.retention": "the retention rule",
    "gdpr.by.list": "the erasure list",
    "gdpr.retention_subject": "texts from before {day}",
    "gdpr.log_records": "{count} records",
    "gdpr.retained": "{table}: {count} anonymised",
    # The command line
    "gdpr.cli_unknown": "No person or guide has the e-mail “{email}”. Nothing was erased.",
    "gdpr.cli_already": "“{email}” was erased {at}. There is nothing left to erase.",
    "gdpr.cli_plan": "Erasing {who} will:",
    "gdpr.cli_dry_run": "Nothing has changed yet. Run again with --yes to erase.",
    "gdpr.cli_done": "Erased: {who} ({count} rows). It is written in the GDPR log.",
    "gdpr.cli_access_unknown": "No person has the e-mail “{email}”.",
    "gdpr.cli_erased_again": (
        "{count} person(s) on the erasure list were in what was imported and have been "
        "erased again. It is written in the GDPR log."
    ),
    "gdpr.cli_retention": "Retention ({months} months, before {cutoff}): {detail}",
    "gdpr.cli_retention_nothing": (
        "Retention ({months} months): nothing older than {cutoff} to anonymise."
    ),
}
