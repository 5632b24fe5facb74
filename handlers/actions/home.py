"""The App Home's buttons: a leader's decision on a tool (Godkend / Stop / Spred, after
Slack's confirm dialog) and "Stil et spørgsmål". The Home has no response_url: answers go by
DM, and the Home is published again to show what changed."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.guides import DecisionKind
from bot.i18n import t
from bot.runtime import Services
from bot.services.home import decide
from bot.views.decisions import DECIDE
from bot.views.help import text_message
from bot.views.home import decided_message
from handlers.events.home import publish_home
from handlers.interactions import Click, as_int
from handlers.slack import render
from handlers.views.sparring import open_sparring

KIND_OF: dict[str, DecisionKind] = {action_id: kind for kind, action_id in DECIDE.items()}


async def record_decision(
    ack: AsyncAck, click: Click, client: AsyncWebClient, services: Services
) -> None:
    lang = click.lang
    user_id = click.external_id
    kind = KIND_OF[click.action_id]
    try:
        outcome = await decide(services.db, services.clock, user_id, as_int(click.value) or 0, kind)
    except LookupError:
        await client.chat_postMessage(
            channel=user_id, **render.message(text_message(t(lang, "home.tool_gone")))
        )
        await publish_home(client, services, user_id, lang)
        return
    await services.messenger.send_privately(user_id, decided_message(lang, outcome))
    await publish_home(client, services, user_id, lang)


async def ask(ack: AsyncAck, click: Click, client: AsyncWebClient, services: Services) -> None:
    """ "Stil et spørgsmål": the sparring modal, as `/sparring` opens it."""
    await open_sparring(client, services, click.lang, click.trigger)
