"""`tovholder db migrate` and `tovholder db backup FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.admin.context import AdminContext
from bot.i18n import t


def register(verbs: Any) -> None:
    db = verbs.add_parser("db", help="database upkeep").add_subparsers(
        dest="db_verb", required=True
    )
    db.add_parser("migrate", help="apply missing migrations").set_defaults(handler=migrate)
    backup = db.add_parser("backup", help="consistent copy of the database, also while running")
    backup.add_argument("file", type=Path)
    backup.set_defaults(handler=backup_db)


async def migrate(args: argparse.Namespace, ctx: AdminContext) -> int:
    """Every admin command migrates first; this one reports what that applied."""
    if ctx.applied:
        ctx.say(t(ctx.lang, "cli.migrated", names=", ".join(ctx.applied)))
    else:
        ctx.say(t(ctx.lang, "cli.up_to_date"))
    return 0


async def backup_db(args: argparse.Namespace, ctx: AdminContext) -> int:
    await ctx.db.backup(args.file)
    ctx.say(t(ctx.lang, "cli.backup_done", path=args.file))
    return 0
