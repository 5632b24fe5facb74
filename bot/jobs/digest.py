"""The weekly digest: the pulse of last week in the leadership channel, with its chart.

Posted once. Its post carries a tag in Slack's message metadata (`bot.slack_tags.digest_tag`:
the week and the channel), and is marked unconfirmed just before it goes out. A claim whose
earlier post may be in Slack — the process died after posting, the call timed out or lost
its connection — first looks for the tag in the channel's recent history: found, it is
recorded as posted (and the chart follows); not found, it is posted. Every failure of the
post or of the look-up (Slack's error, an HTML page, an empty 404, a dropped connection, a
timeout) hands the claim back for the next run, five minutes later; only Slack refusing for
good (no such channel, the bot not in it) marks the week failed. Logs carry the week and
Slack's error code, never the digest's text.
"""

from __future__ import annotations

import logging

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.pulse import NETWORK, Pulse
from bot.i18n import t
from bot.runtime import Services
from bot.services import digest
from bot.services.digest import DueDigest
from bot.services.pulse import build_pulse
from bot.slack_client import slack_error_code
from bot.slack_tags import (
    DIGEST_EVENT,
    TagLookupFailed,
    careful_client,
    digest_tag,
    find_tagged,
    maybe_delivered,
)
from bot.views.pulse import pulse_message
from bot.views.pulse_chart import activity_chart

logger = logging.getLogger(__name__)

#: Slack errors that another try will not mend: the week's digest is marked failed.
PERMANENT = frozenset(
    {"channel_not_found", "not_in_channel", "is_archived", "invalid_blocks", "msg_too_long"}
)
#: What a Web API call can raise when Slack or the way to it fails.
CALL_ERRORS = (SlackApiError, aiohttp.ClientError, TimeoutError, OSError)


def _reason(error: Exception) -> str:
    return slack_error_code(error) if isinstance(error, SlackApiError) else type(error).__name__


async def send_digest(services: Services) -> bool:
    """Post the digest when it is due; True when it was completed now (posted — or found
    posted by an earlier try — and its chart added or its failure recorded)."""
    settings = services.settings
    due = await digest.claim_due(services.db, services.clock, settings.calendar, settings.digest_at)
    if due is None:
        return False
    client = careful_client(services.slack)
    pulse = await build_pulse(services.db, services.clock, settings.calendar, due.period, NETWORK)
    message_ts: str | None = None
    if due.unconfirmed:
        try:
            message_ts = await find_tagged(
                client, due.channel_id, DIGEST_EVENT, "period", due.period.label
            )
        except TagLookupFailed as failure:
            if failure.transient:
                logger.warning(
                    "weekly digest look-up failed, will look again period=%s error=%s",
                    due.period.label,
                    failure.error,
                )
                await digest.release(services.db, due, maybe_posted=True)
                return False
            logger.warning(
                "weekly digest look-up refused, posting without it period=%s error=%s",
                due.period.label,
                failure.error,
            )
        if message_ts is not None:
            logger.info("weekly digest found in the channel period=%s", due.period.label)
    if message_ts is None:
        message_ts = await _post(services, client, due, pulse)
        if message_ts is None:
            return False
    await digest.posted(services.db, services.clock, due, message_ts)
    chart_error = ""
    try:
        await services.slack.files_upload_v2(
            channel=due.channel_id,
            file=activity_chart(settings.lang, pulse),
            filename=f"puls-{due.period.label}.png",
            title=t(settings.lang, "pulse.chart_title"),
        )
    except CALL_ERRORS as error:
        chart_error = _reason(error)
        logger.warning("weekly digest chart not uploaded error=%s", chart_error)
    await digest.sent(services.db, services.clock, due, chart_error)
    return True


async def _post(
    services: Services, client: AsyncWebClient, due: DueDigest, pulse: Pulse
) -> str | None:
    """Post the tagged digest; its ts, or None when it failed (recorded: failed for good, or
    handed back for the next run — unconfirmed when the post may be in Slack anyway)."""
    settings = services.settings
    await digest.posting(services.db, services.clock, due)
    try:
        response = await client.chat_postMessage(
            channel=due.channel_id,
            metadata=digest_tag(due.period.label, due.channel_id),
            **pulse_message(settings.lang, pulse, settings.tz, digest=True),
        )
    except CALL_ERRORS as error:
        reason = _reason(error)
        if isinstance(error, SlackApiError) and reason in PERMANENT:
            logger.warning("weekly digest failed period=%s error=%s", due.period.label, reason)
            await digest.failed(services.db, services.clock, due, reason)
            return None
        maybe = maybe_delivered(error)
        logger.warning(
            "weekly digest not sent, will retry period=%s error=%s maybe_posted=%s",
            due.period.label,
            reason,
            maybe,
        )
        await digest.release(services.db, due, maybe_posted=maybe)
        return None
    return str(response["ts"])
