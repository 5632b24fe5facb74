"""Dansk: `tovholder guides` på kommandolinjen (`guides.*`)."""

MESSAGES: dict[str, str] = {
    # Kommandolinjen
    "guides.path_missing": "{path} findes ikke.",
    "guides.file_unreadable": "Filen {file} kan ikke læses.",
    "guides.no_files": "Der er ingen Markdown-filer (.md) i {path}.",
    "guides.problem": "{file}: {reason}",
    "guides.created": "{file}: ny vejledning »{slug}« (version {version}).",
    "guides.updated": "{file}: »{slug}« er opdateret til version {version}.",
    "guides.unchanged": "{file}: »{slug}« er uændret (version {version}).",
    "guides.owner_unknown": "{file}: ejeren {email} findes ikke i organisationen endnu – vejledningen er lagt ind uden ejer. Importér organisationen (tovholder org import) og derefter vejledningerne igen, eller ret e-mailen.",
    "guides.summary": "{files} filer: {created} nye, {updated} opdaterede, {unchanged} uændrede, {failed} med fejl.",
    "guides.dry_run": "Prøvekørsel: filerne er kontrolleret, men intet er gemt.",
    "guides.exported": "{count} vejledninger skrevet til {dir}.",
    "guides.cannot_write": "Kan ikke skrive til {file}.",
}
