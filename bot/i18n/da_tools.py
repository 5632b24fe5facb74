"""Dansk: `tovholder tools` – redskabskataloget fra kommandolinjen (`tools.*`)."""

MESSAGES: dict[str, str] = {
    "tools.unknown": "Redskabet »{name}« findes ikke i kataloget. Ligner: {close}",
    "tools.empty": "Kataloget er tomt. Redskaber kommer ind med vejledningerne (tovholder guides import).",
    "tools.bad_status": "Ukendt status »{status}«. Brug en af: {allowed}",
    "tools.step_refused": "{tool} har status {current} og kan ikke gå direkte til {status}. Næste skridt kan være: {allowed}",
    "tools.status_changed": "{tool} har nu status {status}.",
    "tools.status_unchanged": "{tool} har allerede status {status}. Intet ændret.",
    "tools.bad_decision": "Ukendt beslutning »{decision}«. Brug en af: {allowed}",
    "tools.bad_date": "Datoen »{value}« kan ikke læses. Skriv den fx som 30.11.2026, 30/11 eller 2026-11-30.",
    "tools.note_too_long": "Noten er for lang: højst {limit} tegn, her står {length}.",
    "tools.decided": "Beslutning gemt: {tool} – {decision} ({day}).",
}
