"""`/tool-test` — the asker's running tests; `start [tool]`, `result [tool]`, `summary <tool>`."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.tool_tests import ResultDraft
from bot.i18n import t
from bot.mrkdwn import escape
from bot.runtime import Services
from bot.services.guides import find_tool
from bot.services.permissions import Action, person_can
from bot.services.search import closest_tool_names
from bot.services.tool_tests import running_tests, tool_summary
from bot.views.help import text_message
from bot.views.tool_tests import running_tests_message, summary_message
from handlers.commands.trainings import WORDS as TRAINING_WORDS
from handlers.commands.trainings import training_word
from handlers.replies import refusal
from handlers.slack_text import slack_text
from handlers.views.tool_tests import open_result, open_start

START_WORDS = frozenset({"start", "ny", "new"})
RESULT_WORDS = frozenset({"result", "resultat", "post"})
SUMMARY_WORDS = frozenset({"summary", "opsummering", "evaluering", "evaluation"})


async def tool_test_command(
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    user_id = str(command["user_id"])
    word, _, rest = slack_text(command.get("text")).strip().partition(" ")
    word, rest = word.casefold(), rest.strip()
    if word in TRAINING_WORDS:
        await training_word(word, rest, command, respond, client, services, lang)
        return
    may_run = await person_can(services.db, user_id, Action.RUN_TOOL_TESTS)
    if word in SUMMARY_WORDS:
        tool = await find_tool(services.db, rest) if rest else None
        if tool is None:
            close = await closest_tool_names(services.db, rest, limit=3) if rest else []
            text = t(lang, "test.which_tool", close=escape(", ".join(close)) or "–")
            await respond(response_type="ephemeral", **text_message(text))
            return
        found = await tool_summary(services.db, tool.id, clock=services.clock)
        await respond(
            response_type="ephemeral", **summary_message(lang, found, services.settings.tz)
        )
        return
    if word in START_WORDS | RESULT_WORDS and not may_run:
        await respond(
            response_type="ephemeral", **await refusal(services, lang, Action.RUN_TOOL_TESTS)
        )
        return
    tool = await find_tool(services.db, rest) if rest else None
    channel_id = command.get("channel_id")
    if word in START_WORDS:
        await open_start(
            client,
            services,
            lang,
            command["trigger_id"],
            tool_id=tool.id if tool else None,
            channel_id=channel_id,
        )
        return
    if word in RESULT_WORDS:
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
