"""Dansk: `/tovholder netværk` – områder, dagtilbud, superbrugere og dækning (`network.*`)."""

MESSAGES: dict[str, str] = {
    # /tovholder network
    "network.area_header": "Område {area}",
    "network.ambassadors": "**Ambassadører:** {names}",
    "network.none_yet": "ingen endnu",
    "network.daycares": "**Dagtilbud og superbrugere:**",
    "network.daycare_line": "• {daycare} – {superusers}",
    "network.no_superuser": "_mangler superbruger_",
    "network.focus": "**{daycare}** hører til område {area}.",
    "network.overview_header": "Netværket",
    "network.area_line": "• **{area}** – ambassadører: {ambassadors} · dagtilbud: {daycares}",
    "network.coverage_header": "**Dækning** (ambassadører og dagtilbud pr. område)",
    "network.coverage_line": "• {area} – ambassadører: {ambassadors}, dagtilbud: {daycares}",
    "network.gap_no_ambassador": "Område {area} har ingen ambassadør.",
    "network.gap_no_superuser": "{daycare} ({area}) har ingen superbruger.",
    "network.no_gaps": "Ingen huller: alle områder har en ambassadør, og alle dagtilbud har en superbruger.",
    "network.unknown": "Jeg kan ikke finde »{query}«. Kendte områder: {areas}. Du kan også skrive navnet på et dagtilbud.",
    "network.not_registered": "Du er ikke registreret i netværket endnu. Skriv til {coordinators}, så bliver du lagt ind.",
    "network.no_coordinator": "jeres koordinator",
    "network.empty": "Netværket er tomt endnu. Koordinatoren lægger organisationen ind med `tovholder org import`.",
    "network.fallback": "Netværket: {areas}",
}
