"""The buttons and menus on guides: show, share, helpful, sparring, edit, history, browse,
and the card's "Mere …" menu, whose options are answered by the listeners of the buttons
they stand for."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services.guide_editor import editable
from bot.services.guides import guide_history, mark_helpful
from bot.services.permissions import Action, ensure_allowed, required
from bot.services.tool_guide import (
    BrowseAnswer,
    GuideCard,
    NoMatch,
    SearchAnswer,
    browse,
    card,
    search,
    version_authors,
)
from bot.slack_client import slack_error_code
from bot.views import adoption as adoption_ui
from bot.views import tool_tests as tests_ui
from bot.views import trainings as training_ui
from bot.views.guide_browse import FILTERS, browse_message
from bot.views.guide_editor import fits_in_editor
from bot.views.guides import (
    DECIDE,
    EDIT,
    HISTORY,
    card_message,
    decide_message,
    helpful_message,
    history_message,
    no_match_message,
    parse_more,
    search_message,
    whole_guide_messages,
)
from bot.views.help import text_message
from handlers.actions import adoption as adoption_actions
from handlers.actions import tool_tests as test_actions
from handlers.actions import trainings as training_actions
from handlers.interactions import Click, as_int, conversation_id
from handlers.slack import render
from handlers.slack.replies import answer_click, private
from handlers.views.guide_editor import open_editor
from handlers.views.sparring import open_sparring

logger = logging.getLogger("tovholder.guides")
#: A response_url takes five messages; the whole guide may use all of them.
RESPONSE_URL_USES = 5


def answer_message(
    lang: str, found: SearchAnswer | NoMatch | BrowseAnswer, services: Services
) -> dict[str, Any]:
    if isinstance(found, SearchAnswer):
        return render.message(search_message(lang, found, services.settings.tz))
    if isinstance(found, NoMatch):
        return render.message(no_match_message(lang, found))
    return render.message(browse_message(lang, found))


async def _card(
    click: Click, respond: AsyncRespond, services: Services, lang: str
) -> GuideCard | None:
    """The guide the button names, for the person who clicked; None (and they are told) if
    it was deleted since the message was shown."""
    found = await card(services.db, as_int(click.value) or 0, click.external_id)
    if found is None:
        await _gone(respond, lang)
    return found


async def _gone(respond: AsyncRespond, lang: str) -> None:
    await private(respond, text_message(t(lang, "guide.gone")))


async def show_guide(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """The whole guide below the clicked message, or by DM from the App Home."""
    lang = click.lang
    user_id = click.external_id
    found = await card(services.db, as_int(click.value) or 0, user_id)
    if found is None:
        await answer_click(
            respond, services.messenger, user_id, text_message(t(lang, "guide.gone"))
        )
        return
    for message in whole_guide_messages(lang, found.detail, max_messages=RESPONSE_URL_USES):
        await answer_click(respond, services.messenger, user_id, message)


async def share_guide(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """A visible post in the channel, in the workspace's language, naming who shared it."""
    lang = click.lang
    user_id = click.external_id
    found = await _card(click, respond, services, lang)
    channel = conversation_id(click.where)
    if found is None or channel is None:
        return
    post = card_message(services.settings.lang, found, services.settings.tz, shared_by=user_id)
    try:
        await client.chat_postMessage(channel=channel, **render.message(post))
    except SlackApiError as error:
        logger.info("sharing a guide failed error=%s", slack_error_code(error))
        await private(respond, text_message(t(lang, "guide.cannot_share")))


async def helpful(
    ack: AsyncAck,
    click: Click,
    respond: AsyncRespond,
    services: Services,
) -> None:
    lang = click.lang
    guide_id = as_int(click.value) or 0
    marked = await mark_helpful(services.db, services.clock, guide_id, click.person)
    if marked is None:
        await _gone(respond, lang)
        return
    await private(respond, helpful_message(lang, marked))


