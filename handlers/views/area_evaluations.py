"""The area evaluation's modal: save the answers, or show what to fix on the fields."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.area_evaluations import Answers
from bot.i18n import t
from bot.runtime import Services
from bot.services.area_evaluations import EvaluationUnavailable, save_answer
from bot.views.area_evaluations import CALLBACK, unavailable_text
from bot.views.help import text_message
from handlers.interactions import Submission
from handlers.slack import render

__all__ = ["CALLBACK", "submit_evaluation"]


async def submit_evaluation(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """The role is checked again (it may have changed since the modal opened); the receipt
    comes privately, in the person's DM with the bot."""
    lang = submission.lang
    values = submission.values
    metadata = submission.metadata
    answers = Answers(
        works=str(values.get("works") or ""),
        hard=str(values.get("hard") or ""),
        drop_or_spread=str(values.get("drop_or_spread") or ""),
        support=str(values.get("support") or ""),
    )
    user_id = submission.external_id
    try:
        await save_answer(
            services.db,
            services.clock,
            period=str(metadata.get("period") or ""),
            area_id=int(metadata.get("area_id") or 0),
            slack_user_id=user_id,
            answers=answers,
        )
    except EvaluationUnavailable as unavailable:
        text = unavailable_text(lang, unavailable, markdown=False)
        await ack(response_action="errors", errors={"works": text})
        return
    await ack()
    await client.chat_postMessage(
        channel=user_id, **render.message(text_message(t(lang, "area_eval.saved")))
    )
