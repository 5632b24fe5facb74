"""The settings modal: open it for coordinators, save what they submit."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.jobs.onboarding import send_welcomes
from bot.runtime import Services
from bot.services.network import snapshot
from bot.services.settings_form import SettingsForm, apply_form
from bot.services.workspace_settings import KEYS, current
from bot.views.settings import CALLBACK_ID, field_errors, saved_message, settings_modal
from handlers.interactions import Submission
from handlers.slack import render, render_form
from handlers.slack.replies import tell_privately
from handlers.slack.values import as_int

__all__ = ["CALLBACK_ID", "open_settings", "save_settings"]


async def open_settings(
    command: dict[str, Any], client: AsyncWebClient, services: Services, lang: str
) -> None:
    """The coordinator's modal (the caller has checked `may_manage_settings`)."""
    snap = await snapshot(services.db)
    modal = settings_modal(lang, await current(services.db), snap, command.get("channel_id"))
    await client.views_open(trigger_id=command["trigger_id"], view=render_form.modal(modal))


async def save_settings(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = submission.lang
    values = submission.values
    form = SettingsForm(
        channels={key: values.get(key) for key in KEYS},
        person=values.get("role_person"),
        add=values.get("role_change", "add") != "remove",
        role=values.get("role"),
        area_id=as_int(values.get("role_area")),
        daycare_id=as_int(values.get("role_daycare")),
    )
    user_id = submission.external_id
    outcome = await apply_form(services.db, services.clock, user_id, form, services.directory)
    if outcome.errors:
        await ack(response_action="errors", errors=field_errors(lang, outcome.errors))
        return
    await ack()
    channel = submission.metadata.get("channel")
    message = render.message(saved_message(lang, outcome.changes))
    await tell_privately(services.messenger, user_id, channel, message)
    if outcome.new_superuser:
        await send_welcomes(services)
