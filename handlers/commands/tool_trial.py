"""`/tool-test` — the asker's running tests; `start [tool]`, `result [tool]`, `summary [tool]`
(and their Danish words, declared in `bot.services.commands`, with the permission each
requires). `train` and `trainings` are in `handlers.commands.trainings`."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.tool_tests import ResultDraft
from bot.i18n import t
from bot.services.guides import find_tool
from bot.services.permissions import Action, person_can
from bot.services.search import closest_tool_names
from bot.services.tool_tests import running_tests, tool_summary, tools_with_results
from bot.views.help import text_message
from bot.views.text import literal
from bot.views.tool_tests import (
    running_tests_message,
    summary_choices_message,
    summary_message,
)
from handlers.commands.dispatch import CommandCall
from handlers.views.tool_tests import open_result, open_start


async def running_command(call: CommandCall) -> None:
    """The asker's running tests (with the buttons to run them for those who may); a word
    that is no sub-command is said not to be understood, above the list."""
    services = call.services
    may_run = await person_can(services.db, call.person, Action.RUN_TOOL_TESTS)
    tests = await running_tests(services.db, call.person)
    message = running_tests_message(call.lang, tests, can_run=may_run, tz=services.settings.tz)
    if call.reading.word:
        notice = text_message(t(call.lang, "test.unknown_word")).parts
        message = replace(message, parts=(*notice, *message.parts))
    await call.say(message)


async def start_command(call: CommandCall) -> None:
    tool = await find_tool(call.services.db, call.rest) if call.rest else None
    await open_start(
        call.reply,
        call.services,
        call.lang,
        tool_id=tool.id if tool else None,
        channel_id=call.channel_id,
    )


async def result_command(call: CommandCall) -> None:
    services = call.services
    tool = await find_tool(services.db, call.rest) if call.rest else None
    draft = ResultDraft(tool_id=tool.id, tested_on=services.clock.now().date()) if tool else None
    await open_result(
        call.reply,
        services,
        call.lang,
        call.person,
        draft=draft,
        channel_id=call.channel_id,
    )


async def summary_command(call: CommandCall) -> None:
    """A tool's evaluation; without a tool, the tools that have results to choose from; a
    name the catalogue does not know, the closest names."""
    services, lang, rest = call.services, call.lang, call.rest
    if not rest:
        found = await tools_with_results(services.db)
        await call.say(summary_choices_message(lang, found))
        return
    tool = await find_tool(services.db, rest)
    if tool is None:
        close = await closest_tool_names(services.db, rest, limit=3)
        text = t(lang, "test.which_tool", close=literal(", ".join(close)) or "–")
        await call.say(text_message(text))
        return
    summary = await tool_summary(services.db, tool.id, clock=services.clock)
    await call.say(summary_message(lang, summary, services.settings.tz))
