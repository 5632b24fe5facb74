"""The "not for us" modal: the reason is required; permission and the round are checked
again on submit. The receipt comes by DM."""

from __future__ import annotations

from bot.errors import FormRefused, NotAllowed
from bot.runtime import Services
from bot.services import spreading
from bot.views.spreading import NOT_FOR_US_CALLBACK, answered_message
from handlers.interactions import Submission
from handlers.reply import Reply

__all__ = ["NOT_FOR_US_CALLBACK", "submit_not_for_us"]


async def submit_not_for_us(submission: Submission, reply: Reply, services: Services) -> None:
    lang = submission.lang
    metadata = submission.metadata
    round_id = int(metadata.get("round_id") or 0)
    try:
        answered = await spreading.answer(
            services.db,
            services.clock,
            submission.person,
            round_id,
            int(metadata.get("daycare_id") or 0),
            "not_for_us",
            str(submission.values.get("reason") or ""),
        )
    except NotAllowed as refused:
        raise FormRefused({"reason": ("spreading.not_allowed", {})}) from refused
    except spreading.RoundEnded as ended:
        found = await spreading.get_round(services.db, round_id)
        tool = found.tool_name if found else "–"
        raise FormRefused({"reason": ("spreading.ended", {"tool": tool})}) from ended
    except LookupError as gone:
        raise FormRefused({"reason": ("spreading.gone", {})}) from gone
    await reply.accept_form()
    await reply.private(answered_message(lang, answered))
