"""Dansk: `/tovholder indstillinger mine` – ens egne påmindelser på pause (`my.*`)."""

MESSAGES: dict[str, str] = {
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
