"""The counts the pulse reads, per area, between two UTC moments (`start` included, `end`
excluded). `daycare` narrows each count to one daycare where the record knows its daycare
(a superuser's own pulse). Every function returns `{area_id: count}`; areas with nothing
are left out.
"""

from __future__ import annotations

from typing import Any

from storage.db import Database

Counts = dict[int, int]

#: A guide's area: the (first) area of the ambassador who owns it — by id, or by e-mail for a
#: guide imported before its owner was in the organisation. Guides published, updated and
#: overdue are all placed by it, so an area's pulse shows the area's own guides.
_OWNER_AREA = (
    "(SELECT MIN(oar.area_id) FROM people oa JOIN person_roles oar ON oar.person_id = oa.id"
    " AND oar.role = 'ambassador' WHERE oa.id = g.owner_id OR (g.owner_id IS NULL"
    " AND g.owner_email IS NOT NULL AND lower(oa.email) = g.owner_email))"
)


def _counts(rows: list[Any]) -> Counts:
    return {int(row["area_id"]): int(row["n"]) for row in rows if row["area_id"] is not None}


async def results(db: Database, start: str, end: str, daycare: int | None) -> Counts:
    """Results saved in the window, by the area of their daycare (else of their test)."""
    rows = await db.fetchall(
        "SELECT COALESCE(d.area_id, t.area_id) AS area_id, COUNT(*) AS n FROM test_results r"
        " LEFT JOIN daycares d ON d.id = r.daycare_id"
        " LEFT JOIN tool_tests t ON t.id = r.test_id"
        " WHERE r.created_at >= ?1 AND r.created_at < ?2 AND (?3 IS NULL OR r.daycare_id = ?3)"
        " GROUP BY 1",
        (start, end, daycare),
    )
    return _counts(rows)


async def guides_published(db: Database, start: str, end: str) -> Counts:
    """New guides, by the (first) area of the ambassador who owns them."""
    rows = await db.fetchall(
        "SELECT " + _OWNER_AREA + " AS area_id, COUNT(*) AS n FROM guides g"  # noqa: S608 - constant
        " WHERE g.created_at >= ? AND g.created_at < ? GROUP BY 1",
        (start, end),
    )
    return _counts(rows)


async def guides_updated(db: Database, start: str, end: str) -> Counts:
    """Guides that got a new version (not their first), counted once per guide."""
    rows = await db.fetchall(
        "SELECT " + _OWNER_AREA + " AS area_id, COUNT(DISTINCT g.id) AS n"  # noqa: S608 - constant
        " FROM guides g"
        " JOIN guide_versions v ON v.guide_id = g.id AND v.version > 1"
        " WHERE v.edited_at >= ? AND v.edited_at < ? GROUP BY 1",
        (start, end),
    )
    return _counts(rows)


async def questions(db: Database, start: str, end: str, daycare: int | None) -> list[Any]:
    """The questions asked in the window (drafts never sent left out), with their times."""
    return await db.fetchall(
        "SELECT area_id, created_at, answered_at, resolved_at FROM sparring_questions"
        " WHERE state != 'draft' AND created_at >= ?1 AND created_at < ?2"
        " AND (?3 IS NULL OR daycare_id = ?3)",
        (start, end, daycare),
    )


async def superusers_onboarded(db: Database, start: str, end: str, daycare: int | None) -> Counts:
    """People welcomed as superusers in the window, by their daycare's area."""
    rows = await db.fetchall(
        "SELECT d.area_id, COUNT(DISTINCT p.id) AS n FROM people p"
        " JOIN person_roles r ON r.person_id = p.id AND r.role = 'superuser'"
        " JOIN daycares d ON d.id = r.daycare_id"
        " WHERE p.welcomed_at >= ?1 AND p.welcomed_at < ?2 AND (?3 IS NULL OR d.id = ?3)"
        " GROUP BY 1",
        (start, end, daycare),
    )
    return _counts(rows)


async def trainings_held(db: Database, start: str, end: str) -> Counts:
    rows = await db.fetchall(
        "SELECT area_id, COUNT(*) AS n FROM trainings"
        " WHERE state = 'held' AND starts_at >= ? AND starts_at < ? GROUP BY 1",
        (start, end),
    )
    return _counts(rows)


async def training_attendees(db: Database, start: str, end: str, daycare: int | None) -> Counts:
    rows = await db.fetchall(
        "SELECT t.area_id, COUNT(*) AS n FROM training_signups s"
        " JOIN trainings t ON t.id = s.training_id"
        " WHERE t.state = 'held' AND s.attended = 1 AND t.starts_at >= ?1 AND t.starts_at < ?2"
        " AND (?3 IS NULL OR s.daycare_id = ?3) GROUP BY 1",
        (start, end, daycare),
    )
    return _counts(rows)


