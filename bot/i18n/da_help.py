"""Dansk: hjælpen efter rolle, kommandoernes brug med danske ord, svar på en hilsen, og
redskaberne med resultater, når `/tool-test opsummering` er skrevet uden et redskab."""

MESSAGES: dict[str, str] = {
    # Sådan skrives hver kommando (hjælpen viser de danske ord; de engelske virker også)
    "usage.tool_guide": "/tool-guide [det du leder efter]",
    "usage.tool_guide_new": "/tool-guide ny <redskab>",
    "usage.sparring": "/sparring [dit spørgsmål]",
    "usage.sparring_mine": "/sparring mine",
    "usage.tool_test": "/tool-test [start | resultat]",
    "usage.tool_test_summary": "/tool-test opsummering [redskab]",
    "usage.tool_test_train": "/tool-test oplæring <redskab>",
    "usage.tool_test_trainings": "/tool-test oplæringer",
    "usage.network": "/tovholder netværk [område | dagtilbud]",
    "usage.pulse": "/tovholder puls [område] [periode]",
    "usage.pulse_export": "/tovholder puls eksport [periode] [md | csv | json]",
    "usage.my_settings": "/tovholder indstillinger",
    "usage.my_settings_mine": "/tovholder indstillinger mine",
    "usage.settings": "/tovholder indstillinger",
    "usage.my_data": "/tovholder mine-data",
    "usage.gdpr_erase": "/tovholder gdpr slet @person",
    "usage.gdpr_log": "/tovholder gdpr log",
    "usage.help": "/tovholder hjælp [alt]",
    # Hjælpen efter rolle
    "help.commands_all": "*Alt, hvad du kan bede mig om:*",
    "help.see_all": "Se alt, hvad du kan bruge mig til: `/tovholder hjælp alt`. Du kan også skrive *hjælp* til mig i en direkte besked.",
    "help.all_note": "Det er alle kommandoerne. Den korte liste får du med `/tovholder hjælp`.",
    "help.all_note_more": "Det er alle de kommandoer, dine roller giver adgang til. Den korte liste får du med `/tovholder hjælp`.",
    "help.settings_channels": "Vælg kanalerne, og giv eller fjern roller.",
    # Svar på en hilsen i en direkte besked
    "greeting.hello": "Hej {name}!",
    "greeting.hello_anonymous": "Hej!",
    "greeting.morning": "Godmorgen, {name}!",
    "greeting.morning_anonymous": "Godmorgen!",
    "greeting.thanks": "Selv tak, {name}!",
    "greeting.thanks_anonymous": "Selv tak!",
    "greeting.commands": "To ting, jeg kan hjælpe dig med:",
    "greeting.more": "Skriv *hjælp*, så viser jeg resten.",
    # /tool-test opsummering uden et redskab
    "summary.choose": "*Redskaber med testresultater* – vælg et, eller skriv fx `/tool-test opsummering Bee-Bot`:",
    "summary.choose_none": "Der er ingen testresultater endnu. Du kan stadig se status for et redskab: skriv fx `/tool-test opsummering Bee-Bot`.",
    "summary.choose_line": "*{tool}* · resultater: {results}",
    "summary.choose_button": "Se evalueringen",
    "summary.choose_fallback": "Redskaber med testresultater: {tools}",
    # Ledelsens seneste beslutning i evalueringen
    "summary.decision": "*Ledelsens seneste beslutning:* {decision} ({day})",
    "summary.decision_why": "*Hvorfor:* {note}",
}
