"""`@Tovholder …` in a channel: answered privately to the person who wrote it."""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services.conversation import greeting_for, small_talk
from bot.services.help import help_for, read_help
from bot.views.help import greeting_message, help_message, text_message
from handlers.events import trial_channel
from handlers.slack_text import slack_text

MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")


async def app_mention(
    event: dict[str, Any], client: AsyncWebClient, services: Services, lang: str
) -> None:
    """One message that mentions the bot arrives twice (`app_mention` and `message`) and only
    the first is handled, so each path does both jobs: answer the mention, read the result."""
    await answer_mention(event, client, services, lang)
    await trial_channel.new_message(event, client, services)


def mentions_bot(text: str, bot_user_id: str | None) -> bool:
    return bool(bot_user_id) and f"<@{bot_user_id}" in text


async def answer_mention(
    event: dict[str, Any], client: AsyncWebClient, services: Services, lang: str
) -> None:
    """The help of the person's roles for "hjælp" ("hjælp alt": everything); a greeting back
    for "hej" or "tak", as in a direct message."""
    text = slack_text(MENTION.sub("", str(event.get("text") or "")))
    everything = read_help(text)
    greeting = small_talk(text)
    if everything is not None:
        shown = await help_for(services.db, str(event["user"]), everything=everything)
        reply = help_message(lang, shown)
    elif greeting is not None:
        reply = greeting_message(
            lang, await greeting_for(services.db, str(event["user"]), greeting)
        )
    else:
        reply = text_message(t(lang, "dm.not_understood"))
    await client.chat_postEphemeral(
        channel=event["channel"], user=event["user"], thread_ts=event.get("thread_ts"), **reply
    )
