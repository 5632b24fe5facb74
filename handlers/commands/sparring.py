"""`/sparring <question>` asks (after "maybe one of these helps?"), `/sparring` alone opens
the modal, and `/sparring mine` lists the asker's questions that are not solved yet."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services.privacy import ContainsCpr
from bot.services.sparring import QuestionProblem, ask, is_list_request, open_questions
from bot.views.help import text_message
from bot.views.sparring_handling import my_questions
from handlers.privacy import not_saved
from handlers.slack_text import slack_text
from handlers.sparring_delivery import present
from handlers.views.sparring import open_sparring


async def sparring_command(
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    text = slack_text(command.get("text"))
    channel_id = command.get("channel_id")
    user_id = str(command["user_id"])
    if not text.strip():
        await open_sparring(client, services, lang, command["trigger_id"], channel_id=channel_id)
        return
    if is_list_request(text):
        found = await open_questions(services.db, asker=user_id, with_answered=True)
        await respond(response_type="ephemeral", **my_questions(lang, found, services.settings.tz))
        return
    try:
        routing = await ask(
            services.db,
            services.clock,
            request_key=f"command:{command['trigger_id']}",
            asker_id=user_id,
            text=text,
            tool_id=None,
        )
    except QuestionProblem as problem:
        message = text_message(t(lang, problem.key, **problem.params))
        await respond(response_type="ephemeral", **message)
        return
    except ContainsCpr as cpr:  # nothing stored, nothing posted
        await respond(response_type="ephemeral", **not_saved(lang, cpr))
        return
    await respond(response_type="ephemeral", **await present(client, services, routing, lang))
