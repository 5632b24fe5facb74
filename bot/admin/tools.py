"""`tovholder tools list | status [--yes] | decide | history`: the tool catalogue from a shell.

The coordinator keeps the shared system landscape: moves a tool along its lifecycle after an
evaluation, and records what leadership decided (the article's third advice: keep the
decisions made). Every step is stored with who and when, and `/tool-guide` shows the status
and the latest decision at once.
"""

from __future__ import annotations

import argparse
from typing import Any

from bot.admin.context import AdminContext
from bot.domain.actors import CLI
from bot.domain.dates import BadDate, parse_day
from bot.domain.guides import DECISIONS, NEXT_STATUSES, TOOL_STATUSES, Tool
from bot.i18n import either, t
from bot.services.guides import (
    StatusRefused,
    find_tool,
    latest_decision,
    list_tools,
    record_decision,
    set_tool_status,
    status_history,
    tool_decisions,
)
from bot.services.privacy import NOT_SAVED_KEY, ContainsCpr
from bot.services.search import closest_tool_names
from bot.services.tool_guide import people_names
from bot.services.tool_tests import recommending_unheard

EXIT_REFUSED = 1
NOTE_MAX = 1000


def register(verbs: Any) -> None:
    group = verbs.add_parser("tools", help="the tool catalogue: lifecycle and decisions")
    actions = group.add_subparsers(dest="tools_verb", required=True)
    actions.add_parser("list", help="every tool, recommended first").set_defaults(
        handler=list_command
    )
    status = actions.add_parser("status", help="move a tool one step in its lifecycle")
    status.add_argument("tool")
    status.add_argument("status", help=", ".join(TOOL_STATUSES))
    status.add_argument(
        "--yes",
        action="store_true",
        help="recommend a tool that has no test results yet (it starts a spreading round)",
    )
    status.set_defaults(handler=status_command)
    decide = actions.add_parser("decide", help="record a leadership decision on a tool")
    decide.add_argument("tool")
    decide.add_argument("decision", help=", ".join(DECISIONS))
    decide.add_argument(
        "--date",
        help="the day leadership decided: 24.11.2026, 24/11, 24-11-2026 or 2026-11-24"
        " (default today)",
    )
    decide.add_argument("--note", default="", help=f"at most {NOTE_MAX} characters")
    decide.set_defaults(handler=decide_command)
    history = actions.add_parser("history", help="a tool's lifecycle steps and decisions")
    history.add_argument("tool")
    history.set_defaults(handler=history_command)


async def _tool(ctx: AdminContext, name: str) -> Tool | None:
    """The tool by name or alias; otherwise says so, with names that look alike."""
    tool = await find_tool(ctx.db, name.strip())
    if tool is None:
        close = await closest_tool_names(ctx.db, name, limit=3)
        ctx.complain(t(ctx.lang, "tools.unknown", name=name, close=", ".join(close) or "–"))
    return tool


async def list_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    tools = await list_tools(ctx.db)
    if not tools:
        ctx.say(t(ctx.lang, "tools.empty"))
    for tool in tools:
        decision = await latest_decision(ctx.db, tool.id)
        latest = f"{decision.decision} {decision.decided_on}" if decision else "–"
        ctx.say(f"{tool.name}\t{tool.status}\t{tool.category or '–'}\t{latest}")
    return 0


async def status_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    if args.status not in TOOL_STATUSES:
        ctx.complain(
            t(ctx.lang, "tools.bad_status", status=args.status, allowed=", ".join(TOOL_STATUSES))
        )
        return EXIT_REFUSED
    tool = await _tool(ctx, args.tool)
    if tool is None:
        return EXIT_REFUSED
    if not args.yes and await recommending_unheard(ctx.db, tool, args.status):
        ctx.complain(t(ctx.lang, "spreading.cli.confirm_recommend", tool=tool.name))
        return EXIT_REFUSED
    try:
        changed = await set_tool_status(ctx.db, ctx.clock, tool.id, args.status, changed_by=CLI)
    except StatusRefused as refused:
        allowed = either(ctx.lang, list(NEXT_STATUSES[refused.from_status]))
        ctx.complain(
            t(
                ctx.lang,
                "tools.step_refused",
                tool=tool.name,
                current=refused.from_status,
                status=args.status,
                allowed=allowed,
            )
        )
        return EXIT_REFUSED
    key = "tools.status_changed" if changed else "tools.status_unchanged"
    ctx.say(t(ctx.lang, key, tool=tool.name, status=args.status))
    return 0


async def decide_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    if args.decision not in DECISIONS:
        ctx.complain(
            t(ctx.lang, "tools.bad_decision", decision=args.decision, allowed=", ".join(DECISIONS))
        )
        return EXIT_REFUSED
    today = ctx.clock.now().astimezone(ctx.clock.tz).date()
    try:
        decided_on = parse_day(args.date, today) if args.date else today
    except BadDate:
        ctx.complain(t(ctx.lang, "tools.bad_date", value=args.date))
        return EXIT_REFUSED
    if len(args.note) > NOTE_MAX:
        ctx.complain(t(ctx.lang, "tools.note_too_long", limit=NOTE_MAX, length=len(args.note)))
        return EXIT_REFUSED
    tool = await _tool(ctx, args.tool)
    if tool is None:
        return EXIT_REFUSED
    try:
        decision = await record_decision(
            ctx.db, ctx.clock, tool.id, args.decision, decided_on, args.note, recorded_by=CLI
        )
    except ContainsCpr as cpr:  # the note is refused whole: nothing was recorded
        ctx.complain(t(ctx.lang, NOT_SAVED_KEY, **cpr.params))
        return EXIT_REFUSED
    ctx.say(
        t(ctx.lang, "tools.decided", tool=tool.name, decision=decision.decision, day=decided_on)
    )
    return 0


async def history_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    tool = await _tool(ctx, args.tool)
    if tool is None:
        return EXIT_REFUSED
    ctx.say(f"{tool.name}: {tool.status}")
    changes = await status_history(ctx.db, tool.id)
    names = await people_names(ctx.db, (c.changed_by for c in changes if c.changed_by))
    for change in changes:
        before = change.from_status or "–"
        # Who: the person's name, "cli" for the command line, "–" for someone gone.
        who = CLI if change.via == CLI else names.get(change.changed_by or 0, "–")
        ctx.say(f"{change.changed_at}\t{before} -> {change.to_status}\t{who}")
    for decision in reversed(await tool_decisions(ctx.db, tool.id)):
        ctx.say(f"{decision.decided_on}\t{decision.decision}\t{decision.note}")
    return 0
