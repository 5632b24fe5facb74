"""The tool-test modals: open them, and take what ambassadors submit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from bot.domain.refs import ConversationRef
from bot.domain.tool_tests import DEFAULT_CHECKPOINT_WEEKS, ResultDraft, TestPlan
from bot.errors import FormRefused
from bot.i18n import t
from bot.runtime import Services
from bot.services.guides import list_tools
from bot.services.network import snapshot
from bot.services.tool_tests import (
    CloseRefused,
    NeedsConfirmation,
    close_test,
    get_test,
    parse_checkpoint_weeks,
    running_tests,
    save_result,
    start_test,
    update_result,
)
from bot.views.help import text_message
from bot.views.text import literal
from bot.views.tool_test_forms import (
    CLOSE_CALLBACK,
    RESULT_CALLBACK,
    START_CALLBACK,
    close_confirm_modal,
    close_modal,
    metadata_message,
    result_modal,
    start_modal,
)
from bot.views.tool_tests import saved_in_thread
from handlers.interactions import Submission, as_int, opened_in
from handlers.reply import Reply

__all__ = [
    "CLOSE_CALLBACK",
    "RESULT_CALLBACK",
    "START_CALLBACK",
    "open_close",
    "open_result",
    "open_start",
    "submit_close",
    "submit_result",
    "submit_start",
]


def _today(services: Services) -> date:
    return services.clock.now().date()


async def open_start(
    reply: Reply,
    services: Services,
    lang: str,
    *,
    tool_id: int | None = None,
    channel_id: str | None = None,
) -> None:
    modal = start_modal(
        lang,
        await list_tools(services.db),
        await snapshot(services.db),
        _today(services),
        tool_id=tool_id,
        channel_id=channel_id,
    )
    await reply.open_form(modal)


async def open_result(
    reply: Reply,
    services: Services,
    lang: str,
    person: int,
    *,
    draft: ResultDraft | None = None,
    result_id: int | None = None,
    channel_id: str | None = None,
    intro: str | None = None,
) -> None:
    modal = result_modal(
        lang,
        await list_tools(services.db),
        await running_tests(services.db, person),
        await snapshot(services.db),
        draft,
        _today(services),
        result_id=result_id,
        channel_id=channel_id,
        intro=intro,
    )
    await reply.open_form(modal)


async def open_close(reply: Reply, lang: str, test_id: int, services: Services) -> bool:
    """False when the test is gone or already closed (the caller says so)."""
    test = await get_test(services.db, test_id)
    if test is None or test.state != "running":
        return False
    await reply.open_form(close_modal(lang, test, channel_id=None))
    return True


async def submit_start(submission: Submission, reply: Reply, services: Services) -> None:
    lang = submission.lang
    values = submission.values
    weeks = parse_checkpoint_weeks(str(values.get("checkpoints") or ""))
    if weeks is None:
        raise FormRefused({"checkpoints": ("test.bad_weeks", {})})
    plan = TestPlan(
        tool_id=as_int(values.get("tool")) or 0,
        question=str(values.get("question") or ""),
        daycare_ids=tuple(int(v) for v in values.get("daycares") or () if str(v).isdigit()),
        area_id=as_int(values.get("area")),
        starts_on=date.fromisoformat(values["starts_on"]) if values.get("starts_on") else None,
        checkpoint_weeks=weeks or DEFAULT_CHECKPOINT_WEEKS,
    )
    person = submission.person
    test = await start_test(
        services.db,
        services.clock,
        person,
        plan,
        request_key=f"view:{submission.form_id}",
        calendar=services.settings.calendar,
    )
    await reply.accept_form()
    text = t(lang, "test.started", tool=literal(test.tool.name), count=len(test.checkpoints))
    where = opened_in(submission, services.messenger.platform)
    await services.messenger.tell(person, where, text_message(text))


def _draft(values: Mapping[str, Any], metadata: Mapping[str, Any]) -> ResultDraft:
    message, link = metadata_message(metadata)
    return ResultDraft(
        tool_id=as_int(values.get("tool")) or 0,
        tested_on=date.fromisoformat(values["tested_on"]),
        test_id=as_int(values.get("test")),
        daycare_id=as_int(values.get("daycare")),
        age_group=values.get("age_group"),
        children=as_int(values.get("children")),
        rating=as_int(values.get("rating")),
        engagement=values.get("engagement"),
        worked=str(values.get("worked") or ""),
        hard=str(values.get("hard") or ""),
        themes=tuple(values.get("themes") or ()),
        recommendation=values.get("recommendation"),
        minutes_spent=as_int(values.get("minutes")),
        source=metadata.get("source") or "modal",
        message=message,
        link=link,
    )


async def submit_result(submission: Submission, reply: Reply, services: Services) -> None:
    values = submission.values
    metadata = submission.metadata
    draft = _draft(values, metadata)
    if draft.message is not None and not draft.link:
        draft = replace(draft, link=await services.messenger.link(draft.message))
    person = submission.person
    result_id = metadata.get("result_id")
    if isinstance(result_id, int):
        result = await update_result(
            services.db, services.clock, result_id, draft, editor_id=person
        )
        now_in_test = False
    else:
        key = (
            f"message:{draft.message.conversation_id}:{draft.message.message_id}"
            if draft.message is not None
            else f"view:{submission.form_id}"
        )
        saved = await save_result(services.db, services.clock, person, draft, request_key=key)
        result, now_in_test = saved.result, saved.tool_now_in_test
    await reply.accept_form()
    message = saved_in_thread(submission.lang, result, tool_now_in_test=now_in_test)
    messenger = services.messenger
    if draft.source == "channel" and draft.message is not None:
        where = ConversationRef(draft.message.platform, draft.message.conversation_id)
        await messenger.post(where, message, thread=draft.message)
        return
    await messenger.tell(person, opened_in(submission, messenger.platform), message)


async def submit_close(submission: Submission, reply: Reply, services: Services) -> None:
    """The close modal, or the confirmation pushed over it (`confirmed` in its metadata,
    with the conclusion and note the person gave): that one clears both modals."""
    lang = submission.lang
    values = submission.values
    metadata = submission.metadata
    confirmed = metadata.get("confirmed") is True
    given = metadata if confirmed else values
    note = str(given.get("note") or "")
    conclusion = str(given.get("conclusion") or "")
    person = submission.person
    try:
        test = await close_test(
            services.db,
            services.clock,
            int(metadata.get("test_id") or 0),
            conclusion,
            note,
            by=person,
            confirmed=confirmed,
        )
    except NeedsConfirmation as ask:
        channel = opened_in(submission, services.messenger.platform)
        await reply.push_form(
            close_confirm_modal(
                lang, ask.test, note=note, channel_id=channel.conversation_id if channel else None
            )
        )
        return
    except CloseRefused as refused:
        if not confirmed:
            raise FormRefused(refused.errors) from refused
        # The confirmation has no fields to mark (closed meanwhile, say): said privately.
        await reply.close_forms()
        said = "\n".join(t(lang, key, **params) for key, params in refused.errors.values())
        where = opened_in(submission, services.messenger.platform)
        await services.messenger.tell(person, where, text_message(said))
        return
    if confirmed:
        await reply.close_forms()
    else:
        await reply.accept_form()
    status = t(lang, f"tool_status.{test.conclusion}")
    text = t(lang, "test.closed", tool=literal(test.tool.name), status=status)
    where = opened_in(submission, services.messenger.platform)
    await services.messenger.tell(person, where, text_message(text))
