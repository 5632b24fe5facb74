"""Dansk: kommandolinjens svar på `tovholder migrate`, `backup` og `seed` (`cli.*`)."""

MESSAGES: dict[str, str] = {
    # Kommandolinjen
    "cli.migrated": "Databasen er opdateret: {names}.",
    "cli.up_to_date": "Databasen er allerede opdateret.",
    "cli.backup_done": "Sikkerhedskopi gemt i {path}.",
    "cli.seeded": "Demo-kommunen er lagt ind: {areas} områder, {daycares} dagtilbud, {people} personer.",
    "cli.not_empty": "Databasen har allerede personer, så demo-data er ikke lagt ind.",
}
