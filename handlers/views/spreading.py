"""The "not for us" modal: the reason is required; permission and the round are checked
again on submit. The receipt comes by DM."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services import spreading
from bot.views.spreading import NOT_FOR_US_CALLBACK, answered_message, ended_text
from handlers.interactions import Submission
from handlers.slack import render

__all__ = ["NOT_FOR_US_CALLBACK", "submit_not_for_us"]


async def submit_not_for_us(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = submission.lang
    metadata = submission.metadata
    user_id = submission.external_id
    round_id = int(metadata.get("round_id") or 0)
    try:
        answered = await spreading.answer(
            services.db,
            services.clock,
            user_id,
            round_id,
            int(metadata.get("daycare_id") or 0),
            "not_for_us",
            str(submission.values.get("reason") or ""),
        )
    except NotAllowed:
        await ack(response_action="errors", errors={"reason": t(lang, "spreading.not_allowed")})
        return
    except spreading.RoundEnded:
        found = await spreading.get_round(services.db, round_id)
        text = render.mrkdwn(ended_text(lang, found.tool_name if found else None))
        await ack(response_action="errors", errors={"reason": text})
        return
    except LookupError:
        await ack(response_action="errors", errors={"reason": t(lang, "spreading.gone")})
        return
    await ack()
    await client.chat_postMessage(
        channel=user_id, **render.message(answered_message(lang, answered))
    )
