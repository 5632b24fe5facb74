"""Sending a sparring question out: at once when it is asked, or from the durable queue when
Slack did not answer then.

One routine (`send_out`) does it at both moments, so a question goes out the same way: to
the sparring channel when one is set and the question is not private, its place recorded
(claims, thread replies, answers and escalation follow it from there); otherwise to each
recipient by DM. A channel that refuses the question for good (gone, the bot not in it)
sends it by DM instead, the coordinator's copy saying what failed.

Slack not answering — a 5xx or an HTML page from its edge, an empty 404, 429, a timeout, no
connection (`slack_unavailable`) — is not a refusal, and nothing is sent in its place:

- the channel post raises `SlackUnavailable`; the request queues the question
  (`bot.services.sparring.queue_post`) and the asker is told so, and the queue's sender
  (`post_later`) tries again — the dispatcher retrying it with backoff for as long as the
  sender raises. That sender posts itself, because where the post landed must be recorded;
  the message it hands the dispatcher is the asker's note that the question is out now.
  The post carries the question's id as a tag (`bot.slack_tags`) and is not repeated inside
  the call after a timeout or a dropped connection, so a post whose answer was lost is
  looked up before the queue posts again: found, its place is recorded — one post.
- a DM queues that copy and every one not tried yet (`queue_copies`): ordinary reminders
  the dispatcher sends, paced and retried (`copy_later`). Nobody gets a copy twice: the
  queued ones are skipped by a later `send_out`.
- the offer to a DM that read like a question is queued too (`offer_later`).

The kinds are `bot.services.sparring.DELIVERY_KINDS`. Logs carry ids and Slack's error
codes, never the question.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.reminders import Reminder
from bot.domain.sparring import Routing
from bot.jobs.dispatcher import NotNow, judge
from bot.runtime import Services
from bot.services.sparring import (
    copies_queued,
    delivered_at,
    mark_delivered,
    offer_for,
    queue_copies,
    record_post,
    routing_for,
)
from bot.slack_tags import TagLookupFailed, careful_client, find_tagged, tag
from bot.views.sparring import question_post, sent_later
from bot.views.sparring_handling import failed_post_note, offer_message

logger = logging.getLogger("tovholder.sparring")

#: What a Web API call raises when it did not work: Slack's answer or the network's.
SEND_ERRORS = (SlackApiError, aiohttp.ClientError, TimeoutError, OSError)
#: The metadata `event_type` of a question's channel post (payload: `question_id`).
QUESTION_EVENT = "tovholder_sparring_question"


class SlackUnavailable(NotNow):
    """Slack did not answer the channel post; nothing was posted. `error`: Slack's code (or
    `http_503`, `http_404`…) or the exception's name."""


def slack_unavailable(error: Exception) -> str | None:
    """The error's name when it says "Slack is not answering now" (try again later), None
    when Slack refused for good (`channel_not_found`, `not_in_channel`…). The dispatcher's
    judgement, so a question and a nudge are retried on the same errors."""
    problem = judge(error)
    return problem.error if problem.verdict == "retry" else None


@dataclass(frozen=True)
class Sent:
    """How `send_out` got the question out."""

    #: The channel it was posted in.
    channel_id: str | None = None
    #: The channel that refused it, so it went by DM.
    failed_in: str | None = None
    #: Some DM copies wait for Slack in the queue.
    queued: bool = False


async def send_out(client: AsyncWebClient, services: Services, routing: Routing) -> Sent:
    """Post the question where the ambassadors see it (see the module docstring).

    Raises `SlackUnavailable` when Slack did not answer the channel post. A question already
    posted is not posted again, and nobody with a copy in the queue gets another one.
    """
    db, clock = services.db, services.clock
    question = routing.question
    channel = None if question.private else routing.channel_id
    if question.message_ts:
        return Sent(channel_id=question.channel_id)
    failed: tuple[str, str] | None = None
    if channel:
        try:
            response = await careful_client(client).chat_postMessage(
                channel=channel,
                metadata=tag(QUESTION_EVENT, question_id=question.id),
                **question_post(services.settings.lang, routing, direct=False),
            )
        except SEND_ERRORS as error:
            passing = slack_unavailable(error)
            if passing is not None:
                logger.warning(
                    "sparring channel post not answered id=%d error=%s", question.id, passing
                )
                raise SlackUnavailable(passing) from error
            reason = judge(error).error
            logger.warning("sparring channel post failed, sending DMs error=%s", reason)
            failed = (channel, reason)
        else:
            await record_post(
                db, question.id, str(response["channel"]), str(response["ts"]), at=clock.now()
            )
            return Sent(channel_id=channel)
    targets = [p.slack_user_id for p in routing.recipients]
    if failed:
        targets += [
            p.slack_user_id
            for p in routing.coordinators
            if p.slack_user_id not in targets and p.slack_user_id != question.asker_slack_id
        ]
    queued = await copies_queued(db, question.id)
    waiting: list[str] = []
    reached = False
    for slack_id in targets:
        if slack_id in queued:
            continue  # the queue sends that copy
        if waiting:  # Slack is not answering: the rest wait with it, untried
            waiting.append(slack_id)
            continue
        try:
            await _direct(client, services, routing, slack_id, failed)
        except SEND_ERRORS as error:
            passing = slack_unavailable(error)
            if passing is None:  # one person's closed DMs must not stop the others
                logger.warning("sparring DM failed error=%s", judge(error).error)
                continue
            logger.warning("sparring DM not answered, queued id=%d error=%s", question.id, passing)
            waiting.append(slack_id)
        else:
            reached = True
    if waiting:
        await queue_copies(db, clock, question, waiting, failed)
    if reached:
        await mark_delivered(db, clock, question.id)
    return Sent(failed_in=failed[0] if failed else None, queued=bool(waiting))


