"""Telling a person privately that their text holds a CPR number and was not saved.

The numbers are shown masked only (`230415-XXXX`, from `ContainsCpr`): the unmasked number
is never sent anywhere, and never logged.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.services.privacy import EDIT_MESSAGE_KEY, FIELD_KEY, NOT_SAVED_KEY, ContainsCpr
from bot.views.help import text_message
from handlers.slack import render
from handlers.slack.client import slack_error_code

logger = logging.getLogger("tovholder.privacy")


def not_saved(lang: str, found: ContainsCpr) -> dict[str, Any]:
    """The private reply to a command, shortcut, click or DM: what was found, nothing saved."""
    return render.message(text_message(t(lang, NOT_SAVED_KEY, **found.params)))


def field_errors(lang: str, found: ContainsCpr) -> dict[str, str]:
    """A modal's `errors`: the message at each field that holds a number."""
    return {
        field: t(lang, FIELD_KEY, masked=", ".join(masked))
        for field, masked in found.fields.items()
    }


async def ask_to_edit(
    client: AsyncWebClient,
    *,
    channel: str,
    ts: str,
    user_id: str,
    masked: tuple[str, ...],
    lang: str,
    key: str = EDIT_MESSAGE_KEY,
) -> None:
    """Ask the author, in the message's thread and visible to them only, to edit the number
    away (shown masked); a DM when the ephemeral reply cannot be sent."""
    message = render.message(text_message(t(lang, key, masked=", ".join(masked))))
    try:
        await client.chat_postEphemeral(channel=channel, user=user_id, thread_ts=ts, **message)
    except SlackApiError as error:
        logger.info("ephemeral CPR notice failed, sending a DM error=%s", slack_error_code(error))
        await client.chat_postMessage(channel=user_id, **message)
