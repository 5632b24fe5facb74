"""`@Tovholder …` in a channel: answered privately to the person who wrote it."""

from __future__ import annotations

from bot.i18n import t
from bot.runtime import Services
from bot.services.conversation import greeting_for, small_talk
from bot.services.help import help_for, read_help
from bot.views.help import greeting_message, help_message, text_message
from handlers.events import trial_channel
from handlers.interactions import ChatMessage


async def app_mention(chat: ChatMessage, services: Services) -> None:
    """One message that mentions the bot arrives twice (`app_mention` and `message`) and only
    the first is handled, so each path does both jobs: answer the mention, read the result."""
    await answer_mention(chat, services)
    await trial_channel.new_message(chat.person, chat.text, chat.message, services)


async def answer_mention(chat: ChatMessage, services: Services) -> None:
    """The help of the person's roles for "hjælp" ("hjælp alt": everything); a greeting back
    for "hej" or "tak", as in a direct message. Shown to them only, in the thread the
    mention was written in."""
    text, lang = chat.addressed, chat.lang
    everything = read_help(text)
    greeting = small_talk(text)
    if everything is not None:
        shown = await help_for(services.db, chat.person, everything=everything)
        reply = help_message(lang, shown)
    elif greeting is not None:
        reply = greeting_message(lang, await greeting_for(services.db, chat.person, greeting))
    else:
        reply = text_message(t(lang, "dm.not_understood"))
    message = chat.message
    thread = message if message.thread_id else None
    await services.messenger.tell(chat.person, message.conversation, reply, thread=thread)
