"""Slack's Directory: who a person is, from `users.lookupByEmail` and `users.info`.

Look-ups only enrich an answer (a locale, a name, an e-mail to match), so they go through a
quick client (`handlers.slack.client.quick_client`: one attempt of at most `LOOKUP_SECONDS`, no
retries): Slack answering an HTML 503 or hanging must not hold up the person for the
2–90 s the full client's retries take. A person Slack does not know is None; a call that
failed raises the neutral error (`handlers.slack.failures`).
"""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.ports import DirectoryEntry, Gone, Person
from handlers.slack.client import quick_client
from handlers.slack.failures import neutral
from handlers.slack.messenger import SlackPeople


class SlackDirectory:
    """The Slack workspace's people (see the module docstring)."""

    def __init__(self, client: AsyncWebClient, people: SlackPeople, *, quick: bool = True) -> None:
        """`quick=False` keeps the client's retries: for an admin command (the org import),
        where nobody waits for an answer of theirs and a passing error would stop it."""
        self._client = quick_client(client) if quick else client
        self._people = people

    async def find_by_email(self, email: str) -> DirectoryEntry | None:
        """A deactivated account counts as not found: it cannot be messaged."""
        try:
            with neutral():
                response = await self._client.users_lookupByEmail(email=email)
        except Gone:
            return None
        user = response.get("user") or {}
        if user.get("deleted") or not user.get("id"):
            return None
        return entry(user)

    async def describe(self, person: Person) -> DirectoryEntry | None:
        """None also for a person with no Slack identity (nobody Slack can know)."""
        try:
            user_id = await self._people(person)
            with neutral():
                response = await self._client.users_info(user=user_id, include_locale=True)
        except Gone:
            return None
        return entry(response.get("user") or {"id": user_id})


def entry(user: dict[str, Any]) -> DirectoryEntry:
    """A `users.info` / `users.lookupByEmail` user as a directory entry: the name a person
    set (real name, else the handle, else the id)."""
    user_id = str(user["id"])
    profile = user.get("profile") or {}
    name = profile.get("real_name") or user.get("real_name") or user.get("name") or user_id
    return DirectoryEntry(
        external_id=user_id,
        name=str(name),
        email=profile.get("email"),
        language=user.get("locale") or None,
        time_zone=user.get("tz") or None,
    )
