"""The weekly digest: the pulse of last week in the leadership channel, with its chart.

Posted once. Its post carries a tag (`bot.tags.digest_tag`: the week and the channel), and
is marked unconfirmed just before it goes out. A claim whose earlier post may be in the
channel — the process died after posting, the call timed out or lost its connection —
first looks for the tag in the channel's recent history: found, it is recorded as posted
(and the chart follows); not found, it is posted. Every failure of the post or of the
look-up that may pass (an outage, an error page, a timeout, a rate limit) hands the claim
back for the next run, five minutes later; only a refusal for good (no such channel, the
bot not in it, a message the platform will not take) marks the week failed. Logs carry the
week and the platform's error code, never the digest's text.
"""

from __future__ import annotations

import logging

from bot.domain.pulse import NETWORK, Pulse
from bot.domain.refs import ConversationRef
from bot.i18n import t
from bot.ports import DeliveryFailed, Messenger, Temporary
from bot.runtime import Services
from bot.services import digest
from bot.services.digest import DueDigest
from bot.services.pulse import build_pulse
from bot.tags import DIGEST_EVENT, digest_tag, find_tagged, passing
from bot.views.pulse import pulse_message
from bot.views.pulse_chart import activity_chart

logger = logging.getLogger(__name__)


async def send_digest(services: Services) -> bool:
    """Post the digest when it is due; True when it was completed now (posted — or found
    posted by an earlier try — and its chart added or its failure recorded)."""
    settings = services.settings
    messenger = services.messenger
    due = await digest.claim_due(
        services.db, services.clock, settings.calendar, settings.digest_at, messenger.platform
    )
    if due is None:
        return False
    where = due.conversation
    pulse = await build_pulse(services.db, services.clock, settings.calendar, due.period, NETWORK)
    message_id: str | None = None
    if due.unconfirmed:
        try:
            found = await find_tagged(messenger, where, DIGEST_EVENT, "period", due.period.label)
        except DeliveryFailed as failure:
            if passing(failure):
                logger.warning(
                    "weekly digest look-up failed, will look again period=%s error=%s",
                    due.period.label,
                    failure.reason,
                )
                await digest.release(services.db, due, maybe_posted=True)
                return False
            logger.warning(
                "weekly digest look-up refused, posting without it period=%s error=%s",
                due.period.label,
                failure.reason,
            )
        else:
            if found is not None:
                logger.info("weekly digest found in the channel period=%s", due.period.label)
                message_id = found.message_id
    if message_id is None:
        message_id = await _post(services, messenger, where, due, pulse)
        if message_id is None:
            return False
    await digest.posted(services.db, services.clock, due, message_id)
    chart_error = ""
    try:
        await messenger.share_file(
            where,
            activity_chart(settings.lang, pulse),
            f"puls-{due.period.label}.png",
            t(settings.lang, "pulse.chart_title"),
        )
    except DeliveryFailed as failure:
        chart_error = failure.reason
        logger.warning("weekly digest chart not uploaded error=%s", chart_error)
    await digest.sent(services.db, services.clock, due, chart_error)
    return True


async def _post(
    services: Services, messenger: Messenger, where: ConversationRef, due: DueDigest, pulse: Pulse
) -> str | None:
    """Post the tagged digest; its message id, or None when it failed (recorded: failed
    for good, or handed back for the next run — unconfirmed when the post may be there
    anyway)."""
    settings = services.settings
    await digest.posting(services.db, services.clock, due)
    try:
        ref = await messenger.post(
            where,
            pulse_message(settings.lang, pulse, settings.tz, digest=True),
            tag=digest_tag(due.period.label, where.conversation_id),
        )
    except DeliveryFailed as failure:
        if not passing(failure):
            logger.warning(
                "weekly digest failed period=%s error=%s", due.period.label, failure.reason
            )
            await digest.failed(services.db, services.clock, due, failure.reason)
            return None
        maybe = isinstance(failure, Temporary) and failure.maybe_delivered
        logger.warning(
            "weekly digest not sent, will retry period=%s error=%s maybe_posted=%s",
            due.period.label,
            failure.reason,
            maybe,
        )
        await digest.release(services.db, due, maybe_posted=maybe)
        return None
    return ref.message_id
