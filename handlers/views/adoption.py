"""The adoption modals: "Vi er stoppet" with its reason, and an ambassador's daycare and state.
The permission is checked again on submit (roles may have changed since the modal opened);
the receipt comes privately, in the person's DM with the bot."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services.adoption import set_adoption
from bot.views.adoption import SET_CALLBACK, STOP_CALLBACK, changed_message
from handlers.interactions import Submission, as_int
from handlers.slack import render

__all__ = ["SET_CALLBACK", "STOP_CALLBACK", "submit_set", "submit_stop"]


async def _save(
    ack: AsyncAck,
    client: AsyncWebClient,
    services: Services,
    lang: str,
    user_id: str,
    daycare_id: int,
    tool_id: int,
    state: str,
    reason: str,
    *,
    daycare_field: str,
) -> None:
    try:
        change = await set_adoption(
            services.db, services.clock, user_id, daycare_id, tool_id, state, reason
        )
    except NotAllowed:
        await ack(response_action="errors", errors={daycare_field: t(lang, "adoption.not_allowed")})
        return
    except LookupError:
        await ack(response_action="errors", errors={daycare_field: t(lang, "adoption.gone")})
        return
    await ack()
    message = render.message(
        changed_message(lang, change.adoption, change.adoption.tool_name, changed=change.changed)
    )
    await client.chat_postMessage(channel=user_id, **message)


async def submit_stop(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    values = submission.values
    metadata = submission.metadata
    await _save(
        ack,
        client,
        services,
        submission.lang,
        submission.external_id,
        int(metadata.get("daycare_id") or 0),
        int(metadata.get("tool_id") or 0),
        "stopped",
        str(values.get("reason") or ""),
        daycare_field="reason",
    )


async def submit_set(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    values = submission.values
    metadata = submission.metadata
    await _save(
        ack,
        client,
        services,
        submission.lang,
        submission.external_id,
        as_int(values.get("daycare")) or 0,
        int(metadata.get("tool_id") or 0),
        str(values.get("state") or ""),
        str(values.get("reason") or ""),
        daycare_field="daycare",
    )
