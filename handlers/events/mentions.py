"""`@Tovholder …` in a channel: answered privately to the person who wrote it."""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.services.help import is_help_request
from bot.views.help import help_message, text_message

MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")


async def app_mention(event: dict[str, Any], client: AsyncWebClient, lang: str) -> None:
    text = MENTION.sub("", str(event.get("text") or ""))
    reply = (
        help_message(lang) if is_help_request(text) else text_message(t(lang, "dm.not_understood"))
    )
    await client.chat_postEphemeral(
        channel=event["channel"], user=event["user"], thread_ts=event.get("thread_ts"), **reply
    )
