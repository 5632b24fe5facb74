"""`tovholder settings show` and `tovholder settings set KEY VALUE`."""

from __future__ import annotations

import argparse
from typing import Any

from bot.admin.context import AdminContext
from bot.domain.actors import CLI
from bot.i18n import t
from bot.services.workspace_settings import (
    ALL_KEYS,
    NUMBERS,
    SettingProblem,
    current,
    number,
    set_setting,
)

EXIT_REFUSED = 1


def register(verbs: Any) -> None:
    group = verbs.add_parser("settings", help="the workspace settings (channels)")
    actions = group.add_subparsers(dest="settings_verb", required=True)
    actions.add_parser("show", help="show every setting").set_defaults(handler=show)
    put = actions.add_parser("set", help=f"set one of: {', '.join(ALL_KEYS)} ('none' clears it)")
    put.add_argument("key")
    put.add_argument("value")
    put.set_defaults(handler=set_value)


async def show(args: argparse.Namespace, ctx: AdminContext) -> int:
    for key, value in (await current(ctx.db)).items():
        ctx.say(f"{key}={value or ''}")
    for key in NUMBERS:
        ctx.say(f"{key}={await number(ctx.db, key)}")
    return 0


async def set_value(args: argparse.Namespace, ctx: AdminContext) -> int:
    try:
        stored = await set_setting(ctx.db, ctx.clock, args.key, args.value, by=CLI)
    except SettingProblem as problem:
        ctx.complain(
            t(
                ctx.lang,
                problem.reason,
                key=problem.key,
                value=problem.value,
                keys=", ".join(ALL_KEYS),
            )
        )
        return EXIT_REFUSED
    ctx.say(f"{args.key}={stored or ''}")
    return 0
