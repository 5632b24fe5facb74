"""Dansk: persondata (GDPR) — mine data, sletning, opbevaringsregel og GDPR-loggen (`gdpr.*`)."""

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
    # Resuméet ved siden af filen (mine data)
    "gdpr.summary": "Det har jeg gemt om dig: {items}. Det hele står i filen.",
    "gdpr.summary_roles": "roller: {roles}",
    "gdpr.summary_count": "{what}: {count}",
    "gdpr.summary_nothing": "Jeg har intet gemt om dig ud over dit Slack-id – filen viser det.",
    "gdpr.and": "{first} og {last}",
    "gdpr.detail.name": "navn",
    "gdpr.detail.email": "e-mail",
    "gdpr.detail.language": "sprog",
    "gdpr.section.guides_owned": "vejledninger, du ejer",
    "gdpr.section.guide_versions_edited": "versioner af vejledninger, du har skrevet",
    "gdpr.section.guide_helpful_marks": "vejledninger, du har sagt hjalp",
    "gdpr.section.sparring_questions_asked": "spørgsmål, du har stillet",
    "gdpr.section.sparring_questions_handled": "spørgsmål, du har taget eller besvaret",
    "gdpr.section.sparring_replies": "svar i sparringstråde",
    "gdpr.section.tool_tests": "afprøvninger",
    "gdpr.section.test_results": "testresultater",
    "gdpr.section.reminders": "påmindelser til dig",
    "gdpr.section.nudge_pauses": "pauser i påmindelser",
    "gdpr.section.area_evaluations": "svar på områdeevalueringer",
    "gdpr.section.adoption": "redskaber, du har angivet i brug",
    "gdpr.section.adoption_changes": "ændringer af redskaber i brug",
    "gdpr.section.spreading_rounds": "spredningsrunder, du har startet",
    "gdpr.section.spreading_targets": "svar om spredning",
    "gdpr.section.trainings": "oplæringer, du har planlagt",
    "gdpr.section.training_signups": "tilmeldinger til oplæring",
    "gdpr.section.tool_decisions": "beslutninger, du har registreret",
    "gdpr.section.tool_status_changes": "statusskift, du har lavet",
    "gdpr.section.settings": "indstillinger, du har ændret",
    "gdpr.section.gdpr_log": "linjer i GDPR-loggen",
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
        "Når du trykker **Slet**, sker dette med data om {who} – på én gang, "
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
    # Tabellerne med almindelige ord
    "gdpr.table.people": "personen",
    "gdpr.table.person_roles": "roller",
    "gdpr.table.reminders": "påmindelser",
    "gdpr.table.nudge_pauses": "pauser i påmindelser",
    "gdpr.table.guide_helpful_marks": "»Den hjalp«-markeringer",
    "gdpr.table.area_evaluations": "svar på områdeevalueringer",
    "gdpr.table.training_signups": "tilmeldinger til oplæring",
    "gdpr.table.sparring_questions": "sparringsspørgsmål",
    "gdpr.table.sparring_replies": "svar i sparringstråde",
    "gdpr.table.test_results": "testresultater",
    "gdpr.table.tool_tests": "afprøvninger",
    "gdpr.table.trainings": "oplæringer",
    "gdpr.table.adoption": "redskaber i brug i dagtilbud",
    "gdpr.table.adoption_changes": "ændringer af redskaber i brug",
    "gdpr.table.spreading_rounds": "spredningsrunder",
    "gdpr.table.spreading_targets": "svar om spredning",
    "gdpr.table.tool_decisions": "ledelsens beslutninger",
    "gdpr.table.tool_status_changes": "statusskift for redskaber",
    "gdpr.table.guides": "vejledninger",
    "gdpr.table.guide_versions": "versioner af vejledninger",
    "gdpr.table.settings": "indstillinger",
    "gdpr.table.gdpr_log": "GDPR-loggen",
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
    "gdpr.deleted_person": "slettet person",
    "gdpr.by.cli": "kommandolinjen",
    "gdpr.by.retention": "opbevaringsreglen",
    "gdpr.by.list": "sletningslisten",
    "gdpr.retention_subject": "tekster fra før {day}",
    "gdpr.log_records": "{count} poster",
    "gdpr.retained": "{table}: {count} anonymiseret",
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
