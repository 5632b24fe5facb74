"""Dansk: fejl, personen skal have at vide om (`error.*`)."""

MESSAGES: dict[str, str] = {
    # Fejl
    "error.other_workspace": "Tovholder svarer kun i kommunens eget Slack-arbejdsområde.",
    "error.apology": (
        "Beklager, der gik noget galt hos mig. Prøv igen om lidt – "
        "og sig det til jeres koordinator, hvis det bliver ved."
    ),
    "error.unreadable_request": (
        "Jeg kunne ikke læse det, Slack sendte mig, så der skete ingenting. Prøv igen – "
        "og sig det til jeres koordinator, hvis det bliver ved."
    ),
}
