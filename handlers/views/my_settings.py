"""A person's own settings modal: pause the nudges until a date, or turn them back on."""

from __future__ import annotations

from datetime import date

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services import identities, reminders
from bot.services.network import snapshot
from bot.views.dates import day_text
from bot.views.help import text_message
from bot.views.my_settings import CALLBACK_ID, my_settings_modal
from handlers.interactions import Submission
from handlers.slack import render_form
from handlers.slack.replies import tell_privately

__all__ = ["CALLBACK_ID", "open_my_settings", "save_my_settings"]


async def open_my_settings(
    client: AsyncWebClient,
    services: Services,
    lang: str,
    trigger_id: str,
    user_id: str,
    channel_id: str | None,
) -> None:
    person_id = await identities.person_for(services.db, services.clock, "slack", user_id)
    paused = await reminders.paused_until(services.db, person_id)
    today = services.clock.now().date()
    modal = my_settings_modal(
        lang,
        paused if paused and paused >= today else None,
        today,
        (await snapshot(services.db)).coordinators(),
        channel_id=channel_id,
    )
    await client.views_open(trigger_id=trigger_id, view=render_form.modal(modal))


async def save_my_settings(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = submission.lang
    values = submission.values
    user_id = submission.external_id
    today = services.clock.now().date()
    until = date.fromisoformat(values["until"]) if values.get("until") else None
    if values.get("nudges") == "paused":
        if until is None or until <= today:
            await ack(response_action="errors", errors={"until": t(lang, "my.until_future")})
            return
        await ack()
        await reminders.pause(services.db, services.clock, submission.person, until)
        text = t(lang, "my.paused", day=day_text(lang, until))
    else:
        await ack()
        await reminders.pause(services.db, services.clock, submission.person, None)
        text = t(lang, "my.resumed")
    channel = submission.metadata.get("channel")
    await tell_privately(services.messenger, user_id, channel, text_message(text))
