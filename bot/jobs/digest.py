"""The weekly digest: the pulse of last week in the leadership channel, with its chart."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.domain.pulse import NETWORK
from bot.i18n import t
from bot.runtime import Services
from bot.services import digest
from bot.services.pulse import build_pulse
from bot.slack_client import slack_error_code
from bot.views.pulse import pulse_message
from bot.views.pulse_chart import activity_chart

logger = logging.getLogger(__name__)

#: Slack errors that another try will not mend: the week's digest is marked failed.
PERMANENT = frozenset(
    {"channel_not_found", "not_in_channel", "is_archived", "invalid_blocks", "msg_too_long"}
)


async def send_digest(services: Services) -> bool:
    """Post the digest when it is due; True when it went out now."""
    settings = services.settings
    due = await digest.claim_due(services.db, services.clock, settings.calendar, settings.digest_at)
    if due is None:
        return False
    lang = settings.lang
    pulse = await build_pulse(services.db, services.clock, settings.calendar, due.period, NETWORK)
    try:
        response = await services.slack.chat_postMessage(
            channel=due.channel_id, **pulse_message(lang, pulse, settings.tz, digest=True)
        )
    except SlackApiError as error:
        reason = slack_error_code(error)
        if reason in PERMANENT:
            logger.warning("weekly digest failed period=%s error=%s", due.period.label, reason)
            await digest.failed(services.db, services.clock, due, reason)
        else:
            logger.warning("weekly digest not sent, will retry error=%s", reason)
            await digest.release(services.db, due)
        return False
    await digest.posted(services.db, services.clock, due, str(response["ts"]))
    chart_error = ""
    try:
        await services.slack.files_upload_v2(
            channel=due.channel_id,
            file=activity_chart(lang, pulse),
            filename=f"puls-{due.period.label}.png",
            title=t(lang, "pulse.chart_title"),
        )
    except SlackApiError as error:
        chart_error = slack_error_code(error)
        logger.warning("weekly digest chart not uploaded error=%s", chart_error)
    await digest.sent(services.db, services.clock, due, chart_error)
    return True
