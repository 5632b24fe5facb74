"""Rules for the tool catalogue and its guides, for the CLI, the Slack handlers and the demo.

Every edit of a guide is a new version with who and when, and saving what the guide already
says makes none, so importing the same files twice changes nothing. A guide keeps its owner's
e-mail even while nobody in the organisation has it, and shows that person once they are
imported, so guides may be imported before the organisation. A tool's lifecycle moves only
along `NEXT_STATUSES`, and every step is recorded. Reads that combine several tables run in
one transaction, so a guide, its version and its tool always match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import aiosqlite

from bot.clock import Clock, utc_iso
from bot.domain.actors import Actor, person_and_via
from bot.domain.guides import (
    NEXT_STATUSES,
    Decision,
    DecisionKind,
    Guide,
    GuideDetail,
    GuideDraft,
    GuideSummary,
    GuideVersion,
    SaveResult,
    StatusChange,
    Tool,
    ToolStatus,
)
from bot.domain.org import Person
from bot.errors import FormRefused
from bot.services import spreading
from bot.services.guide_files import FileProblem, GuideFileError, parse_guide_file
from bot.services.network import snapshot
from bot.services.permissions import Action, can
from bot.services.privacy import IMPORT_KEY, cpr_in, ensure_no_cpr
from storage.db import Database
from storage.repositories import guides as guides_repo
from storage.repositories import tools as tools_repo


class StatusRefused(Exception):
    """The lifecycle does not go from the tool's status to the one asked for."""

    def __init__(self, from_status: ToolStatus, to_status: ToolStatus) -> None:
        super().__init__(f"{from_status} -> {to_status}")
        self.from_status = from_status
        self.to_status = to_status


class _DryRun(Exception):
    """Raised at the end of a dry run to roll every write back."""


# -- writing guides -----------------------------------------------------------------------


def draft_texts(draft: GuideDraft) -> dict[str, str | None]:
    """Every text of a guide a person wrote, by the editor's field names (for the CPR guard)."""
    return {
        "tool": draft.tool,
        "title": draft.content.title,
        "purpose": draft.content.purpose,
        "body": draft.content.body,
        "category": draft.category,
        "aliases": "\n".join(draft.aliases),
        "tags": "\n".join(draft.content.tags),
    }


async def save_guide(
    db: Database, clock: Clock, draft: GuideDraft, *, editor: Actor | None
) -> SaveResult:
    """Create or update the guide `draft.slug`; `new_version` says whether content changed.
    `editor`: the person who wrote it, or `CLI` for a file imported on the command line.
    Raises ContainsCpr, writing nothing, when a text of the guide holds a CPR number."""
    ensure_no_cpr(**draft_texts(draft))
    async with db.transaction() as conn:
        return await _save(conn, draft, editor, utc_iso(clock.now()))


