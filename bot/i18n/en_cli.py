"""English: the command line's answers to `tovholder migrate`, `backup` and `seed` (`cli.*`)."""

MESSAGES: dict[str, str] = {
    "cli.migrated": "Database updated: {names}.",
    "cli.up_to_date": "The database is already up to date.",
    "cli.backup_done": "Backup saved to {path}.",
    "cli.seeded": "Demo municipality added: {areas} areas, {daycares} daycares, {people} people.",
    "cli.not_empty": "The database already has people, so no demo data was added.",
}
