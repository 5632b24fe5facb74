"""When the weekly digest is due, and that it goes out once.

The digest looks back on the previous ISO week. It is due at `TOVHOLDER_DIGEST_AT` (default
Monday 08:30) of the current week, moved by the working calendar like any nudge — a
holiday or the summer closure puts it on the next working morning. The row in `digests` is
claimed before anything is posted, so two processes, a job run twice or a restart never
post one week twice; a claim left by a process that died is taken again after `LEASE`.
A post whose outcome is unknown (the process died after posting, the call timed out) leaves
the claim *unconfirmed*: the next claim says so (`DueDigest.unconfirmed`), and the job looks
for the post's tag in the channel before posting again. Nothing platform-specific here:
`bot.jobs.digest` posts through the Messenger.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from bot.clock import Clock, utc_iso
from bot.domain.pulse import Period, week_of
from bot.domain.refs import ConversationRef, MessageRef, Platform
from bot.services.working_time import WorkingCalendar
from bot.services.workspace_settings import current
from storage.db import Database
from storage.repositories import digests as repo

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
ERROR_MAX = 500


@dataclass(frozen=True)
class DueDigest:
    period: Period
    #: The leadership channel it goes to.
    conversation: ConversationRef
    #: An earlier post of this digest may be in the channel: look before posting.
    unconfirmed: bool = False


def digest_moment(calendar: WorkingCalendar, at: tuple[int, time], week: Period) -> datetime:
    """When the digest of the week before `week` goes out."""
    weekday, clock_time = at
    planned = datetime.combine(week.start + timedelta(days=weekday), clock_time, calendar.tz)
    return calendar.next_allowed(planned)


async def claim_due(
    db: Database,
    clock: Clock,
    calendar: WorkingCalendar,
    at: tuple[int, time] | None,
    platform: Platform,
) -> DueDigest | None:
    """The digest to post now on `platform` (the leadership channel is its conversation),
    claimed for this caller; None when none is due, it was sent (or is being sent), or no
    leadership channel is set (logged once per week)."""
    if at is None:
        return None
    now = clock.now()
    this_week = week_of(now.astimezone(calendar.tz).date())
    if now < digest_moment(calendar, at, this_week):
        return None
    period = week_of(this_week.start - timedelta(days=7))
    channel = (await current(db))["leadership_channel"]
    if not channel:
        if await repo.skip(db, period.label, utc_iso(now)):
            logger.info("weekly digest not sent: no leadership_channel set period=%s", period.label)
        return None
    where = ConversationRef(platform, channel)
    claim = await repo.claim(db, period.label, where, utc_iso(now), utc_iso(now - LEASE))
    if claim is None:
        return None
    return DueDigest(period, where, unconfirmed=claim.unconfirmed_since is not None)


async def posting(db: Database, clock: Clock, due: DueDigest) -> None:
    """Say before posting that a post starts, so a crash or timeout leaves it unconfirmed."""
    await repo.posting(db, due.period.label, due.conversation, utc_iso(clock.now()))


async def posted(db: Database, clock: Clock, due: DueDigest, message_id: str) -> None:
    """The digest is the message `message_id` in its conversation."""
    where = due.conversation
    message = MessageRef(where.platform, where.conversation_id, message_id)
    await repo.set_state(
        db, due.period.label, where, "posted", utc_iso(clock.now()), message=message
    )


async def sent(db: Database, clock: Clock, due: DueDigest, chart_error: str = "") -> None:
    """Done; `chart_error` when the message stands but its chart could not be added."""
    await repo.set_state(
        db,
        due.period.label,
        due.conversation,
        "sent",
        utc_iso(clock.now()),
        error=chart_error[:ERROR_MAX],
    )


async def failed(db: Database, clock: Clock, due: DueDigest, error: str) -> None:
    """Slack refused for good (no such channel, the bot not in it): not tried again."""
    await repo.set_state(
        db,
        due.period.label,
        due.conversation,
        "failed",
        utc_iso(clock.now()),
        error=error[:ERROR_MAX],
    )


async def release(db: Database, due: DueDigest, *, maybe_posted: bool) -> None:
    """A passing failure: the next run tries again. `maybe_posted`: the post may be in
    Slack, or an earlier one could not be looked up — the next run looks first."""
    await repo.release(db, due.period.label, due.conversation, maybe_posted=maybe_posted)
