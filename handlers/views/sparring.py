"""The sparring modal: open it (from `/sparring`, a guide or a "no match"), take the question."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.sparring import Routing
from bot.i18n import t
from bot.runtime import Services
from bot.services.sparring import QuestionProblem, ask, check_question, record_post, tool_choices
from bot.views.sparring import CALLBACK_ID, question_post, receipt, sparring_modal
from handlers.replies import tell_privately
from handlers.values import as_int, submitted

__all__ = ["CALLBACK_ID", "deliver", "open_sparring", "submit_question"]
logger = logging.getLogger("tovholder.sparring")


async def open_sparring(
    client: AsyncWebClient,
    services: Services,
    lang: str,
    trigger_id: str,
    *,
    question: str = "",
    tool_id: int | None = None,
    channel_id: str | None = None,
) -> None:
    modal = sparring_modal(
        lang,
        await tool_choices(services.db),
        question=question,
        tool_id=tool_id,
        channel_id=channel_id,
    )
    await client.views_open(trigger_id=trigger_id, view=modal)


async def submit_question(
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    values = submitted(view)
    text = str(values.get("question") or "")
    try:
        check_question(text)
    except QuestionProblem as problem:
        await ack(
            response_action="errors",
            errors={"question": t(lang, problem.key, **problem.params)},
        )
        return
    await ack()
    user_id = body["user"]["id"]
    routing = await ask(
        services.db,
        services.clock,
        request_key=f"view:{view['id']}",
        asker_id=user_id,
        text=text,
        tool_id=as_int(values.get("tool")),
    )
    channel = json.loads(view.get("private_metadata") or "{}").get("channel")
    await tell_privately(client, user_id, channel, await deliver(client, services, routing, lang))


async def deliver(
    client: AsyncWebClient,
    services: Services,
    routing: Routing,
    lang: str,
) -> dict[str, Any]:
    """Post the question where the ambassadors see it; the receipt to give the asker.

    In the sparring channel when one is set and the bot can post there; otherwise by DM to
    each recipient, so a question is never left unread.
    """
    posted_in: str | None = None
    if routing.created and routing.channel_id:
        try:
            message = question_post(services.settings.lang, routing, direct=False)
            response = await client.chat_postMessage(channel=routing.channel_id, **message)
            await record_post(
                services.db, routing.question.id, str(response["channel"]), str(response["ts"])
            )
            posted_in = routing.channel_id
        except SlackApiError as error:
            logger.warning(
                "sparring channel post failed, sending DMs error=%s", error.response.get("error")
            )
    elif routing.channel_id:
        posted_in = routing.channel_id  # asked before: already posted there
    if routing.created and posted_in is None:
        for person in routing.recipients:
            person_lang = await services.language.for_user(person.slack_user_id)
            await client.chat_postMessage(
                channel=person.slack_user_id, **question_post(person_lang, routing, direct=True)
            )
    return receipt(lang, routing, channel_id=posted_in)
