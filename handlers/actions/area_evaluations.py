"""The area evaluation's button: open the modal with the questions for the person's role."""

from __future__ import annotations

import json

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Services
from bot.services.area_evaluations import EvaluationUnavailable, form_for
from bot.views.area_evaluations import evaluation_modal, unavailable_text
from bot.views.help import text_message
from handlers.interactions import Click, as_int
from handlers.slack import render, render_form


async def open_evaluation(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """The role (four questions or three) is decided from the organisation now."""
    lang = click.lang
    try:
        asked = json.loads(click.value or "{}")
    except json.JSONDecodeError:
        asked = {}
    if not isinstance(asked, dict):
        asked = {}
    settings = services.settings
    try:
        form = await form_for(
            services.db,
            services.clock,
            settings.calendar,
            settings.evaluation_months,
            str(asked.get("period") or ""),
            as_int(str(asked.get("area_id") or "")) or 0,
            click.external_id,
        )
    except EvaluationUnavailable as unavailable:
        await respond(
            response_type="ephemeral",
            replace_original=False,
            **render.message(text_message(unavailable_text(lang, unavailable))),
        )
        return
    modal = render_form.modal(evaluation_modal(lang, form))
    await client.views_open(trigger_id=click.trigger, view=modal)
