"""The follow-up's answers: "Vi bruger det", "Vi er i gang", "Ikke startet endnu" are saved at
once; "Ikke noget for os" asks the reason in a modal first."""

from __future__ import annotations

from bot.i18n import t
from bot.runtime import Services
from bot.services import spreading
from bot.views.help import text_message
from bot.views.spreading import (
    DIRECT,
    answered_message,
    ended_text,
    not_for_us_modal,
    parse_target,
)
from handlers.interactions import Click
from handlers.reply import Reply


async def answer(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    place = parse_target(click.value)
    given = DIRECT.get(click.action_id)
    if place is None or given is None:
        return
    round_id, daycare_id = place
    try:
        answered = await spreading.answer(
            services.db, services.clock, click.person, round_id, daycare_id, given
        )
    except spreading.RoundEnded:
        await reply.private(text_message(await _ended(services, lang, round_id)))
        return
    except LookupError:
        await reply.private(text_message(t(lang, "spreading.gone")))
        return
    await reply.private(answered_message(lang, answered))


async def _ended(services: Services, lang: str, round_id: int) -> str:
    found = await spreading.get_round(services.db, round_id)
    return ended_text(lang, found.tool_name if found else None)


async def open_not_for_us(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    place = parse_target(click.value)
    found = await spreading.get_round(services.db, place[0]) if place else None
    if place is None or found is None:
        await reply.private(text_message(t(lang, "spreading.gone")))
        return
    if not found.is_open:
        await reply.private(text_message(await _ended(services, lang, found.id)))
        return
    if not await spreading.may_answer(services.db, click.person, place[1]):
        await reply.private(text_message(t(lang, "spreading.not_allowed")))
        return
    await reply.open_form(not_for_us_modal(lang, found.id, place[1], found.tool_name))
