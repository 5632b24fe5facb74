"""Who is who across platforms: the bot's own person id for a platform's user id, and back.

The core knows a person only by their person id. A front end turns the user in front of it
into that id once per request (`person_for`), and back into its own id where the platform
needs it (a mention, a private message: `external_id`, `external_ids`). Someone the
organisation file does not list but who uses the bot (a guest asking a question) becomes a
person marked as not in the organisation, the first time they are met.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from bot.clock import Clock, utc_iso
from bot.domain.refs import Platform
from storage.db import Database
from storage.repositories import identities


async def person_for(
    db: Database,
    clock: Clock,
    platform: Platform,
    external_id: str,
    *,
    name: str | None = None,
    email: str | None = None,
) -> int:
    """The person behind the platform's user id; a guest person is made for someone new."""
    found = await identities.person_of(db, platform, external_id)
    if found is not None:
        return found
    try:
        async with db.transaction() as conn:
            # Looked up again inside the transaction: another request may have just made them.
            found = await identities.person_in(conn, platform, external_id)
            if found is not None:
                return found
            return await identities.insert_guest(
                conn, platform, external_id, name, email, utc_iso(clock.now())
            )
    except sqlite3.IntegrityError:
        # A second process made them between our look-up and our insert.
        again = await identities.person_of(db, platform, external_id)
        if again is None:
            raise
        return again


async def external_ids(
    db: Database, platform: Platform, person_ids: Collection[int]
) -> dict[int, str]:
    """Each person's id on the platform; people the platform does not know are left out."""
    return await identities.external_ids(db, platform, person_ids)


async def external_id(db: Database, platform: Platform, person_id: int) -> str | None:
    return (await identities.external_ids(db, platform, (person_id,))).get(person_id)
