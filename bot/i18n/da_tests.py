"""Dansk: afprøvninger og testresultater – fejl i formularerne (`tests.*`)."""

MESSAGES: dict[str, str] = {
    # Fejl ved et felt i en formular
    "tests.error.question_empty": "Skriv, hvad afprøvningen skal svare på – fx »Kan 3-årige bruge Bee-Bot uden hjælp?«",
    "tests.error.too_long": "Teksten er for lang: højst {limit} tegn, her står {length}.",
    "tests.error.where_missing": "Vælg mindst ét dagtilbud – eller et helt område.",
    "tests.error.date_too_early": "Datoen ligger før 2010. Tjek årstallet.",
    "tests.error.date_future": "Datoen ligger ude i fremtiden. Vælg den dag, I afprøvede redskabet.",
    "tests.error.checkpoints": "Skriv antal uger som hele tal fra {low} til {high}, adskilt af komma – fx 2, 6.",
    "tests.error.rating": "Vælg mellem {low} og {high} stjerner.",
    "tests.error.number_range": "Skriv et helt tal fra {low} til {high}.",
    "tests.error.unknown_choice": "Det valg kender jeg ikke. Vælg et af dem på listen.",
    "tests.error.result_empty": "Skriv, hvad der virkede eller var svært – eller giv stjerner eller en anbefaling.",
    "tests.error.tool_unknown": "Redskabet findes ikke (længere) i kataloget. Vælg et andet.",
    "tests.error.daycare_unknown": "Et af de valgte dagtilbud findes ikke længere. Vælg igen.",
    "tests.error.area_unknown": "Området findes ikke længere. Vælg igen.",
    "tests.error.test_unknown": "Afprøvningen findes ikke længere. Vælg en anden – eller ingen.",
    "tests.error.test_other_tool": "Den afprøvning handler om {tool}. Vælg samme redskab, eller en anden afprøvning.",
    "tests.error.already_closed": "Afprøvningen er allerede afsluttet.",
    "tests.error.no_results_confirm": "Der er ingen resultater fra afprøvningen endnu. Vil du alligevel anbefale {tool}? Så bliver det sendt ud til alle dagtilbud, der ikke bruger det.",
}
