"""Dansk — standardsproget. Kort, venligt og i et sprog, en pædagog bruger til dagligt."""

from bot.i18n import (
    da_adoption,
    da_area_evaluations,
    da_gdpr,
    da_guides,
    da_help,
    da_home,
    da_nudges,
    da_org_import,
    da_privacy,
    da_pulse,
    da_pulse_files,
    da_reminders,
    da_search,
    da_sparring,
    da_sparring_handling,
    da_spreading,
    da_test_ui,
    da_tool_guide,
    da_tool_tests,
    da_tools,
    da_trainings,
)

MESSAGES: dict[str, str] = {
    # /tovholder help, "hjælp" i en direkte besked eller med et @-nævn
    "help.header": "Tovholder – hjælp",
    "help.intro": (
        "Jeg er Tovholder og hjælper ambassadører, superbrugere, "
        "koordinatoren og ledelsen med at holde hjulene i gang."
    ),
    "help.commands": "*Det kan du bede mig om:*",
    "help.unknown": "Den kender jeg ikke: »{text}«. Her er, hvad jeg kan:",
    "help.dm": "Du kan også skrive *hjælp* til mig i en direkte besked.",
    "help.fallback": "Tovholder – hjælp: {commands}",
    "command.tovholder_help": "Vis denne hjælp.",
    # /tovholder network
    "network.area_header": "Område {area}",
    "network.ambassadors": "*Ambassadører:* {names}",
    "network.none_yet": "ingen endnu",
    "network.daycares": "*Dagtilbud og superbrugere:*",
    "network.daycare_line": "• {daycare} – {superusers}",
    "network.no_superuser": "_mangler superbruger_",
    "network.focus": "*{daycare}* hører til område {area}.",
    "network.overview_header": "Netværket",
    "network.area_line": "• *{area}* – ambassadører: {ambassadors} · dagtilbud: {daycares}",
    "network.coverage_header": "*Dækning* (ambassadører og dagtilbud pr. område)",
    "network.coverage_line": "• {area} – ambassadører: {ambassadors}, dagtilbud: {daycares}",
    "network.gap_no_ambassador": "Område {area} har ingen ambassadør.",
    "network.gap_no_superuser": "{daycare} ({area}) har ingen superbruger.",
    "network.no_gaps": "Ingen huller: alle områder har en ambassadør, og alle dagtilbud har en superbruger.",
    "network.unknown": "Jeg kan ikke finde »{query}«. Kendte områder: {areas}. Du kan også skrive navnet på et dagtilbud.",
    "network.not_registered": "Du er ikke registreret i netværket endnu. Skriv til {coordinators}, så bliver du lagt ind.",
    "network.no_coordinator": "jeres koordinator",
    "network.empty": "Netværket er tomt endnu. Koordinatoren lægger organisationen ind med `tovholder org import`.",
    "network.fallback": "Netværket: {areas}",
    "command.tovholder_network": "Se dit område: ambassadører, dagtilbud og superbrugere. Skriv et område eller et dagtilbud for at se et andet.",
    # Direkte beskeder og @-nævn
    "dm.not_understood": (
        "Det forstod jeg ikke helt. Skriv *hjælp*, så viser jeg, hvad jeg kan hjælpe med."
    ),
    # Fejl
    "error.other_workspace": "Tovholder svarer kun i kommunens eget Slack-arbejdsområde.",
    "error.apology": (
        "Beklager, der gik noget galt hos mig. Prøv igen om lidt – "
        "og sig det til jeres koordinator, hvis det bliver ved."
    ),
    "error.unreadable_request": (
        "Jeg kunne ikke læse det, Slack sendte mig, så der skete ingenting. Prøv igen – "
        "og sig det til jeres koordinator, hvis det bliver ved."
    ),
    # Konsollen (lokal afprøvning uden Slack)
    "console.title": "Tovholder – lokal konsol (uden Slack). Skriv :help for hjælp, :quit for at slutte.",
    "console.seeded": (
        "Databasen var tom, så jeg har lagt en demo-kommune ind: "
        "{areas} områder, {daycares} dagtilbud og {people} personer."
    ),
    "console.whoami": "Du er {name} i {channel}.",
    "console.help": (
        "Linjer, der starter med / , er kommandoer (fx /tovholder hjælp).\n"
        "Andre linjer er beskeder i den kanal, du står i.\n"
        ":as <navn eller e-mail>  skift til en anden person\n"
        ":in #kanal               gå til en kanal (:in @navn for en direkte besked til mig)\n"
        ":people                  vis personerne i demo-kommunen\n"
        ":clock +3d | +4h | 2026-12-24   flyt tiden frem, så planlagte påmindelser sendes\n"
        ":home                    vis din startside i appen\n"
        "<tal>                    klik på knappen med det nummer\n"
        ":reply m<tal> tekst      svar i tråden til beskeden med det nummer (fx :reply m2 Tak)\n"
        ":cancel                  luk den åbne formular\n"
        ":help   denne hjælp       :quit   afslut"
    ),
    "console.unknown_person": "Jeg kender ingen, der hedder »{who}«. Prøv :people.",
    "console.ambiguous_person": "»{who}« passer på flere: {names}. Skriv lidt mere af navnet.",
    "console.unknown_channel": "Kanalen »{channel}« findes ikke. Kanaler: {channels}.",
    "console.unknown_meta": "Ukendt konsolkommando »{command}«. Skriv :help.",
    "console.no_button": "Der er ingen knap med nummer {number}.",
    "console.clock_bad": "Skriv fx :clock +3d, :clock +4h, :clock 24.12 eller :clock 24.12.2026 09:30.",
    "console.clock_past": "Tiden kan kun flyttes frem.",
    "console.clock_moved": "Klokken er nu {now}.",
    "console.ephemeral": "kun synlig for dig",
    "console.dm_to": "direkte besked til {name}",
    "console.in_channel": "i #{channel}",
    "console.updated": "opdateret",
    "console.deleted": "(beskeden er slettet)",
    "console.modal_open": "Formular: {title}  (:cancel for at lukke)",
    "console.modal_choose": "Vælg et nummer",
    "console.modal_optional": "valgfri",
    "console.modal_errors": "Formularen blev ikke sendt:",
    "console.modal_cancelled": "Formularen er lukket.",
    "console.home_empty": "Din startside er tom.",
    "console.failed": "Det gik galt her i konsollen, men du kan fortsætte: {error}",
    "console.in_thread": "i tråden til m{number}",
    "console.in_a_thread": "i en tråd",
    "console.replied": "(dit svar i tråden til m{number})",
    "console.modal_confirm": "Tryk Enter for »{submit}«, eller skriv :cancel for at lukke.",
    "console.no_modal": "Der er ingen åben formular.",
    "console.reply_usage": "Skriv :reply, nummeret på beskeden (det står ved den, fx [m1]) og dit svar: :reply m1 Tak.",
    "console.refused": "Slack ville have afvist dette svar: {error}",
    "console.guest": "Gæst",
    "console.bye": "Farvel.",
    "console.people_line": "{name} <{email}> – {roles}",
    # Roller
    # Alternativer: "A, B eller C" (bot.i18n.either)
    "list.or": "eller",
    "role.ambassador": "ambassadør",
    "role.superuser": "superbruger",
    "role.coordinator": "koordinator",
    "role.leader": "ledelse",
    # Indstillinger
    "settings.unknown_key": "Ukendt indstilling »{key}«. Mulige: {keys}.",
    "settings.bad_number": "»{value}« er ikke et gyldigt tal til {key}. Skriv et helt tal, fx 8.",
    "settings.bad_channel": "»{value}« er ikke et kanal-id til {key}. Brug kanalens id, fx C0123ABCD (højreklik på kanalen → Kopiér link).",
    # Velkomst til nye superbrugere
    "welcome.header": "Velkommen som superbruger",
    "welcome.intro": "Hej {name}! Du er nu superbruger i *{daycare}* (område {area}). Du er med til at få de digitale redskaber ud at leve hos jer.",
    "welcome.ambassador": "*Din ambassadør i område {area}:* {names}, som du altid kan spørge.",
    "welcome.ambassadors": "*Dine ambassadører i område {area}:* {names}, som du altid kan spørge.",
    "welcome.no_ambassador": "Område {area} har ingen ambassadør lige nu. Indtil da kan du spørge {coordinators}.",
    "welcome.first_question": "Stil dit første spørgsmål",
    "welcome.browse_guides": "Se vejledningerne",
    "welcome.commands": "*Det kan du bruge mig til:*",
    "welcome.ambassador_note": "Ny superbruger i område {area}: {superuser} i *{daycare}*. Tag gerne kontakt og aftal en oplæring.",
    "welcome.ambassador_header": "Velkommen som ambassadør",
    "welcome.ambassador_intro": "Hej {name}! Du er nu ambassadør for område {areas}. Du afprøver redskaber, skriver vejledninger, svarer på kollegernes sparringsspørgsmål og holder oplæring for superbrugerne.",
    "welcome.open_questions": "*Spørgsmål fra dit område, som ingen har taget endnu ({count}):*",
    "welcome.no_open_questions": "Der er ingen ubesvarede spørgsmål fra dit område lige nu.",
    "command.tovholder_settings": "Sæt dine påmindelser på pause (ferie, orlov).",
    "settings.title": "Indstillinger",
    "settings.save": "Gem",
    "settings.close": "Luk",
    "settings.channels_intro": "*Kanaler* – hvor jeg arbejder. Ændringer gælder med det samme.",
    "settings.sparring_channel": "Sparringskanal",
    "settings.test_channel": "Kanal til afprøvninger",
    "settings.leadership_channel": "Ledelsens kanal",
    "settings.roles_intro": "*Roller* – giv en person en rolle, eller tag den fra dem.",
    "settings.role_person": "Person",
    "settings.role_change": "Hvad skal ske?",
    "settings.role_add": "Giv rollen",
    "settings.role_remove": "Fjern rollen",
    "settings.role": "Rolle",
    "settings.role_area": "Område",
    "settings.role_area_hint": "Kun for ambassadører.",
    "settings.role_daycare": "Dagtilbud",
    "settings.role_daycare_hint": "Kun for superbrugere.",
    "settings.saved": "Indstillingerne er gemt.",
    "settings.nothing_changed": "Der var ingen ændringer at gemme.",
    "settings.changed_channel": "{key}: {channel}",
    "settings.cleared_channel": "{key}: ingen kanal",
    "settings.role_added": "{person} er nu {role}.",
    "settings.role_removed": "{person} er ikke længere {role}.",
    "settings.error_channel": "Vælg en kanal fra listen.",
    "settings.error_person_needed": "Vælg den person, rollen gælder.",
    "settings.error_role_needed": "Vælg en rolle.",
    "settings.error_area_needed": "En ambassadør skal have et område.",
    "settings.error_daycare_needed": "En superbruger skal have et dagtilbud.",
    "settings.error_not_registered": "Personen er ikke i netværket, så der er ingen rolle at fjerne.",
    "settings.error_unknown_user": "Jeg kan ikke finde personen i Slack.",
    "settings.error_slack_unavailable": "Slack svarer ikke lige nu, så jeg kan ikke slå personen op. Prøv igen om lidt.",
    "settings.error_role_missing": "Personen har ikke den rolle (i det område eller dagtilbud).",
    "settings.error_person_conflict": "En anden person i netværket har allerede den e-mailadresse.",
    # Rettigheder
    "permission.refused": "Det er kun {roles}, der kan {action}. Spørg {coordinators}.",
    "permission.manage_organisation": "ændre organisationen",
    "permission.manage_settings": "ændre indstillingerne",
    "permission.see_coverage": "se netværkets dækning",
    "permission.write_guides": "skrive vejledninger",
    "permission.run_tool_tests": "starte afprøvninger",
    "permission.plan_trainings": "planlægge oplæringer",
    "permission.answer_sparring": "besvare sparringsspørgsmål",
    "permission.read_guides": "læse vejledninger",
    "permission.ask_questions": "stille spørgsmål",
    # Kommandolinjen
    "cli.migrated": "Databasen er opdateret: {names}.",
    "cli.up_to_date": "Databasen er allerede opdateret.",
    "cli.backup_done": "Sikkerhedskopi gemt i {path}.",
    "cli.seeded": "Demo-kommunen er lagt ind: {areas} områder, {daycares} dagtilbud, {people} personer.",
    "cli.not_empty": "Databasen har allerede personer, så demo-data er ikke lagt ind.",
}
MESSAGES.update(da_org_import.MESSAGES)
MESSAGES.update(da_guides.MESSAGES)
MESSAGES.update(da_search.MESSAGES)
MESSAGES.update(da_tool_guide.MESSAGES)
MESSAGES.update(da_sparring.MESSAGES)
MESSAGES.update(da_sparring_handling.MESSAGES)
MESSAGES.update(da_tools.MESSAGES)
MESSAGES.update(da_test_ui.MESSAGES)
MESSAGES.update(da_tool_tests.MESSAGES)
MESSAGES.update(da_nudges.MESSAGES)
MESSAGES.update(da_reminders.MESSAGES)
MESSAGES.update(da_area_evaluations.MESSAGES)
MESSAGES.update(da_adoption.MESSAGES)
MESSAGES.update(da_trainings.MESSAGES)
MESSAGES.update(da_spreading.MESSAGES)
MESSAGES.update(da_pulse.MESSAGES)
MESSAGES.update(da_pulse_files.MESSAGES)
MESSAGES.update(da_home.MESSAGES)
MESSAGES.update(da_gdpr.MESSAGES)
MESSAGES.update(da_privacy.MESSAGES)
MESSAGES.update(da_help.MESSAGES)
