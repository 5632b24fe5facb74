"""Dansk: velkomsten til en ny i netværket (`welcome.*`)."""

MESSAGES: dict[str, str] = {
    # Velkomst til nye superbrugere
    "welcome.header": "Velkommen som superbruger",
    "welcome.intro": "Hej {name}! Du er nu superbruger i **{daycare}** (område {area}). Du er med til at få de digitale redskaber ud at leve hos jer.",
    "welcome.ambassador": "**Din ambassadør i område {area}:** {names}, som du altid kan spørge.",
    "welcome.ambassadors": "**Dine ambassadører i område {area}:** {names}, som du altid kan spørge.",
    "welcome.no_ambassador": "Område {area} har ingen ambassadør lige nu. Indtil da kan du spørge {coordinators}.",
    "welcome.first_question": "Stil dit første spørgsmål",
    "welcome.browse_guides": "Se vejledningerne",
    "welcome.commands": "**Det kan du bruge mig til:**",
    "welcome.ambassador_note": "Ny superbruger i område {area}: {superuser} i **{daycare}**. Tag gerne kontakt og aftal en oplæring.",
    "welcome.ambassador_header": "Velkommen som ambassadør",
    "welcome.ambassador_intro": "Hej {name}! Du er nu ambassadør for område {areas}. Du afprøver redskaber, skriver vejledninger, svarer på kollegernes sparringsspørgsmål og holder oplæring for superbrugerne.",
    "welcome.open_questions": "**Spørgsmål fra dit område, som ingen har taget endnu ({count}):**",
    "welcome.no_open_questions": "Der er ingen ubesvarede spørgsmål fra dit område lige nu.",
}