async def tests_running(db: Database, at: str, daycare: int | None) -> list[Any]:
    """Tests running at the moment `at`: (area_id, tool name, tool id), one row per area the
    test covers — its own area and the areas of its daycares."""
    return await db.fetchall(
        "SELECT DISTINCT COALESCE(d.area_id, t.area_id) AS area_id, t.tool_id, o.name AS tool"
        " FROM tool_tests t JOIN tools o ON o.id = t.tool_id"
        " LEFT JOIN tool_test_daycares td ON td.test_id = t.id"
        " LEFT JOIN daycares d ON d.id = td.daycare_id"
        " WHERE t.created_at < ?1 AND (t.closed_at IS NULL OR t.closed_at >= ?1)"
        " AND (?2 IS NULL OR td.daycare_id = ?2)"
        " ORDER BY o.name COLLATE NOCASE",
        (at, daycare),
    )


async def newest_result(db: Database, tool_id: int, area_id: int, before: str) -> Any:
    """The tool's newest result from the area saved before `before`, and how many there are."""
    return await db.fetchone(
        "SELECT COUNT(*) AS n, MAX(r.tested_on) AS newest_on,"
        " (SELECT r2.rating FROM test_results r2 LEFT JOIN daycares d2 ON d2.id = r2.daycare_id"
        "  LEFT JOIN tool_tests t2 ON t2.id = r2.test_id WHERE r2.tool_id = ?1"
        "  AND COALESCE(d2.area_id, t2.area_id) = ?2 AND r2.created_at < ?3"
        "  ORDER BY r2.tested_on DESC, r2.id DESC LIMIT 1) AS rating"
        " FROM test_results r LEFT JOIN daycares d ON d.id = r.daycare_id"
        " LEFT JOIN tool_tests t ON t.id = r.test_id"
        " WHERE r.tool_id = ?1 AND COALESCE(d.area_id, t.area_id) = ?2 AND r.created_at < ?3",
        (tool_id, area_id, before),
    )


async def status_moves(db: Database, start: str, end: str) -> list[Any]:
    """Lifecycle steps in the window (not a tool's first "proposed"), oldest first."""
    return await db.fetchall(
        "SELECT t.name AS tool, c.from_status, c.to_status, c.changed_at FROM tool_status_changes c"
        " JOIN tools t ON t.id = c.tool_id WHERE c.from_status IS NOT NULL"
        " AND c.changed_at >= ? AND c.changed_at < ? ORDER BY c.changed_at, c.id",
        (start, end),
    )


async def decisions_recorded(db: Database, start: str, end: str) -> list[Any]:
    """Leadership decisions recorded in the window, oldest first."""
    return await db.fetchall(
        "SELECT t.name AS tool, d.decision, d.decided_on, d.note FROM tool_decisions d"
        " JOIN tools t ON t.id = d.tool_id WHERE d.recorded_at >= ? AND d.recorded_at < ?"
        " ORDER BY d.recorded_at, d.id",
        (start, end),
    )


async def tools_awaiting_verdict(db: Database) -> list[str]:
    """Tools evaluated with no leadership decision recorded since they were (the App Home's
    rule too: any decision kept since the evaluation is the verdict)."""
    rows = await db.fetchall(
        "SELECT t.name FROM tools t WHERE t.status = 'evaluated' AND NOT EXISTS ("
        " SELECT 1 FROM tool_decisions d WHERE d.tool_id = t.id AND d.recorded_at >= COALESCE("
        "  (SELECT MAX(c.changed_at) FROM tool_status_changes c"
        "   WHERE c.tool_id = t.id AND c.to_status = 'evaluated'), ''))"
        " ORDER BY t.name COLLATE NOCASE"
    )
    return [str(row["name"]) for row in rows]


async def spreading_tools(db: Database) -> list[Any]:
    """Tools recommended now or with an open spreading round: (id, name)."""
    return await db.fetchall(
        "SELECT id, name FROM tools WHERE status = 'recommended'"
        " OR id IN (SELECT tool_id FROM spreading_rounds WHERE ended_at IS NULL)"
        " ORDER BY name COLLATE NOCASE"
    )


async def guides_overdue(db: Database, now: str) -> list[Any]:
    """Guides past their verification interval: title, tool, owner's name, last checked, and
    the guide's area (`_OWNER_AREA`; None: no ambassador owns it)."""
    return await db.fetchall(
        "SELECT v.title, t.name AS tool, p.name AS owner,"  # noqa: S608 - a constant
        " COALESCE(g.verified_at, g.updated_at) AS checked_at, " + _OWNER_AREA + " AS area_id"
        " FROM guides g JOIN tools t ON t.id = g.tool_id"
        " JOIN guide_versions v ON v.guide_id = g.id AND v.version = g.current_version"
        " LEFT JOIN people p ON p.id = g.owner_id"
        " WHERE julianday(?) - julianday(COALESCE(g.verified_at, g.updated_at)) > g.verify_days"
        " ORDER BY checked_at, g.id",
        (now,),
    )
