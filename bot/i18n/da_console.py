"""Dansk: konsollen – Tovholder i terminalen uden Slack (`console.*`)."""

MESSAGES: dict[str, str] = {
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
}
