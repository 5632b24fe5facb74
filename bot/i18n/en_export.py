"""English: `tovholder org export` and `tovholder export` (`org_export.*`, `export.*`)."""

MESSAGES: dict[str, str] = {
    "org_export.done": "{people} people written to {file}.",
    "org_export.inexact": "Note: the file cannot show the roles exactly for {names} (e.g. a superuser in an area they are not an ambassador of). Check them before importing the file again.",
    "export.done": "All data written to {file}.",
    "export.cannot_write": "Cannot write to {file}.",
}
