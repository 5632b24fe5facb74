"""Dansk: `tovholder org export` og `tovholder export` (`org_export.*`, `export.*`)."""

MESSAGES: dict[str, str] = {
    "org_export.done": "{people} personer er skrevet til {file}.",
    "org_export.inexact": "Bemærk: filen kan ikke vise rollerne præcist for {names} (fx superbruger i et område, personen ikke er ambassadør for). Tjek dem, før filen indlæses igen.",
    "export.done": "Alle data er skrevet til {file}.",
    "export.cannot_write": "Kan ikke skrive til {file}.",
}
