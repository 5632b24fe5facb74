"""From a slash command to its handler, by the declared list (`bot.services.commands`).

The listener reads which sub-command the text names, checks the permission the entry
requires (a refusal is the guard's, like every other), and calls the handler the entry
names with one `CommandCall`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from bot.runtime import Services
from bot.services.commands import Reading, SlashCommand
from bot.services.permissions import ensure_allowed
from bot.views import model
from handlers.interactions import Command, conversation_id
from handlers.reply import Reply


@dataclass(frozen=True)
class CommandCall:
    """One command as its handler gets it: the command typed (`command`), what it names
    (`reading`: the sub-command, its word and the words after it), and how to answer."""

    command: Command
    reading: Reading
    reply: Reply
    services: Services

    @property
    def text(self) -> str:
        return self.command.text

    @property
    def lang(self) -> str:
        return self.command.lang

    @property
    def person(self) -> int:
        return self.command.person

    @property
    def rest(self) -> str:
        return self.reading.rest

    @property
    def trigger_id(self) -> str:
        return self.command.trigger

    @property
    def channel_id(self) -> str | None:
        return conversation_id(self.command.where)

    async def say(self, message: model.Message) -> None:
        """Privately, below the command."""
        await self.reply.private(message)


CommandHandler = Callable[[CommandCall], Awaitable[None]]
Listener = Callable[..., Awaitable[None]]


def listener(slash: SlashCommand, handlers: Mapping[str, CommandHandler]) -> Listener:
    """The listener for `slash`: every handler its entries name must be in `handlers`."""
    missing = {slash.handler, *(s.handler for s in slash.subs if s.handler)} - set(handlers)
    if missing:
        raise LookupError(f"{slash.command}: no handler for {sorted(missing)}")

    async def on_command(command: Command, reply: Reply, services: Services) -> None:
        reading = slash.read(command.text)
        sub = reading.sub
        needs = sub.requires if sub is not None else None
        await ensure_allowed(services.db, command.person, needs)
        name = sub.handler if sub is not None and sub.handler else slash.handler
        await handlers[name](CommandCall(command, reading, reply, services))

    on_command.__name__ = on_command.__qualname__ = f"command_{slash.command.lstrip('/')}"
    return on_command
