"""`tovholder` — run the bot and the administrator's commands.

Verbs are a contract municipal IT scripts against (see the README): keep their names.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.clock import SystemClock
from bot.i18n import t
from bot.settings import MODES, Mode, Settings, SettingsError, load_settings

EXIT_SETTINGS = 2


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="tovholder", description="Tovholder – the Slack bot for the ambassador network."
    )
    verbs = root.add_subparsers(dest="verb", required=True)

    run = verbs.add_parser("run", help="run the bot (Socket Mode, HTTP or the local console)")
    run.add_argument("--mode", choices=MODES, default="auto", help="default: auto")

    db = verbs.add_parser("db", help="database upkeep").add_subparsers(
        dest="db_verb", required=True
    )
    db.add_parser("migrate", help="apply missing migrations")
    backup = db.add_parser("backup", help="consistent copy of the database, also while running")
    backup.add_argument("file", type=Path)

    demo = verbs.add_parser("demo", help="demo data").add_subparsers(
        dest="demo_verb", required=True
    )
    demo.add_parser("seed", help="add the demo municipality to an empty database")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    mode: Mode = args.mode if args.verb == "run" else "auto"
    try:
        settings = load_settings(mode if args.verb == "run" else "console")
    except SettingsError as error:
        print(f"tovholder: {error}", file=sys.stderr)
        return EXIT_SETTINGS
    if args.verb == "run":
        from bot.run import run

        return run(settings)
    return asyncio.run(_admin(args, settings))


async def _admin(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services.demo import seed_demo
    from storage.db import Database
    from storage.migrations import migrate

    clock = SystemClock(settings.tz)
    lang = settings.lang
    db = await Database.open(settings.db_path)
    try:
        applied = await migrate(db, clock)
        if args.verb == "db" and args.db_verb == "migrate":
            print(
                t(lang, "cli.migrated", names=", ".join(applied))
                if applied
                else t(lang, "cli.up_to_date")
            )
        elif args.verb == "db" and args.db_verb == "backup":
            await db.backup(args.file)
            print(t(lang, "cli.backup_done", path=args.file))
        elif args.verb == "demo":
            counts = await seed_demo(db, clock)
            if counts is None:
                print(t(lang, "cli.not_empty"))
            else:
                print(
                    t(
                        lang,
                        "cli.seeded",
                        areas=counts.areas,
                        daycares=counts.daycares,
                        people=counts.people,
                    )
                )
    finally:
        await db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
