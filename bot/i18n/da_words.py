"""Dansk: ord for de værdier, botten nævner: roller, læreplanstemaer, aldersgrupper, måneder,
perioder, datoer, redskabers status, beslutninger, anbefalinger, børnenes engagement,
afprøvningers og påmindelsers tilstand og »eller« i en opremsning.
"""

MESSAGES: dict[str, str] = {
    # Alternativer: "A, B eller C" (bot.i18n.either)
    "list.or": "eller",
    # Roller
    "role.ambassador": "ambassadør",
    "role.superuser": "superbruger",
    "role.coordinator": "koordinator",
    "role.leader": "ledelse",
    # Den styrkede pædagogiske læreplans seks temaer
    "theme.personlig-udvikling": "Alsidig personlig udvikling",
    "theme.social-udvikling": "Social udvikling",
    "theme.kommunikation-sprog": "Kommunikation og sprog",
    "theme.krop-sanser-bevaegelse": "Krop, sanser og bevægelse",
    "theme.natur-udeliv-science": "Natur, udeliv og science",
    "theme.kultur-aestetik-faellesskab": "Kultur, æstetik og fællesskab",
    # Aldersgrupper
    "age_group.vuggestue": "Vuggestue (0–2 år)",
    "age_group.boernehave": "Børnehave (3–5 år)",
    # Et redskabs livsforløb
    "tool_status.proposed": "Foreslået",
    "tool_status.in_test": "Under afprøvning",
    "tool_status.evaluated": "Evalueret",
    "tool_status.recommended": "Anbefalet",
    "tool_status.not_recommended": "Ikke anbefalet",
    "tool_status.retired": "Udfaset",
    # Ledelsens beslutninger
    "decision.approved": "Godkendt",
    "decision.stopped": "Stoppet",
    "decision.to_be_spread": "Skal spredes",
    # Datoer
    "date.day": "{day}. {month} {year}",
    "month.1": "jan.",
    "month.2": "feb.",
    "month.3": "mar.",
    "month.4": "apr.",
    "month.5": "maj",
    "month.6": "jun.",
    "month.7": "jul.",
    "month.8": "aug.",
    "month.9": "sep.",
    "month.10": "okt.",
    "month.11": "nov.",
    "month.12": "dec.",
    # Anbefalinger i et testresultat
    "recommendation.recommend": "Anbefales",
    "recommendation.recommend_with_conditions": "Anbefales med forbehold",
    "recommendation.not_recommended": "Anbefales ikke",
    "recommendation.needs_more_testing": "Skal afprøves mere",
    # Hvor optagede børnene var
    "engagement.low": "Kun lidt optagede",
    "engagement.medium": "Optagede",
    "engagement.high": "Meget optagede",
    # En afprøvnings tilstand
    "test_state.running": "I gang",
    "test_state.closed": "Afsluttet",
    "reminder_state.pending": "venter",
    "reminder_state.sending": "sendes",
    "reminder_state.sent": "sendt",
    "reminder_state.failed": "fejlet",
    "reminder_state.cancelled": "annulleret",
    "period.week": "uge {week}",
    "period.month": "{month} {year}",
    "period.quarter": "{quarter}. kvartal {year}",
}
