"""Which language to answer a person in.

Their stored preference first, else their Slack locale, else `TOVHOLDER_LANG`. The Slack
locale is fetched through an injected lookup (services never talk to Slack themselves) and
kept for an hour, so a busy person does not cost a `users.info` call per click.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from bot.i18n import Lang, as_lang
from storage.db import Database
from storage.repositories import org

LocaleLookup = Callable[[str], Awaitable[str | None]]
CACHE_SECONDS = 3600.0
CACHE_SIZE = 5000


class LanguageResolver:
    def __init__(self, db: Database, default: Lang, locale_lookup: LocaleLookup) -> None:
        self._db = db
        self._default = default
        self._lookup = locale_lookup
        self._locales: OrderedDict[str, tuple[float, Lang | None]] = OrderedDict()

    @property
    def default(self) -> Lang:
        return self._default

    async def for_user(self, slack_user_id: str | None) -> Lang:
        if not slack_user_id:
            return self._default
        person = await org.person_by_slack_id(self._db, slack_user_id)
        preferred = as_lang(person.language) if person else None
        if preferred:
            return preferred
        return await self._slack_locale(slack_user_id) or self._default

    async def _slack_locale(self, slack_user_id: str) -> Lang | None:
        cached = self._locales.get(slack_user_id)
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            return cached[1]
        lang = as_lang(await self._lookup(slack_user_id))
        self._locales[slack_user_id] = (time.monotonic(), lang)
        self._locales.move_to_end(slack_user_id)
        while len(self._locales) > CACHE_SIZE:
            self._locales.popitem(last=False)
        return lang
