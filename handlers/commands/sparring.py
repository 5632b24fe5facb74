"""`/sparring <question>` asks at once; `/sparring` alone opens the modal."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services.sparring import QuestionProblem, ask
from bot.views.help import text_message
from handlers.views.sparring import deliver, open_sparring


async def sparring_command(
    ack: AsyncAck,
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    await ack()
    text = str(command.get("text") or "")
    channel_id = command.get("channel_id")
    if not text.strip():
        await open_sparring(client, services, lang, command["trigger_id"], channel_id=channel_id)
        return
    try:
        routing = await ask(
            services.db,
            services.clock,
            request_key=f"command:{command['trigger_id']}",
            asker_id=str(command["user_id"]),
            text=text,
            tool_id=None,
        )
    except QuestionProblem as problem:
        message = text_message(t(lang, problem.key, **problem.params))
        await respond(response_type="ephemeral", **message)
        return
    await respond(response_type="ephemeral", **await deliver(client, services, routing, lang))
