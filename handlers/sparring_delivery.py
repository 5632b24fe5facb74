"""Getting a sparring question to the ambassadors, and keeping its post current.

Shared by the command, the modal, the buttons and the DM offer. A question goes to the
sparring channel when one is set and the bot can post there; a private question, or one
with no channel set, goes to each recipient by DM. A channel post that fails is not lost:
the recipients get it by DM, the coordinator gets it with a note on what failed, and the
asker is told.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.sparring import Question, Routing
from bot.runtime import Services
from bot.services.sparring import record_post, routing_for
from bot.slack_client import slack_error_code
from bot.views.sparring import question_post, receipt
from bot.views.sparring_handling import failed_post_note, suggestions_message

logger = logging.getLogger("tovholder.sparring")


async def present(
    client: AsyncWebClient, services: Services, routing: Routing, lang: str
) -> dict[str, Any]:
    """What the asker sees after asking: the guides that may answer it (a draft), or the
    receipt once the question is sent."""
    if routing.question.state == "draft":
        return suggestions_message(lang, routing)
    return await deliver(client, services, routing, lang)


async def deliver(
    client: AsyncWebClient,
    services: Services,
    routing: Routing,
    lang: str,
) -> dict[str, Any]:
    """Post the question where the ambassadors see it; the receipt to give the asker.

    Posts only when `routing.created` (the question was sent just now), so a retried
    request or a double click posts nothing twice.
    """
    question = routing.question
    channel = None if question.private else routing.channel_id
    if not routing.created:
        return receipt(lang, routing, channel_id=question.channel_id or channel)
    failed: tuple[str, str] | None = None
    if channel:
        try:
            message = question_post(services.settings.lang, routing, direct=False)
            response = await client.chat_postMessage(channel=channel, **message)
            await record_post(
                services.db, question.id, str(response["channel"]), str(response["ts"])
            )
            return receipt(lang, routing, channel_id=channel)
        except SlackApiError as error:
            reason = slack_error_code(error)
            logger.warning("sparring channel post failed, sending DMs error=%s", reason)
            failed = (channel, reason)
    told = {p.slack_user_id for p in routing.recipients}
    coordinators = [p.slack_user_id for p in routing.coordinators]
    for person in routing.recipients:
        await _direct(client, services, routing, person.slack_user_id, failed)
    if failed:
        for slack_id in coordinators:
            if slack_id not in told and slack_id != question.asker_slack_id:
                await _direct(client, services, routing, slack_id, failed)
    return receipt(lang, routing, channel_id=None, failed_in=failed[0] if failed else None)


async def _direct(
    client: AsyncWebClient,
    services: Services,
    routing: Routing,
    slack_id: str,
    failed: tuple[str, str] | None,
) -> None:
    """One person's copy by DM; a coordinator's says why when the channel failed."""
    lang = await services.language.for_user(slack_id)
    is_coordinator = any(p.slack_user_id == slack_id for p in routing.coordinators)
    note = failed_post_note(lang, *failed) if failed and is_coordinator else None
    try:
        await client.chat_postMessage(
            channel=slack_id, **question_post(lang, routing, direct=True, note=note)
        )
    except SlackApiError as error:  # one person's closed DMs must not stop the others
        logger.warning("sparring DM failed error=%s", slack_error_code(error))


async def refresh_posts(
    client: AsyncWebClient,
    services: Services,
    question: Question,
    *,
    clicked: tuple[str, str] | None = None,
    clicker_lang: str | None = None,
) -> None:
    """Re-draw the question where people see it: the channel post (everyone sees who took
    it, the answer, solved), and `clicked` — the DM copy a button was pressed on."""
    routing = await routing_for(services.db, question.id)
    if routing is None:
        return
    targets: list[tuple[str, str, str, bool]] = []
    if question.channel_id and question.message_ts:
        targets.append((question.channel_id, question.message_ts, services.settings.lang, False))
    if clicked and clicked != (question.channel_id, question.message_ts):
        targets.append((*clicked, clicker_lang or services.settings.lang, True))
    for channel_id, ts, lang, direct in targets:
        try:
            await client.chat_update(
                channel=channel_id, ts=ts, **question_post(lang, routing, direct=direct)
            )
        except SlackApiError as error:  # deleted meanwhile: the state is stored anyway
            logger.info("sparring post update failed error=%s", slack_error_code(error))
