"""Dansk: `tovholder reminders` – planlagte og fejlede påmindelser fra kommandolinjen
(`reminders.*`).
"""

MESSAGES: dict[str, str] = {
    "reminders.none": "Ingen påmindelser er planlagt.",
    "reminders.none_due": "Ingen påmindelser venter på at blive sendt lige nu.",
    "reminders.none_failed": "Ingen påmindelser er fejlet.",
    "reminders.header": "Tidspunkt\tTilstand\tForsøg\tTil\tHvorfor\tNøgle",
    "reminders.failed_header": "Fejlet\tForsøg\tTil\tHvorfor\tFejl\tNøgle",
    "reminders.not_in_org": "ikke i organisationen",
    "reminders.paused": "sat på pause til og med {day}",
    "reminders.summary": "{count} påmindelser i alt: {states}.",
    "reminders.failed_hint": "Ret årsagen (fx en person, der har forladt Slack), og send påmindelsen igen med: tovholder reminders retry ID",
    "reminders.retried": "Påmindelse #{id} sendes igen ved næste udsendelse.",
    "reminders.not_failed": "Påmindelse #{id} findes ikke eller er ikke fejlet, så der er intet at sende igen.",
}
