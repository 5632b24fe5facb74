"""`tovholder spreading list | status TOOL [--weeks N]`: how far recommended tools have spread.

Tab-separated, with a header line, so municipal IT can paste it into a spreadsheet; the
pulse shows the same numbers to leadership.
"""

from __future__ import annotations

import argparse
from typing import Any

from bot.admin.context import AdminContext
from bot.domain.adoption import ADOPTION_STATES
from bot.i18n import t
from bot.services import spreading
from bot.services.guides import find_tool
from bot.services.search import closest_tool_names

EXIT_REFUSED = 1
WEEKS_MAX = 104


def register(verbs: Any) -> None:
    group = verbs.add_parser("spreading", help="spreading rounds of recommended tools")
    actions = group.add_subparsers(dest="spreading_verb", required=True)
    actions.add_parser("list", help="every round, newest first").set_defaults(handler=list_rounds)
    status = actions.add_parser("status", help="a tool's adoption per area, week by week")
    status.add_argument("tool")
    status.add_argument(
        "--weeks", type=int, default=spreading.PROGRESS_WEEKS, help="1–104 (default 8)"
    )
    status.set_defaults(handler=status_command)


async def list_rounds(args: argparse.Namespace, ctx: AdminContext) -> int:
    found = await spreading.all_rounds(ctx.db)
    if not found:
        ctx.say(t(ctx.lang, "spreading.cli.none"))
        return 0
    ctx.say("tool\tstarted_at\ttrigger\tdaycares\tanswered\tended_at")
    for round_ in found:
        ctx.say(
            f"{round_.tool_name}\t{round_.started_at}\t{round_.trigger}\t{round_.targets}"
            f"\t{round_.answered}\t{round_.ended_at or '–'}"
        )
    return 0


async def status_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    if not 1 <= args.weeks <= WEEKS_MAX:
        ctx.complain(t(ctx.lang, "spreading.cli.bad_weeks", value=args.weeks, limit=WEEKS_MAX))
        return EXIT_REFUSED
    tool = await find_tool(ctx.db, args.tool.strip())
    if tool is None:
        close = await closest_tool_names(ctx.db, args.tool, limit=3)
        ctx.complain(t(ctx.lang, "tools.unknown", name=args.tool, close=", ".join(close) or "–"))
        return EXIT_REFUSED
    found = await spreading.progress(ctx.db, ctx.clock, tool.id, args.weeks)
    ctx.say("\t".join(("week_ending", "area", "daycares", *ADOPTION_STATES)))
    for point in found.points:
        for area in point.areas:
            counts = "\t".join(str(area.counts.get(state, 0)) for state in ADOPTION_STATES)
            ctx.say(f"{point.day}\t{area.area}\t{area.daycares}\t{counts}")
    for daycare, reason in found.declined:
        ctx.say(t(ctx.lang, "spreading.cli.declined", daycare=daycare, reason=reason))
    return 0
