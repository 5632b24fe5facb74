"""The composition root: builds the Bolt app with its services and every listener.

The same app serves Socket Mode, HTTP mode, the console and the tests; only the transport
around it differs.
"""

from __future__ import annotations

import time
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import Clock
from bot.inflight import InFlight
from bot.runtime import Services
from bot.services.language import LanguageResolver
from bot.settings import Settings
from handlers.slack.client import web_client
from handlers.slack.directory import SlackDirectory
from handlers.slack.listeners import register
from handlers.slack.messenger import SlackMessenger, slack_people
from handlers.slack.middleware import only_our_workspace
from handlers.slack.request_log import log_request
from storage.db import Database


class TovholderApp(AsyncApp):
    """Bolt's app plus one log line per request and the count of work in hand."""

    def __init__(self, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services

    async def async_dispatch(self, req: AsyncBoltRequest) -> BoltResponse:
        inflight = self.services.inflight
        started = time.perf_counter()
        inflight.enter()
        try:
            response = await super().async_dispatch(req)
        finally:
            inflight.leave_soon()
        log_request(req.body, response.status, (time.perf_counter() - started) * 1000)
        return response


def slack_services(
    settings: Settings, db: Database, clock: Clock, client: AsyncWebClient
) -> Services:
    """The services of a bot in Slack: the Messenger and the Directory are Slack's, over
    `client` (the one Bolt's listeners get too)."""
    people = slack_people(db)
    directory = SlackDirectory(client, people)
    return Services(
        settings=settings,
        db=db,
        clock=clock,
        language=LanguageResolver(db, settings.lang, directory),
        inflight=InFlight(),
        messenger=SlackMessenger(client, people),
        directory=directory,
    )


def build_app(settings: Settings, db: Database, clock: Clock) -> TovholderApp:
    client = web_client(settings)
    services = slack_services(settings, db, clock, client)
    app = TovholderApp(
        services,
        client=client,
        # Socket Mode does not sign requests; every other transport is verified.
        signing_secret=settings.signing_secret or None,
        request_verification_enabled=settings.mode != "socket",
    )
    # First of our middleware: nothing else runs for a request from another workspace.
    app.use(only_our_workspace(services))
    register(app, services)
    return app