async def ask_about_guide(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = click.lang
    found = await _card(click, respond, services, lang)
    if found is None:
        return
    await open_sparring(
        client,
        services,
        lang,
        click.trigger,
        tool_id=found.detail.tool.id,
        channel_id=conversation_id(click.where),
        from_guide=found.detail.guide.id,
    )


async def ask_network(
    click: Click,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """From "no match": the sparring modal with the searched words already written."""
    await open_sparring(
        client,
        services,
        click.lang,
        click.trigger,
        question=click.value,
        channel_id=conversation_id(click.where),
    )


async def edit_guide(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = click.lang
    user_id = click.external_id
    detail = await editable(services.db, user_id, as_int(click.value) or 0)
    if detail is None:
        await _gone(respond, lang)
        return
    if not fits_in_editor(detail.current.content.body):
        await private(respond, text_message(t(lang, "editor.too_long_to_edit")))
        return
    await open_editor(
        client, lang, click.trigger, detail=detail, channel_id=conversation_id(click.where)
    )


async def show_history(
    ack: AsyncAck, click: Click, respond: AsyncRespond, services: Services
) -> None:
    lang = click.lang
    found = await _card(click, respond, services, lang)
    if found is None:
        return
    versions = await guide_history(services.db, found.detail.guide.slug)
    names = await version_authors(services.db, versions)
    message = history_message(lang, found.detail, versions, services.settings.tz, names)
    await private(respond, message)


async def show_decisions(
    ack: AsyncAck, click: Click, respond: AsyncRespond, services: Services
) -> None:
    """ "Ledelsens beslutning …": Godkend / Stop / Spred below the card, for those who keep
    leadership's decisions (anyone else is told who does)."""
    lang = click.lang
    found = await _card(click, respond, services, lang)
    if found is None:
        return
    if not found.can_decide:
        raise NotAllowed(Action.RECORD_DECISIONS)
    await private(respond, render.message(decide_message(lang, found)))


async def search_name(
    ack: AsyncAck, click: Click, respond: AsyncRespond, services: Services
) -> None:
    """ "Mente du …?": search again for the name chosen, in place of the no-match answer."""
    found = await search(services.db, click.external_id, click.value)
    await respond(replace_original=True, **answer_message(click.lang, found, services))


async def open_browse(click: Click, respond: AsyncRespond, services: Services) -> None:
    await private(respond, render.message(browse_message(click.lang, await browse(services.db))))


async def narrow_browse(
    ack: AsyncAck, click: Click, respond: AsyncRespond, services: Services
) -> None:
    """A browse menu (or "show all") replaces the list with the narrowed one."""
    kind = FILTERS.get(click.action_id)
    value = click.value
    found = await browse(services.db, (kind, value) if kind and value else None)
    await respond(replace_original=True, **render.message(browse_message(click.lang, found)))


Listener = Callable[..., Awaitable[None]]
#: What "Mere …" may hold: the action id of each button the card once showed, and the
#: listener that answers it, button or option alike.
MORE_TARGETS: dict[str, Listener] = {
    EDIT: edit_guide,
    HISTORY: show_history,
    DECIDE: show_decisions,
    tests_ui.START: test_actions.start,
    tests_ui.SUMMARY: test_actions.summary,
    adoption_ui.STARTED: adoption_actions.set_state,
    adoption_ui.IN_USE: adoption_actions.set_state,
    adoption_ui.STOPPED: adoption_actions.open_stop,
    adoption_ui.OTHER: adoption_actions.open_other,
    training_ui.PLAN: training_actions.plan_from_card,
}


async def more(
    ack: AsyncAck,
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """An option chosen in the card's "Mere …": answered as a click on the button it stands
    for, so each action keeps one listener and its permission check (a forged option meets
    the same refusal as a forged button). An unknown option is ignored."""
    chosen = parse_more(click.value)
    listener = MORE_TARGETS.get(chosen[0]) if chosen else None
    if chosen is None or listener is None:
        logger.info("unknown guide menu option")
        return
    action_id, value = chosen
    await ensure_allowed(services.db, click.external_id, required(listener))
    given: dict[str, Any] = {
        "ack": ack,
        "click": replace(click, action_id=action_id, value=value),
        "respond": respond,
        "client": client,
        "services": services,
    }
    await listener(**{name: given[name] for name in inspect.signature(listener).parameters})
