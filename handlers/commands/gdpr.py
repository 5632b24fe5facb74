"""`/tovholder my-data` — everything the bot holds about the asker, as a JSON file by DM;
`/tovholder gdpr erase @person` and `/tovholder gdpr log` — for coordinators."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import t
from bot.mrkdwn import escape
from bot.runtime import Services
from bot.services import gdpr
from bot.services.command_words import GDPR, MY_DATA, sub_command
from bot.services.permissions import Action
from bot.views.blocks import shorten
from bot.views.dates import local_day
from bot.views.gdpr import LOG_SHOWN, erase_modal, log_message, my_data_summary, who_text
from bot.views.help import text_message
from handlers.replies import refusal, send_file_by_dm

TARGET_SHOWN = 80


def is_my_data(text: str) -> bool:
    return "-".join(text.casefold().split()) in MY_DATA


async def my_data_command(
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """Called after the ack. The file goes to the asker's DM with a short summary in words
    beside it; the access is logged."""
    user_id = str(command["user_id"])
    document = await gdpr.my_data(services.db, services.clock, user_id)
    day = services.clock.now().date().isoformat()
    await send_file_by_dm(
        client,
        user_id,
        gdpr.to_json(document),
        f"tovholder-mine-data-{day}.json",
        t(lang, "gdpr.file_title"),
        comment=my_data_summary(lang, gdpr.summary_of(document)),
    )
    await gdpr.record_access(services.db, services.clock, document, by=user_id)
    sent = t(lang, "gdpr.my_data_sent", count=gdpr.record_count(document))
    await respond(response_type="ephemeral", **text_message(sent))


async def gdpr_command(
    text: str,
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    services: Services,
    lang: str,
) -> None:
    """Called after the ack, with the words after `gdpr`. Coordinators only."""
    user_id = str(command["user_id"])
    if not await gdpr.may_see_log(services.db, user_id):
        refused = await refusal(services, lang, Action.MANAGE_ORGANISATION)
        await respond(response_type="ephemeral", **refused)
        return
    verb, _, rest = text.strip().partition(" ")
    sub = sub_command(GDPR, verb)
    if sub == "log":
        entries = await gdpr.log_entries(services.db, LOG_SHOWN)
        total = await gdpr.log_size(services.db)
        names = await gdpr.log_names(services.db, entries)
        message = log_message(lang, entries, total, services.settings.tz, names)
        await respond(response_type="ephemeral", **message)
        return
    if sub != "erase":
        await respond(response_type="ephemeral", **text_message(t(lang, "gdpr.usage")))
        return
    target = gdpr.parse_target(rest)
    if target is None:
        shown = escape(shorten(rest.strip(), TARGET_SHOWN)) or "–"
        await respond(
            response_type="ephemeral", **text_message(t(lang, "gdpr.bad_target", text=shown))
        )
        return
    try:
        plan = await gdpr.slack_erasure_plan(services.db, user_id, target)
    except gdpr.OwnErasure:
        await respond(response_type="ephemeral", **text_message(t(lang, "gdpr.not_yourself")))
        return
    if plan.empty:
        nothing = t(lang, "gdpr.nothing_held", who=who_text(plan.who))
        # The log holds the e-mail's hash only: naming the e-mail shows the erasure.
        earlier = (
            await gdpr.last_erasure(services.db, target.value) if target.kind == "email" else None
        )
        if earlier is not None:
            day = local_day(lang, earlier.at, services.settings.tz)
            nothing = t(lang, "gdpr.cli_already", email=escape(target.value), at=day)
        await respond(response_type="ephemeral", **text_message(nothing))
        return
    modal = erase_modal(lang, plan, target, command.get("channel_id"))
    await client.views_open(trigger_id=command["trigger_id"], view=modal)
