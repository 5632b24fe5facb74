"""English: `tovholder tools` – the tool catalogue from the command line (`tools.*`)."""

MESSAGES: dict[str, str] = {
    "tools.unknown": "The tool “{name}” is not in the catalogue. Looks like: {close}",
    "tools.empty": "The catalogue is empty. Tools come in with their guides (tovholder guides import).",
    "tools.bad_status": "Unknown status “{status}”. Use one of: {allowed}",
    "tools.step_refused": "{tool} has status {current} and cannot go straight to {status}. The next step can be: {allowed}",
    "tools.status_changed": "{tool} now has status {status}.",
    "tools.status_unchanged": "{tool} already has status {status}. Nothing changed.",
    "tools.bad_decision": "Unknown decision “{decision}”. Use one of: {allowed}",
    "tools.bad_date": "The date “{value}” cannot be read. Write it e.g. as 30.11.2026, 30/11 or 2026-11-30.",
    "tools.note_too_long": "The note is too long: at most {limit} characters, this has {length}.",
    "tools.decided": "Decision saved: {tool} – {decision} ({day}).",
}
