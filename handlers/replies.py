"""Telling one person something privately where they are, or by DM when the bot cannot."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Services
from bot.services.network import snapshot
from bot.services.permissions import Action
from bot.slack_client import slack_error_code
from bot.views.permissions import refusal_message

logger = logging.getLogger("tovholder.replies")


async def tell_privately(
    client: AsyncWebClient, user_id: str, channel_id: str | None, message: dict[str, Any]
) -> None:
    """Ephemeral in `channel_id`; a DM when there is none or the bot is not in the channel."""
    if channel_id:
        try:
            await client.chat_postEphemeral(channel=channel_id, user=user_id, **message)
            return
        except SlackApiError as error:
            logger.info("ephemeral reply failed, sending a DM error=%s", slack_error_code(error))
    await client.chat_postMessage(channel=user_id, **message)


async def refusal(services: Services, lang: str, action: Action) -> dict[str, Any]:
    """ "Only … can do this; ask …" — naming the coordinators, who can grant the role."""
    snap = await snapshot(services.db)
    return refusal_message(lang, action, snap.coordinators())


async def private(respond: AsyncRespond, message: dict[str, Any]) -> None:
    """Shown to the person who clicked only, below the message they clicked (kept)."""
    await respond(response_type="ephemeral", replace_original=False, **message)


async def answer_click(
    respond: AsyncRespond | None, client: AsyncWebClient, user_id: str, message: dict[str, Any]
) -> None:
    """`private` below the clicked message; a DM when the click came from a view without a
    response_url (the App Home)."""
    if respond is None or respond.response_url is None:
        await client.chat_postMessage(channel=user_id, **message)
        return
    await private(respond, message)


async def send_file_by_dm(
    client: AsyncWebClient,
    user_id: str,
    content: str,
    filename: str,
    title: str,
    *,
    comment: str | None = None,
) -> None:
    """A file in the person's DM with the bot (`/tovholder my-data`, the pulse export): a
    direct message is the one place nobody else reads along. `comment` (mrkdwn, escaped by
    the caller) is shown with the file."""
    opened = await client.conversations_open(users=user_id)
    await client.files_upload_v2(
        channel=opened["channel"]["id"],
        content=content,
        filename=filename,
        title=title,
        initial_comment=comment,
    )
