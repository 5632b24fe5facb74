"""Dansk: svaret på en direkte besked, botten ikke forstår (`dm.*`)."""

MESSAGES: dict[str, str] = {
    # Direkte beskeder og @-nævn
    "dm.not_understood": (
        "Det forstod jeg ikke helt. Skriv **hjælp**, så viser jeg, hvad jeg kan hjælpe med."
    ),
}
