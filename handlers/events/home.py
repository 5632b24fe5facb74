"""The App Home tab: published for the person when they open it (the "Messages" tab is left
alone), again after they change something from it (see `publish_home`), and after they
change something anywhere else while it is open (`refresh_after`)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Services
from bot.services.home import home_for
from bot.slack_client import slack_error_code
from bot.views.home import home_view
from handlers.interactions import HomeOpened
from handlers.slack import render
from handlers.slack.edge import on_home
from handlers.slack.middleware import user_id_of

logger = logging.getLogger(__name__)


async def app_home_opened(opened: HomeOpened, client: AsyncWebClient, services: Services) -> None:
    services.homes.add(opened.external_id)
    await publish_home(client, services, opened.external_id, opened.lang)


async def publish_home(client: AsyncWebClient, services: Services, user_id: str, lang: str) -> None:
    """What is the person's to do now, on their Home tab."""
    home = await home_for(services.db, services.clock, services.settings.calendar, user_id)
    view = render.home(home_view(lang, home, services.settings.tz))
    await client.views_publish(user_id=user_id, view=view)


#: Requests in which a person changes something (a click, a form sent).
CHANGES = frozenset({"block_actions", "view_submission"})


def refresh_after(services: Services) -> Callable[..., Awaitable[None]]:
    """After a person changed something anywhere else — marked a tool in use, answered a
    training, took a question — their Home is published again, if they have it open
    (clicks on the Home publish it themselves). A failed publish is logged, never shown."""

    async def refresh(
        body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        user_id = user_id_of(body)
        if body.get("type") not in CHANGES or user_id not in services.homes or on_home(body):
            return
        try:
            await publish_home(client, services, user_id, str(context.get("lang") or ""))
        except SlackApiError as error:
            logger.warning("home not refreshed error=%s", slack_error_code(error))

    return refresh
