"""`/tool-guide [words | new <tool>]`: browse, search, or write a new guide."""

from __future__ import annotations

from bot.errors import NotAllowed
from bot.services.permissions import Action
from bot.services.tool_guide import NewGuideRequest, answer
from handlers.actions.guides import answer_message
from handlers.commands.dispatch import CommandCall
from handlers.views.guide_editor import open_editor


async def tool_guide_command(call: CommandCall) -> None:
    services = call.services
    found = await answer(services.db, call.person, call.text)
    if isinstance(found, NewGuideRequest):
        if not found.allowed:
            raise NotAllowed(Action.WRITE_GUIDES)
        await open_editor(call.reply, call.lang, tool=found.tool, channel_id=call.channel_id)
        return
    await call.say(answer_message(call.lang, found, services))
