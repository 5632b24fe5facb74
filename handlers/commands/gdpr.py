"""`/tovholder my-data` — everything the bot holds about the asker, as a JSON file by DM;
`/tovholder gdpr erase @person` and `/tovholder gdpr log` — for coordinators (the entry
requires it: `bot.services.commands`)."""

from __future__ import annotations

from bot.i18n import t
from bot.services import gdpr
from bot.views.blocks import shorten
from bot.views.dates import local_day
from bot.views.gdpr import LOG_SHOWN, erase_modal, log_message, my_data_summary, who_text
from bot.views.help import text_message
from bot.views.text import literal
from handlers.commands.dispatch import CommandCall

TARGET_SHOWN = 80


async def my_data_command(call: CommandCall) -> None:
    """Called after the ack. The file goes to the asker's DM with a short summary in words
    beside it; the access is logged."""
    services, lang, person = call.services, call.lang, call.person
    document = await gdpr.my_data(services.db, services.clock, person)
    day = services.clock.now().date().isoformat()
    await services.messenger.upload_file(
        person,
        gdpr.to_json(document),
        f"tovholder-mine-data-{day}.json",
        t(lang, "gdpr.file_title"),
        comment=my_data_summary(lang, gdpr.summary_of(document)),
    )
    await gdpr.record_access(services.db, services.clock, document, by=person)
    sent = t(lang, "gdpr.my_data_sent", count=gdpr.record_count(document))
    await call.say(text_message(sent))


async def gdpr_command(call: CommandCall) -> None:
    """Called after the ack, with the words after `gdpr`."""
    services, lang = call.services, call.lang
    verb, _, rest = call.rest.partition(" ")
    sub = call.reading.sub
    option = sub.option(verb) if sub is not None else None
    if option == "log":
        entries = await gdpr.log_entries(services.db, LOG_SHOWN)
        total = await gdpr.log_size(services.db)
        names = await gdpr.log_names(services.db, entries)
        await call.say(log_message(lang, entries, total, services.settings.tz, names))
        return
    if option != "erase":
        await call.say(text_message(t(lang, "gdpr.usage")))
        return
    target = gdpr.parse_target(rest, services.messenger.platform)
    if target is None:
        shown = literal(shorten(rest.strip(), TARGET_SHOWN)) or "–"
        await call.say(text_message(t(lang, "gdpr.bad_target", text=shown)))
        return
    try:
        plan = await gdpr.chat_erasure_plan(services.db, call.person, target)
    except gdpr.OwnErasure:
        await call.say(text_message(t(lang, "gdpr.not_yourself")))
        return
    if plan.empty:
        nothing = t(lang, "gdpr.nothing_held", who=who_text(plan.who))
        # The log holds the e-mail's hash only: naming the e-mail shows the erasure.
        earlier = (
            await gdpr.last_erasure(services.db, target.value) if target.kind == "email" else None
        )
        if earlier is not None:
            day = local_day(lang, earlier.at, services.settings.tz)
            nothing = t(lang, "gdpr.cli_already", email=literal(target.value), at=day)
        await call.say(text_message(nothing))
        return
    await call.reply.open_form(erase_modal(lang, plan, target, call.channel_id))
