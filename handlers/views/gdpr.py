"""The erasure's confirmation modal: on submit, erase and tell the coordinator privately."""

from __future__ import annotations

from bot.i18n import t
from bot.runtime import Services
from bot.services import gdpr
from bot.views.gdpr import ERASE_CALLBACK, erased_message, target_from
from bot.views.help import text_message
from handlers.interactions import Submission, opened_in
from handlers.reply import Reply

__all__ = ["ERASE_CALLBACK", "submit_erasure"]


async def submit_erasure(submission: Submission, reply: Reply, services: Services) -> None:
    """The modal closes at once; the erasure runs in one transaction after that."""
    lang = submission.lang
    await reply.accept_form()
    target, _ = target_from(submission.metadata)
    where = opened_in(submission, services.messenger.platform)
    if target is None:
        return
    try:
        plan = await gdpr.erase_from_chat(services.db, services.clock, submission.person, target)
    except gdpr.OwnErasure:
        await services.messenger.tell(
            submission.person, where, text_message(t(lang, "gdpr.not_yourself"))
        )
        return
    await services.messenger.tell(submission.person, where, erased_message(lang, plan))
