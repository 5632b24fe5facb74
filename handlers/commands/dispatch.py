"""From a slash command to its handler, by the declared list (`bot.services.commands`).

The listener reads which sub-command the text names, checks the permission the entry
requires (a refusal is the guard's, like every other), and calls the handler the entry
names with one `CommandCall`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.ports import Message
from bot.runtime import Services
from bot.services.commands import Reading, SlashCommand
from bot.services.permissions import ensure_allowed
from bot.views import model
from handlers.slack import render
from handlers.slack.text import slack_text


@dataclass(frozen=True)
class CommandCall:
    """One command as its handler gets it: the text as typed (`text`), what it names
    (`reading`: the sub-command, its word and the words after it), and where to answer."""

    text: str
    reading: Reading
    command: dict[str, Any]
    respond: AsyncRespond
    client: AsyncWebClient
    services: Services
    lang: str

    @property
    def user_id(self) -> str:
        return str(self.command["user_id"])

    @property
    def rest(self) -> str:
        return self.reading.rest

    @property
    def trigger_id(self) -> str:
        return str(self.command["trigger_id"])

    @property
    def channel_id(self) -> str | None:
        channel = self.command.get("channel_id")
        return None if channel is None else str(channel)

    async def say(self, message: Message) -> None:
        """Privately, below the command; a neutral message is rendered here."""
        payload = render.message(message) if isinstance(message, model.Message) else message
        await self.respond(response_type="ephemeral", **payload)


CommandHandler = Callable[[CommandCall], Awaitable[None]]
Listener = Callable[..., Awaitable[None]]


def listener(slash: SlashCommand, handlers: Mapping[str, CommandHandler]) -> Listener:
    """The listener for `slash`: every handler its entries name must be in `handlers`."""
    missing = {slash.handler, *(s.handler for s in slash.subs if s.handler)} - set(handlers)
    if missing:
        raise LookupError(f"{slash.command}: no handler for {sorted(missing)}")

    async def on_command(
        command: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        services: Services,
        lang: str,
    ) -> None:
        text = slack_text(command.get("text"))
        reading = slash.read(text)
        sub = reading.sub
        needs = sub.requires if sub is not None else None
        await ensure_allowed(services.db, str(command["user_id"]), needs)
        name = sub.handler if sub is not None and sub.handler else slash.handler
        await handlers[name](CommandCall(text, reading, command, respond, client, services, lang))

    on_command.__name__ = on_command.__qualname__ = f"command_{slash.command.lstrip('/')}"
    return on_command
