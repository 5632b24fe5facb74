"""SQL for guides and their versions.

A guide's content lives only in `guide_versions` (+ one `guide_version_labels` row per age
group, theme and tag); `guides.current_version` points at the newest. Writes take the
connection of the caller's transaction, so a version and its labels land together.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import aiosqlite

from bot.domain.actors import Actor, person_and_via
from bot.domain.guides import (
    THEMES,
    Guide,
    GuideContent,
    GuideSummary,
    GuideVersion,
    canonical_age_groups,
    canonical_labels,
    canonical_tags,
)
from storage.db import Database


def _guide(row: Any) -> Guide:
    return Guide(
        row["id"],
        row["tool_id"],
        row["slug"],
        row["current_version"],
        row["owner_id"],
        row["verified_at"],
        row["verify_days"],
        row["helpful_count"],
        row["created_at"],
        row["updated_at"],
        row["owner_email"],
    )


def _content(version_row: Any, labels: list[tuple[str, str]]) -> GuideContent:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, value in labels:
        by_kind[kind].append(value)
    return GuideContent(
        title=version_row["title"],
        purpose=version_row["purpose"],
        body=version_row["body"],
        age_groups=canonical_age_groups(by_kind["age_group"]),
        themes=canonical_labels(by_kind["theme"], THEMES),
        tags=canonical_tags(by_kind["tag"]),
    )


async def _labels(
    conn: aiosqlite.Connection, guide_id: int, version: int | None = None
) -> dict[int, list[tuple[str, str]]]:
    """version -> (kind, value) rows, for one version or all of a guide's."""
    async with conn.execute(
        "SELECT version, kind, value FROM guide_version_labels"
        " WHERE guide_id = ?1 AND (?2 IS NULL OR version = ?2)",
        (guide_id, version),
    ) as cursor:
        rows = await cursor.fetchall()
    labels: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        labels[row["version"]].append((row["kind"], row["value"]))
    return labels


async def guide_by_slug(conn: aiosqlite.Connection, slug: str) -> Guide | None:
    async with conn.execute("SELECT * FROM guides WHERE slug = ?", (slug,)) as cur:
        row = await cur.fetchone()
    return _guide(row) if row else None


async def guide_by_id(conn: aiosqlite.Connection, guide_id: int) -> Guide | None:
    async with conn.execute("SELECT * FROM guides WHERE id = ?", (guide_id,)) as cur:
        row = await cur.fetchone()
    return _guide(row) if row else None


async def versions(
    conn: aiosqlite.Connection, guide_id: int, version: int | None = None
) -> list[GuideVersion]:
    """Newest first; one version when `version` is given."""
    async with conn.execute(
        "SELECT guide_id, version, title, purpose, body, edited_by, edited_at, via"
        " FROM guide_versions"
        " WHERE guide_id = ?1 AND (?2 IS NULL OR version = ?2) ORDER BY version DESC",
        (guide_id, version),
    ) as cursor:
        rows = await cursor.fetchall()
    labels = await _labels(conn, guide_id, version)
    return [
        GuideVersion(
            row["guide_id"],
            row["version"],
            _content(row, labels[row["version"]]),
            row["edited_by"],
            row["edited_at"],
            row["via"],
        )
        for row in rows
    ]


