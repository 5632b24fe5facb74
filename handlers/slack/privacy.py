"""Telling a person privately that their text holds a CPR number and was not saved, for the
guard, which answers a `ContainsCpr` a handler raised outside a form (the handlers' own
notices are neutral: `handlers.events.privacy`).

The numbers are shown masked only (`230415-XXXX`, from `ContainsCpr`): the unmasked number
is never sent anywhere, and never logged.
"""

from __future__ import annotations

from typing import Any

from bot.services.privacy import ContainsCpr
from handlers.events import privacy
from handlers.slack import render


def not_saved(lang: str, found: ContainsCpr) -> dict[str, Any]:
    """The private reply to a command, shortcut, click or DM: what was found, nothing saved."""
    return render.message(privacy.not_saved(lang, found))
