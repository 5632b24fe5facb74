"""`tovholder gdpr erase EMAIL [--yes]`, `tovholder gdpr log`, `tovholder gdpr access EMAIL
[--output FILE]` and `tovholder gdpr retention`: personal data from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.admin.context import AdminContext
from bot.admin.export import write_private, write_utf8
from bot.i18n import t
from bot.services import gdpr
from bot.views.dates import local_day
from bot.views.gdpr import detail_text, log_line, plan_lines, who_text

EXIT_UNKNOWN = 1


def register(verbs: Any) -> None:
    group = verbs.add_parser("gdpr", help="personal data: erasure, access, retention, the log")
    actions = group.add_subparsers(dest="gdpr_verb", required=True)
    erase = actions.add_parser(
        "erase", help="erase a person's data (a dry run without --yes; logged)"
    )
    erase.add_argument("email")
    erase.add_argument("--yes", action="store_true", help="erase (without it: only show)")
    erase.set_defaults(handler=erase_person)
    access = actions.add_parser("access", help="everything held about a person, as JSON")
    access.add_argument("email")
    access.add_argument("--output", type=Path, help="write to FILE instead of standard output")
    access.set_defaults(handler=access_person)
    actions.add_parser("log", help="every access, erasure and retention run").set_defaults(
        handler=show_log
    )
    actions.add_parser(
        "retention", help="anonymise what is older than retention_months now"
    ).set_defaults(handler=run_retention)


async def erase_person(args: argparse.Namespace, ctx: AdminContext) -> int:
    """Without `--yes`: what would be erased, and exit 0 having changed nothing. An e-mail
    nobody has: exit 1 — unless it was erased before (then 0: nothing is left; the log
    holds the e-mail's salted hash, so naming the e-mail finds the erasure)."""
    target = gdpr.Target("email", args.email.strip().lower())
    who = await gdpr.identity_for(ctx.db, target)
    plan = await gdpr.plan_erasure(ctx.db, who)
    if plan.empty:
        earlier = await gdpr.last_erasure(ctx.db, target.value)
        if earlier is not None:
            day = local_day(ctx.lang, earlier.at, ctx.settings.tz)
            ctx.say(t(ctx.lang, "gdpr.cli_already", email=target.value, at=day))
            return 0
        ctx.complain(t(ctx.lang, "gdpr.cli_unknown", email=args.email))
        return EXIT_UNKNOWN
    name = who_text(who, mention=False)
    if not args.yes:
        ctx.say(t(ctx.lang, "gdpr.cli_plan", who=name))
        for line in plan_lines(ctx.lang, plan):
            ctx.say(f"  {line}")
        ctx.say(t(ctx.lang, "gdpr.cli_dry_run"))
        return 0
    done = await gdpr.erase(ctx.db, ctx.clock, who, by=gdpr.CLI)
    for line in plan_lines(ctx.lang, done):
        ctx.say(f"  {line}")
    ctx.say(t(ctx.lang, "gdpr.cli_done", who=name, count=done.total))
    ctx.say(t(ctx.lang, "gdpr.erased_detail"))
    return 0


async def access_person(args: argparse.Namespace, ctx: AdminContext) -> int:
    """An access request that came by e-mail or letter; logged like `/tovholder my-data`."""
    document = await gdpr.data_by_email(ctx.db, ctx.clock, args.email)
    if document is None:
        ctx.complain(t(ctx.lang, "gdpr.cli_access_unknown", email=args.email))
        return EXIT_UNKNOWN
    await gdpr.record_access(ctx.db, ctx.clock, document, by=gdpr.CLI)
    text = gdpr.to_json(document)
    if args.output is None:
        write_utf8(ctx, text)
        return 0
    try:
        write_private(args.output, text.encode("utf-8"))
    except OSError:
        ctx.complain(t(ctx.lang, "export.cannot_write", file=args.output))
        return EXIT_UNKNOWN
    ctx.say(t(ctx.lang, "export.done", file=args.output))
    return 0


async def show_log(args: argparse.Namespace, ctx: AdminContext) -> int:
    """Oldest first, one line each; nothing when the log is empty (exit 0)."""
    entries = await gdpr.log_entries(ctx.db)
    if not entries:
        ctx.say(t(ctx.lang, "gdpr.log_empty"))
    names = await gdpr.log_names(ctx.db, entries)
    for entry in reversed(entries):
        ctx.say(log_line(ctx.lang, entry, ctx.settings.tz, names))
    return 0


async def run_retention(args: argparse.Namespace, ctx: AdminContext) -> int:
    run = await gdpr.apply_retention(ctx.db, ctx.clock)
    cutoff = run.cutoff[:10]
    if not run.counts:
        ctx.say(t(ctx.lang, "gdpr.cli_retention_nothing", months=run.months, cutoff=cutoff))
        return 0
    stored = ", ".join(f"{table}={n}" for table, n in run.counts.items())
    detail = detail_text(ctx.lang, "retention", stored)
    ctx.say(t(ctx.lang, "gdpr.cli_retention", months=run.months, cutoff=cutoff, detail=detail))
    return 0


async def erase_again_after_import(ctx: AdminContext) -> None:
    """After an import (an old organisation file, guides from an old export): whoever it
    brought back from the erasure list is erased again at once, and the operator told."""
    plans = await gdpr.reapply_erasures(ctx.db, ctx.clock)
    if plans:
        ctx.say(t(ctx.lang, "gdpr.cli_erased_again", count=len(plans)))
