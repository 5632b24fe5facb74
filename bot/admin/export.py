"""`tovholder export [--output FILE]`: everything the bot holds, as JSON."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from bot.admin.context import AdminContext
from bot.i18n import t
from bot.services.export import export_document, to_json

EXIT_FAILED = 1


def register(verbs: Any) -> None:
    export = verbs.add_parser(
        "export", help="all data as one JSON document (backups, audits, GDPR access requests)"
    )
    export.add_argument("--output", type=Path, help="write to FILE instead of standard output")
    export.set_defaults(handler=export_all)


async def export_all(args: argparse.Namespace, ctx: AdminContext) -> int:
    text = to_json(await export_document(ctx.db, ctx.clock))
    if args.output is None:
        write_utf8(ctx, text)
        return 0
    try:
        write_private(args.output, text.encode("utf-8"))
    except OSError:
        ctx.complain(t(ctx.lang, "export.cannot_write", file=args.output))
        return EXIT_FAILED
    ctx.say(t(ctx.lang, "export.done", file=args.output))
    return 0


def write_utf8(ctx: AdminContext, text: str) -> None:
    """UTF-8 even when the terminal's encoding is not (a Windows console, LANG=C)."""
    binary = getattr(ctx.out, "buffer", None)
    if binary is None:
        ctx.out.write(text)
        return
    ctx.out.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()


def write_private(path: Path, data: bytes) -> None:
    """Readable by the owner only, and written whole: exports hold people's personal data,
    and nobody should find half a file after a crash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    os.replace(part, path)
