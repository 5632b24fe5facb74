"""Dansk: hjælpen – `/tovholder hjælp` og hjælpen efter rolle (`help.*`)."""

MESSAGES: dict[str, str] = {
    # /tovholder help, "hjælp" i en direkte besked eller med et @-nævn
    "help.header": "Tovholder – hjælp",
    "help.intro": (
        "Jeg er Tovholder og hjælper ambassadører, superbrugere, "
        "koordinatoren og ledelsen med at holde hjulene i gang."
    ),
    "help.commands": "**Det kan du bede mig om:**",
    "help.unknown": "Den kender jeg ikke: »{text}«. Her er, hvad jeg kan:",
    "help.dm": "Du kan også skrive **hjælp** til mig i en direkte besked.",
    "help.fallback": "Tovholder – hjælp: {commands}",
    # Hjælpen efter rolle
    "help.commands_all": "**Alt, hvad du kan bede mig om:**",
    "help.see_all": "Se alt, hvad du kan bruge mig til: `/tovholder hjælp alt`. Du kan også skrive **hjælp** til mig i en direkte besked.",
    "help.all_note": "Det er alle kommandoerne. Den korte liste får du med `/tovholder hjælp`.",
    "help.all_note_more": "Det er alle de kommandoer, dine roller giver adgang til. Den korte liste får du med `/tovholder hjælp`.",
    "help.settings_channels": "Vælg kanalerne, og giv eller fjern roller.",
}
