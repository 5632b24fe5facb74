"""Dansk: persondata (GDPR) — mine data, sletning, opbevaringsregel og GDPR-loggen."""

MESSAGES: dict[str, str] = {
    # Hjælpen
    "gdpr.help_my_data": "Få alt, hvad jeg har gemt om dig, som JSON-fil i en direkte besked.",
    "gdpr.help_erase": "Koordinator: slet eller anonymisér en persons data (med bekræftelse).",
    "gdpr.help_log": "Koordinator: se GDPR-loggen (indsigt, sletning, opbevaringsregel).",
    # /tovholder my-data
    "gdpr.file_title": "Dine data i Tovholder",
    "gdpr.my_data_sent": (
        "Alt, hvad jeg har gemt om dig, er sendt til dig som JSON-fil i en direkte besked "
        "({count} poster). Det står i GDPR-loggen, at du har fået indsigt."
    ),
    # /tovholder gdpr …
    "gdpr.usage": (
        "Sådan bruger du det: `/tovholder gdpr erase @person` sletter en persons data "
        "(du bekræfter først), og `/tovholder gdpr log` viser GDPR-loggen."
    ),
    "gdpr.bad_target": (
        "»{text}« er hverken en @-nævnt person eller en e-mail. "
        "Skriv fx `/tovholder gdpr erase @Mette`."
    ),
    "gdpr.not_yourself": (
        "Du kan ikke slette dine egne data her. Bed den, der driver Tovholder, om at køre "
        "`tovholder gdpr erase <din e-mail>` på kommandolinjen."
    ),
    "gdpr.nothing_held": "Jeg har ingen data om {who} – der er intet at slette.",
    "gdpr.modal_title": "Slet persondata",
    "gdpr.modal_submit": "Slet",
    "gdpr.modal_close": "Fortryd",
    "gdpr.modal_intro": (
        "Når du trykker *Slet*, sker dette med data om {who} – på én gang, "
        "og det kan ikke fortrydes:"
    ),
    "gdpr.modal_note": (
        "Det, personen selv har skrevet (spørgsmål, svar, kommentarer, noter), bliver "
        "til [slettet], og et spørgsmål, der aldrig blev sendt, slettes. Hvor andre har "
        "skrevet personens navn eller e-mail, står der [slettet]. Tal og vejledninger "
        "bliver – vejledningerne står nu som skrevet af en tidligere ambassadør, og et spørgsmål og svar "
        "i en vejledning bliver uden navnet. GDPR-loggen gemmer kun en kode for e-mailen, "
        "datoen og hvem der bad om det – ikke e-mailen."
    ),
    "gdpr.verb.removed": "{table}: {count} slettet",
    "gdpr.verb.anonymised": "{table}: {count} anonymiseret",
    "gdpr.verb.closed": "{table}: {count} kørende afprøvning(er) afsluttet",
    "gdpr.verb.kept": "{table}: {count} beholdt, nu skrevet af en tidligere ambassadør",
    "gdpr.verb.renamed": "{table}: navnet erstattet med [slettet] i {count} række(r)",
    "gdpr.erased": (
        "Data om {who} er slettet eller anonymiseret ({count} rækker). Det står i GDPR-loggen."
    ),
    "gdpr.erased_detail": (
        "Personens egne tekster er erstattet med [slettet], navnet er fjernet fra andres "
        "tekster, og intet af det ligger tilbage i databasefilen. Personen står på "
        "sletningslisten, så en gammel sikkerhedskopi ikke kan hente personen tilbage."
    ),
    "gdpr.erased_nothing": "Der var intet tilbage at slette om {who}.",
    # GDPR-loggen
    "gdpr.log_header": "GDPR-log",
    "gdpr.log_empty": "GDPR-loggen er tom.",
    "gdpr.log_more": "Viser de seneste {shown} af {total}. Hele loggen: `tovholder gdpr log`.",
    "gdpr.log_line": "{at} · {action} · {subject} · bedt om af {by} · {detail}",
    "gdpr.action.access": "indsigt",
    "gdpr.action.erasure": "sletning",
    "gdpr.action.retention": "opbevaringsregel",
    "gdpr.hashed_subject": "kode {code}",
    # Kommandolinjen
    "gdpr.cli_unknown": "Ingen person eller vejledning har e-mailen »{email}«. Intet er slettet.",
    "gdpr.cli_already": "»{email}« blev slettet {at}. Der er intet tilbage at slette.",
    "gdpr.cli_plan": "Sletning af {who} vil:",
    "gdpr.cli_dry_run": "Intet er ændret endnu. Kør igen med --yes for at slette.",
    "gdpr.cli_done": "Slettet: {who} ({count} rækker). Det står i GDPR-loggen.",
    "gdpr.cli_access_unknown": "Ingen person har e-mailen »{email}«.",
    "gdpr.cli_erased_again": (
        "{count} person(er) på sletningslisten var med i det indlæste og er slettet igen. "
        "Det står i GDPR-loggen."
    ),
    "gdpr.cli_retention": "Opbevaringsregel ({months} måneder, før {cutoff}): {detail}",
    "gdpr.cli_retention_nothing": (
        "Opbevaringsregel ({months} måneder): intet ældre end {cutoff} at anonymisere."
    ),
}
