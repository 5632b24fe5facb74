"""The home page's buttons: a leader's decision on a tool (Godkend / Stop / Spred, after
the button's confirmation) and "Stil et spørgsmål". A home page has no message to answer
below: answers go by private message, and the page is published again to show what
changed."""

from __future__ import annotations

from bot.domain.guides import DecisionKind
from bot.i18n import t
from bot.runtime import Services
from bot.services.home import decide
from bot.views.decisions import DECIDE
from bot.views.help import text_message
from bot.views.home import decided_message
from handlers.events.home import publish_home
from handlers.interactions import Click, as_int
from handlers.reply import Reply
from handlers.views.sparring import open_sparring

KIND_OF: dict[str, DecisionKind] = {action_id: kind for kind, action_id in DECIDE.items()}


async def record_decision(click: Click, services: Services) -> None:
    lang, person = click.lang, click.person
    kind = KIND_OF[click.action_id]
    try:
        outcome = await decide(services.db, services.clock, person, as_int(click.value) or 0, kind)
    except LookupError:
        message = text_message(t(lang, "home.tool_gone"))
    else:
        message = decided_message(lang, outcome)
    await services.messenger.send_privately(person, message)
    await publish_home(services, person, lang)


async def ask(click: Click, reply: Reply, services: Services) -> None:
    """ "Stil et spørgsmål": the sparring modal, as `/sparring` opens it."""
    await open_sparring(reply, services, click.lang)