async def insert_guide(
    conn: aiosqlite.Connection,
    tool_id: int,
    slug: str,
    owner_id: int | None,
    owner_email: str | None,
    verify_days: int,
    now: str,
) -> int:
    """A new guide is checked the day it is written; its first version is inserted next."""
    cursor = await conn.execute(
        "INSERT INTO guides (tool_id, slug, current_version, owner_id, owner_email, verified_at,"
        " verify_days, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
        (tool_id, slug, owner_id, owner_email, now, verify_days, now, now),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def insert_version(
    conn: aiosqlite.Connection,
    guide_id: int,
    version: int,
    content: GuideContent,
    editor: Actor | None,
    now: str,
) -> None:
    edited_by, via = person_and_via(editor)
    await conn.execute(
        "INSERT INTO guide_versions (guide_id, version, title, purpose, body, edited_by,"
        " edited_at, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (guide_id, version, content.title, content.purpose, content.body, edited_by, now, via),
    )
    labels = [
        *(("age_group", value) for value in content.age_groups),
        *(("theme", value) for value in content.themes),
        *(("tag", value) for value in content.tags),
    ]
    await conn.executemany(
        "INSERT INTO guide_version_labels (guide_id, version, kind, value) VALUES (?, ?, ?, ?)",
        [(guide_id, version, kind, value) for kind, value in labels],
    )


async def update_guide(
    conn: aiosqlite.Connection,
    guide_id: int,
    *,
    tool_id: int,
    current_version: int,
    owner_id: int | None,
    owner_email: str | None,
    verify_days: int,
    verified_at: str | None,
    now: str,
) -> None:
    await conn.execute(
        "UPDATE guides SET tool_id = ?, current_version = ?, owner_id = ?, owner_email = ?,"
        " verify_days = ?, verified_at = ?, updated_at = ? WHERE id = ?",
        (tool_id, current_version, owner_id, owner_email, verify_days, verified_at, now, guide_id),
    )


async def person_id_by_email(conn: aiosqlite.Connection, email: str) -> int | None:
    """`people.email` compares without case, so `Mette.Lund@…` finds mette.lund@…."""
    async with conn.execute("SELECT id FROM people WHERE email = ?", (email,)) as cursor:
        row = await cursor.fetchone()
    return int(row["id"]) if row else None


async def owner_of(conn: aiosqlite.Connection, guide: Guide) -> tuple[str, str | None] | None:
    """(name, e-mail) of the linked person, else of the person with the stored owner e-mail,
    so an owner imported after their guides shows without importing the guides again."""
    async with conn.execute(
        "SELECT name, email FROM people WHERE id = ?1 OR (?1 IS NULL AND email = ?2)",
        (guide.owner_id, guide.owner_email),
    ) as cursor:
        row = await cursor.fetchone()
    return (row["name"], row["email"]) if row else None


async def add_helpful(
    db: Database, guide_id: int, person_id: int, now: str
) -> tuple[int, bool] | None:
    """Count a person's "this helped" once: the count after it and whether this click was
    counted (False: they had said so before); None when the guide is gone."""
    async with db.transaction() as conn:
        async with conn.execute("SELECT 1 FROM guides WHERE id = ?", (guide_id,)) as cursor:
            if await cursor.fetchone() is None:
                return None
        cursor = await conn.execute(
            "INSERT OR IGNORE INTO guide_helpful_marks (guide_id, person_id, marked_at)"
            " VALUES (?, ?, ?)",
            (guide_id, person_id, now),
        )
        counted = cursor.rowcount == 1
        if counted:
            await conn.execute(
                "UPDATE guides SET helpful_count = helpful_count + 1 WHERE id = ?", (guide_id,)
            )
        async with conn.execute(
            "SELECT helpful_count FROM guides WHERE id = ?", (guide_id,)
        ) as cursor:
            row = await cursor.fetchone()
    return (int(row["helpful_count"]), counted) if row else None


async def set_verified(db: Database, guide_id: int, now: str) -> bool:
    changed = await db.execute(
        "UPDATE guides SET verified_at = ?, updated_at = ? WHERE id = ?", (now, now, guide_id)
    )
    return changed == 1


async def set_owner(
    db: Database, guide_id: int, person_id: int, email: str | None, now: str
) -> bool:
    changed = await db.execute(
        "UPDATE guides SET owner_id = ?, owner_email = lower(?), updated_at = ? WHERE id = ?",
        (person_id, email, now, guide_id),
    )
    return changed == 1


async def all_slugs(db: Database) -> list[str]:
    return [row["slug"] for row in await db.fetchall("SELECT slug FROM guides ORDER BY slug")]


async def browse(
    db: Database,
    *,
    category: str | None = None,
    theme: str | None = None,
    age_group: str | None = None,
    only: Sequence[int] | None = None,
) -> list[GuideSummary]:
    """Current versions, filtered; recommended tools first, then tool name and title.
    `only`: just these guides (a search's other hits) — never read the whole catalogue
    to show two lines."""
    wanted = json.dumps(list(only)) if only is not None else None
    rows = await db.fetchall(
        "SELECT g.id, g.slug, g.helpful_count, v.title, v.purpose, t.name AS tool, t.status,"
        " t.category, g.current_version"
        " FROM guides g JOIN tools t ON t.id = g.tool_id"
        " JOIN guide_versions v ON v.guide_id = g.id AND v.version = g.current_version"
        " WHERE (?1 IS NULL OR t.category = ?1 COLLATE NOCASE)"
        " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM guide_version_labels l WHERE"
        "  l.guide_id = g.id AND l.version = g.current_version AND l.kind = 'theme'"
        "  AND l.value = ?2))"
        " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM guide_version_labels l WHERE"
        "  l.guide_id = g.id AND l.version = g.current_version AND l.kind = 'age_group'"
        "  AND l.value = ?3))"
        " AND (?4 IS NULL OR g.id IN (SELECT value FROM json_each(?4)))"
        " ORDER BY CASE t.status WHEN 'recommended' THEN 0 WHEN 'in_test' THEN 1"
        " WHEN 'evaluated' THEN 2 WHEN 'proposed' THEN 3 WHEN 'not_recommended' THEN 4"
        " ELSE 5 END, t.name COLLATE NOCASE, v.title COLLATE NOCASE, g.id",
        (category, theme, age_group, wanted),
    )
    label_rows = await db.fetchall(
        "SELECT l.guide_id, l.kind, l.value FROM guide_version_labels l"
        " JOIN guides g ON g.id = l.guide_id AND l.version = g.current_version"
        " WHERE l.kind IN ('age_group', 'theme')"
        " AND (?1 IS NULL OR g.id IN (SELECT value FROM json_each(?1)))",
        (wanted,),
    )
    labels: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in label_rows:
        labels[row["guide_id"]][row["kind"]].append(row["value"])
    return [
        GuideSummary(
            guide_id=row["id"],
            slug=row["slug"],
            title=row["title"],
            purpose=row["purpose"],
            tool_name=row["tool"],
            tool_status=row["status"],
            category=row["category"],
            age_groups=canonical_age_groups(labels[row["id"]]["age_group"]),
            themes=canonical_labels(labels[row["id"]]["theme"], THEMES),
            helpful_count=row["helpful_count"],
        )
        for row in rows
    ]


async def main_guide_id(db: Database, tool_id: int) -> int | None:
    """The guide to hand someone new to the tool: the most helpful one, else the oldest."""
    row = await db.fetchone(
        "SELECT id FROM guides WHERE tool_id = ? ORDER BY helpful_count DESC, id LIMIT 1",
        (tool_id,),
    )
    return int(row["id"]) if row else None


# -- the full export ---------------------------------------------------------------------


async def guide_records(db: Database) -> list[dict[str, Any]]:
    """Every guide with every version and its labels, oldest version first; `owner_email` is
    the stored one, so an owner not in the organisation (yet) is exported too."""
    guides = [
        dict(row)
        for row in await db.fetchall(
            "SELECT g.id, g.slug, g.tool_id, t.name AS tool, g.current_version, g.owner_id,"
            " g.owner_email, g.verified_at, g.verify_days, g.helpful_count,"
            " g.created_at, g.updated_at FROM guides g JOIN tools t ON t.id = g.tool_id"
            " ORDER BY g.id"
        )
    ]
    labels: dict[tuple[int, int], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in await db.fetchall(
        "SELECT guide_id, version, kind, value FROM guide_version_labels"
        " ORDER BY guide_id, version, kind, value"
    ):
        labels[(row["guide_id"], row["version"])][row["kind"]].append(row["value"])
    versions_of: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in await db.fetchall(
        "SELECT guide_id, version, title, purpose, body, edited_by, via, edited_at"
        " FROM guide_versions ORDER BY guide_id, version"
    ):
        record = dict(row)
        found = labels[(record["guide_id"], record["version"])]
        guide_id = record.pop("guide_id")
        record["age_groups"] = list(canonical_age_groups(found["age_group"]))
        record["themes"] = list(canonical_labels(found["theme"], THEMES))
        record["tags"] = list(canonical_tags(found["tag"]))
        versions_of[guide_id].append(record)
    for guide in guides:
        guide["versions"] = versions_of[guide["id"]]
    return guides
