"""The bot's person id behind a Slack user id in a test's database.

Tests seed people the way a municipality does (the organisation file, the demo), by their
Slack user id; the core takes person ids. One look-up, so every test turns one into the
other the same way, and a Slack id nobody has is a test's mistake, not a new guest.
"""

from __future__ import annotations

from bot.domain.org import Person
from storage.db import Database
from storage.repositories import identities, org


async def person_id(db: Database, slack_id: str) -> int:
    found = await identities.person_of(db, "slack", slack_id)
    if found is None:
        raise LookupError(f"no person has the Slack id {slack_id}")
    return found


async def slack_id(db: Database, person: int) -> str:
    found = (await identities.external_ids(db, "slack", (person,))).get(person)
    if found is None:
        raise LookupError(f"person {person} has no Slack id")
    return found


async def member(db: Database, slack_id: str) -> Person | None:
    """The person of the organisation with this Slack id; None when nobody has it or they
    are not in the organisation (a guest, someone erased)."""
    found = await identities.person_of(db, "slack", slack_id)
    return await org.person(db, found) if found is not None else None
