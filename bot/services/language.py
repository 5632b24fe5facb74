"""Which language to answer a person in.

Their stored preference first, else the language the chat platform's directory gives them
(their locale there), else `TOVHOLDER_LANG`. It is asked through the `Directory` port
(services never talk to a platform themselves) and kept for an hour, so a busy person does
not cost a look-up per click.

The locale only picks a language, so it must never cost the person their answer: one
look-up per person at a time (a hundred clicks share it), at most `LOOKUP_SECONDS`, and
after a failure none at all for `QUIET_SECONDS` — an outage gives everyone the default
language at once instead of a timeout each.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict

from bot.i18n import Lang, as_lang
from bot.ports import DeliveryFailed, Directory
from storage.db import Database
from storage.repositories import org

logger = logging.getLogger(__name__)
CACHE_SECONDS = 3600.0
CACHE_SIZE = 5000
#: The longest a request waits for the directory's language of a person.
LOOKUP_SECONDS = 1
#: After a failed look-up, how long the default language is used without asking again.
QUIET_SECONDS = 60.0


class LanguageResolver:
    def __init__(self, db: Database, default: Lang, directory: Directory) -> None:
        self._db = db
        self._default = default
        self._directory = directory
        self._locales: OrderedDict[int, tuple[float, Lang | None]] = OrderedDict()
        self._asking: dict[int, asyncio.Future[Lang | None]] = {}
        self._quiet_until = float("-inf")

    @property
    def default(self) -> Lang:
        return self._default

    async def for_person(self, person: int | None) -> Lang:
        """The language to answer the person in (None: nobody known, the default)."""
        if person is None:
            return self._default
        found = await org.person(self._db, person)
        preferred = as_lang(found.language) if found else None
        if preferred:
            return preferred
        return await self._directory_locale(person) or self._default

    async def _directory_locale(self, person: int) -> Lang | None:
        cached = self._locales.get(person)
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            return cached[1]
        if time.monotonic() < self._quiet_until:
            return None
        asking = self._asking.get(person)
        if asking is None:
            asking = asyncio.ensure_future(self._ask(person))
            self._asking[person] = asking
            asking.add_done_callback(lambda _: self._asking.pop(person, None))
        return await asyncio.shield(asking)

    async def _ask(self, person: int) -> Lang | None:
        try:
            async with asyncio.timeout(LOOKUP_SECONDS):
                entry = await self._directory.describe(person)
        except (DeliveryFailed, TimeoutError) as error:
            self._quiet_until = time.monotonic() + QUIET_SECONDS
            logger.warning(
                "no language from the directory, answering in %s for %.0fs error=%s",
                self._default,
                QUIET_SECONDS,
                error or type(error).__name__,
            )
            return None
        lang = as_lang(entry.language if entry is not None else None)
        self._locales[person] = (time.monotonic(), lang)
        self._locales.move_to_end(person)
        while len(self._locales) > CACHE_SIZE:
            self._locales.popitem(last=False)
        return lang
