"""Dansk: områdets evaluering – kvartalets spørgsmål til ambassadører og superbrugere
(`area_eval.*`).
"""

MESSAGES: dict[str, str] = {
    # Påmindelsen
    "area_eval.nudge_quarterly": "Kvartalets evaluering for område {area}: Hvordan går det med de digitale redskaber?",
    "area_eval.nudge": "Evaluering for område {area}: Hvordan går det med de digitale redskaber?",
    "area_eval.nudge_ambassador": "Fire korte spørgsmål: hvad virker, hvad er svært, hvilke redskaber skal droppes eller spredes – og hvad har du brug for? Svarene indgår i ledelsens overblik.",
    "area_eval.nudge_superuser": "Tre korte spørgsmål: hvad virker, hvad er svært – og hvad har du brug for? Svarene indgår i ledelsens overblik.",
    "area_eval.answer": "Svar (3 min.)",
    # Formularen
    "area_eval.title": "Områdets evaluering",
    "area_eval.submit": "Gem svar",
    "area_eval.intro": "**Område {area}** – evalueringen fra {day}. Svar på det, du kan; et tomt felt er i orden.",
    "area_eval.hint": "Ledelsen og koordinatoren læser svarene. Skriv ikke børns navne eller CPR-numre.",
    "area_eval.works": "Hvad virker godt?",
    "area_eval.works_hint": "Fx et redskab, børnene er glade for, eller en måde at arbejde på, der fungerer.",
    "area_eval.hard": "Hvad er svært?",
    "area_eval.drop_or_spread": "Hvilke redskaber skal vi droppe – og hvilke skal spredes til flere?",
    "area_eval.support": "Hvilken støtte har du brug for?",
    "area_eval.support_hint": "Fx oplæring, tid, udstyr eller hjælp fra en ambassadør.",
    # Svar og fejl
    "area_eval.saved": "Tak – dine svar er gemt. Du kan rette dem med knappen i beskeden, så længe evalueringen løber.",
    "area_eval.closed": "Den evaluering er afsluttet. Du får besked, når den næste begynder.",
    "area_eval.not_in_area": "Du er ikke længere ambassadør eller superbruger i område {area}, så den evaluering skal du ikke svare på.",
    "area_eval.error.empty": "Skriv mindst ét svar – et par ord er nok.",
    "area_eval.error.too_long": "Højst {limit} tegn – du har skrevet {length}.",
    "area_eval.error.ambassadors_only": "Det spørgsmål er kun til ambassadører. Tøm feltet, og gem igen.",
}
