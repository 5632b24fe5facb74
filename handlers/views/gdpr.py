"""The erasure's confirmation modal: on submit, erase and tell the coordinator privately."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services import gdpr
from bot.views.gdpr import ERASE_CALLBACK, erased_message, target_from
from bot.views.help import text_message
from handlers.interactions import Submission
from handlers.slack.replies import tell_privately

__all__ = ["ERASE_CALLBACK", "submit_erasure"]


async def submit_erasure(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """The modal closes at once; the erasure runs in one transaction after the ack."""
    lang = submission.lang
    await ack()
    user_id = submission.external_id
    target, channel = target_from(submission.metadata)
    if target is None:
        return
    try:
        plan = await gdpr.erase_from_slack(services.db, services.clock, user_id, target)
    except gdpr.OwnErasure:
        await tell_privately(
            services.messenger, user_id, channel, text_message(t(lang, "gdpr.not_yourself"))
        )
        return
    await tell_privately(services.messenger, user_id, channel, erased_message(lang, plan))
