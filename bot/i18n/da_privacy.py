"""Dansk: CPR-vagten – tekst med et CPR-nummer bliver ikke gemt (`privacy.*`)."""

MESSAGES: dict[str, str] = {
    # Fejl ved et felt i en formular (modal)
    "privacy.cpr_field": (
        "Teksten ser ud til at indeholde et CPR-nummer ({masked}). "
        "Det må ikke gemmes her – fjern det, og prøv igen."
    ),
    # Privat svar på en skråstregskommando, en genvej eller en direkte besked
    "privacy.cpr_not_saved": (
        "Din tekst ser ud til at indeholde et CPR-nummer ({masked}). "
        "CPR-numre må ikke gemmes her, så intet er gemt. Fjern nummeret, og prøv igen."
    ),
    # Privat svar i tråden under en besked i testkanalen
    "privacy.cpr_edit_message": (
        "Din besked ser ud til at indeholde et CPR-nummer ({masked}), så jeg har ikke gemt "
        "den som testresultat. Ret beskeden, og fjern nummeret – så gemmer jeg den. "
        "Overvej også at slette nummeret fra kanalen helt."
    ),
    # Et svar i en sparringstråd
    "privacy.cpr_reply": (
        "Dit svar i tråden ser ud til at indeholde et CPR-nummer ({masked}), så jeg har "
        "ikke gemt det ved spørgsmålet. Ret beskeden, og fjern nummeret."
    ),
    # tovholder guides import
    "privacy.cpr_import": (
        "Filen ser ud til at indeholde et CPR-nummer ({masked}), så den er ikke importeret. "
        "Fjern nummeret, og prøv igen."
    ),
}
