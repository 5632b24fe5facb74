"""The home page: published for the person when they open it (the "Messages" tab is left
alone) and again after they change something from it (`publish_home`). After they change
something anywhere else while it is open, the front end publishes it again (for Slack:
`handlers.slack.home.refresh_after`)."""

from __future__ import annotations

from bot.runtime import Services
from bot.services.home import home_for
from bot.views.home import home_view
from handlers.interactions import HomeOpened


async def app_home_opened(opened: HomeOpened, services: Services) -> None:
    services.homes.add(opened.person)
    await publish_home(services, opened.person, opened.lang)


async def publish_home(services: Services, person: int, lang: str) -> None:
    """What is the person's to do now, on their home page."""
    home = await home_for(services.db, services.clock, services.settings.calendar, person)
    await services.messenger.publish_home(person, home_view(lang, home, services.settings.tz))
