"""Messages: a direct message to the bot gets an answer (a question is offered to the
network), the test channel is read for results, replies in a sparring question's thread are
linked to it; everything else is acknowledged."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.say.async_say import AsyncSay
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services.conversation import greeting_for, small_talk
from bot.services.help import help_for, read_help
from bot.services.privacy import ContainsCpr
from bot.services.sparring import QuestionProblem, ask, looks_like_question
from bot.views.help import greeting_message, help_message, text_message
from handlers.events import mentions, sparring_thread, trial_channel
from handlers.privacy import not_saved
from handlers.slack_text import slack_text
from handlers.sparring_delivery import offer


async def plain_message(
    message: dict[str, Any],
    say: AsyncSay,
    client: AsyncWebClient,
    context: AsyncBoltContext,
    services: Services,
    lang: str,
) -> None:
    """A DM to the bot is answered; a message in a channel may be a test result, and may
    mention the bot (see `mentions.app_mention`: whichever event comes first does both)."""
    if message.get("bot_id") or not message.get("user"):
        return
    if message.get("channel_type") == "im":
        await direct_message(message, say, services, lang)
        return
    if mentions.mentions_bot(str(message.get("text") or ""), context.bot_user_id):
        await mentions.answer_mention(message, client, services, lang)
    await trial_channel.new_message(message, client, services)
    await sparring_thread.new_reply(message, services, client)


async def direct_message(
    message: dict[str, Any], say: AsyncSay, services: Services, lang: str
) -> None:
    """Help for "hjælp" (the person's roles' commands; "hjælp alt" everything); a greeting
    or thanks gets one back with the two most useful commands; a question is offered to the
    network ("Skal jeg spørge netværket?"), held as a draft until the one click sends it.
    When Slack does not take the offer, it is queued and comes once Slack answers again."""
    text = slack_text(message.get("text"))
    user_id = str(message["user"])
    everything = read_help(text)
    if everything is not None:
        await say(**help_message(lang, await help_for(services.db, user_id, everything=everything)))
        return
    greeting = small_talk(text)
    if greeting is not None:
        await say(**greeting_message(lang, await greeting_for(services.db, user_id, greeting)))
        return
    if looks_like_question(text):
        try:
            routing = await ask(
                services.db,
                services.clock,
                request_key=f"dm:{message['channel']}:{message['ts']}",
                asker_id=user_id,
                text=text,
                tool_id=None,
                hold="always",
            )
        except QuestionProblem as problem:
            await say(**text_message(t(lang, problem.key, **problem.params)))
            return
        except ContainsCpr as cpr:
            await say(**not_saved(lang, cpr))
            return
        if routing.question.state == "draft":
            await offer(services, routing, str(message["channel"]), lang)
        return
    await say(**text_message(t(lang, "dm.not_understood")))


async def other_message_event(
    event: dict[str, Any], client: AsyncWebClient, services: Services
) -> None:
    """Edits and deletions may concern a test result; joins and the rest need no answer, but
    an unanswered event is retried by Slack."""
    subtype = event.get("subtype")
    if subtype == "message_changed":
        await trial_channel.changed_message(event, client, services)
        await sparring_thread.changed_reply(event, client, services)
    elif subtype == "message_deleted":
        await trial_channel.deleted_message_event(event, client, services)
