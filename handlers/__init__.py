"""Thin Slack listeners, grouped by surface. `register` is the one place they are wired up."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.runtime import Services
from handlers import errors, middleware
from handlers.commands import tovholder
from handlers.events import mentions, messages
from handlers.views import settings


def register(app: AsyncApp, services: Services) -> None:
    app.use(middleware.drop_repeated_deliveries(services))
    app.use(middleware.provide_services(services))

    def track(listener: errors.Listener) -> errors.Listener:
        return errors.guard(services, listener)

    app.command("/tovholder")(track(tovholder.tovholder_command))
    app.view(settings.CALLBACK_ID)(track(settings.save_settings))
    app.event("app_mention")(track(mentions.app_mention))
    app.message()(track(messages.direct_message))
    # Edits, deletions, joins…: acknowledged so Slack does not retry them, otherwise ignored.
    app.event("message")(track(messages.other_message_event))

    app.error(errors.error_handler(services))
