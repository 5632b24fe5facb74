"""The message shortcut "Gem som testresultat": any message, made a result in the modal."""

from __future__ import annotations

from bot.i18n import t
from bot.runtime import Services
from bot.services import trial_channel
from bot.services.permissions import Action, requires
from bot.services.privacy import ensure_no_cpr
from handlers.interactions import Shortcut
from handlers.reply import Reply
from handlers.views.tool_tests import open_result

CALLBACK_ID = "save_as_result"


@requires(Action.RUN_TOOL_TESTS)
async def save_as_result(shortcut: Shortcut, reply: Reply, services: Services) -> None:
    """Opens the modal prefilled with the message text and the tool guessed from it; the
    result keeps the message's permalink. The modal opens first: the trigger lasts 3 s."""
    person, lang = shortcut.person, shortcut.lang
    text = shortcut.text
    ensure_no_cpr(text=text)  # never stored, nor put into a modal
    found = await trial_channel.read(services.db, text)
    draft = await trial_channel.draft_from(
        services.db,
        found,
        found.tool.id if found.tool else 0,
        person,
        services.clock.now().date(),
        message=shortcut.message,
        link=None,
        source="shortcut",
    )
    intro = None if found.tool else t(lang, "test.shortcut_no_tool")
    await open_result(reply, services, lang, person, draft=draft, intro=intro)
