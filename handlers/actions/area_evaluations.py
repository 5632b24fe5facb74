"""The area evaluation's button: open the modal with the questions for the person's role."""

from __future__ import annotations

import json

from bot.runtime import Services
from bot.services.area_evaluations import EvaluationUnavailable, form_for
from bot.views.area_evaluations import evaluation_modal, unavailable_text
from bot.views.help import text_message
from handlers.interactions import Click, as_int
from handlers.reply import Reply


async def open_evaluation(click: Click, reply: Reply, services: Services) -> None:
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
            click.person,
        )
    except EvaluationUnavailable as unavailable:
        await reply.private(text_message(unavailable_text(lang, unavailable)))
        return
    await reply.open_form(evaluation_modal(lang, form))
