"""Answers to nudges: remind me later, "still right", and handing a guide over."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.jobs.nudges import shown
from bot.mrkdwn import escape
from bot.runtime import Services
from bot.services import reminders
from bot.services.guides import get_guide_by_id, hand_over, mark_verified
from bot.views.dates import local_day
from bot.views.help import text_message
from bot.views.nudges import hand_over_modal
from handlers.slack import render_form
from handlers.values import action_value, as_int, submitted


async def snooze(
    body: dict[str, Any], respond: AsyncRespond, services: Services, lang: str
) -> None:
    """The nudge comes back after a day or a week, in place of this one — on that day's
    morning, with the day's other nudges (later that day it would wait a day more)."""
    asked = json.loads(action_value(body))
    calendar, now = services.settings.calendar, services.clock.now()
    back = now.astimezone(calendar.tz).date() + timedelta(days=int(asked["days"]))
    again = await reminders.snooze(
        services.db, services.clock, int(asked["id"]), calendar.morning(back) - now, calendar
    )
    if again is None:
        await respond(replace_original=True, **text_message(t(lang, "nudge.snooze_gone")))
        return
    day = local_day(lang, again.due_at, services.settings.tz)
    await respond(replace_original=True, **text_message(t(lang, "nudge.snoozed", day=day)))


async def show(body: dict[str, Any], client: AsyncWebClient, services: Services, lang: str) -> None:
    """The morning list's **Vis**: the nudge's own message, as it is now, in the list's
    thread in the person's DM (its buttons work there as in a message of its own)."""
    user_id = body["user"]["id"]
    message = await shown(services, as_int(action_value(body)) or 0, user_id)
    container = body.get("container") or {}
    await client.chat_postMessage(
        channel=user_id,
        thread_ts=container.get("message_ts"),
        **(message or text_message(t(lang, "nudge.shown_gone"))),
    )


async def still_right(
    body: dict[str, Any], respond: AsyncRespond, services: Services, lang: str
) -> None:
    checked = await mark_verified(services.db, services.clock, as_int(action_value(body)) or 0)
    key = "nudge.checked" if checked else "guide.gone"
    await respond(replace_original=True, **text_message(t(lang, key)))


async def open_hand_over(
    body: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    detail = await get_guide_by_id(services.db, as_int(action_value(body)) or 0)
    if detail is None:
        await respond(replace_original=False, **text_message(t(lang, "guide.gone")))
        return
    modal = render_form.modal(hand_over_modal(lang, detail))
    await client.views_open(trigger_id=body["trigger_id"], view=modal)


async def submit_hand_over(
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    guide_id = int(json.loads(view.get("private_metadata") or "{}").get("guide_id") or 0)
    to = str(submitted(view).get("owner") or "")
    user_id = body["user"]["id"]
    detail, receiver = await hand_over(services.db, services.clock, guide_id, by=user_id, to=to)
    await ack()
    title = escape(f"{detail.tool.name}: {detail.current.content.title}")
    await client.chat_postMessage(
        channel=user_id,
        **text_message(
            t(lang, "nudge.handed_over", title=title, to=f"<@{receiver.slack_user_id}>")
        ),
    )
    their_lang = await services.language.for_user(receiver.slack_user_id)
    await client.chat_postMessage(
        channel=receiver.slack_user_id,
        **text_message(t(their_lang, "nudge.received", title=title, by=f"<@{user_id}>")),
    )
