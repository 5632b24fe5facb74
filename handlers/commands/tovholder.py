"""`/tovholder` — help, network and settings; the pulse, my data and GDPR have their own
modules. The words people may type for each are declared in `bot.services.commands`."""

from __future__ import annotations

from bot.services.help import help_for, read_help
from bot.services.network import network_for
from bot.services.permissions import Action, person_can
from bot.views.help import help_message
from bot.views.network import network_message
from handlers.commands.dispatch import CommandCall
from handlers.views.my_settings import open_my_settings
from handlers.views.settings import open_settings


async def help_command(call: CommandCall) -> None:
    """An unknown sub-command gets the help, naming what was not understood. The help shows
    the asker's roles' commands; `help all` everything their roles allow."""
    text = call.text.strip()
    everything = read_help(text)
    shown = await help_for(call.services.db, call.person, everything=bool(everything))
    unknown = text if text and everything is None else None
    await call.say(help_message(call.lang, shown, unknown=unknown))


async def network_command(call: CommandCall) -> None:
    answer = await network_for(call.services.db, call.person, call.rest)
    await call.say(network_message(call.lang, answer))


async def settings_command(call: CommandCall) -> None:
    """A coordinator's `settings` are the channels and roles (their own with `mine`);
    everyone else's are their own."""
    sub = call.reading.sub
    own = sub is not None and sub.option(call.rest) == "mine"
    services = call.services
    if own or not await person_can(services.db, call.person, Action.MANAGE_SETTINGS):
        await open_my_settings(call.reply, services, call.lang, call.person, call.channel_id)
        return
    await open_settings(call.reply, services, call.lang, call.channel_id)
