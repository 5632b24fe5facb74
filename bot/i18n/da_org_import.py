"""Dansk: `tovholder org import` (`org_import.*`)."""

MESSAGES: dict[str, str] = {
    # Opslag i Slack og databasen
    "org_import.needs_token": "Slack-id mangler, og uden en bot-token (SLACK_BOT_TOKEN) kan jeg ikke finde {email} i Slack. Skriv Slack-id'et i filen eller sæt SLACK_BOT_TOKEN.",
    "org_import.not_on_platform": "Der er ingen aktiv Slack-bruger med e-mailadressen {email}.",
    "org_import.same_user": "Slack-id'et {user_id} hører også til linje {other} – Slack fandt samme bruger for begge linjer.",
    "org_import.user_id_taken": "Slack-id'et {user_id} tilhører allerede {name}, som ikke står i filen. Tilføj personen til filen, eller brug --prune for at fjerne personer, der ikke står i filen.",
    # Kommandolinjen
    "org_import.file_missing": "Filen {file} findes ikke.",
    "org_import.file_unreadable": "Filen {file} kan ikke læses.",
    "org_import.refused": "{file} er ikke indlæst, og intet er ændret. Ret {count} fejl og prøv igen:",
    "org_import.problem": "Linje {line}: {reason}",
    "org_import.lookup_failed": "Slack svarede med en fejl, da jeg slog e-mailadresser op ({error}). Intet er ændret. Prøv igen senere.",
    "org_import.done": "Organisationen er indlæst fra {file}.",
    "org_import.tally": "{what}: {created} nye, {updated} ændrede, {unchanged} uændrede",
    "org_import.tally_removed": "{what}: {created} nye, {updated} ændrede, {unchanged} uændrede, {removed} fjernede",
    "org_import.areas": "Områder",
    "org_import.daycares": "Dagtilbud",
    "org_import.people": "Personer",
    "org_import.nothing_changed": "Intet er ændret – databasen svarede allerede til filen.",
}
