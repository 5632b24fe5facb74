"""Answers to nudges: remind me later, "still right", and handing a guide over."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.i18n import t
from bot.jobs.nudges import shown
from bot.runtime import Services
from bot.services import reminders
from bot.services.guides import get_guide_by_id, hand_over, mark_verified
from bot.views.dates import local_day
from bot.views.help import text_message
from bot.views.nudges import hand_over_modal
from bot.views.text import literal, mention
from handlers.interactions import Click, Submission, as_int
from handlers.reply import Reply


async def snooze(click: Click, reply: Reply, services: Services) -> None:
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
        await reply.replace(text_message(t(lang, "nudge.snooze_gone")))
        return
    day = local_day(lang, again.due_at, services.settings.tz)
    await reply.replace(text_message(t(lang, "nudge.snoozed", day=day)))


async def show(click: Click, services: Services) -> None:
    """The morning list's **Vis**: the nudge's own message, as it is now, in the list's
    thread in the person's DM (its buttons work there as in a message of its own)."""
    message = await shown(services, as_int(click.value) or 0, click.person)
    messenger = services.messenger
    where = (
        click.message.conversation
        if click.message is not None
        else await messenger.private_conversation(click.person)
    )
    await messenger.post(
        where, message or text_message(t(click.lang, "nudge.shown_gone")), thread=click.message
    )


async def still_right(click: Click, reply: Reply, services: Services) -> None:
    checked = await mark_verified(services.db, services.clock, as_int(click.value) or 0)
    key = "nudge.checked" if checked else "guide.gone"
    await reply.replace(text_message(t(click.lang, key)))


async def open_hand_over(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    detail = await get_guide_by_id(services.db, as_int(click.value) or 0)
    if detail is None:
        await reply.private(text_message(t(lang, "guide.gone")))
        return
    await reply.open_form(hand_over_modal(lang, detail))


async def submit_hand_over(submission: Submission, reply: Reply, services: Services) -> None:
    """The guide changes owner; both are told by private message (a refusal is shown at
    the form's `owner` field: `HandOverRefused`)."""
    guide_id = int(submission.metadata.get("guide_id") or 0)
    chosen = submission.values.get("owner")  # a people field: a person id
    to = chosen if isinstance(chosen, int) else None
    giver = submission.person
    detail, receiver = await hand_over(services.db, services.clock, guide_id, by=giver, to=to)
    await reply.accept_form()
    title = literal(f"{detail.tool.name}: {detail.current.content.title}")
    handed = t(submission.lang, "nudge.handed_over", title=title, to=mention(receiver.id))
    await services.messenger.send_privately(giver, text_message(handed))
    their_lang = await services.language.for_person(receiver.id)
    received = t(their_lang, "nudge.received", title=title, by=mention(giver))
    await services.messenger.send_privately(receiver.id, text_message(received))
