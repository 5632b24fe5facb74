"""Messages: a direct message to the bot gets an answer; everything else is acknowledged."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.say.async_say import AsyncSay

from bot.i18n import t
from bot.services.help import is_help_request
from bot.views.help import help_message, text_message


async def direct_message(message: dict[str, Any], say: AsyncSay, lang: str) -> None:
    if message.get("channel_type") != "im" or message.get("bot_id"):
        return
    text = str(message.get("text") or "")
    if is_help_request(text):
        await say(**help_message(lang))
    else:
        await say(**text_message(t(lang, "dm.not_understood")))


async def other_message_event() -> None:
    """Edits, deletions and joins need no answer, but an unanswered event is retried by Slack."""