async def _direct(
    client: AsyncWebClient,
    services: Services,
    routing: Routing,
    slack_id: str,
    failed: tuple[str, str] | None,
) -> None:
    await client.chat_postMessage(
        channel=slack_id, **await _copy(services, routing, slack_id, failed)
    )


async def _copy(
    services: Services, routing: Routing, slack_id: str, failed: tuple[str, str] | None
) -> dict[str, Any]:
    """One person's copy by DM; a coordinator's says why when the channel failed."""
    lang = await services.language.for_user(slack_id)
    is_coordinator = any(p.slack_user_id == slack_id for p in routing.coordinators)
    note = failed_post_note(lang, *failed) if failed and is_coordinator else None
    return question_post(lang, routing, direct=True, note=note)


# -- the queue's senders (`bot.jobs.nudges.SENDERS`) ----------------------------------------


def _question_id(reminder: Reminder) -> int:
    return int(reminder.payload["question_id"])


async def post_later(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """`POST`: send the question out now, and tell the asker (the reminder's recipient).

    Raises `SlackUnavailable` while Slack does not answer, which the dispatcher retries
    with backoff. None — nothing to do — once the question is answered, solved or gone. A
    retry after the question went out (the asker's note failed) posts nothing again.
    """
    routing = await routing_for(services.db, _question_id(reminder))
    if routing is None or routing.question.state != "open":
        return None
    question = routing.question
    if question.message_ts is None and await delivered_at(services.db, question.id):
        sent = Sent()  # it went by DM on an earlier try, whose note to the asker failed
    elif found := await _posted_unseen(services, routing):
        sent = found
    else:
        sent = await send_out(services.slack, services, routing)
    lang = await services.language.for_user(reminder.recipient)
    return sent_later(
        lang, routing, channel_id=sent.channel_id, failed_in=sent.failed_in, queued=sent.queued
    )


async def _posted_unseen(services: Services, routing: Routing) -> Sent | None:
    """The channel post an earlier try made without seeing Slack's answer, recorded now;
    None when there is none. Raises `SlackUnavailable` when Slack cannot be asked (posting
    blindly could say it twice); a refusal for good (no history scope) looks no further."""
    question = routing.question
    channel = None if question.private else routing.channel_id
    if not channel or question.message_ts:
        return None
    try:
        ts = await find_tagged(services.slack, channel, QUESTION_EVENT, "question_id", question.id)
    except TagLookupFailed as failure:
        if failure.transient:
            raise SlackUnavailable(failure.error) from failure
        logger.warning("sparring post look-up refused, posting error=%s", failure.error)
        return None
    if ts is None:
        return None
    logger.info("sparring post found in Slack, recorded id=%d", question.id)
    await record_post(services.db, question.id, channel, ts, at=services.clock.now())
    return Sent(channel_id=channel)


async def copy_later(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """`COPY`: one person's DM copy, while the question is still waiting for an answer."""
    routing = await routing_for(services.db, _question_id(reminder))
    if routing is None or routing.question.state != "open":
        return None
    failed_in = reminder.payload.get("failed_in")
    failed = (str(failed_in), str(reminder.payload.get("error"))) if failed_in else None
    return await _copy(services, routing, reminder.recipient, failed)


async def offer_later(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """`OFFER`: "Skal jeg spørge netværket?", saying why it comes late; None once the
    question was asked some other way (or is gone)."""
    routing = await offer_for(services.db, _question_id(reminder))
    if routing is None:
        return None
    lang = await services.language.for_user(routing.question.asker_slack_id)
    return offer_message(lang, routing, late=True)
