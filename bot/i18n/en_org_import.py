"""English: `tovholder org import` (`org_import.*`)."""

MESSAGES: dict[str, str] = {
    # Look-ups in Slack and the database
    "org_import.needs_token": "The Slack id is missing, and without a bot token (SLACK_BOT_TOKEN) I cannot find {email} in Slack. Write the Slack id in the file or set SLACK_BOT_TOKEN.",
    "org_import.not_on_platform": "There is no active Slack user with the e-mail address {email}.",
    "org_import.same_user": "The Slack id {user_id} also belongs to line {other} – Slack found the same user for both lines.",
    "org_import.user_id_taken": "The Slack id {user_id} already belongs to {name}, who is not in the file. Add the person to the file, or use --prune to remove people who are not in the file.",
    # The command line
    "org_import.file_missing": "The file {file} does not exist.",
    "org_import.file_unreadable": "The file {file} cannot be read.",
    "org_import.refused": "{file} was not imported, and nothing was changed. Fix {count} problem(s) and try again:",
    "org_import.problem": "Line {line}: {reason}",
    "org_import.lookup_failed": "Slack answered with an error while I looked up e-mail addresses ({error}). Nothing was changed. Try again later.",
    "org_import.done": "The organisation is imported from {file}.",
    "org_import.tally": "{what}: {created} created, {updated} updated, {unchanged} unchanged",
    "org_import.tally_removed": "{what}: {created} created, {updated} updated, {unchanged} unchanged, {removed} removed",
    "org_import.areas": "Areas",
    "org_import.daycares": "Daycares",
    "org_import.people": "People",
    "org_import.nothing_changed": "Nothing changed – the database already matched the file.",
}
