"""`tovholder org import FILE [--prune]` and `tovholder org export FILE`.

The e-mail look-up is built here from the chat platform's directory, so the import service
takes a plain function.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.admin.context import AdminContext
from bot.admin.export import write_private
from bot.admin.gdpr import erase_again_after_import
from bot.i18n import t
from bot.ports import DeliveryFailed, Directory
from bot.services.org_csv import write_org_csv
from bot.services.org_import import (
    EmailLookup,
    ImportCounts,
    ImportRefused,
    LookupFailed,
    export_rows,
    import_org,
)

EXIT_REFUSED = 1


def register(verbs: Any) -> None:
    group = verbs.add_parser("org", help="the organisation: areas, daycares, people and roles")
    actions = group.add_subparsers(dest="org_verb", required=True)
    load = actions.add_parser("import", help="load the organisation from a CSV file")
    load.add_argument("file", type=Path)
    load.add_argument("--prune", action="store_true", help="remove people not in the file")
    load.set_defaults(handler=import_file)
    save = actions.add_parser("export", help="write the organisation as a CSV file for Excel")
    save.add_argument("file", type=Path)
    save.set_defaults(handler=export_file)


def email_lookup(directory: Directory) -> EmailLookup:
    """The directory's id for an e-mail address (a deactivated account counts as not
    found: it cannot be messaged); the directory failing stops the import."""

    async def lookup(email: str) -> str | None:
        try:
            entry = await directory.find_by_email(email)
        except DeliveryFailed as failure:
            raise LookupFailed(failure.reason) from failure
        return entry.external_id if entry is not None else None

    return lookup


async def import_file(args: argparse.Namespace, ctx: AdminContext) -> int:
    lang = ctx.lang
    try:
        data = args.file.read_bytes()
    except FileNotFoundError:
        ctx.complain(t(lang, "org_import.file_missing", file=args.file))
        return EXIT_REFUSED
    except OSError:
        ctx.complain(t(lang, "org_import.file_unreadable", file=args.file))
        return EXIT_REFUSED
    lookup = email_lookup(ctx.directory) if ctx.directory is not None else None
    try:
        counts = await import_org(ctx.db, ctx.clock, data, lookup=lookup, prune=args.prune)
    except ImportRefused as refused:
        ctx.complain(t(lang, "org_import.refused", file=args.file, count=len(refused.problems)))
        for problem in refused.problems:
            reason = t(lang, problem.key, **problem.params)
            ctx.complain(t(lang, "org_import.problem", line=problem.line, reason=reason))
        return EXIT_REFUSED
    except LookupFailed as failed:
        ctx.complain(t(lang, "org_import.lookup_failed", error=failed.error))
        return EXIT_REFUSED
    for line in summary(lang, args.file, counts, pruned=args.prune):
        ctx.say(line)
    await erase_again_after_import(ctx)
    return 0


def summary(lang: str, file: Path, counts: ImportCounts, *, pruned: bool) -> list[str]:
    """What the coordinator reads after an import: one line per kind of record."""
    lines = [t(lang, "org_import.done", file=file)]
    for what, tally in (
        ("org_import.areas", counts.areas),
        ("org_import.daycares", counts.daycares),
        ("org_import.people", counts.people),
    ):
        key = (
            "org_import.tally_removed"
            if pruned and what == "org_import.people"
            else "org_import.tally"
        )
        lines.append(
            t(
                lang,
                key,
                what=t(lang, what),
                created=tally.created,
                updated=tally.updated,
                unchanged=tally.unchanged,
                removed=tally.removed,
            )
        )
    if not counts.changed:
        lines.append(t(lang, "org_import.nothing_changed"))
    return lines


async def export_file(args: argparse.Namespace, ctx: AdminContext) -> int:
    exported = await export_rows(ctx.db)
    try:
        write_private(args.file, write_org_csv(exported.rows))
    except OSError:
        ctx.complain(t(ctx.lang, "export.cannot_write", file=args.file))
        return EXIT_REFUSED
    people = sum(1 for row in exported.rows if row.name)  # place rows name nobody
    ctx.say(t(ctx.lang, "org_export.done", people=people, file=args.file))
    if exported.inexact:
        ctx.complain(t(ctx.lang, "org_export.inexact", names=", ".join(exported.inexact)))
    return 0
