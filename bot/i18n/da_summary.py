"""Dansk: `/tool-test opsummering` – evalueringen af et redskab (`summary.*`)."""

MESSAGES: dict[str, str] = {
    # Evalueringen
    "summary.header": "Evaluering: {tool}",
    "summary.nothing": "Der er endnu ingen afprøvninger eller testresultater for **{tool}** i Tovholder.",
    "summary.status": "**Status:** {status}",
    "summary.counts": "**Afprøvninger:** {tests} ({running} i gang) · **Resultater:** {results}",
    "summary.where": "**Dagtilbud:** {daycares}\n**Områder:** {areas}",
    "summary.average": "**Gennemsnit:** {stars} {average}",
    "summary.recommendations": "**Anbefalinger:**",
    "summary.themes": "**Læreplanstemaer:** {themes}",
    "summary.quotes": "**Seneste ord fra afprøvningerne:**",
    "summary.quote": "> {text}\n– {who}, {daycare}, {day}",
    "summary.short": "Testresultater: {results}",
    "summary.short_daycares": "Dagtilbud: {daycares}",
    "summary.short_recommend": "Anbefaler: {count}",
    "summary.fallback": "Evaluering af {tool}: {results} resultater",
    # /tool-test opsummering uden et redskab
    "summary.choose": "**Redskaber med testresultater** – vælg et, eller skriv fx `/tool-test opsummering Bee-Bot`:",
    "summary.choose_none": "Der er ingen testresultater endnu. Du kan stadig se status for et redskab: skriv fx `/tool-test opsummering Bee-Bot`.",
    "summary.choose_line": "**{tool}** · resultater: {results}",
    "summary.choose_button": "Se evalueringen",
    "summary.choose_fallback": "Redskaber med testresultater: {tools}",
    # Ledelsens seneste beslutning i evalueringen
    "summary.decision": "**Ledelsens seneste beslutning:** {decision} ({day})",
    "summary.decision_why": "**Hvorfor:** {note}",
}
