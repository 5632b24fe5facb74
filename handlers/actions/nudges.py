"""Answers to nudges: remind me later, "still right", and handing a guide over."""

from __future__ import annotations

import json
from datetime import timedelta

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.refs import ConversationRef
from bot.i18n import t
from bot.jobs.nudges import shown
from bot.runtime import Services
from bot.services import reminders
from bot.services.guides import get_guide_by_id, hand_over, mark_verified
from bot.views.dates import local_day
from bot.views.help import text_message
from bot.views.nudges import hand_over_modal
from bot.views.text import literal
from handlers.interactions import Click, Submission, as_int
from handlers.slack import render, render_form


async def snooze(click: Click, respond: AsyncRespond, services: Services) -> None:
    """The nudge comes back after a day or a week, in place of this one — on that day's
    morning, with the day's other nudges (later that day it would wait a day more)."""
    lang = click.lang
    asked = json.loads(click.value)
    calendar, now = services.settings.calendar, services.clock.now()
    back = now.astimezone(calendar.tz).date() + timedelta(days=int(asked["days"]))
    again = await reminders.snooze(
        services.db, services.clock, int(asked["id"]), calendar.morning(back) - now, calendar
    )
    if again is None:
        await respond(
            replace_original=True, **render.message(text_message(t(lang, "nudge.snooze_gone")))
        )
        return
    day = local_day(lang, again.due_at, services.settings.tz)
    await respond(
        replace_original=True, **render.message(text_message(t(lang, "nudge.snoozed", day=day)))
    )


async def show(click: Click, services: Services) -> None:
    """The morning list's **Vis**: the nudge's own message, as it is now, in the list's
    thread in the person's DM (its buttons work there as in a message of its own)."""
    user_id = click.external_id
    message = await shown(services, as_int(click.value) or 0, user_id)
    await services.messenger.post(
        ConversationRef(services.messenger.platform, user_id),
        message or text_message(t(click.lang, "nudge.shown_gone")),
        thread=click.message,
    )


async def still_right(click: Click, respond: AsyncRespond, services: Services) -> None:
    checked = await mark_verified(services.db, services.clock, as_int(click.value) or 0)
    key = "nudge.checked" if checked else "guide.gone"
    await respond(replace_original=True, **render.message(text_message(t(click.lang, key))))


async def open_hand_over(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = click.lang
    detail = await get_guide_by_id(services.db, as_int(click.value) or 0)
    if detail is None:
        await respond(replace_original=False, **render.message(text_message(t(lang, "guide.gone"))))
        return
    modal = render_form.modal(hand_over_modal(lang, detail))
    await client.views_open(trigger_id=click.trigger, view=modal)


async def submit_hand_over(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    guide_id = int(submission.metadata.get("guide_id") or 0)
    to = str(submission.values.get("owner") or "")
    user_id = submission.external_id
    detail, receiver = await hand_over(services.db, services.clock, guide_id, by=user_id, to=to)
    await ack()
    title = literal(f"{detail.tool.name}: {detail.current.content.title}")
    await client.chat_postMessage(
        channel=user_id,
        **render.message(
            text_message(
                t(
                    submission.lang,
                    "nudge.handed_over",
                    title=title,
                    to=f"<@{receiver.slack_user_id}>",
                )
            )
        ),
    )
    their_lang = await services.language.for_user(receiver.slack_user_id)
    await client.chat_postMessage(
        channel=receiver.slack_user_id,
        **render.message(
            text_message(t(their_lang, "nudge.received", title=title, by=f"<@{user_id}>"))
        ),
    )
