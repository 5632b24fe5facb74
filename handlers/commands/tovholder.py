"""`/tovholder` — help, network, pulse, settings, my data and GDPR; the words people may type
for each are in `bot.services.command_words`."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Services
from bot.services.command_words import SETTINGS_MINE, TOVHOLDER, sub_command
from bot.services.help import help_for, read_help
from bot.services.network import network_for
from bot.services.permissions import Action, person_can
from bot.views.help import help_message
from bot.views.network import network_message
from handlers.commands.gdpr import gdpr_command, is_my_data, my_data_command
from handlers.commands.pulse import pulse_command
from handlers.slack_text import slack_text
from handlers.views.my_settings import open_my_settings
from handlers.views.settings import open_settings


async def tovholder_command(
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """An unknown sub-command gets the help, naming what was not understood. The help shows
    the asker's roles' commands; `help all` everything their roles allow."""
    text = slack_text(command.get("text")).strip()
    word, _, rest = text.partition(" ")
    user_id = str(command["user_id"])
    sub = sub_command(TOVHOLDER, word)
    if sub == "settings":
        own = rest.strip().casefold() in SETTINGS_MINE
        if own or not await person_can(services.db, user_id, Action.MANAGE_SETTINGS):
            await open_my_settings(
                client, services, lang, command["trigger_id"], user_id, command.get("channel_id")
            )
            return
        await open_settings(command, client, services, lang)
        return
    if sub == "pulse":
        await pulse_command(rest, command, respond, client, services, lang)
        return
    if is_my_data(text):
        await my_data_command(command, respond, client, services, lang)
        return
    if sub == "gdpr":
        await gdpr_command(rest, command, respond, client, services, lang)
        return
    if sub == "network":
        answer = await network_for(services.db, user_id, rest)
        await respond(response_type="ephemeral", **network_message(lang, answer))
        return
    everything = read_help(text)
    shown = await help_for(services.db, user_id, everything=bool(everything))
    unknown = text if text and everything is None else None
    await respond(response_type="ephemeral", **help_message(lang, shown, unknown=unknown))
