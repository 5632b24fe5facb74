"""The App Home kept current in Slack: after a person changed something anywhere else, their
Home is published again if they have it open. Only Slack's requests say whether a change was
made on the Home itself (whose clicks publish it again on their own)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.ports import DeliveryFailed
from bot.runtime import Services
from handlers.events.home import publish_home
from handlers.slack.edge import on_home
from handlers.slack.guard import After

logger = logging.getLogger(__name__)

#: Requests in which a person changes something (a click, a form sent).
CHANGES = frozenset({"block_actions", "view_submission"})


def refresh_after(services: Services) -> After:
    """Run by the guard after each request: marked a tool in use, answered a training, took a
    question — the person's Home is published again, if they opened it since the bot started.
    A failed publish is logged, never shown."""

    async def refresh(
        body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        person = context.get("person_id")
        if not isinstance(person, int) or body.get("type") not in CHANGES:
            return
        if person not in services.homes or on_home(body):
            return
        try:
            await publish_home(services, person, str(context.get("lang") or ""))
        except DeliveryFailed as failure:
            logger.warning("home not refreshed error=%s", failure.reason)

    return refresh
