"""Send the welcome to each new superuser, once, and tell their area's ambassadors."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.clock import utc_iso
from bot.runtime import Services
from bot.services.onboarding import pending_welcomes
from bot.slack_client import slack_error_code
from bot.views.onboarding import new_superuser_note, welcome_message
from storage.repositories import org

logger = logging.getLogger(__name__)


async def send_welcomes(services: Services) -> int:
    """The claim is written before the message goes out, so two runs never both send it; a
    failed send releases the claim for the next run."""
    sent = 0
    for welcome in await pending_welcomes(services.db):
        person = welcome.superuser
        if not await org.claim_welcome(services.db, person.id, utc_iso(services.clock.now())):
            continue
        try:
            lang = await services.language.for_user(person.slack_user_id)
            await services.slack.chat_postMessage(
                channel=person.slack_user_id, **welcome_message(lang, welcome)
            )
        except SlackApiError as error:
            logger.warning("welcome not sent, will retry: %s", slack_error_code(error))
            await org.release_welcome(services.db, person.id)
            continue
        sent += 1
        for ambassador in welcome.ambassadors:
            lang = await services.language.for_user(ambassador.slack_user_id)
            try:
                await services.slack.chat_postMessage(
                    channel=ambassador.slack_user_id, **new_superuser_note(lang, welcome)
                )
            except SlackApiError as error:
                logger.warning("ambassador note not sent: %s", slack_error_code(error))
    return sent
