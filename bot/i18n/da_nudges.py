"""Dansk: påmindelser – evaluering af afprøvninger, tjek af vejledninger, nye superbrugere."""

MESSAGES: dict[str, str] = {
    "nudge.checkpoint": "Hvordan går det med *{tool}* i {where}? Det er tid til at evaluere afprøvningen ({day}).",
    "nudge.follow_up": "Påmindelse: Der er ikke kommet et resultat for *{tool}* i {where} siden evalueringen {day}. Har du fem minutter?",
    "nudge.your_daycares": "jeres dagtilbud",
    "nudge.question": "Afprøvningen skulle svare på: {question}",
    "nudge.snooze_1": "Mind mig i morgen",
    "nudge.snooze_7": "Mind mig om en uge",
    "nudge.snoozed": "Fint – jeg minder dig om det igen {day}.",
    "nudge.snooze_gone": "Den påmindelse er ikke aktuel længere.",
    "nudge.morning_intro": "Hej! Her er dine {count} påmindelser i dag. Tryk *Vis* ud for en af dem for at se den og svare.",
    "nudge.morning_text": "{count} påmindelser i dag",
    "nudge.show": "Vis",
    "nudge.shown_gone": "Den påmindelse er der ikke brug for længere – det er allerede klaret.",
    "nudge.guide_check": "Er vejledningen *{tool}: {title}* stadig rigtig? Den blev sidst tjekket {day}.",
    "nudge.still_right": "Ja, den er rigtig",
    "nudge.checked": "Tak! Vejledningen er markeret som tjekket i dag.",
    "nudge.hand_over": "Giv den videre",
    "nudge.hand_over_title": "Giv vejledningen videre",
    "nudge.hand_over_submit": "Giv videre",
    "nudge.hand_over_intro": "Hvem skal fremover holde *{title}* opdateret?",
    "nudge.hand_over_to": "Ny ansvarlig",
    "nudge.hand_over_not_yours": "Kun den ansvarlige for vejledningen eller koordinatoren kan give den videre.",
    "nudge.hand_over_not_ambassador": "Vælg en ambassadør (eller koordinatoren) – de skriver og holder vejledningerne.",
    "nudge.handed_over": "*{title}* er givet videre til {to}.",
    "nudge.received": "{by} har givet dig ansvaret for vejledningen *{title}*. Du får besked, når den skal tjekkes.",
    "nudge.onboarding": "{superuser} blev superbruger for to uger siden og har ikke brugt Tovholder endnu. Måske er det tid til at aftale en oplæring?",
}
MESSAGES.update(
    {
        "my.title": "Mine indstillinger",
        "my.intro": "Skal du på ferie eller orlov? Sæt dine påmindelser på pause, så kommer de, når du er tilbage.",
        "my.nudges": "Påmindelser",
        "my.nudges_on": "Send mig påmindelser",
        "my.nudges_paused": "Sæt dem på pause til og med datoen herunder",
        "my.until": "Til og med",
        "my.until_hint": "Påmindelser, der falder i pausen, kommer første arbejdsdag efter.",
        "my.until_future": "Vælg en dato efter i dag.",
        "my.coordinator": "Kanaler og roller ændres af koordinatoren: {coordinators}.",
        "my.paused": "Dine påmindelser er sat på pause til og med {day}.",
        "my.resumed": "Dine påmindelser er slået til.",
    }
)
MESSAGES.update(
    {
        "nudge.escalation": "Et sparringsspørgsmål fra {asker} har ventet på svar i {hours} arbejdstimer:",
        "nudge.escalation_everyone": "Det er stadig ikke besvaret, så nu går det til alle ambassadører og koordinatoren.",
        "nudge.escalation_channel": "Svar i tråden i {channel} – eller tag det med »Jeg tager den«.",
        "nudge.escalation_direct": "Svar {asker} i en direkte besked.",
    }
)
