"""Telling the author of a message that holds a CPR number that it was not saved.

The numbers are shown masked only (`230415-XXXX`, from `ContainsCpr`): the unmasked number
is never sent anywhere, and never logged.
"""

from __future__ import annotations

from bot.domain.refs import MessageRef
from bot.i18n import t
from bot.ports import Person
from bot.runtime import Services
from bot.services.privacy import EDIT_MESSAGE_KEY, NOT_SAVED_KEY, ContainsCpr
from bot.views.help import text_message
from bot.views.model import Message


def not_saved(lang: str, found: ContainsCpr) -> Message:
    """The private answer to a message the bot was asked to keep: what was found, nothing
    saved."""
    return text_message(t(lang, NOT_SAVED_KEY, **found.params))


async def ask_to_edit(
    services: Services,
    author: Person,
    message: MessageRef,
    masked: tuple[str, ...],
    lang: str,
    key: str = EDIT_MESSAGE_KEY,
) -> None:
    """Ask the author, in the message's thread and visible to them only, to edit the number
    away (shown masked); privately when that cannot be shown there (`Messenger.tell`)."""
    notice = text_message(t(lang, key, masked=", ".join(masked)))
    await services.messenger.tell(author, message.conversation, notice, thread=message)
