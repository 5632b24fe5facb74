"""`tovholder` — run the bot and the administrator's commands.

Verbs are a contract municipal IT scripts against (see the README): keep their names.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from bot.admin import db as db_verbs
from bot.admin import demo as demo_verbs
from bot.admin import export as export_verbs
from bot.admin import gdpr as gdpr_verbs
from bot.admin import guides as guides_verbs
from bot.admin import org as org_verbs
from bot.admin import pulse as pulse_verbs
from bot.admin import reminders as reminders_verbs
from bot.admin import settings as settings_verbs
from bot.admin import spreading as spreading_verbs
from bot.admin import tools as tools_verbs
from bot.admin.context import AdminContext
from bot.clock import clock_for
from bot.services.gdpr import after_migrate
from bot.settings import MODES, Mode, Settings, SettingsError, load_settings
from handlers.slack.client import web_client
from handlers.slack.directory import SlackDirectory
from handlers.slack.messenger import slack_people
from storage.db import Database
from storage.erasure_list import ErasureListUnreadable
from storage.migrations import migrate

EXIT_SETTINGS = 2
ADMIN_GROUPS = (
    db_verbs,
    demo_verbs,
    org_verbs,
    guides_verbs,
    tools_verbs,
    export_verbs,
    settings_verbs,
    reminders_verbs,
    spreading_verbs,
    pulse_verbs,
    gdpr_verbs,
)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="tovholder", description="Tovholder – the Slack bot for the ambassador network."
    )
    verbs = root.add_subparsers(dest="verb", required=True)
    run = verbs.add_parser("run", help="run the bot (Socket Mode, HTTP or the local console)")
    run.add_argument("--mode", choices=MODES, default="auto", help="default: auto")
    for group in ADMIN_GROUPS:
        group.register(verbs)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    mode: Mode = args.mode if args.verb == "run" else "console"
    try:
        settings = load_settings(mode)
    except SettingsError as error:
        print(f"tovholder: {error}", file=sys.stderr)
        return EXIT_SETTINGS
    if args.verb == "run":
        from bot.run import run

        return run(settings)
    try:
        return asyncio.run(_admin(args, settings))
    except ErasureListUnreadable as unreadable:
        print(f"tovholder: TOVHOLDER_DB: {unreadable}", file=sys.stderr)
        return EXIT_SETTINGS


async def _admin(args: argparse.Namespace, settings: Settings) -> int:
    """Admin commands work on a migrated database, with Slack when a bot token is set."""
    clock = clock_for(settings.tz, settings.fake_now)
    db = await Database.open(settings.db_path)
    try:
        applied = await migrate(db, clock)
        # A restored backup may hold people erased since: erase them again first.
        await after_migrate(db, clock, applied)
        directory = (
            SlackDirectory(web_client(settings), slack_people(db), quick=False)
            if settings.bot_token
            else None
        )
        ctx = AdminContext(settings, db, clock, directory, applied=applied)
        code: int = await args.handler(args, ctx)
        return code
    finally:
        await db.close()


if __name__ == "__main__":
    sys.exit(main())
