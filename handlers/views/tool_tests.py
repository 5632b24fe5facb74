"""The tool-test modals: open them, and take what ambassadors submit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.tool_tests import DEFAULT_CHECKPOINT_WEEKS, ResultDraft, TestPlan
from bot.i18n import t
from bot.runtime import Services
from bot.services.guides import list_tools
from bot.services.network import snapshot
from bot.services.privacy import ContainsCpr
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
    result_modal,
    start_modal,
)
from bot.views.tool_tests import saved_in_thread
from handlers.interactions import Submission, as_int
from handlers.slack import render, render_form
from handlers.slack.replies import tell_privately

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


def _errors(lang: str, errors: dict[str, tuple[str, dict[str, object]]]) -> dict[str, str]:
    return {field: t(lang, key, **params) for field, (key, params) in errors.items()}


async def open_start(
    client: AsyncWebClient,
    services: Services,
    lang: str,
    trigger_id: str,
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
    await client.views_open(trigger_id=trigger_id, view=render_form.modal(modal))


async def open_result(
    client: AsyncWebClient,
    services: Services,
    lang: str,
    trigger_id: str,
    user_id: str,
    *,
    draft: ResultDraft | None = None,
    result_id: int | None = None,
    channel_id: str | None = None,
    intro: str | None = None,
) -> None:
    modal = result_modal(
        lang,
        await list_tools(services.db),
        await running_tests(services.db, user_id),
        await snapshot(services.db),
        draft,
        _today(services),
        result_id=result_id,
        channel_id=channel_id,
        intro=intro,
    )
    await client.views_open(trigger_id=trigger_id, view=render_form.modal(modal))


async def open_close(
    client: AsyncWebClient, lang: str, trigger_id: str, test_id: int, services: Services
) -> bool:
    """False when the test is gone or already closed (the caller says so)."""
    test = await get_test(services.db, test_id)
    if test is None or test.state != "running":
        return False
    modal = render_form.modal(close_modal(lang, test, channel_id=None))
    await client.views_open(trigger_id=trigger_id, view=modal)
    return True


async def submit_start(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = submission.lang
    values = submission.values
    weeks = parse_checkpoint_weeks(str(values.get("checkpoints") or ""))
    if weeks is None:
        await ack(response_action="errors", errors={"checkpoints": t(lang, "test.bad_weeks")})
        return
    plan = TestPlan(
        tool_id=as_int(values.get("tool")) or 0,
        question=str(values.get("question") or ""),
        daycare_ids=tuple(int(v) for v in values.get("daycares") or () if str(v).isdigit()),
        area_id=as_int(values.get("area")),
        starts_on=date.fromisoformat(values["starts_on"]) if values.get("starts_on") else None,
        checkpoint_weeks=weeks or DEFAULT_CHECKPOINT_WEEKS,
    )
    user_id = submission.external_id
    test = await start_test(
        services.db,
        services.clock,
        user_id,
        plan,
        request_key=f"view:{submission.form_id}",
        calendar=services.settings.calendar,
    )
    await ack()
    channel = submission.metadata.get("channel")
    text = t(lang, "test.started", tool=literal(test.tool.name), count=len(test.checkpoints))
    await tell_privately(services.messenger, user_id, channel, text_message(text))


def _draft(values: Mapping[str, Any], metadata: Mapping[str, Any]) -> ResultDraft:
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
        channel_id=metadata.get("message_channel"),
        message_ts=metadata.get("message_ts"),
        permalink=metadata.get("permalink"),
    )


async def submit_result(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    values = submission.values
    metadata = submission.metadata
    draft = _draft(values, metadata)
    if draft.message_ts and draft.channel_id and not draft.permalink:
        found = await client.chat_getPermalink(
            channel=draft.channel_id, message_ts=draft.message_ts
        )
        draft = replace(draft, permalink=str(found.get("permalink") or "") or None)
    user_id = submission.external_id
    result_id = metadata.get("result_id")
    if isinstance(result_id, int):
        result = await update_result(
            services.db, services.clock, result_id, draft, editor_id=user_id
        )
        now_in_test = False
    else:
        key = (
            f"message:{draft.channel_id}:{draft.message_ts}"
            if draft.message_ts
            else f"view:{submission.form_id}"
        )
        saved = await save_result(services.db, services.clock, user_id, draft, request_key=key)
        result, now_in_test = saved.result, saved.tool_now_in_test
    await ack()
    message = render.message(saved_in_thread(submission.lang, result, tool_now_in_test=now_in_test))
    if draft.source == "channel" and draft.channel_id and draft.message_ts:
        await client.chat_postMessage(
            channel=draft.channel_id, thread_ts=draft.message_ts, **message
        )
        return
    await tell_privately(services.messenger, user_id, metadata.get("channel"), message)


async def submit_close(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """The close modal, or the confirmation pushed over it (`confirmed` in its metadata,
    with the conclusion and note the person gave): that one clears both modals."""
    lang = submission.lang
    values = submission.values
    metadata = submission.metadata
    confirmed = metadata.get("confirmed") is True
    given = metadata if confirmed else values
    note = str(given.get("note") or "")
    conclusion = str(given.get("conclusion") or "")
    user_id = submission.external_id
    try:
        test = await close_test(
            services.db,
            services.clock,
            int(metadata.get("test_id") or 0),
            conclusion,
            note,
            by=user_id,
            confirmed=confirmed,
        )
    except NeedsConfirmation as ask:
        await ack(
            response_action="push",
            view=render_form.modal(
                close_confirm_modal(lang, ask.test, note=note, channel_id=metadata.get("channel"))
            ),
        )
        return
    except CloseRefused as refused:
        if not confirmed:
            await ack(response_action="errors", errors=_errors(lang, refused.errors))
            return
        # The confirmation has no fields to mark (closed meanwhile, say): said privately.
        await ack(response_action="clear")
        said = "\n".join(_errors(lang, refused.errors).values())
        await tell_privately(
            services.messenger, user_id, metadata.get("channel"), text_message(said)
        )
        return
    except ContainsCpr as found:
        await ack(response_action="errors", errors=_errors(lang, found.field_errors()))
        return
    if confirmed:
        await ack(response_action="clear")
    else:
        await ack()
    status = t(lang, f"tool_status.{test.conclusion}")
    text = t(lang, "test.closed", tool=literal(test.tool.name), status=status)
    await tell_privately(services.messenger, user_id, metadata.get("channel"), text_message(text))
