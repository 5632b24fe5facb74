"""The adoption buttons on a guide card: "Vi er i gang", "Vi bruger det", "Vi er stoppet"
(which asks the reason in a modal), and an ambassador's "another daycare" modal."""

from __future__ import annotations

from bot.errors import NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services.adoption import (
    may_set_for,
    set_adoption,
    settable_daycares,
    tool_name,
)
from bot.services.permissions import Action
from bot.views.adoption import DIRECT, changed_message, parse_place, set_modal, stop_modal
from bot.views.help import text_message
from handlers.interactions import Click, as_int
from handlers.reply import Reply


async def set_state(click: Click, reply: Reply, services: Services) -> None:
    """ "Vi er i gang" / "Vi bruger det": saved at once; a repeated click changes nothing."""
    lang = click.lang
    place = parse_place(click.value)
    state = DIRECT.get(click.action_id)
    if place is None or state is None:
        return
    daycare_id, tool_id = place
    try:
        change = await set_adoption(
            services.db, services.clock, click.person, daycare_id, tool_id, state
        )
    except LookupError:
        await reply.private(text_message(t(lang, "adoption.gone")))
        return
    name = change.adoption.tool_name
    await reply.private(changed_message(lang, change.adoption, name, changed=change.changed))


async def open_stop(click: Click, reply: Reply, services: Services) -> None:
    """ "Vi er stoppet": the reason first, in a small modal."""
    lang = click.lang
    place = parse_place(click.value)
    if place is None:
        return
    daycare_id, tool_id = place
    if not await may_set_for(services.db, click.person, daycare_id):
        raise NotAllowed(Action.SET_ADOPTION)
    name = await tool_name(services.db, tool_id)
    if name is None:
        await reply.private(text_message(t(lang, "adoption.gone")))
        return
    title = t(lang, "adoption.stop_intro", tool=name)
    await reply.open_form(stop_modal(lang, daycare_id, tool_id, title))


async def open_other(click: Click, reply: Reply, services: Services) -> None:
    """An ambassador sets the state for a daycare of their areas (the coordinator: any)."""
    lang = click.lang
    tool_id = as_int(click.value) or 0
    daycares = await settable_daycares(services.db, click.person)
    if not daycares:
        await reply.private(text_message(t(lang, "adoption.not_allowed")))
        return
    name = await tool_name(services.db, tool_id)
    if name is None:
        await reply.private(text_message(t(lang, "adoption.gone")))
        return
    await reply.open_form(set_modal(lang, tool_id, name, daycares))
