"""English: personal data (GDPR) — my data, erasure, retention and the GDPR log."""

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
        "When you press *Erase*, this happens to the data about {who} – all at once, "
        "and it cannot be undone:"
    ),
    "gdpr.modal_note": (
        "What the person wrote (questions, answers, comments, notes) becomes [slettet], "
        "and a question they never sent is deleted. Where others wrote the person's name "
        "or e-mail, it becomes [slettet]. Numbers and guides stay – the guides now written "
        "by a former ambassador, and an FAQ in a guide without the name. The GDPR log keeps "
        "only a code for the e-mail, the date and who asked – not the e-mail."
    ),
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
    "gdpr.hashed_subject": "code {code}",
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
