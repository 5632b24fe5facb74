"""The erasure's confirmation modal: on submit, erase and tell the coordinator privately."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services import gdpr
from bot.views.gdpr import ERASE_CALLBACK, erased_message, target_from
from bot.views.help import text_message
from handlers.replies import tell_privately

__all__ = ["ERASE_CALLBACK", "submit_erasure"]


async def submit_erasure(
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """The modal closes at once; the erasure runs in one transaction after the ack."""
    await ack()
    user_id = str(body["user"]["id"])
    target, channel = target_from(view.get("private_metadata"))
    if target is None:
        return
    try:
        plan = await gdpr.erase_from_slack(services.db, services.clock, user_id, target)
    except gdpr.OwnErasure:
        await tell_privately(client, user_id, channel, text_message(t(lang, "gdpr.not_yourself")))
        return
    await tell_privately(client, user_id, channel, erased_message(lang, plan))
