"""`tovholder demo seed` — the only command besides the console that writes demo data."""

from __future__ import annotations

import argparse
from typing import Any

from bot.admin.context import AdminContext
from bot.i18n import t
from bot.services.demo import seed_demo


def register(verbs: Any) -> None:
    demo = verbs.add_parser("demo", help="demo data").add_subparsers(
        dest="demo_verb", required=True
    )
    demo.add_parser("seed", help="add the demo municipality to an empty database").set_defaults(
        handler=seed
    )


async def seed(args: argparse.Namespace, ctx: AdminContext) -> int:
    counts = await seed_demo(ctx.db, ctx.clock)
    if counts is None:
        ctx.say(t(ctx.lang, "cli.not_empty"))
    else:
        ctx.say(
            t(
                ctx.lang,
                "cli.seeded",
                areas=counts.areas,
                daycares=counts.daycares,
                people=counts.people,
            )
        )
    return 0
