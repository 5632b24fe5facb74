"""Messages: a direct message to the bot gets an answer (a question is offered to the
network), the test channel is read for results, replies in a sparring question's thread are
linked to it; everything else is acknowledged."""

from __future__ import annotations

from bot.i18n import t
from bot.runtime import Services
from bot.services.conversation import greeting_for, small_talk
from bot.services.help import help_for, read_help
from bot.services.privacy import ContainsCpr
from bot.services.sparring import QuestionProblem, ask, looks_like_question
from bot.views.help import greeting_message, help_message, text_message
from bot.views.model import Message
from handlers.events import mentions, sparring_thread, trial_channel
from handlers.events.privacy import not_saved
from handlers.interactions import ChatMessage, MessageChange
from handlers.sparring_delivery import offer


async def plain_message(chat: ChatMessage, services: Services) -> None:
    """A DM to the bot is answered; a message in a channel may be a test result, and may
    mention the bot (see `mentions.app_mention`: whichever event comes first does both). A
    bot's message reaches no handler (the edge reads no `ChatMessage` from it)."""
    if chat.direct:
        await direct_message(chat, services)
        return
    if chat.mentions_bot:
        await mentions.answer_mention(chat, services)
    await trial_channel.new_message(chat.person, chat.text, chat.message, services)
    await sparring_thread.new_reply(chat.person, chat.text, chat.message, services)


async def direct_message(chat: ChatMessage, services: Services) -> None:
    """Help for "hjælp" (the person's roles' commands; "hjælp alt" everything); a greeting
    or thanks gets one back with the two most useful commands; a question is offered to the
    network ("Skal jeg spørge netværket?"), held as a draft until the one click sends it.
    When the platform does not take the offer, it is queued and comes once it answers again."""
    text, lang = chat.text, chat.lang

    async def say(message: Message) -> None:
        """In the 1:1 conversation the message was written in."""
        await services.messenger.post(chat.message.conversation, message)

    everything = read_help(text)
    if everything is not None:
        await say(
            help_message(lang, await help_for(services.db, chat.person, everything=everything))
        )
        return
    greeting = small_talk(text)
    if greeting is not None:
        await say(greeting_message(lang, await greeting_for(services.db, chat.person, greeting)))
        return
    if looks_like_question(text):
        try:
            routing = await ask(
                services.db,
                services.clock,
                request_key=f"dm:{chat.message.conversation_id}:{chat.message.message_id}",
                asker_id=chat.person,
                text=text,
                tool_id=None,
                hold="always",
            )
        except QuestionProblem as problem:
            await say(text_message(t(lang, problem.key, **problem.params)))
            return
        except ContainsCpr as cpr:
            await say(not_saved(lang, cpr))
            return
        if routing.question.state == "draft":
            await offer(services, routing, chat.message.conversation_id, lang)
        return
    await say(text_message(t(lang, "dm.not_understood")))


async def other_message_event(change: MessageChange, services: Services) -> None:
    """Edits and deletions may concern a test result; joins and the rest need no answer (the
    edge reads no change from them)."""
    if change.deleted:
        await trial_channel.deleted_message_event(change.message, services)
        return
    await trial_channel.changed_message(change, services)
    await sparring_thread.changed_reply(change, services)
