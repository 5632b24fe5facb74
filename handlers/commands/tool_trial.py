"""`/tool-test` — the asker's running tests; `start [tool]`, `result [tool]`, `summary [tool]`,
`train [tool]`, `trainings` (and their Danish words, `bot.services.command_words`)."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.tool_tests import ResultDraft
from bot.i18n import t
from bot.mrkdwn import escape
from bot.runtime import Services
from bot.services.command_words import TOOL_TEST, sub_command
from bot.services.guides import find_tool
from bot.services.permissions import Action, person_can
from bot.services.search import closest_tool_names
from bot.services.tool_tests import running_tests, tool_summary, tools_with_results
from bot.views.help import text_message
from bot.views.tool_tests import (
    running_tests_message,
    summary_choices_message,
    summary_message,
)
from handlers.commands.trainings import training_word
from handlers.replies import refusal
from handlers.slack_text import slack_text
from handlers.views.tool_tests import open_result, open_start


async def tool_test_command(
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    user_id = str(command["user_id"])
    word, _, rest = slack_text(command.get("text")).strip().partition(" ")
    rest = rest.strip()
    sub = sub_command(TOOL_TEST, word)
    if sub in ("train", "trainings"):
        await training_word(sub == "train", rest, command, respond, client, services, lang)
        return
    may_run = await person_can(services.db, user_id, Action.RUN_TOOL_TESTS)
    if sub == "summary":
        await summary_command(rest, respond, services, lang)
        return
    if sub in ("start", "result") and not may_run:
        await respond(
            response_type="ephemeral", **await refusal(services, lang, Action.RUN_TOOL_TESTS)
        )
        return
    tool = await find_tool(services.db, rest) if rest else None
    channel_id = command.get("channel_id")
    if sub == "start":
        await open_start(
            client,
            services,
            lang,
            command["trigger_id"],
            tool_id=tool.id if tool else None,
            channel_id=channel_id,
        )
        return
    if sub == "result":
        draft = (
            ResultDraft(tool_id=tool.id, tested_on=services.clock.now().date()) if tool else None
        )
        await open_result(
            client,
            services,
            lang,
            command["trigger_id"],
            user_id,
            draft=draft,
            channel_id=channel_id,
        )
        return
    tests = await running_tests(services.db, user_id)
    message = running_tests_message(lang, tests, can_run=may_run, tz=services.settings.tz)
    if word:
        message["blocks"].insert(0, text_message(t(lang, "test.unknown_word"))["blocks"][0])
    await respond(response_type="ephemeral", **message)


async def summary_command(rest: str, respond: AsyncRespond, services: Services, lang: str) -> None:
    """A tool's evaluation; without a tool, the tools that have results to choose from; a
    name the catalogue does not know, the closest names."""
    if not rest:
        found = await tools_with_results(services.db)
        await respond(response_type="ephemeral", **summary_choices_message(lang, found))
        return
    tool = await find_tool(services.db, rest)
    if tool is None:
        close = await closest_tool_names(services.db, rest, limit=3)
        text = t(lang, "test.which_tool", close=escape(", ".join(close)) or "–")
        await respond(response_type="ephemeral", **text_message(text))
        return
    summary = await tool_summary(services.db, tool.id, clock=services.clock)
    await respond(response_type="ephemeral", **summary_message(lang, summary, services.settings.tz))
