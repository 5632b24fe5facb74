"""`/tool-guide [words | new <tool>]`: browse, search, or write a new guide."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Services
from bot.services.permissions import Action
from bot.services.tool_guide import NewGuideRequest, answer
from handlers.actions.guides import answer_message
from handlers.replies import refusal
from handlers.slack_text import slack_text
from handlers.views.guide_editor import open_editor


async def tool_guide_command(
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    user_id = str(command["user_id"])
    found = await answer(services.db, user_id, slack_text(command.get("text")))
    if isinstance(found, NewGuideRequest):
        if not found.allowed:
            await respond(
                response_type="ephemeral", **await refusal(services, lang, Action.WRITE_GUIDES)
            )
            return
        await open_editor(
            client,
            lang,
            command["trigger_id"],
            tool=found.tool,
            channel_id=command.get("channel_id"),
        )
        return
    await respond(response_type="ephemeral", **answer_message(lang, found, services))
