"""The real app served over HTTP and talking to the local Slack stand-in.

What the console and the end-to-end tests run: signed requests in through the driver,
every Web API call out to the stand-in, recorded and checked against Block Kit's limits.
The same code path as production; only the far end of the wire is local.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from bot.clock import Clock
from bot.jobs.dispatcher import Pacer
from bot.lifecycle import RunningBot
from bot.settings import Settings
from bot.standin.driver import SlackDriver
from bot.standin.server import SlackStandIn
from handlers.slack.transport import HttpServer
from storage.repositories import identities, org

GENERAL = ("C0GENERAL", "general")


@dataclass
class LocalSlack:
    standin: SlackStandIn
    bot: RunningBot
    server: HttpServer
    driver: SlackDriver

    @classmethod
    async def start(cls, settings: Settings, clock: Clock, *, schedule: bool = False) -> LocalSlack:
        standin = SlackStandIn()
        await standin.start()
        secret = secrets.token_hex(16)
        local = settings.with_changes(
            bot_token=standin.bot_token, signing_secret=secret, api_url=standin.api_url
        )
        bot = await RunningBot.start(local, clock, schedule=schedule, pacer=Pacer.instant())
        server = HttpServer(bot.app)
        await server.start("127.0.0.1", 0)
        driver = SlackDriver(standin, app_url=server.url, signing_secret=secret)
        standin.add_channel(*GENERAL)
        workspace = cls(standin, bot, server, driver)
        await workspace.sync_people()
        return workspace

    async def sync_people(self) -> None:
        """Every person in the database becomes a user of the stand-in, and joins #general."""
        general = self.standin.workspace.channels[GENERAL[0]]
        people = await org.all_people(self.bot.db)
        slack_ids = await identities.external_ids(self.bot.db, "slack", [p.id for p in people])
        for person in people:
            user_id = slack_ids.get(person.id)
            if user_id is None:
                continue  # nobody the stand-in's Slack can know
            self.standin.add_user(
                user_id,
                person.name.split()[0].lower(),
                real_name=person.name,
                email=person.email,
                locale="en-GB" if person.language == "en" else "da-DK",
            )
            if user_id not in general.members:
                general.members.append(user_id)

    async def settle(self) -> None:
        """Wait until the bot has finished what the last requests started."""
        await self.bot.app.services.inflight.wait_idle()

    async def stop(self) -> None:
        await self.driver.close()
        await self.server.stop()
        await self.bot.stop()
        await self.standin.stop()
