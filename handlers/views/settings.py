"""The settings modal: open it for coordinators, save what they submit."""

from __future__ import annotations

from bot.errors import FormRefused
from bot.jobs.onboarding import send_welcomes
from bot.runtime import Services
from bot.services.network import snapshot
from bot.services.settings_form import SettingsForm, apply_form
from bot.services.workspace_settings import KEYS, current
from bot.views.settings import CALLBACK_ID, saved_message, settings_modal
from handlers.interactions import Submission, as_int, opened_in
from handlers.reply import Reply

__all__ = ["CALLBACK_ID", "open_settings", "save_settings"]


async def open_settings(
    reply: Reply, services: Services, lang: str, channel_id: str | None
) -> None:
    """The coordinator's modal (the caller has checked `may_manage_settings`)."""
    snap = await snapshot(services.db)
    await reply.open_form(settings_modal(lang, await current(services.db), snap, channel_id))


async def save_settings(submission: Submission, reply: Reply, services: Services) -> None:
    lang = submission.lang
    values = submission.values
    form = SettingsForm(
        channels={key: values.get(key) for key in KEYS},
        person=values.get("role_person"),
        add=values.get("role_change", "add") != "remove",
        role=values.get("role"),
        area_id=as_int(values.get("role_area")),
        daycare_id=as_int(values.get("role_daycare")),
    )
    outcome = await apply_form(
        services.db, services.clock, submission.person, form, services.directory
    )
    if outcome.errors:
        raise FormRefused({field: (key, {}) for field, key in outcome.errors.items()})
    await reply.accept_form()
    where = opened_in(submission, services.messenger.platform)
    await services.messenger.tell(submission.person, where, saved_message(lang, outcome.changes))
    if outcome.new_superuser:
        await send_welcomes(services)
