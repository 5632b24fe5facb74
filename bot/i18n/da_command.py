"""Dansk: hver kommandos beskrivelse i hjælpen (`command.*`)."""

MESSAGES: dict[str, str] = {
    "command.tovholder_help": "Vis denne hjælp.",
    "command.tovholder_network": "Se dit område: ambassadører, dagtilbud og superbrugere. Skriv et område eller et dagtilbud for at se et andet.",
    "command.tovholder_settings": "Sæt dine påmindelser på pause (ferie, orlov).",
    # Hjælpen
    "command.tool_guide": "Find vejledningen til et redskab med dine egne ord – eller se dem alle uden ord.",
    "command.tool_guide_new": "Ambassadører: skriv en ny vejledning.",
    "command.sparring": "Stil et spørgsmål til ambassadørerne i dit område.",
    "command.sparring_mine": "Se dine spørgsmål, der ikke er løst endnu.",
    # Hjælpen
    "command.tool_test": "Dine afprøvninger: start en ny (`start`), eller registrér et resultat (`resultat`).",
    "command.tool_test_summary": "Se evalueringen af et redskab: resultater, anbefalinger og citater.",
}
