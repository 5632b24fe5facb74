"""`tovholder guides import PATH… [--dry-run]` and `tovholder guides export DIR`.

Reading folders and writing files happens here; checking and saving is the service's, the
same code path the demo uses. A bad file is reported with its name and writes nothing of
itself; the good ones are still imported, and the exit code is 1 if any file was bad. An
owner not (yet) in the organisation is a warning only: the guide is imported without a linked
owner, and the exit code stays 0, so guides can be loaded before the organisation.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.admin.context import AdminContext
from bot.admin.gdpr import erase_again_after_import
from bot.domain.actors import CLI
from bot.i18n import t
from bot.services.guide_files import render_guide_file
from bot.services.guides import FileOutcome, guide_drafts, import_guide_files

EXIT_BAD_FILE = 1


def register(verbs: Any) -> None:
    group = verbs.add_parser("guides", help="tool guides: Markdown files with front matter")
    actions = group.add_subparsers(dest="guides_verb", required=True)
    load = actions.add_parser("import", help="import guides from .md files or folders")
    load.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    load.add_argument("--dry-run", action="store_true", help="check the files, save nothing")
    load.set_defaults(handler=import_paths)
    save = actions.add_parser("export", help="write every guide as <slug>.md into DIR")
    save.add_argument("dir", type=Path, metavar="DIR")
    save.set_defaults(handler=export_dir)
    try:
        from bot.admin.guides_search import register_search  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # the search verb lands separately
        pass
    else:
        register_search(actions)


def markdown_files(path: Path) -> Iterator[Path]:
    """A file as given; a folder's `*.md` files at any depth, in a stable order."""
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".md")
    else:
        yield path


async def import_paths(args: argparse.Namespace, ctx: AdminContext) -> int:
    lang = ctx.lang
    files: list[tuple[str, bytes]] = []
    failed = 0
    for path in args.paths:
        if not path.exists():
            ctx.complain(t(lang, "guides.path_missing", path=path))
            failed += 1
            continue
        found = list(markdown_files(path))
        if not found:
            ctx.complain(t(lang, "guides.no_files", path=path))
            failed += 1
        for file in found:
            try:
                files.append((str(file), file.read_bytes()))
            except OSError:
                ctx.complain(t(lang, "guides.file_unreadable", file=file))
                failed += 1
    outcomes = await import_guide_files(ctx.db, ctx.clock, files, editor=CLI, dry_run=args.dry_run)
    tally = {"created": 0, "updated": 0, "unchanged": 0}
    for outcome in outcomes:
        kind = report(ctx, outcome)
        if kind is None:
            failed += 1
        else:
            tally[kind] += 1
    ctx.say(t(lang, "guides.summary", files=len(files), failed=failed, **tally))
    if args.dry_run:
        ctx.say(t(lang, "guides.dry_run"))
    else:
        await erase_again_after_import(ctx)
    return EXIT_BAD_FILE if failed else 0


def report(ctx: AdminContext, outcome: FileOutcome) -> str | None:
    """One line per file (and a warning for an owner not in the organisation); the kind of
    change it made, None when it was refused."""
    if outcome.result is None:
        for problem in outcome.problems:
            reason = t(ctx.lang, problem.key, **problem.params)
            ctx.complain(t(ctx.lang, "guides.problem", file=outcome.name, reason=reason))
        return None
    result = outcome.result
    kind = "created" if result.new_guide else "updated" if result.new_version else "unchanged"
    ctx.say(
        t(ctx.lang, f"guides.{kind}", file=outcome.name, slug=outcome.slug, version=result.version)
    )
    if result.unknown_owner:
        ctx.complain(
            t(ctx.lang, "guides.owner_unknown", file=outcome.name, email=result.unknown_owner)
        )
    return kind


async def export_dir(args: argparse.Namespace, ctx: AdminContext) -> int:
    drafts = await guide_drafts(ctx.db)
    for draft in drafts:
        target = args.dir / f"{draft.slug}.md"
        try:
            write_whole(target, render_guide_file(draft))
        except OSError:
            ctx.complain(t(ctx.lang, "guides.cannot_write", file=target))
            return EXIT_BAD_FILE
    ctx.say(t(ctx.lang, "guides.exported", count=len(drafts), dir=args.dir))
    return 0


def write_whole(path: Path, data: bytes) -> None:
    """Written whole, so nobody finds half a guide after a crash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)
