"""`/tovholder` — help for now; each capability adds its sub-command here."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot.services.help import is_help_request
from bot.views.help import help_message


async def tovholder_command(ack: AsyncAck, command: dict[str, Any], lang: str) -> None:
    """Answers privately in the ack itself: one round trip, nothing posted to the channel.

    An unknown sub-command gets the help, naming what was not understood.
    """
    text = str(command.get("text") or "").strip()
    unknown = text if text and not is_help_request(text.split()[0]) else None
    await ack(response_type="ephemeral", **help_message(lang, unknown=unknown))