async def _save(
    conn: aiosqlite.Connection, draft: GuideDraft, editor: Actor | None, now: str
) -> SaveResult:
    # The owner is kept as named even when nobody has that e-mail yet (guides imported before
    # the organisation); `owner_id` links the person when there is one.
    owner_email = draft.owner_email.lower() if draft.owner_email else None
    owner_id = await guides_repo.person_id_by_email(conn, owner_email) if owner_email else None
    unknown_owner = owner_email if owner_id is None else None
    tool = await tools_repo.find_tool(conn, draft.tool)
    if tool is None:
        tool_id = await tools_repo.insert_tool(conn, draft.tool, draft.category, editor, now)
        known = {draft.tool.casefold()}
    else:
        tool_id = tool.id
        if draft.category and draft.category != tool.category:
            await tools_repo.set_category(conn, tool_id, draft.category, now)
        known = {tool.name.casefold(), *(alias.casefold() for alias in tool.aliases)}
    if draft.tool.casefold() not in known:  # the file named the tool by an alias
        known.add(draft.tool.casefold())
    await tools_repo.add_aliases(
        conn, tool_id, [a for a in draft.aliases if a.casefold() not in known], now
    )
    content = draft.content.normalised()
    guide = await guides_repo.guide_by_slug(conn, draft.slug)
    if guide is None:
        guide_id = await guides_repo.insert_guide(
            conn, tool_id, draft.slug, owner_id, owner_email, draft.verify_days, now
        )
        await guides_repo.insert_version(conn, guide_id, 1, content, editor, now)
        return SaveResult(
            guide_id,
            1,
            new_guide=True,
            new_version=True,
            new_tool=tool is None,
            unknown_owner=unknown_owner,
        )
    current = (await guides_repo.versions(conn, guide.id, guide.current_version))[0]
    new_version = current.content != content
    version = guide.current_version + 1 if new_version else guide.current_version
    if new_version:
        await guides_repo.insert_version(conn, guide.id, version, content, editor, now)
    if new_version or (tool_id, owner_id, owner_email, draft.verify_days) != (
        guide.tool_id,
        guide.owner_id,
        guide.owner_email,
        guide.verify_days,
    ):
        await guides_repo.update_guide(
            conn,
            guide.id,
            tool_id=tool_id,
            current_version=version,
            owner_id=owner_id,
            owner_email=owner_email,
            verify_days=draft.verify_days,
            verified_at=now if new_version else guide.verified_at,  # an edit is a check
            now=now,
        )
    return SaveResult(
        guide.id, version, False, new_version, new_tool=tool is None, unknown_owner=unknown_owner
    )


@dataclass(frozen=True)
class FileOutcome:
    """One file of an import: saved (`result`, whose `unknown_owner` is a warning) or refused
    (`problems`, nothing written)."""

    name: str
    slug: str | None = None
    result: SaveResult | None = None
    problems: tuple[FileProblem, ...] = ()


async def import_guide_files(
    db: Database,
    clock: Clock,
    files: Sequence[tuple[str, bytes]],
    *,
    editor: Actor | None,
    dry_run: bool = False,
) -> list[FileOutcome]:
    """Import (name, bytes) pairs in one transaction. Every file is checked whole before
    anything is written, so a bad file writes nothing of itself; the good files are kept,
    and a dry run keeps none. A file with a CPR number in it is refused (masked)."""
    outcomes: list[FileOutcome] = []
    drafts: list[tuple[str, GuideDraft]] = []
    seen: dict[str, str] = {}
    for name, data in files:
        try:
            draft = parse_guide_file(name, data)
        except GuideFileError as error:
            outcomes.append(FileOutcome(name, problems=error.problems))
            continue
        cpr = cpr_in(**draft_texts(draft))
        if cpr:
            masked = ", ".join(dict.fromkeys(number for found in cpr.values() for number in found))
            outcomes.append(
                FileOutcome(name, problems=(FileProblem(IMPORT_KEY, {"masked": masked}),))
            )
            continue
        if draft.slug in seen:
            problem = FileProblem(
                "guide_file.duplicate_slug", {"slug": draft.slug, "other": seen[draft.slug]}
            )
            outcomes.append(FileOutcome(name, problems=(problem,)))
            continue
        seen[draft.slug] = name
        drafts.append((name, draft))
    now = utc_iso(clock.now())
    saved: list[FileOutcome] = []
    try:
        async with db.transaction() as conn:
            for name, draft in drafts:
                result = await _save(conn, draft, editor, now)
                saved.append(FileOutcome(name, draft.slug, result=result))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    order = {name: index for index, (name, _) in enumerate(files)}
    return sorted([*outcomes, *saved], key=lambda outcome: order[outcome.name])


# -- reading guides -----------------------------------------------------------------------


async def get_guide(db: Database, slug: str) -> GuideDetail | None:
    async with db.transaction() as conn:
        guide = await guides_repo.guide_by_slug(conn, slug)
        return await _detail(conn, guide) if guide else None


