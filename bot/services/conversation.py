"""Small talk in a direct message: "hej", "tak", "godmorgen" get a friendly answer.

A person who greets the bot or thanks it should not be told "Det forstod jeg ikke helt." —
they get a greeting back by first name and the two commands most useful to their role. Only
a message made of greeting words (and a few words around them: "tusind tak", "hej
Tovholder", "good morning, robot") counts: anything with more in it is read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.services.commands import CommandName
from bot.services.help import greeting_commands, person_for
from storage.db import Database

Greeting = Literal["hello", "morning", "thanks"]

HELLO = frozenset(
    {"hej", "hejsa", "hejhej", "hey", "hi", "hello", "hallo", "halløj", "dav", "davs", "goddag"}
)
MORNING = frozenset({"godmorgen", "godmorn", "morgen", "morning", "morn"})
THANKS = frozenset({"tak", "takker", "thanks", "thank", "thx"})
#: Words that may stand beside a greeting without making it something else.
AROUND = frozenset(
    {
        "tovholder",
        "robot",
        "bot",
        "du",
        "dig",
        "igen",
        "så",
        "meget",
        "for",
        "det",
        "hjælpen",
        "svaret",
        "god",
        "good",
        "og",
        "alle",
        "allesammen",
        "you",
        "so",
        "much",
        "again",
        "a",
        "lot",
        "the",
        "answer",
        "there",
        "and",
        "very",
        "many",
        "tusind",
        "mange",
    }
)
#: A greeting is short; a longer message is about something.
MOST_WORDS = 6
_MARKUP = re.compile(r"<[^>]*>|:[a-z0-9_+-]+:")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class GreetingReply:
    """A greeting back by first name, and the two commands most useful to the person."""

    kind: Greeting
    first_name: str | None
    commands: tuple[CommandName, ...]


def small_talk(text: str) -> Greeting | None:
    """The kind of greeting `text` is, or None when it says more than hello or thanks."""
    words = _WORD.findall(_MARKUP.sub(" ", text.casefold()))
    if not words or len(words) > MOST_WORDS:
        return None
    if any(word not in HELLO | MORNING | THANKS | AROUND for word in words):
        return None
    if any(word in THANKS for word in words):
        return "thanks"
    if any(word in MORNING for word in words):
        return "morning"
    if any(word in HELLO for word in words):
        return "hello"
    return None


async def greeting_for(db: Database, person_id: int | None, kind: Greeting) -> GreetingReply:
    """First names when greeting, as on the Home; someone not registered gets no name."""
    person = await person_for(db, person_id)
    first = person.first_name if person and person.first_name else None
    return GreetingReply(kind, first, greeting_commands(person))
