"""`tovholder guides search QUERY [--json] [--limit N]`: the `/tool-guide` search from a shell.

Ambassadors use it to check what superusers will find before they publish a guide, and
scripts use `--json`. No hits is not an error (exit 0): the plain form says so, with
"did you mean" tool names when any look alike; `--json` prints `[]`.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from bot.admin.context import AdminContext
from bot.i18n import either, t
from bot.services.search import SearchHit, closest_tool_names, search_guides

DEFAULT_LIMIT = 5


def _limit(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError("must be between 1 and 50")
    return value


def register_search(actions: Any) -> None:
    """Add `search` to the `guides` verb group (`actions` is its sub-parser collection)."""
    search = actions.add_parser("search", help="search guides as /tool-guide does")
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("--json", action="store_true", help="print a JSON array, best first")
    search.add_argument(
        "--limit", type=_limit, default=DEFAULT_LIMIT, help=f"1–50, default {DEFAULT_LIMIT}"
    )
    search.set_defaults(handler=search_command)


def format_line(hit: SearchHit) -> str:
    """`score  tool – title`, score right-aligned so a column of hits lines up."""
    return f"{hit.score:8.2f}  {hit.tool} – {hit.title}"


def as_json(hits: list[SearchHit]) -> str:
    return json.dumps(
        [
            {
                "tool": hit.tool,
                "title": hit.title,
                "score": hit.score,
                "guide_id": hit.guide_id,
                "tool_id": hit.tool_id,
                "slug": hit.slug,
            }
            for hit in hits
        ],
        ensure_ascii=False,
        indent=2,
    )


async def search_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    query = " ".join(args.query)
    hits = await search_guides(ctx.db, query, limit=args.limit)
    if args.json:
        ctx.say(as_json(hits))
        return 0
    for hit in hits:
        ctx.say(format_line(hit))
    if not hits:
        ctx.say(t(ctx.lang, "guides_search.none", query=query))
        names = await closest_tool_names(ctx.db, query)
        if names:
            ctx.say(t(ctx.lang, "guides_search.did_you_mean", names=either(ctx.lang, names)))
    return 0
