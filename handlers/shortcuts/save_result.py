"""The message shortcut "Gem som testresultat": any message, made a result in the modal."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.runtime import Services
from bot.services import trial_channel
from bot.services.permissions import Action, requires
from bot.services.privacy import ensure_no_cpr
from handlers.slack_text import slack_text
from handlers.views.tool_tests import open_result

CALLBACK_ID = "save_as_result"


@requires(Action.RUN_TOOL_TESTS)
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
    message = shortcut.get("message") or {}
    channel = str((shortcut.get("channel") or {}).get("id") or "")
    ts = str(message.get("ts") or "")
    text = slack_text(message.get("text"))
    ensure_no_cpr(text=text)  # never stored, nor put into a modal
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
