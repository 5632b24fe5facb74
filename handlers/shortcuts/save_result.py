"""The message shortcut "Gem som testresultat": any message, made a result in the modal."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services import trial_channel
from bot.services.permissions import Action, person_can
from bot.services.privacy import NOT_SAVED_KEY, ContainsCpr, ensure_no_cpr
from bot.views.help import text_message
from handlers.replies import refusal
from handlers.slack_text import slack_text
from handlers.views.tool_tests import open_result

CALLBACK_ID = "save_as_result"


async def save_as_result(
    shortcut: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """Opens the modal prefilled with the message text and the tool guessed from it; the
    result keeps the message's permalink. The modal opens first: the trigger lasts 3 s."""
    user_id = shortcut["user"]["id"]
    if not await person_can(services.db, user_id, Action.RUN_TOOL_TESTS):
        await respond(
            response_type="ephemeral", **await refusal(services, lang, Action.RUN_TOOL_TESTS)
        )
        return
    message = shortcut.get("message") or {}
    channel = str((shortcut.get("channel") or {}).get("id") or "")
    ts = str(message.get("ts") or "")
    text = slack_text(message.get("text"))
    try:
        ensure_no_cpr(text=text)  # never stored, nor put into a modal
    except ContainsCpr as cpr:
        await respond(
            response_type="ephemeral", **text_message(t(lang, NOT_SAVED_KEY, **cpr.params))
        )
        return
    found = await trial_channel.read(services.db, text)
    draft = await trial_channel.draft_from(
        services.db,
        found,
        found.tool.id if found.tool else 0,
        user_id,
        services.clock.now().date(),
        channel_id=channel,
        message_ts=ts,
        permalink=None,
        source="shortcut",
    )
    intro = None if found.tool else t(lang, "test.shortcut_no_tool")
    await open_result(
        client, services, lang, shortcut["trigger_id"], user_id, draft=draft, intro=intro
    )
