"""`/tovholder` — help, network and settings; each capability adds its sub-command here."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Services
from bot.services.help import is_help_request
from bot.services.network import network_for
from bot.services.permissions import Action, person_can
from bot.views.help import help_message
from bot.views.network import network_message
from handlers.commands.gdpr import GDPR_WORDS, gdpr_command, is_my_data, my_data_command
from handlers.commands.pulse import pulse_command
from handlers.slack_text import slack_text
from handlers.views.my_settings import open_my_settings
from handlers.views.settings import open_settings

NETWORK_WORDS = frozenset({"network", "netværk", "netvaerk"})
SETTINGS_WORDS = frozenset({"settings", "indstillinger"})
PULSE_WORDS = frozenset({"pulse", "puls"})
#: `/tovholder settings mine`: a coordinator's own settings (everyone else gets only those).
PERSONAL_WORDS = frozenset({"mine", "min", "my", "me", "mig"})


async def tovholder_command(
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """An unknown sub-command gets the help, naming what was not understood."""
    text = slack_text(command.get("text")).strip()
    word, _, rest = text.partition(" ")
    if word.lower() in SETTINGS_WORDS:
        user_id = str(command["user_id"])
        own = rest.strip().lower() in PERSONAL_WORDS
        if own or not await person_can(services.db, user_id, Action.MANAGE_SETTINGS):
            await open_my_settings(
                client, services, lang, command["trigger_id"], user_id, command.get("channel_id")
            )
            return
        await open_settings(command, client, services, lang)
        return
    if word.lower() in PULSE_WORDS:
        await pulse_command(rest, command, respond, client, services, lang)
        return
    if is_my_data(text):
        await my_data_command(command, respond, client, services, lang)
        return
    if word.lower() in GDPR_WORDS:
        await gdpr_command(rest, command, respond, client, services, lang)
        return
    if word.lower() in NETWORK_WORDS:
        answer = await network_for(services.db, str(command["user_id"]), rest)
        await respond(response_type="ephemeral", **network_message(lang, answer))
        return
    unknown = text if text and not is_help_request(word) else None
    await respond(response_type="ephemeral", **help_message(lang, unknown=unknown))
