"""`/tovholder pulse [area] [period]` — the pulse privately, in the reader's scope;
`/tovholder pulse export [period] [md|csv|json]` — the same as a file, by DM."""

from __future__ import annotations

from bot.domain.pulse import BadPeriod
from bot.i18n import t
from bot.services import pulse
from bot.services.network import snapshot
from bot.views.dates import period_name
from bot.views.help import text_message
from bot.views.pulse import pulse_message
from bot.views.pulse_files import pulse_file
from bot.views.text import literal
from handlers.commands.dispatch import CommandCall


async def pulse_command(call: CommandCall) -> None:
    """Called after the ack, with the words after `pulse`."""
    text, services, lang = call.rest, call.services, call.lang
    person = call.person
    try:
        request = pulse.read_request(text, services.clock)
    except BadPeriod as bad:
        message = t(lang, "pulse.bad_period", value=literal(str(bad)[:40]))
        await call.say(text_message(message))
        return
    try:
        scope = await pulse.scope_for(services.db, person)
    except pulse.NoScope:
        await call.say(text_message(t(lang, "pulse.no_scope")))
        return
    if request.area:
        snap = await snapshot(services.db)
        narrowed = pulse.narrow(scope, snap, request.area)
        if narrowed is None:
            allowed = [
                a.name for a in snap.areas if scope.kind == "network" or a.id in scope.area_ids
            ]
            message = t(
                lang,
                "pulse.unknown_area",
                area=literal(request.area[:80]),
                areas=literal(", ".join(allowed)) or "–",
            )
            await call.say(text_message(message))
            return
        scope = narrowed
    settings = services.settings
    found = await pulse.build_pulse(
        services.db, services.clock, settings.calendar, request.period, scope
    )
    if not request.export:
        decide = await pulse.decidable(services.db, person, found)
        await call.say(pulse_message(lang, found, settings.tz, decide=decide))
        return
    content = pulse_file(request.format, lang, found, settings.tz)
    await services.messenger.upload_file(
        person,
        content,
        f"puls-{found.period.label}.{request.format}",
        t(lang, "pulse.file_title", period=period_name(lang, found.period)),
    )
    named = period_name(lang, found.period)
    kind = t(lang, f"pulse.file_kind.{request.format}")
    sent = t(lang, "pulse.export_sent", period=named, file=kind)
    await call.say(text_message(sent))
