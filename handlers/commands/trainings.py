"""`/tool-test train [tool]` (`oplæring`: plan a training) and `/tool-test trainings`
(`oplæringer`: the person's trainings): the training words of `/tool-test`."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import utc_iso
from bot.runtime import Services
from bot.services.guides import find_tool
from bot.services.trainings import my_trainings
from bot.views.trainings import list_message
from handlers.views.trainings import open_plan


async def training_word(
    plan: bool,
    rest: str,
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """`plan`: `/tool-test train [tool]` (`oplæring`); else `/tool-test trainings`."""
    user_id = str(command["user_id"])
    if plan:
        tool = await find_tool(services.db, rest) if rest else None
        refused = await open_plan(
            client,
            services,
            lang,
            command["trigger_id"],
            user_id,
            tool_id=tool.id if tool else None,
            channel_id=command.get("channel_id"),
        )
        if refused is not None:
            await respond(response_type="ephemeral", **refused)
        return
    mine = await my_trainings(services.db, services.clock, user_id)
    message = list_message(
        lang,
        mine.trainings,
        mine.kind,
        mine.answers,
        services.settings.tz,
        utc_iso(services.clock.now()),
    )
    await respond(response_type="ephemeral", **message)
