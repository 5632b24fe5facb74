"""`@Tovholder …` in a channel: answered privately to the person who wrote it."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services.conversation import greeting_for, small_talk
from bot.services.help import help_for, read_help
from bot.views.help import greeting_message, help_message, text_message
from handlers.events import trial_channel
from handlers.interactions import ChatMessage
from handlers.slack import render


async def app_mention(chat: ChatMessage, client: AsyncWebClient, services: Services) -> None:
    """One message that mentions the bot arrives twice (`app_mention` and `message`) and only
    the first is handled, so each path does both jobs: answer the mention, read the result."""
    await answer_mention(chat, client, services)
    await trial_channel.new_message(chat.external_id, chat.text, chat.message, client, services)


async def answer_mention(chat: ChatMessage, client: AsyncWebClient, services: Services) -> None:
    """The help of the person's roles for "hjælp" ("hjælp alt": everything); a greeting back
    for "hej" or "tak", as in a direct message."""
    text, lang = chat.addressed, chat.lang
    everything = read_help(text)
    greeting = small_talk(text)
    if everything is not None:
        shown = await help_for(services.db, chat.external_id, everything=everything)
        reply = help_message(lang, shown)
    elif greeting is not None:
        reply = greeting_message(lang, await greeting_for(services.db, chat.external_id, greeting))
    else:
        reply = text_message(t(lang, "dm.not_understood"))
    await client.chat_postEphemeral(
        channel=chat.message.conversation_id,
        user=chat.external_id,
        thread_ts=chat.message.thread_id,
        **render.message(reply),
    )
