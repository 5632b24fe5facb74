"""`tovholder pulse [--period P] [--format md|csv|json] [--area NAME] [--output FILE]`: the
pulse as a file for the municipal quality report (kvalitetsrapport).

For the coordinator and municipal IT, so the scope is the whole network (or one area with
`--area`). The numbers are those of the weekly digest and `/tovholder pulse` for the same
period: one `build_pulse`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.admin.context import AdminContext
from bot.admin.export import write_private, write_utf8
from bot.domain.pulse import NETWORK, BadPeriod, parse_period
from bot.i18n import t
from bot.services.network import snapshot
from bot.services.pulse import build_pulse, current_week, narrow, today
from bot.views.dates import period_name
from bot.views.pulse_files import pulse_file

EXIT_REFUSED = 1
FORMATS = ("md", "csv", "json")


def register(verbs: Any) -> None:
    command = verbs.add_parser("pulse", help="the pulse as a file for the quality report")
    command.add_argument(
        "--period",
        help="2026-W48 (week), 2026-11 (month), 2026-Q3 (quarter) or 2026 (year); also as"
        " written: 'uge 48', november, '3. kvartal', 'sidste uge', 'i år', 'last week' …",
    )
    command.add_argument("--format", choices=FORMATS, default="md", help="default: md")
    command.add_argument("--area", help="one area's pulse (default: the whole network)")
    command.add_argument("--output", type=Path, help="write the file here (default: print it)")
    command.set_defaults(handler=pulse_command)


async def pulse_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    if args.period is None:
        period = current_week(ctx.clock)
    else:
        try:
            period = parse_period(args.period, today(ctx.clock))
        except BadPeriod:
            ctx.complain(t(ctx.lang, "pulse_file.cli.bad_period", value=args.period))
            return EXIT_REFUSED
    scope = NETWORK
    if args.area is not None:
        snap = await snapshot(ctx.db)
        narrowed = narrow(NETWORK, snap, args.area)
        if narrowed is None:
            areas = ", ".join(area.name for area in snap.areas) or "–"
            ctx.complain(t(ctx.lang, "pulse_file.cli.unknown_area", name=args.area, areas=areas))
            return EXIT_REFUSED
        scope = narrowed
    found = await build_pulse(ctx.db, ctx.clock, ctx.settings.calendar, period, scope)
    text = pulse_file(args.format, ctx.lang, found, ctx.settings.tz)
    if args.output is None:
        write_utf8(ctx, text)
        return 0
    try:
        write_private(args.output, text.encode("utf-8"))
    except OSError:
        ctx.complain(t(ctx.lang, "export.cannot_write", file=args.output))
        return EXIT_REFUSED
    ctx.say(
        t(
            ctx.lang,
            "pulse_file.cli.written",
            period=period_name(ctx.lang, period),
            file=t(ctx.lang, f"pulse.file_kind.{args.format}"),
            path=args.output,
        )
    )
    return 0
