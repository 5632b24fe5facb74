"""The words people type after a slash command, one small table per command.

Each sub-command is known by its English word, the Danish word the municipality uses (what
the Danish help shows) and the older or looser words people already type, which keep
working. The handlers and services read sub-commands only through these tables, so an alias
is added in one place; `tests/test_help_by_role.py` checks that every word the help shows
in either language is understood.
"""

from __future__ import annotations

from collections.abc import Mapping


def _words(*words: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in words)


#: `/tovholder <word>`.
TOVHOLDER: Mapping[str, frozenset[str]] = {
    "help": _words("help", "hjælp", "hjaelp", "?"),
    "network": _words("network", "netværk", "netvaerk"),
    "pulse": _words("pulse", "puls"),
    "settings": _words("settings", "indstillinger", "indstilling"),
    "gdpr": _words("gdpr"),
}
#: `/tovholder my-data`, `mine-data`, `my data`, `mine data` (the words joined by "-").
MY_DATA = _words("my-data", "mine-data", "mydata", "minedata")
#: `/tovholder help all`: every command the person may use, not only their first few.
HELP_ALL = _words("all", "alt", "alle", "everything")
#: `/tovholder settings mine`: a coordinator's own settings (everyone else gets only those).
SETTINGS_MINE = _words("mine", "min", "my", "me", "mig")
#: `/tovholder gdpr <word>` (coordinators).
GDPR: Mapping[str, frozenset[str]] = {
    "erase": _words("erase", "slet"),
    "log": _words("log", "logbog"),
}
#: `/tovholder pulse … export …`.
PULSE_EXPORT = _words("export", "eksport", "eksporter", "eksportér")
#: `/tool-test <word>`.
TOOL_TEST: Mapping[str, frozenset[str]] = {
    "start": _words("start", "ny", "new"),
    "result": _words("result", "resultat", "post", "registrer", "registrér"),
    "summary": _words("summary", "opsummering", "evaluering", "evaluation"),
    "train": _words("train", "oplæring", "oplaering", "træning", "traening", "kursus"),
    "trainings": _words(
        "trainings", "oplæringer", "oplaeringer", "træninger", "traeninger", "kurser"
    ),
}
#: `/tool-guide <word>`; anything else is a search.
TOOL_GUIDE: Mapping[str, frozenset[str]] = {
    "new": _words("new", "ny", "nyt"),
    "browse": _words("browse", "gennemse", "alle", "all", "oversigt"),
}
#: `/sparring mine` (whole text, spaces folded) lists the asker's questions.
SPARRING_MINE = _words(
    "list", "liste", "mine", "mine spørgsmål", "mine spoergsmaal", "my", "my questions"
)


def sub_command(table: Mapping[str, frozenset[str]], word: str) -> str | None:
    """The sub-command `word` names in `table` (its English name), or None."""
    folded = word.casefold()
    return next((name for name, words in table.items() if folded in words), None)
