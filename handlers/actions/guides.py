"""The buttons and menus on guides: show, share, helpful, sparring, edit, history, browse,
and the card's "Mere …" menu, whose options are answered by the listeners of the buttons
they stand for."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from bot.errors import NotAllowed
from bot.i18n import t
from bot.ports import DeliveryFailed
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
from bot.views.model import Message
from handlers.actions import adoption as adoption_actions
from handlers.actions import tool_tests as test_actions
from handlers.actions import trainings as training_actions
from handlers.interactions import Click, as_int, conversation_id
from handlers.reply import Reply
from handlers.views.guide_editor import open_editor
from handlers.views.sparring import open_sparring

logger = logging.getLogger("tovholder.guides")
#: A response_url takes five messages; the whole guide may use all of them.
RESPONSE_URL_USES = 5


def answer_message(
    lang: str, found: SearchAnswer | NoMatch | BrowseAnswer, services: Services
) -> Message:
    if isinstance(found, SearchAnswer):
        return search_message(lang, found, services.settings.tz)
    if isinstance(found, NoMatch):
        return no_match_message(lang, found)
    return browse_message(lang, found)


async def _card(click: Click, reply: Reply, services: Services, lang: str) -> GuideCard | None:
    """The guide the button names, for the person who clicked; None (and they are told) if
    it was deleted since the message was shown."""
    found = await card(services.db, as_int(click.value) or 0, click.person)
    if found is None:
        await _gone(reply, lang)
    return found


async def _gone(reply: Reply, lang: str) -> None:
    await reply.private(text_message(t(lang, "guide.gone")))


async def show_guide(click: Click, reply: Reply, services: Services) -> None:
    """The whole guide below the clicked message (privately from the home page)."""
    lang = click.lang
    found = await card(services.db, as_int(click.value) or 0, click.person)
    if found is None:
        await _gone(reply, lang)
        return
    for message in whole_guide_messages(lang, found.detail, max_messages=RESPONSE_URL_USES):
        await reply.private(message)


async def share_guide(click: Click, reply: Reply, services: Services) -> None:
    """A visible post in the channel, in the workspace's language, naming who shared it."""
    lang = click.lang
    found = await _card(click, reply, services, lang)
    if found is None or click.where is None:
        return
    post = card_message(services.settings.lang, found, services.settings.tz, shared_by=click.person)
    try:
        await services.messenger.post(click.where, post)
    except DeliveryFailed as failure:
        logger.info("sharing a guide failed error=%s", failure.reason)
        await reply.private(text_message(t(lang, "guide.cannot_share")))


async def helpful(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    guide_id = as_int(click.value) or 0
    marked = await mark_helpful(services.db, services.clock, guide_id, click.person)
    if marked is None:
        await _gone(reply, lang)
        return
    await reply.private(helpful_message(lang, marked))


async def ask_about_guide(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    found = await _card(click, reply, services, lang)
    if found is None:
        return
    await open_sparring(
        reply,
        services,
        lang,
        tool_id=found.detail.tool.id,
        channel_id=conversation_id(click.where),
        from_guide=found.detail.guide.id,
    )


async def ask_network(click: Click, reply: Reply, services: Services) -> None:
    """From "no match": the sparring modal with the searched words already written."""
    await open_sparring(
        reply,
        services,
        click.lang,
        question=click.value,
        channel_id=conversation_id(click.where),
    )


async def edit_guide(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    detail = await editable(services.db, click.person, as_int(click.value) or 0)
    if detail is None:
        await _gone(reply, lang)
        return
    if not fits_in_editor(detail.current.content.body):
        await reply.private(text_message(t(lang, "editor.too_long_to_edit")))
        return
    await open_editor(reply, lang, detail=detail, channel_id=conversation_id(click.where))


async def show_history(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    found = await _card(click, reply, services, lang)
    if found is None:
        return
    versions = await guide_history(services.db, found.detail.guide.slug)
    names = await version_authors(services.db, versions)
    message = history_message(lang, found.detail, versions, services.settings.tz, names)
    await reply.private(message)


async def show_decisions(click: Click, reply: Reply, services: Services) -> None:
    """ "Ledelsens beslutning …": Godkend / Stop / Spred below the card, for those who keep
    leadership's decisions (anyone else is told who does)."""
    lang = click.lang
    found = await _card(click, reply, services, lang)
    if found is None:
        return
    if not found.can_decide:
        raise NotAllowed(Action.RECORD_DECISIONS)
    await reply.private(decide_message(lang, found))


async def search_name(click: Click, reply: Reply, services: Services) -> None:
    """ "Mente du …?": search again for the name chosen, in place of the no-match answer."""
    found = await search(services.db, click.person, click.value)
    await reply.replace(answer_message(click.lang, found, services))


async def open_browse(click: Click, reply: Reply, services: Services) -> None:
    await reply.private(browse_message(click.lang, await browse(services.db)))


async def narrow_browse(click: Click, reply: Reply, services: Services) -> None:
    """A browse menu (or "show all") replaces the list with the narrowed one."""
    kind = FILTERS.get(click.action_id)
    value = click.value
    found = await browse(services.db, (kind, value) if kind and value else None)
    await reply.replace(browse_message(click.lang, found))


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


async def more(click: Click, reply: Reply, services: Services) -> None:
    """An option chosen in the card's "Mere …": answered as a click on the button it stands
    for, so each action keeps one listener and its permission check (a forged option meets
    the same refusal as a forged button). An unknown option is ignored."""
    chosen = parse_more(click.value)
    listener = MORE_TARGETS.get(chosen[0]) if chosen else None
    if chosen is None or listener is None:
        logger.info("unknown guide menu option")
        return
    action_id, value = chosen
    await ensure_allowed(services.db, click.person, required(listener))
    given: dict[str, Any] = {
        "click": replace(click, action_id=action_id, value=value),
        "reply": reply,
        "services": services,
    }
    await listener(**{name: given[name] for name in inspect.signature(listener).parameters})
