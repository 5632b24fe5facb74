"""The area evaluation's modal: save the answers, or show what to fix on the fields."""

from __future__ import annotations

from bot.domain.area_evaluations import Answers
from bot.errors import FormRefused
from bot.i18n import t
from bot.runtime import Services
from bot.services.area_evaluations import EvaluationUnavailable, save_answer
from bot.views.area_evaluations import CALLBACK
from bot.views.help import text_message
from handlers.interactions import Submission
from handlers.reply import Reply

__all__ = ["CALLBACK", "submit_evaluation"]


async def submit_evaluation(submission: Submission, reply: Reply, services: Services) -> None:
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
    try:
        await save_answer(
            services.db,
            services.clock,
            period=str(metadata.get("period") or ""),
            area_id=int(metadata.get("area_id") or 0),
            person_id=submission.person,
            answers=answers,
        )
    except EvaluationUnavailable as unavailable:
        area = unavailable.area.name if unavailable.area else ""
        raise FormRefused({"works": (unavailable.key, {"area": area})}) from unavailable
    await reply.accept_form()
    await reply.private(text_message(t(lang, "area_eval.saved")))
