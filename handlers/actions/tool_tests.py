"""Buttons of tool tests: start, post or correct a result, close a test, the evaluation, and
the answers to "save as result?" and "delete the result too?"."""

from __future__ import annotations

from bot.domain.refs import MessageRef
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
from bot.views.tool_tests import offered_message, saved_in_thread, summary_message
from handlers.interactions import Click, as_int
from handlers.reply import Reply
from handlers.views.tool_tests import open_close, open_result, open_start


async def _private(reply: Reply, text: str) -> None:
    await reply.private(text_message(text))


@requires(Action.RUN_TOOL_TESTS)
async def start(click: Click, reply: Reply, services: Services) -> None:
    """From the list of tests (no tool), or from a guide (its tool chosen)."""
    await open_start(reply, services, click.lang, tool_id=as_int(click.value))


@requires(Action.RUN_TOOL_TESTS)
async def post_result(click: Click, reply: Reply, services: Services) -> None:
    test = await get_test(services.db, as_int(click.value) or 0)
    draft = None
    if test is not None:
        draft = ResultDraft(
            tool_id=test.tool.id,
            tested_on=services.clock.now().date(),
            test_id=test.id,
            daycare_id=test.daycare_ids[0] if len(test.daycare_ids) == 1 else None,
        )
    await open_result(reply, services, click.lang, click.person, draft=draft)


@requires(Action.RUN_TOOL_TESTS)
async def correct(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    result = await get_result(services.db, as_int(click.value) or 0)
    if result is None:
        await _private(reply, t(lang, "test.result_gone"))
        return
    await open_result(reply, services, lang, click.person, draft=result.draft, result_id=result.id)


@requires(Action.RUN_TOOL_TESTS)
async def close(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    opened = await open_close(reply, lang, as_int(click.value) or 0, services)
    if not opened:
        await _private(reply, t(lang, "test.already_closed"))


async def summary(click: Click, reply: Reply, services: Services) -> None:
    lang = click.lang
    try:
        found = await tool_summary(services.db, as_int(click.value) or 0, clock=services.clock)
    except LookupError:
        await _private(reply, t(lang, "guide.gone"))
        return
    await reply.private(summary_message(lang, found, services.settings.tz))


async def _draft_from_message(
    services: Services,
    message: MessageRef,
    tool_id: int,
    author_id: int,
) -> ResultDraft | None:
    """The result the message a "save as result?" question is about gives, as it reads now
    (its text is not in the button); None when the message is gone."""
    text = await services.messenger.text_of(message)
    if text is None:
        return None
    read = await trial_channel.read(services.db, text)
    link = await services.messenger.link(message)
    return await trial_channel.draft_from(
        services.db,
        read,
        tool_id,
        author_id,
        services.clock.now().date(),
        message=message,
        link=link,
    )


@requires(Action.RUN_TOOL_TESTS)
async def offer_save(click: Click, reply: Reply, services: Services) -> None:
    """ "Save as result for <tool>": saved from the message as it reads now."""
    lang = click.lang
    message, tool_id = offered_message(services.messenger.platform, click.value)
    draft = await _draft_from_message(services, message, tool_id, click.person)
    if draft is None:
        await _private(reply, t(lang, "test.message_gone"))
        return
    channel, ts = message.conversation_id, message.message_id
    try:
        saved = await save_result(
            services.db, services.clock, click.person, draft, request_key=f"message:{channel}:{ts}"
        )
    except ResultRefused:
        await _private(reply, t(lang, "test.could_not_save"))
        return
    await reply.replace(
        saved_in_thread(lang, saved.result, tool_now_in_test=saved.tool_now_in_test)
    )


@requires(Action.RUN_TOOL_TESTS)
async def offer_other(click: Click, reply: Reply, services: Services) -> None:
    """ "Another tool": the result modal, prefilled from the message, the tool to choose."""
    lang = click.lang
    message, _ = offered_message(services.messenger.platform, click.value)
    draft = await _draft_from_message(services, message, 0, click.person)
    if draft is None:
        await _private(reply, t(lang, "test.message_gone"))
        return
    ensure_no_cpr(worked=draft.worked)  # never prefill a modal with the number
    await open_result(reply, services, lang, click.person, draft=draft)


async def offer_dismiss(click: Click, reply: Reply) -> None:
    await reply.replace(text_message(t(click.lang, "test.not_a_result")))


async def delete_answer(click: Click, reply: Reply, services: Services) -> None:
    """The author deleted their message: delete the result too, or keep it."""
    action = click.action_id
    result_id = as_int(click.value) or 0
    if action.endswith("delete"):
        deleted = await delete_result(services.db, result_id)
        key = "test.result_deleted" if deleted else "test.result_gone"
    else:
        key = "test.result_kept"
    await reply.replace(text_message(t(click.lang, key)))
