"""`/tool-test train [tool]` (`oplæring`: plan a training; the entry requires planning) and
`/tool-test trainings` (`oplæringer`: the person's trainings)."""

from __future__ import annotations

from bot.clock import utc_iso
from bot.services.guides import find_tool
from bot.services.trainings import my_trainings
from bot.views.trainings import list_message
from handlers.commands.dispatch import CommandCall
from handlers.views.trainings import open_plan


async def train_command(call: CommandCall) -> None:
    tool = await find_tool(call.services.db, call.rest) if call.rest else None
    await open_plan(
        call.reply,
        call.services,
        call.lang,
        call.person,
        tool_id=tool.id if tool else None,
        channel_id=call.channel_id,
    )


async def trainings_command(call: CommandCall) -> None:
    services = call.services
    mine = await my_trainings(services.db, services.clock, call.person)
    message = list_message(
        call.lang,
        mine.trainings,
        mine.kind,
        mine.answers,
        services.settings.tz,
        utc_iso(services.clock.now()),
    )
    await call.say(message)
