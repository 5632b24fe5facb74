"""A person's own settings modal: pause the nudges until a date, or turn them back on."""

from __future__ import annotations

from datetime import date

from bot.errors import FormRefused
from bot.i18n import t
from bot.runtime import Services
from bot.services import reminders
from bot.services.network import snapshot
from bot.views.dates import day_text
from bot.views.help import text_message
from bot.views.my_settings import CALLBACK_ID, my_settings_modal
from handlers.interactions import Submission, opened_in
from handlers.reply import Reply

__all__ = ["CALLBACK_ID", "open_my_settings", "save_my_settings"]


async def open_my_settings(
    reply: Reply, services: Services, lang: str, person_id: int, channel_id: str | None
) -> None:
    paused = await reminders.paused_until(services.db, person_id)
    today = services.clock.now().date()
    modal = my_settings_modal(
        lang,
        paused if paused and paused >= today else None,
        today,
        (await snapshot(services.db)).coordinators(),
        channel_id=channel_id,
    )
    await reply.open_form(modal)


async def save_my_settings(submission: Submission, reply: Reply, services: Services) -> None:
    lang = submission.lang
    values = submission.values
    today = services.clock.now().date()
    until = date.fromisoformat(values["until"]) if values.get("until") else None
    if values.get("nudges") == "paused":
        if until is None or until <= today:
            raise FormRefused({"until": ("my.until_future", {})})
        await reply.accept_form()
        await reminders.pause(services.db, services.clock, submission.person, until)
        text = t(lang, "my.paused", day=day_text(lang, until))
    else:
        await reply.accept_form()
        await reminders.pause(services.db, services.clock, submission.person, None)
        text = t(lang, "my.resumed")
    where = opened_in(submission, services.messenger.platform)
    await services.messenger.tell(submission.person, where, text_message(text))