async def get_guide_by_id(db: Database, guide_id: int) -> GuideDetail | None:
    async with db.transaction() as conn:
        guide = await guides_repo.guide_by_id(conn, guide_id)
        return await _detail(conn, guide) if guide else None


async def _detail(conn: aiosqlite.Connection, guide: Guide) -> GuideDetail:
    current = (await guides_repo.versions(conn, guide.id, guide.current_version))[0]
    tool = await tools_repo.tool_by_id(conn, guide.tool_id)
    assert tool is not None  # guides.tool_id is a foreign key
    owner = await guides_repo.owner_of(conn, guide)
    name, email = owner if owner else (None, guide.owner_email)
    return GuideDetail(guide, current, tool, owner_name=name, owner_email=email)


async def guide_history(db: Database, slug: str) -> list[GuideVersion]:
    """Every version, newest first, each with who edited it and when."""
    async with db.transaction() as conn:
        guide = await guides_repo.guide_by_slug(conn, slug)
        return await guides_repo.versions(conn, guide.id) if guide else []


async def browse_guides(
    db: Database,
    *,
    category: str | None = None,
    theme: str | None = None,
    age_group: str | None = None,
) -> list[GuideSummary]:
    """Guides by category, curriculum theme or age group; recommended tools first."""
    return await guides_repo.browse(db, category=category, theme=theme, age_group=age_group)


async def guide_drafts(db: Database) -> list[GuideDraft]:
    """Every guide as its file says it, by slug: what `tovholder guides export` writes.

    The owner is the stored e-mail, known in the organisation or not, so export → import
    into an empty database → export gives the same files.
    """
    drafts: list[GuideDraft] = []
    async with db.transaction() as conn:
        async with conn.execute("SELECT slug FROM guides ORDER BY slug") as cursor:
            slugs = [row["slug"] for row in await cursor.fetchall()]
        for slug in slugs:
            guide = await guides_repo.guide_by_slug(conn, slug)
            assert guide is not None
            current = (await guides_repo.versions(conn, guide.id, guide.current_version))[0]
            tool = await tools_repo.tool_by_id(conn, guide.tool_id)
            assert tool is not None
            drafts.append(
                GuideDraft(
                    slug=guide.slug,
                    tool=tool.name,
                    content=current.content,
                    aliases=tool.aliases,
                    category=tool.category,
                    owner_email=guide.owner_email,
                    verify_days=guide.verify_days,
                )
            )
    return drafts


@dataclass(frozen=True)
class Helpful:
    """The count after a "Den hjalp" click, and whether this click added to it: a second
    click by the same person is told they said so already, not thanked again."""

    count: int
    counted: bool


async def mark_helpful(db: Database, clock: Clock, guide_id: int, person_id: int) -> Helpful | None:
    """A reader found the guide helpful (counted once per person); None: no such guide."""
    marked = await guides_repo.add_helpful(db, guide_id, person_id, utc_iso(clock.now()))
    return Helpful(*marked) if marked else None


async def mark_verified(db: Database, clock: Clock, guide_id: int) -> bool:
    """The owner checked the guide still holds; False when there is no such guide."""
    return await guides_repo.set_verified(db, guide_id, utc_iso(clock.now()))


class HandOverRefused(FormRefused):
    """`reason` is a catalogue key: the giver may not, or the receiver cannot own guides
    (shown at the hand-over form's `owner` field)."""

    def __init__(self, reason: str) -> None:
        super().__init__({"owner": (reason, {})})
        self.reason = reason


