"""Getting a sparring question to the ambassadors, and keeping its post current.

Shared by the command, the modal, the buttons and the DM offer. A question goes to the
sparring channel when one is set and the bot can post there; a private question, or one
with no channel set, goes to each recipient by DM (`bot.jobs.sparring_delivery.send_out`).
A channel post that fails is not lost: the recipients get it by DM, the coordinator gets it
with a note on what failed, and the asker is told. When the platform does not answer at all,
the question waits in the durable queue and goes out as soon as it answers again — and the
asker is told exactly that, never "sent".
"""

from __future__ import annotations

import logging

from bot.domain.refs import ConversationRef, MessageRef
from bot.domain.sparring import Question, Routing
from bot.jobs.sparring_delivery import NotAnswering, send_out
from bot.ports import DeliveryFailed
from bot.runtime import Services
from bot.services.sparring import delivery_waiting, queue_offer, queue_post, routing_for
from bot.tags import passing
from bot.views.model import Message
from bot.views.sparring import question_post, receipt
from bot.views.sparring_handling import offer_message, suggestions_message

logger = logging.getLogger("tovholder.sparring")


async def present(services: Services, routing: Routing, lang: str) -> Message:
    """What the asker sees after asking: the guides that may answer it (a draft), or the
    receipt once the question is sent."""
    if routing.question.state == "draft":
        return suggestions_message(lang, routing)
    return await deliver(services, routing, lang)


async def deliver(services: Services, routing: Routing, lang: str) -> Message:
    """Post the question where the ambassadors see it; the receipt to give the asker.

    Posts only when `routing.created` (the question was sent just now), so a retried
    request or a double click posts nothing twice — and its receipt says the question still
    waits for the platform when it does.
    """
    question = routing.question
    channel = None if question.private else routing.channel_id
    if not routing.created:
        if await delivery_waiting(services.db, question.id):
            return receipt(lang, routing, channel_id=None, queued=True)
        return receipt(lang, routing, channel_id=question.channel_id or channel)
    try:
        sent = await send_out(services, routing)
    except NotAnswering as unavailable:
        logger.warning(
            "sparring question queued until the platform answers id=%d error=%s",
            question.id,
            unavailable.error,
        )
        await queue_post(services.db, services.clock, question)
        return receipt(lang, routing, channel_id=None, queued=True)
    return receipt(
        lang, routing, channel_id=sent.channel_id, failed_in=sent.failed_in, queued=sent.queued
    )


async def offer(services: Services, routing: Routing, conversation: str, lang: str) -> None:
    """ "Skal jeg spørge netværket?" in the DM the question came from. The platform not
    answering queues the offer, so the person gets their answer once it does (the offer says
    why it comes late); a refusal for good goes to the error handler like any failed reply."""
    messenger = services.messenger
    try:
        await messenger.post(
            ConversationRef(messenger.platform, conversation), offer_message(lang, routing)
        )
    except DeliveryFailed as failure:
        if not passing(failure):
            raise
        logger.warning(
            "sparring offer not answered, queued id=%d error=%s",
            routing.question.id,
            failure.reason,
        )
        await queue_offer(services.db, services.clock, routing.question)


def _place(message: MessageRef) -> tuple[str, str]:
    return message.conversation_id, message.message_id


async def refresh_posts(
    services: Services,
    question: Question,
    *,
    clicked: MessageRef | None = None,
    clicker_lang: str | None = None,
) -> None:
    """Re-draw the question where people see it: the channel post (everyone sees who took
    it, the answer, solved), and `clicked` — the DM copy a button was pressed on."""
    routing = await routing_for(services.db, question.id)
    if routing is None:
        return
    messenger = services.messenger
    targets: list[tuple[MessageRef, str, bool]] = []
    post = question.post
    if post:
        targets.append((post, services.settings.lang, False))
    if clicked and (post is None or (clicked.conversation_id, clicked.message_id) != _place(post)):
        targets.append((clicked, clicker_lang or services.settings.lang, True))
    for ref, lang, direct in targets:
        try:
            await messenger.update(ref, question_post(lang, routing, direct=direct))
        except DeliveryFailed as failure:  # deleted meanwhile: the state is stored anyway
            logger.info("sparring post update failed error=%s", failure.reason)
