"""English: `tovholder guides` on the command line (`guides.*`)."""

MESSAGES: dict[str, str] = {
    "guides.path_missing": "{path} does not exist.",
    "guides.file_unreadable": "The file {file} cannot be read.",
    "guides.no_files": "There are no Markdown files (.md) in {path}.",
    "guides.problem": "{file}: {reason}",
    "guides.created": "{file}: new guide “{slug}” (version {version}).",
    "guides.updated": "{file}: “{slug}” updated to version {version}.",
    "guides.unchanged": "{file}: “{slug}” unchanged (version {version}).",
    "guides.owner_unknown": "{file}: the owner {email} is not in the organisation yet – the guide was imported without an owner. Import the organisation (tovholder org import) and then the guides again, or correct the e-mail.",
    "guides.summary": "{files} files: {created} created, {updated} updated, {unchanged} unchanged, {failed} with errors.",
    "guides.dry_run": "Dry run: the files are checked, but nothing is saved.",
    "guides.exported": "{count} guides written to {dir}.",
    "guides.cannot_write": "Cannot write to {file}.",
}
