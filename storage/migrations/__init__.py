"""Ordered, named migrations, each applied in one transaction together with its record.

Each migration lives in its own module here (`mNNNN_name.py`, exposing `MIGRATION`); its
name ("NNNN_name") never changes once released, because databases record it. They run at
every start (and with `tovholder db migrate`); a migration already recorded in `_migrations`
is skipped, so running twice changes nothing.
"""

from __future__ import annotations

from bot.clock import Clock, utc_iso
from storage.db import Database
from storage.erasure_list import ErasureList
from storage.migrations import (
    m0001_organisation,
    m0002_processed_events,
    m0003_settings_and_onboarding,
    m0004_tools_and_guides,
    m0005_guide_search,
    m0006_helpful_marks_and_sparring,
    m0007_tool_tests,
    m0008_reminders,
    m0009_activity,
    m0010_area_evaluations,
    m0011_sparring_handling,
    m0012_adoption,
    m0013_trainings,
    m0014_spreading,
    m0015_digests,
    m0016_gdpr,
    m0017_welcome_reminders,
    m0018_run_lock,
    m0019_reminder_tags,
    m0020_sparring_delivery,
    m0021_reminders_by_kind,
    m0022_gdpr_log_hashed,
    m0024_ambassador_welcomes,
    m0025_identities,
    m0026_message_refs,
    m0027_sparring_people,
    m0028_tool_test_people,
    m0029_network_people,
    m0030_actor_people,
    m0031_reminder_people,
)
from storage.migrations.migration import Migration

__all__ = ["MIGRATIONS", "Migration", "MigrationFailed", "applied_migrations", "migrate"]

MIGRATIONS: tuple[Migration, ...] = (
    m0001_organisation.MIGRATION,
    m0002_processed_events.MIGRATION,
    m0003_settings_and_onboarding.MIGRATION,
    m0004_tools_and_guides.MIGRATION,
    m0005_guide_search.MIGRATION,
    m0006_helpful_marks_and_sparring.MIGRATION,
    m0007_tool_tests.MIGRATION,
    m0008_reminders.MIGRATION,
    m0009_activity.MIGRATION,
    m0010_area_evaluations.MIGRATION,
    m0011_sparring_handling.MIGRATION,
    m0012_adoption.MIGRATION,
    m0013_trainings.MIGRATION,
    m0014_spreading.MIGRATION,
    m0015_digests.MIGRATION,
    m0016_gdpr.MIGRATION,
    m0017_welcome_reminders.MIGRATION,
    m0018_run_lock.MIGRATION,
    m0019_reminder_tags.MIGRATION,
    m0020_sparring_delivery.MIGRATION,
    m0021_reminders_by_kind.MIGRATION,
    m0022_gdpr_log_hashed.MIGRATION,
    m0024_ambassador_welcomes.MIGRATION,
    m0025_identities.MIGRATION,
    m0026_message_refs.MIGRATION,
    m0027_sparring_people.MIGRATION,
    m0028_tool_test_people.MIGRATION,
    m0029_network_people.MIGRATION,
    m0030_actor_people.MIGRATION,
    m0031_reminder_people.MIGRATION,
)


async def applied_migrations(db: Database) -> list[str]:
    await db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    rows = await db.fetchall("SELECT name FROM _migrations ORDER BY name")
    return [row["name"] for row in rows]


async def migrate(db: Database, clock: Clock) -> list[str]:
    """Apply what is missing, in order; returns the names applied now."""
    done = set(await applied_migrations(db))
    applied: list[str] = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        if migration.foreign_keys_off:
            await _foreign_keys(db, on=False)
        try:
            await _apply(db, clock, migration)
        finally:
            if migration.foreign_keys_off:
                await _foreign_keys(db, on=True)
        applied.append(migration.name)
    return applied


async def _apply(db: Database, clock: Clock, migration: Migration) -> None:
    async with db.transaction() as conn:
        for statement in migration.statements:
            await conn.execute(statement)
        if migration.run is not None:
            await migration.run(conn, ErasureList.beside(db.path))
        if migration.foreign_keys_off:
            async with conn.execute("PRAGMA foreign_key_check") as cursor:
                broken = list(await cursor.fetchall())
            if broken:
                tables = sorted({str(row[0]) for row in broken})
                raise MigrationFailed(f"{migration.name}: rows point nowhere in {tables}")
        await conn.execute(
            "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
            (migration.name, utc_iso(clock.now())),
        )


async def _foreign_keys(db: Database, *, on: bool) -> None:
    async with db.outside_transaction() as conn:
        await conn.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


class MigrationFailed(RuntimeError):
    """A migration would leave rows pointing at nothing; it was rolled back."""
