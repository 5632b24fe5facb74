"""The App Home tab: published for the person when they open it (the "Messages" tab is left
alone), and again after they change something from it (see `publish_home`)."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Services
from bot.services.home import home_for
from bot.views.home import home_view


async def app_home_opened(
    event: dict[str, Any], client: AsyncWebClient, services: Services, lang: str
) -> None:
    if event.get("tab") != "home" or not isinstance(event.get("user"), str):
        return
    await publish_home(client, services, event["user"], lang)


async def publish_home(client: AsyncWebClient, services: Services, user_id: str, lang: str) -> None:
    """What is the person's to do now, on their Home tab."""
    home = await home_for(services.db, services.clock, services.settings.calendar, user_id)
    await client.views_publish(user_id=user_id, view=home_view(lang, home, services.settings.tz))


def from_home(body: dict[str, Any]) -> bool:
    """Was the button clicked on the App Home (which has no response_url to answer on)?"""
    return (body.get("view") or {}).get("type") == "home"
