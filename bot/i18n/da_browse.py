"""Dansk: oversigten over vejledninger i `/tool-guide` uden søgeord (`browse.*`)."""

MESSAGES: dict[str, str] = {
    # Oversigten (/tool-guide uden ord)
    "browse.header": "Vejledninger til digitale redskaber",
    "browse.intro": "Skriv `/tool-guide` og det, du leder efter – fx _robot til de mindste_ eller _lave musik med frugt_. Eller vælg herunder. Anbefalede redskaber står først.",
    "browse.by_category": "Kategori",
    "browse.by_theme": "Læreplanstema",
    "browse.by_age_group": "Aldersgruppe",
    "browse.show_all": "Vis alle",
    "browse.narrowed": "Viser **{label}**: {count} vejledninger.",
    "browse.empty": "Der er ingen vejledninger her endnu. Ambassadørerne skriver dem med `/tool-guide ny <redskab>`.",
    "browse.more": "… og {count} flere. Vælg en kategori, et tema eller en aldersgruppe for at se dem.",
    "browse.fallback": "Vejledninger: {count}",
}
