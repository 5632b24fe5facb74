"""Sending a sparring question out: at once when it is asked, or from the durable queue when
the chat platform did not answer then.

One routine (`send_out`) does it at both moments, so a question goes out the same way: to
the sparring channel when one is set and the question is not private, its place recorded
(claims, thread replies, answers and escalation follow it from there); otherwise to each
recipient by DM. A channel that refuses the question for good (gone, the bot not in it)
sends it by DM instead, the coordinator's copy saying what failed.

The platform not answering — a `Temporary` failure (a 5xx or an HTML page from the platform's edge,
an empty 404, a timeout, no connection) or `RateLimited` — is not a refusal, and nothing is
sent in its place:

- the channel post raises `NotAnswering`; the request queues the question
  (`bot.services.sparring.queue_post`) and the asker is told so, and the queued reminder
  (`bot.reminders.sparring_delivery.POST`, through `post_now`) tries again — the
  dispatcher retrying it with backoff for as long as the post raises. It posts itself,
  because where the post landed must be recorded; the message it hands the dispatcher is
  the asker's note that the question is out now.
  The post carries the question's id as a tag (`bot.tags`) and is not repeated inside
  the call after a timeout or a dropped connection, so a post whose answer was lost is
  looked up before the queue posts again: found, its place is recorded — one post.
- a DM queues that copy and every one not tried yet (`queue_copies`): ordinary reminders
  the dispatcher sends, paced and retried (`bot.reminders.sparring_delivery.COPY`). Nobody
  gets a copy twice: the queued ones are skipped by a later `send_out`.
- the offer to a DM that read like a question is queued too (`…sparring_delivery.OFFER`).

The kinds are in `bot.reminders.sparring_delivery`. Logs carry ids and the platform's error
codes, never the question.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.domain.refs import ConversationRef, MessageRef
from bot.domain.sparring import Routing
from bot.ports import DeliveryFailed
from bot.reminders.kind import NotNow
from bot.runtime import Services
from bot.services.sparring import (
    copies_queued,
    delivered_at,
    mark_delivered,
    queue_copies,
    record_post,
)
from bot.tags import QUESTION_EVENT, find_tagged, passing, question_tag
from bot.views.model import Message
from bot.views.sparring import question_post, sent_later
from bot.views.sparring_handling import failed_post_note

logger = logging.getLogger("tovholder.sparring")


class NotAnswering(NotNow):
    """The platform did not answer the channel post; nothing was posted. `error`: the
    platform's code (`http_503`, `ratelimited`…) or the exception's name."""


@dataclass(frozen=True)
class Sent:
    """How `send_out` got the question out."""

    #: The channel it was posted in.
    channel_id: str | None = None
    #: The channel that refused it, so it went by DM.
    failed_in: str | None = None
    #: Some DM copies wait in the queue for the platform to answer.
    queued: bool = False


async def send_out(services: Services, routing: Routing) -> Sent:
    """Post the question where the ambassadors see it (see the module docstring).

    Raises `NotAnswering` when the platform did not answer the channel post. A question
    already posted is not posted again, and nobody with a copy in the queue gets another one.
    """
    db, clock, messenger = services.db, services.clock, services.messenger
    question = routing.question
    channel = None if question.private else routing.channel_id
    if question.post:
        return Sent(channel_id=question.post.conversation_id)
    failed: tuple[str, str] | None = None
    if channel:
        try:
            posted = await messenger.post(
                ConversationRef(messenger.platform, channel),
                question_post(services.settings.lang, routing, direct=False),
                tag=question_tag(question.id),
            )
        except DeliveryFailed as failure:
            if passing(failure):
                logger.warning(
                    "sparring channel post not answered id=%d error=%s",
                    question.id,
                    failure.reason,
                )
                raise NotAnswering(failure.reason) from failure
            logger.warning("sparring channel post failed, sending DMs error=%s", failure.reason)
            failed = (channel, failure.reason)
        else:
            await record_post(db, question.id, posted, at=clock.now())
            return Sent(channel_id=channel)
    targets = [p.id for p in routing.recipients]
    if failed:
        targets += [
            p.id for p in routing.coordinators if p.id not in targets and p.id != question.asker_id
        ]
    queued = await copies_queued(db, question.id)
    waiting: list[int] = []
    reached = False
    for person in targets:
        if person in queued:
            continue  # the queue sends that copy
        if waiting:  # the platform is not answering: the rest wait with it, untried
            waiting.append(person)
            continue
        try:
            message = await copy_message(services, routing, person, failed)
            await messenger.send_privately(person, message)
        except DeliveryFailed as failure:
            if not passing(failure):  # one person's closed DMs must not stop the others
                logger.warning("sparring DM failed error=%s", failure.reason)
                continue
            logger.warning(
                "sparring DM not answered, queued id=%d error=%s", question.id, failure.reason
            )
            waiting.append(person)
        else:
            reached = True
    if waiting:
        await queue_copies(db, clock, question, waiting, failed)
    if reached:
        await mark_delivered(db, clock, question.id)
    return Sent(failed_in=failed[0] if failed else None, queued=bool(waiting))


async def copy_message(
    services: Services, routing: Routing, person: int, failed: tuple[str, str] | None
) -> Message:
    """One person's copy by DM; a coordinator's says why when the channel failed."""
    lang = await services.language.for_person(person)
    is_coordinator = any(p.id == person for p in routing.coordinators)
    note = failed_post_note(lang, *failed) if failed and is_coordinator else None
    return question_post(lang, routing, direct=True, note=note)


# -- the queued question (`bot.reminders.sparring_delivery.POST`) ---------------------------


async def post_now(services: Services, routing: Routing, asker: int) -> Message:
    """Send the queued question out now (it is still open), and return the note that tells
    the asker it is out.

    Raises `NotAnswering` while the platform does not answer, which the dispatcher retries
    with backoff. A retry after the question went out (the asker's note failed) posts
    nothing again.
    """
    question = routing.question
    if question.post is None and await delivered_at(services.db, question.id):
        sent = Sent()  # it went by DM on an earlier try, whose note to the asker failed
    elif found := await _posted_unseen(services, routing):
        sent = found
    else:
        sent = await send_out(services, routing)
    lang = await services.language.for_person(asker)
    return sent_later(
        lang, routing, channel_id=sent.channel_id, failed_in=sent.failed_in, queued=sent.queued
    )


async def _posted_unseen(services: Services, routing: Routing) -> Sent | None:
    """The channel post an earlier try made without seeing the platform's answer, recorded
    now; None when there is none. Raises `NotAnswering` when the channel cannot be read
    (posting blindly could say it twice); a refusal for good (no history permission) looks
    no further."""
    question = routing.question
    channel = None if question.private else routing.channel_id
    if not channel or question.post:
        return None
    messenger = services.messenger
    where = ConversationRef(messenger.platform, channel)
    try:
        found = await find_tagged(messenger, where, QUESTION_EVENT, "question_id", question.id)
    except DeliveryFailed as failure:
        if passing(failure):
            raise NotAnswering(failure.reason) from failure
        logger.warning("sparring post look-up refused, posting error=%s", failure.reason)
        return None
    if found is None:
        return None
    logger.info("sparring post found in the channel, recorded id=%d", question.id)
    post = MessageRef(messenger.platform, channel, found.message_id)
    await record_post(services.db, question.id, post, at=services.clock.now())
    return Sent(channel_id=channel)
