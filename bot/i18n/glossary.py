"""One word for each thing: the words Danish text must not use, and the word chosen instead.

The bot is called Tovholder, so the person who runs the network is the *koordinator*; the
article the network was built on (Esbjerg, 2020) says *spredning* ("forankre og sprede")
and *oplæring* ("oplæringen af lokale superbrugere"), so a pedagogue meets those words and
no synonyms. Buttons say what happens in plain Danish. `tests/test_glossary.py` checks every
Danish catalogue string and the README against this list, so a word someone adds later is
caught. Matching starts at a word boundary and takes inflections (træning, træningen,
træninger …); the exceptions are the bot's own name and the command `tovholder …`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

# Command-line and slash-command verbs: `tovholder org import`, `/tovholder pulse`.
# Lower-case "tovholder" followed by one of these is the command, not the person.
_COMMAND_WORDS: Final = (
    "access|backup|db|decide|demo|export|gdpr|guides|help|hjælp|migrate|my-data|network|org|"
    "pulse|reminders|run|seed|settings|spreading|tools"
)


@dataclass(frozen=True)
class Term:
    """A forbidden word (a regular expression over its inflections) and the chosen one."""

    forbidden: str
    chosen: str
    pattern: re.Pattern[str]


def _term(forbidden: str, chosen: str, pattern: str, flags: int = re.IGNORECASE) -> Term:
    return Term(forbidden, chosen, re.compile(pattern, flags))


GLOSSARY: Final[tuple[Term, ...]] = (
    # The person: "koordinatoren". "Tovholder" alone with a capital is the bot's name,
    # "/tovholder", "@Tovholder" and "tovholder org import" are the command and the bot.
    _term(
        "tovholder (the person)",
        "koordinator",
        r"(?<![/@\w`-])(?:[Tt]ovholder(?:en|ens|e|ne|nes|s)\b"
        r"|tovholder\b(?!\s+(?:" + _COMMAND_WORDS + r")\b)(?![-\w]))",
        0,
    ),
    _term("udbredelse / udbrede", "spredning / sprede", r"\budbred\w*"),
    _term("træning", "oplæring", r"\btræning\w*"),
    _term("kursus", "oplæring", r"\bkurs(?:us|er|et)\w*"),
    _term("FAQ", "spørgsmål og svar", r"\bFAQ\b", 0),
    _term("Post et resultat", "Registrér et resultat", r"\bpost(?:e)? et resultat"),
    _term("Sæt for et dagtilbud", "Angiv for et dagtilbud", r"\bSæt for et dagtilbud"),
    # Formal "De"/"Dem" for the people who will answer reads as addressing the reader.
    _term("De svarer dig", "Ambassadørerne svarer dig", r"\bDe svarer\b", 0),
    _term("Dem kan du", "(name the people, singular or plural)", r"\bDem kan du\b", 0),
)


@dataclass(frozen=True)
class Finding:
    """One forbidden word found in a text."""

    found: str
    chosen: str


def findings(text: str) -> list[Finding]:
    """The forbidden words in `text`, in order, with the word to use instead."""
    hits: list[tuple[int, Finding]] = []
    for term in GLOSSARY:
        for match in term.pattern.finditer(text):
            hits.append((match.start(), Finding(match.group(0), term.chosen)))
    return [finding for _, finding in sorted(hits, key=lambda hit: hit[0])]