async def hand_over(
    db: Database, clock: Clock, guide_id: int, *, by: int, to: int | None
) -> tuple[GuideDetail, Person]:
    """The owner (or the coordinator) gives a guide to another ambassador, who keeps it true
    from now on and gets its verification nudges."""
    snap = await snapshot(db)
    giver = snap.person(by)
    receiver = snap.person(to)
    detail = await get_guide_by_id(db, guide_id)
    if detail is None:
        raise HandOverRefused("guide.gone")
    owns = giver is not None and detail.guide.owner_id == giver.id
    if giver is None or not (owns or giver.has_role("coordinator")):
        raise HandOverRefused("nudge.hand_over_not_yours")
    if receiver is None or not can(receiver, Action.WRITE_GUIDES):
        raise HandOverRefused("nudge.hand_over_not_ambassador")
    await guides_repo.set_owner(db, guide_id, receiver.id, receiver.email, utc_iso(clock.now()))
    updated = await get_guide_by_id(db, guide_id)
    assert updated is not None
    return updated, receiver


# -- the tool catalogue -------------------------------------------------------------------


async def find_tool(db: Database, name: str) -> Tool | None:
    async with db.transaction() as conn:
        return await tools_repo.find_tool(conn, name)


async def list_tools(db: Database, *, category: str | None = None) -> list[Tool]:
    """The catalogue; recommended first, retired last."""
    return await tools_repo.list_tools(db, category=category)


async def set_tool_status(
    db: Database,
    clock: Clock,
    tool_id: int,
    status: ToolStatus,
    *,
    changed_by: Actor | None,
    spread: bool = True,
) -> bool:
    """Move the tool one lifecycle step; False when it already has `status`. Becoming
    "recommended" starts a spreading round (`spread=False`: history being replayed, as the
    demo's, that must not message anyone); leaving it ends the open one.

    Raises `StatusRefused` for a step the lifecycle does not allow, and LookupError when
    the tool does not exist.
    """
    now = utc_iso(clock.now())
    weeks = await spreading.follow_up_weeks(db)
    async with db.transaction() as conn:
        tool = await tools_repo.tool_by_id(conn, tool_id)
        if tool is None:
            raise LookupError(tool_id)
        if tool.status == status:
            return False
        if status not in NEXT_STATUSES[tool.status]:
            raise StatusRefused(tool.status, status)
        return await spreading.set_status_in(
            conn, tool_id, tool.status, status, changed_by, now, weeks=weeks, spread=spread
        )


async def status_history(db: Database, tool_id: int) -> list[StatusChange]:
    """Oldest first, from the proposal on."""
    return await tools_repo.status_changes(db, tool_id)


async def record_decision(
    db: Database,
    clock: Clock,
    tool_id: int,
    decision: DecisionKind,
    decided_on: date,
    note: str = "",
    *,
    recorded_by: Actor | None,
    spread: bool = True,
) -> Decision:
    """Keep a leadership decision (advice 3 of the KL article: keep the decisions made).
    "to_be_spread" starts a spreading round (one per tool at a time; not with `spread=False`,
    as for `set_tool_status`); "stopped" ends it. Raises ContainsCpr (nothing written) for a
    note with a CPR number."""
    ensure_no_cpr(note=note)
    now = utc_iso(clock.now())
    weeks = await spreading.follow_up_weeks(db)
    person, via = person_and_via(recorded_by)
    async with db.transaction() as conn:
        decision_id = await tools_repo.insert_decision(
            conn, tool_id, decision, decided_on.isoformat(), note.strip(), recorded_by, now
        )
        if decision == "to_be_spread" and spread:
            await spreading.start_in(conn, tool_id, "decision", person, now, weeks)
        elif decision == "stopped":
            await spreading.end_in(conn, tool_id, "decision:stopped", now)
    return Decision(
        decision_id, tool_id, decision, decided_on.isoformat(), note.strip(), person, now, via
    )


async def latest_decision(db: Database, tool_id: int) -> Decision | None:
    found = await tools_repo.decisions(db, tool_id)
    return found[0] if found else None


async def tool_decisions(db: Database, tool_id: int) -> list[Decision]:
    """Newest first."""
    return await tools_repo.decisions(db, tool_id)
