"""Buttons of tool tests: start, post or correct a result, close a test, the evaluation, and
the answers to "save as result?" and "delete the result too?"."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.tool_tests import ResultDraft
from bot.i18n import t
from bot.runtime import Services
from bot.services import trial_channel
from bot.services.permissions import Action, requires
from bot.services.privacy import ensure_no_cpr
from bot.services.tool_tests import (
    ResultRefused,
    delete_result,
    get_result,
    get_test,
    save_result,
    tool_summary,
)
from bot.views.help import text_message
from bot.views.tool_tests import saved_in_thread, summary_message
from handlers.interactions import Click, as_int
from handlers.slack import render
from handlers.slack.replies import private
from handlers.slack.text import slack_text
from handlers.views.tool_tests import open_close, open_result, open_start


async def _private(respond: AsyncRespond, text: str) -> None:
    await private(respond, text_message(text))


@requires(Action.RUN_TOOL_TESTS)
async def start(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """From the list of tests (no tool), or from a guide (its tool chosen)."""
    await open_start(client, services, click.lang, click.trigger, tool_id=as_int(click.value))


@requires(Action.RUN_TOOL_TESTS)
async def post_result(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    user_id = click.external_id
    test = await get_test(services.db, as_int(click.value) or 0)
    draft = None
    if test is not None:
        draft = ResultDraft(
            tool_id=test.tool.id,
            tested_on=services.clock.now().date(),
            test_id=test.id,
            daycare_id=test.daycare_ids[0] if len(test.daycare_ids) == 1 else None,
        )
    await open_result(client, services, click.lang, click.trigger, user_id, draft=draft)


@requires(Action.RUN_TOOL_TESTS)
async def correct(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = click.lang
    user_id = click.external_id
    result = await get_result(services.db, as_int(click.value) or 0)
    if result is None:
        await _private(respond, t(lang, "test.result_gone"))
        return
    await open_result(
        client, services, lang, click.trigger, user_id, draft=result.draft, result_id=result.id
    )


@requires(Action.RUN_TOOL_TESTS)
async def close(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = click.lang
    opened = await open_close(client, lang, click.trigger, as_int(click.value) or 0, services)
    if not opened:
        await _private(respond, t(lang, "test.already_closed"))


async def summary(ack: AsyncAck, click: Click, respond: AsyncRespond, services: Services) -> None:
    lang = click.lang
    try:
        found = await tool_summary(services.db, as_int(click.value) or 0, clock=services.clock)
    except LookupError:
        await _private(respond, t(lang, "guide.gone"))
        return
    await respond(
        response_type="ephemeral",
        replace_original=False,
        **render.message(summary_message(lang, found, services.settings.tz)),
    )


async def _draft_from_message(
    client: AsyncWebClient,
    services: Services,
    where: dict[str, Any],
    tool_id: int,
    author_id: str,
) -> ResultDraft | None:
    """The result the message a "save as result?" question is about gives, as it reads now
    (its text is not in the button); None when the message is gone."""
    channel, ts = str(where["channel"]), str(where["ts"])
    try:
        found = await client.conversations_replies(channel=channel, ts=ts, limit=1)
    except SlackApiError:
        return None
    messages = found.get("messages") or []
    if not messages:
        return None
    read = await trial_channel.read(services.db, slack_text(messages[0].get("text")))
    permalink = (await client.chat_getPermalink(channel=channel, message_ts=ts)).get("permalink")
    return await trial_channel.draft_from(
        services.db,
        read,
        tool_id,
        author_id,
        services.clock.now().date(),
        channel_id=channel,
        message_ts=ts,
        permalink=str(permalink) if permalink else None,
    )


@requires(Action.RUN_TOOL_TESTS)
async def offer_save(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """ "Save as result for <tool>": saved from the message as it reads now."""
    lang = click.lang
    user_id = click.external_id
    where = json.loads(click.value)
    draft = await _draft_from_message(client, services, where, int(where["tool"]), user_id)
    if draft is None:
        await _private(respond, t(lang, "test.message_gone"))
        return
    channel, ts = str(where["channel"]), str(where["ts"])
    try:
        saved = await save_result(
            services.db, services.clock, user_id, draft, request_key=f"message:{channel}:{ts}"
        )
    except ResultRefused:
        await _private(respond, t(lang, "test.could_not_save"))
        return
    message = render.message(
        saved_in_thread(lang, saved.result, tool_now_in_test=saved.tool_now_in_test)
    )
    await respond(replace_original=True, **message)


@requires(Action.RUN_TOOL_TESTS)
async def offer_other(
    click: Click,
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
) -> None:
    """ "Another tool": the result modal, prefilled from the message, the tool to choose."""
    lang = click.lang
    user_id = click.external_id
    where = json.loads(click.value)
    draft = await _draft_from_message(client, services, where, 0, user_id)
    if draft is None:
        await _private(respond, t(lang, "test.message_gone"))
        return
    ensure_no_cpr(worked=draft.worked)  # never prefill a modal with the number
    await open_result(client, services, lang, click.trigger, user_id, draft=draft)


async def offer_dismiss(click: Click, respond: AsyncRespond) -> None:
    await respond(
        replace_original=True, **render.message(text_message(t(click.lang, "test.not_a_result")))
    )


async def delete_answer(
    ack: AsyncAck, click: Click, respond: AsyncRespond, services: Services
) -> None:
    """The author deleted their message: delete the result too, or keep it."""
    action = click.action_id
    result_id = as_int(click.value) or 0
    if action.endswith("delete"):
        deleted = await delete_result(services.db, result_id)
        key = "test.result_deleted" if deleted else "test.result_gone"
    else:
        key = "test.result_kept"
    await respond(replace_original=True, **render.message(text_message(t(click.lang, key))))
