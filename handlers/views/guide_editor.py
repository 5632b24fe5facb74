"""The guide editor modal: open it for ambassadors, save what they submit as a version."""

from __future__ import annotations

from bot.domain.guides import GuideDetail
from bot.errors import FormRefused
from bot.runtime import Services
from bot.services.guide_editor import GuideForm, save_form
from bot.services.tool_guide import card
from bot.views.guide_editor import (
    CALLBACK_ID,
    editor_errors,
    editor_modal,
    saved_message,
)
from bot.views.guides import card_parts
from bot.views.model import Message, Text
from handlers.interactions import Submission, opened_in
from handlers.reply import Reply

__all__ = ["CALLBACK_ID", "open_editor", "save_guide_form"]


async def open_editor(
    reply: Reply,
    lang: str,
    *,
    detail: GuideDetail | None = None,
    tool: str = "",
    channel_id: str | None = None,
) -> None:
    modal = editor_modal(lang, detail=detail, tool=tool, channel_id=channel_id)
    await reply.open_form(modal)


async def save_guide_form(submission: Submission, reply: Reply, services: Services) -> None:
    lang = submission.lang
    values = submission.values
    metadata = submission.metadata
    body_ids = sorted(
        (key for key in values if key.startswith("body_") and key[5:].isdigit()),
        key=lambda key: int(key[5:]),
    )
    parts = [str(values[key]) for key in body_ids if values[key]]
    guide_id = metadata.get("guide_id")
    form = GuideForm(
        guide_id=guide_id if isinstance(guide_id, int) else None,
        tool=str(values.get("tool") or ""),
        title=str(values.get("title") or ""),
        purpose=str(values.get("purpose") or ""),
        body="\n".join(parts),
        category=str(values.get("category") or ""),
        aliases=str(values.get("aliases") or ""),
        tags=str(values.get("tags") or ""),
        age_groups=tuple(values.get("age_groups") or ()),
        themes=tuple(values.get("themes") or ()),
    )
    outcome = await save_form(services.db, services.clock, submission.person, form)
    if outcome.errors:
        raise FormRefused(editor_errors(outcome.errors, len(body_ids)))
    await reply.accept_form()
    assert outcome.result is not None
    saved = await card(services.db, outcome.result.guide_id, submission.person)
    assert saved is not None
    content = saved.detail.current.content
    text = saved_message(
        lang,
        tool=saved.detail.tool.name,
        title=content.title,
        version=outcome.result.version,
        new_version=outcome.result.new_version,
    )
    message = Message(text, (Text(text), *card_parts(lang, saved, services.settings.tz)))
    await services.messenger.tell(
        submission.person, opened_in(submission, services.messenger.platform), message
    )
