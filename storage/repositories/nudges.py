"""SQL the nudge planning reads: results since a checkpoint, guides due for a check, quiet
superusers — and the activity stamp that tells who uses the bot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.clock import utc_iso
from storage.db import Database

#: A person's activity is written at most this often (one write per request would be waste).
ACTIVITY_RESOLUTION_SECONDS = 3600


@dataclass(frozen=True)
class GuideToCheck:
    guide_id: int
    #: The owner's person id.
    owner: int
    checked_at: str
    verify_days: int


@dataclass(frozen=True)
class QuietSuperuser:
    person_id: int


async def result_since(
    db: Database, test_id: int, tool_id: int, ambassador: int | None, checkpoint: str
) -> bool:
    """A result for the test, or for its tool by its ambassador, tested or saved since."""
    row = await db.fetchone(
        "SELECT 1 FROM test_results WHERE (test_id = ? OR (tool_id = ? AND author_id = ?))"
        " AND (tested_on >= ? OR created_at >= ?) LIMIT 1",
        (test_id, tool_id, ambassador, checkpoint, checkpoint),
    )
    return row is not None


async def guides_to_check(db: Database) -> list[GuideToCheck]:
    """Guides whose owner is a person (by id, or by e-mail), with when they were last
    checked."""
    rows = await db.fetchall(
        "SELECT g.id, p.id AS owner, COALESCE(g.verified_at, g.updated_at) AS checked_at,"
        " g.verify_days FROM guides g"
        " JOIN people p ON p.id = g.owner_id"
        " OR (g.owner_id IS NULL AND g.owner_email IS NOT NULL AND lower(p.email) = g.owner_email)"
        " ORDER BY g.id"
    )
    return [
        GuideToCheck(row["id"], row["owner"], row["checked_at"], row["verify_days"]) for row in rows
    ]


async def quiet_superusers(db: Database, welcomed_before: datetime) -> list[QuietSuperuser]:
    """Superusers welcomed before the moment who have not used the bot since their welcome."""
    rows = await db.fetchall(
        "SELECT DISTINCT p.id FROM people p"
        " JOIN person_roles r ON r.person_id = p.id AND r.role = 'superuser'"
        " WHERE p.welcomed_at IS NOT NULL AND p.welcomed_at <= ?"
        " AND (p.last_active_at IS NULL OR p.last_active_at <= p.welcomed_at)"
        " ORDER BY p.id",
        (utc_iso(welcomed_before),),
    )
    return [QuietSuperuser(row["id"]) for row in rows]


async def touch(db: Database, person_id: int, now: datetime) -> None:
    """Record that the person used the bot (at most once per ACTIVITY_RESOLUTION_SECONDS)."""
    stamp = utc_iso(now)
    stale = utc_iso(
        datetime.fromtimestamp(now.timestamp() - ACTIVITY_RESOLUTION_SECONDS, now.tzinfo)
    )
    await db.execute(
        "UPDATE people SET last_active_at = ? WHERE id = ?"
        " AND (last_active_at IS NULL OR last_active_at < ?)",
        (stamp, person_id, stale),
    )
