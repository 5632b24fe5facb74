"""Dansk: spredningsrunder – et anbefalet redskab bringes ud til de dagtilbud, der mangler
(`spreading.*`).
"""

MESSAGES: dict[str, str] = {
    # Invitationen til superbrugerne
    "spreading.invite.header": "Nyt anbefalet redskab: {tool}",
    "spreading.invite.intro": (
        "**{tool}** er nu anbefalet til alle dagtilbud, og {daycare} er ikke i gang endnu. "
        "Her er det vigtigste, så I kan prøve det med børnene:"
    ),
    "spreading.invite.nearest": "**Spørg naboen:** {daycare} ({area}) bruger det allerede.",
    "spreading.invite.first": "**I kan blive blandt de første** – endnu bruger ingen dagtilbud det fast.",
    "spreading.invite.ambassadors": "**Jeres ambassadør:** {names} – skriv, hvis I vil have hjælp i gang.",
    "spreading.invite.ambassadors_several": "**Jeres ambassadører:** {names} – skriv, hvis I vil have hjælp i gang.",
    "spreading.invite.no_ambassador": "**Jeres område har ingen ambassadør lige nu** – brug knappen Spørg en ambassadør.",
    "spreading.invite.training": "**Næste oplæring:** {training}",
    # Opfølgningen
    "spreading.follow_up.text": (
        "Hvordan går det med **{tool}** i {daycare}? Den {day} fik I anbefalingen – "
        "fortæl med ét klik, hvor langt I er."
    ),
    "spreading.answer.in_use": "Vi bruger det",
    "spreading.answer.getting_started": "Vi er i gang",
    "spreading.answer.not_yet": "Ikke startet endnu",
    "spreading.answer.not_for_us": "Ikke noget for os",
    "spreading.modal.title": "Ikke noget for os",
    "spreading.modal.intro": "Hvorfor passer **{tool}** ikke til jer? Svaret hjælper ledelsen med at vurdere redskabet.",
    "spreading.modal.reason": "Hvorfor ikke?",
    "spreading.answered.in_use": "Tak! **{daycare}** er nu noteret som _i brug_ med **{tool}**.",
    "spreading.answered.getting_started": "Tak! **{daycare}** er noteret som _i gang_ med **{tool}**.",
    "spreading.answered.not_yet": "Tak for svaret. Jeres ambassadør hjælper gerne, når I er klar til **{tool}**.",
    "spreading.answered.not_for_us": "Tak – jeres begrundelse for **{tool}** er gemt til evalueringen.",
    "spreading.answered.unchanged": "**{daycare}** har allerede svaret det om **{tool}** – intet er ændret.",
    "spreading.not_allowed": "Kun dagtilbuddets superbrugere, områdets ambassadører og koordinatoren kan svare for dagtilbuddet.",
    "spreading.ended": "Spredningsrunden for **{tool}** er afsluttet, så svaret er ikke gemt.",
    "spreading.gone": "Spredningsrunden eller dagtilbuddet findes ikke længere.",
    "spreading.error.unknown_answer": "Vælg et af svarene.",
    "spreading.error.reason_missing": "Skriv kort, hvorfor redskabet ikke passer til jer.",
    "spreading.error.too_long": "Højst {limit} tegn (du har skrevet {length}).",
    # Til koordinatoren
    "spreading.started.recommended": (
        "**{tool}** er anbefalet, og spredningen er gået i gang: {targets} dagtilbud bruger "
        "det ikke endnu, og {reached} af dem får besked gennem deres superbrugere. "
        "Jeg følger op den {day}."
    ),
    "spreading.started.decision": (
        "Ledelsen har besluttet at sprede **{tool}**: {targets} dagtilbud bruger det ikke "
        "endnu, og {reached} af dem får besked gennem deres superbrugere. "
        "Jeg følger op den {day}."
    ),
    "spreading.started.without_superuser": "Uden superbruger – de får ingen besked, så tag gerne fat i dem: {names}",
    "spreading.started.everyone": "Alle dagtilbud bruger det allerede.",
    # Fremdrift
    "spreading.progress.line": "**Spredning:** i brug i {in_use} af {daycares} dagtilbud · {areas}",
    "spreading.progress.area": "{area} {in_use}/{daycares}",
    "spreading.progress.since": "Siden {day}: fra {before} til {now} dagtilbud i brug.",
    "spreading.progress.declined": "• _Ikke noget for os_ – {daycare}: {reason}",
    # tovholder spreading
    "spreading.cli.none": "Ingen spredningsrunder endnu. En runde starter, når et redskab bliver anbefalet (tovholder tools status REDSKAB recommended) eller ledelsen beslutter to_be_spread.",
    "spreading.cli.bad_weeks": "--weeks skal være mellem 1 og {limit} (ikke {value}).",
    "spreading.cli.declined": "Ikke noget for os – {daycare}: {reason}",
    "spreading.cli.confirm_recommend": "{tool} har ingen testresultater endnu. Som anbefalet bliver det sendt ud til alle dagtilbud, der ikke bruger det. Skriv kommandoen igen med --yes for at anbefale det alligevel.",
}
