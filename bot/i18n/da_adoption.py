"""Dansk: hvor langt hvert dagtilbud er med et redskab – i gang, i brug eller stoppet
(`adoption.*`).
"""

MESSAGES: dict[str, str] = {
    # Tilstandene
    "adoption.state.not_started": "ikke startet",
    "adoption.state.getting_started": "i gang",
    "adoption.state.in_use": "i brug",
    "adoption.state.stopped": "stoppet",
    # Vejledningens kort
    "adoption.count": "I brug i {in_use} af {daycares} dagtilbud",
    "adoption.neighbours": "Spørg naboen: {names}",
    "adoption.own": "{daycare}: {state}",
    "adoption.button.started": "Vi er i gang",
    "adoption.button.in_use": "Vi bruger det",
    "adoption.button.stopped": "Vi er stoppet",
    "adoption.button.other": "Angiv for et dagtilbud",
    # Formularerne
    "adoption.stop_title": "Vi er stoppet",
    "adoption.stop_intro": "I er stoppet med {tool}. Hvad fik jer til at stoppe?",
    "adoption.set_title": "Brug af redskabet",
    "adoption.set_intro": "Hvor langt er dagtilbuddet med **{tool}**?",
    "adoption.daycare": "Dagtilbud",
    "adoption.state": "Status",
    "adoption.reason": "Hvorfor stoppede I?",
    "adoption.reason_hint": "Fx for svært at komme i gang, udstyret driller, eller det passede ikke til børnene. Skriv ikke børns navne.",
    "adoption.save": "Gem",
    "adoption.cancel": "Annullér",
    # Svar
    "adoption.saved": "Gemt: **{daycare}** er nu _{state}_ med **{tool}**.",
    "adoption.unchanged": "**{daycare}** er allerede _{state}_ med **{tool}** – intet er ændret.",
    "adoption.not_allowed": "Du kan kun sætte status for dit eget dagtilbud (superbruger) eller dagtilbuddene i dine områder (ambassadør).",
    "adoption.gone": "Dagtilbuddet eller redskabet findes ikke længere.",
    "adoption.error.unknown_state": "Vælg en af de kendte statusser.",
    "adoption.error.reason_missing": "Skriv kort, hvorfor I stoppede – det hjælper de andre dagtilbud.",
    "adoption.error.too_long": "Højst {limit} tegn (du har skrevet {length}).",
    # /tovholder network <dagtilbud>
    "adoption.daycare_tools": "**Redskaber i {daycare}:**",
    "adoption.daycare_no_tools": "{daycare} har endnu ikke meldt brug af nogen redskaber.",
    "adoption.tool_line": "• **{tool}** – {state}",
    "adoption.because": "fordi: {reason}",
}
