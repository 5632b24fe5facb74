"""Ordered, named migrations, each applied in one transaction together with its record.

A migration is a list of SQL statements under a name that never changes once released.
They run at every start (and with `tovholder db migrate`); a migration already recorded in
`_migrations` is skipped, so running twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiosqlite

from bot.clock import Clock, utc_iso
from storage.db import Database
from storage.erasure_list import ErasureList
from storage.repositories.ambassador_welcomes import SCHEMA_0024
from storage.repositories.digests import SCHEMA_0015
from storage.repositories.gdpr import SCHEMA_0016, hash_log_subjects
from storage.repositories.run_lock import SCHEMA_0018
from storage.repositories.search import SCHEMA_0005
from storage.repositories.sparring import SCHEMA_0011, SCHEMA_0020
from storage.repositories.spreading import SCHEMA_0014
from storage.repositories.trainings import SCHEMA_0013


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]
    #: What SQL alone cannot do (a salted hash), run after the statements in the same
    #: transaction, with the erasure list beside the database.
    run: Callable[[aiosqlite.Connection, ErasureList], Awaitable[None]] | None = None


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_organisation",
        (
            """CREATE TABLE areas (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE daycares (
                id INTEGER PRIMARY KEY,
                area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE RESTRICT,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX daycares_area ON daycares(area_id)",
            """CREATE TABLE people (
                id INTEGER PRIMARY KEY,
                slack_user_id TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                email TEXT UNIQUE COLLATE NOCASE,
                language TEXT CHECK (language IN ('da', 'en')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE person_roles (
                id INTEGER PRIMARY KEY,
                person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                role TEXT NOT NULL
                    CHECK (role IN ('ambassador', 'superuser', 'coordinator', 'leader')),
                area_id INTEGER REFERENCES areas(id) ON DELETE CASCADE,
                daycare_id INTEGER REFERENCES daycares(id) ON DELETE CASCADE,
                CHECK (role != 'ambassador' OR area_id IS NOT NULL),
                CHECK (role != 'superuser' OR daycare_id IS NOT NULL)
            )""",
            """CREATE UNIQUE INDEX person_roles_unique
                ON person_roles(person_id, role, IFNULL(area_id, 0), IFNULL(daycare_id, 0))""",
        ),
    ),
    Migration(
        "0002_processed_events",
        (
            """CREATE TABLE processed_events (
                key TEXT PRIMARY KEY,
                seen_at TEXT NOT NULL
            ) WITHOUT ROWID""",
            "CREATE INDEX processed_events_seen ON processed_events(seen_at)",
        ),
    ),
    Migration(
        "0003_settings_and_onboarding",
        (
            """CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_by TEXT,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID""",
            # NULL for a superuser means the welcome message is still to be sent.
            "ALTER TABLE people ADD COLUMN welcomed_at TEXT",
        ),
    ),
    Migration(
        "0004_tools_and_guides",
        (
            # The shared catalogue: pedagogical and administrative tools alike.
            """CREATE TABLE tools (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                category TEXT,
                status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN (
                    'proposed', 'in_test', 'evaluated', 'recommended', 'not_recommended',
                    'retired')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE tool_aliases (
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                alias TEXT NOT NULL COLLATE NOCASE,
                PRIMARY KEY (tool_id, alias)
            ) WITHOUT ROWID""",
            # Every lifecycle change, with who (a Slack user id, or 'cli') and when.
            """CREATE TABLE tool_status_changes (
                id INTEGER PRIMARY KEY,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                from_status TEXT,
                to_status TEXT NOT NULL,
                changed_by TEXT,
                changed_at TEXT NOT NULL
            )""",
            "CREATE INDEX tool_status_changes_tool ON tool_status_changes(tool_id, changed_at)",
            """CREATE TABLE tool_decisions (
                id INTEGER PRIMARY KEY,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                decision TEXT NOT NULL CHECK (decision IN ('approved', 'stopped', 'to_be_spread')),
                decided_on TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                recorded_by TEXT,
                recorded_at TEXT NOT NULL
            )""",
            "CREATE INDEX tool_decisions_tool ON tool_decisions(tool_id, decided_on)",
            # A guide's content lives in its versions; `current_version` points at the newest.
            """CREATE TABLE guides (
                id INTEGER PRIMARY KEY,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                slug TEXT NOT NULL UNIQUE,
                current_version INTEGER NOT NULL DEFAULT 1,
                owner_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
                verified_at TEXT,
                verify_days INTEGER NOT NULL DEFAULT 180 CHECK (verify_days > 0),
                helpful_count INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX guides_tool ON guides(tool_id)",
            """CREATE TABLE guide_versions (
                guide_id INTEGER NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                title TEXT NOT NULL,
                purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
                body TEXT NOT NULL DEFAULT '',
                edited_by TEXT,
                edited_at TEXT NOT NULL,
                PRIMARY KEY (guide_id, version)
            ) WITHOUT ROWID""",
            # Age groups, curriculum themes and tags of one version, one row each.
            """CREATE TABLE guide_version_labels (
                guide_id INTEGER NOT NULL,
                version INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('age_group', 'theme', 'tag')),
                value TEXT NOT NULL,
                PRIMARY KEY (guide_id, version, kind, value),
                FOREIGN KEY (guide_id, version)
                    REFERENCES guide_versions(guide_id, version) ON DELETE CASCADE
            ) WITHOUT ROWID""",
        ),
    ),
    # Full-text guide search kept current by triggers; see storage/repositories/search.py.
    Migration("0005_guide_search", SCHEMA_0005),
    Migration(
        "0006_helpful_marks_and_sparring",
        (
            # One "this helped" per person and guide, so a double click counts once.
            """CREATE TABLE guide_helpful_marks (
                guide_id INTEGER NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
                slack_user_id TEXT NOT NULL,
                marked_at TEXT NOT NULL,
                PRIMARY KEY (guide_id, slack_user_id)
            )""",
            # A question to the network. `request_key` (the modal's view id, or the slash
            # command's trigger id) makes a retried or double submission create one question.
            """CREATE TABLE sparring_questions (
                id INTEGER PRIMARY KEY,
                request_key TEXT NOT NULL UNIQUE,
                asker_slack_id TEXT NOT NULL,
                area_id INTEGER REFERENCES areas(id) ON DELETE SET NULL,
                daycare_id INTEGER REFERENCES daycares(id) ON DELETE SET NULL,
                tool_id INTEGER REFERENCES tools(id) ON DELETE SET NULL,
                question TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'open'
                    CHECK (state IN ('open', 'answered', 'resolved')),
                channel_id TEXT,
                message_ts TEXT,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX sparring_questions_state ON sparring_questions(state, created_at)",
            # The owner as the guide file names them, kept even before that person is in the
            # organisation, so guides import into an empty database and export unchanged.
            "ALTER TABLE guides ADD COLUMN owner_email TEXT",
            "UPDATE guides SET owner_email ="
            " (SELECT lower(email) FROM people WHERE people.id = guides.owner_id)",
        ),
    ),
    Migration(
        "0007_tool_tests",
        (
            # A tool tried in practice by an ambassador. `request_key` (the modal's view id)
            # makes a retried or double submission start one test.
            """CREATE TABLE tool_tests (
                id INTEGER PRIMARY KEY,
                request_key TEXT NOT NULL UNIQUE,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                ambassador_slack_id TEXT NOT NULL,
                question TEXT NOT NULL CHECK (length(trim(question)) > 0),
                area_id INTEGER REFERENCES areas(id) ON DELETE SET NULL,
                starts_on TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'closed')),
                conclusion TEXT
                    CHECK (conclusion IN ('evaluated', 'recommended', 'not_recommended')),
                conclusion_note TEXT NOT NULL DEFAULT '',
                closed_by TEXT,
                closed_at TEXT,
                created_at TEXT NOT NULL,
                CHECK ((state = 'closed') = (closed_at IS NOT NULL))
            )""",
            "CREATE INDEX tool_tests_tool ON tool_tests(tool_id, state)",
            "CREATE INDEX tool_tests_ambassador ON tool_tests(ambassador_slack_id, state)",
            """CREATE TABLE tool_test_daycares (
                test_id INTEGER NOT NULL REFERENCES tool_tests(id) ON DELETE CASCADE,
                daycare_id INTEGER NOT NULL REFERENCES daycares(id) ON DELETE CASCADE,
                PRIMARY KEY (test_id, daycare_id)
            ) WITHOUT ROWID""",
            # The evaluation checkpoints (local dates), one row each, so the nudges can ask
            # SQL which are due.
            """CREATE TABLE tool_test_checkpoints (
                test_id INTEGER NOT NULL REFERENCES tool_tests(id) ON DELETE CASCADE,
                due_on TEXT NOT NULL,
                PRIMARY KEY (test_id, due_on)
            ) WITHOUT ROWID""",
            "CREATE INDEX tool_test_checkpoints_due ON tool_test_checkpoints(due_on)",
            # What was found, from a modal, a message shortcut or a message in the test
            # channel. One result per submission (`request_key`) and per Slack message.
            """CREATE TABLE test_results (
                id INTEGER PRIMARY KEY,
                request_key TEXT NOT NULL UNIQUE,
                author_slack_id TEXT NOT NULL,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                test_id INTEGER REFERENCES tool_tests(id) ON DELETE SET NULL,
                daycare_id INTEGER REFERENCES daycares(id) ON DELETE SET NULL,
                tested_on TEXT NOT NULL,
                age_group TEXT CHECK (age_group IN ('vuggestue', 'boernehave')),
                children INTEGER CHECK (children BETWEEN 0 AND 200),
                rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                engagement TEXT CHECK (engagement IN ('low', 'medium', 'high')),
                worked TEXT NOT NULL DEFAULT '',
                hard TEXT NOT NULL DEFAULT '',
                recommendation TEXT CHECK (recommendation IN ('recommend',
                    'recommend_with_conditions', 'not_recommended', 'needs_more_testing')),
                minutes_spent INTEGER CHECK (minutes_spent BETWEEN 0 AND 600),
                source TEXT NOT NULL CHECK (source IN ('modal', 'shortcut', 'channel')),
                channel_id TEXT,
                message_ts TEXT,
                permalink TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                updated_by TEXT
            )""",
            "CREATE INDEX test_results_tool ON test_results(tool_id, tested_on)",
            "CREATE INDEX test_results_test ON test_results(test_id)",
            """CREATE UNIQUE INDEX test_results_message ON test_results(channel_id, message_ts)
                WHERE channel_id IS NOT NULL AND message_ts IS NOT NULL""",
            """CREATE TABLE test_result_themes (
                result_id INTEGER NOT NULL REFERENCES test_results(id) ON DELETE CASCADE,
                theme TEXT NOT NULL,
                PRIMARY KEY (result_id, theme)
            ) WITHOUT ROWID""",
        ),
    ),
    Migration(
        "0008_reminders",
        (
            # Durable reminders: the rows, not the scheduler's memory, are the truth (see
            # bot/services/reminders.py). `dedupe_key` makes planning the same nudge twice
            # create one row; `claimed_by`/`claimed_at` are the lease of the worker sending it.
            """CREATE TABLE reminders (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                recipient TEXT NOT NULL,
                due_at TEXT NOT NULL,
                payload TEXT NOT NULL DEFAULT '{}',
                state TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
                attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                dedupe_key TEXT NOT NULL UNIQUE,
                claimed_by TEXT,
                claimed_at TEXT,
                last_error TEXT,
                sent_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK (state != 'sending' OR claimed_at IS NOT NULL)
            )""",
            "CREATE INDEX reminders_due ON reminders(state, due_at)",
            "CREATE INDEX reminders_recipient ON reminders(recipient, state)",
            # "Pause all my nudges until a date": inclusive local date.
            """CREATE TABLE nudge_pauses (
                slack_user_id TEXT PRIMARY KEY,
                until_date TEXT NOT NULL,
                set_at TEXT NOT NULL
            ) WITHOUT ROWID""",
        ),
    ),
    Migration(
        "0009_activity",
        (
            # When a person last used the bot: a superuser who never has, two weeks after the
            # welcome, is a reason to nudge their ambassador about training.
            "ALTER TABLE people ADD COLUMN last_active_at TEXT",
        ),
    ),
    Migration(
        "0010_area_evaluations",
        (
            # The area evaluation cycle (bot/services/area_evaluations.py): one answer per
            # person, area and cycle (`period`, the cycle's month "YYYY-MM"), updated in place.
            # Only ambassadors say which tools to drop or spread.
            """CREATE TABLE area_evaluations (
                id INTEGER PRIMARY KEY,
                period TEXT NOT NULL
                    CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
                area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
                slack_user_id TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('ambassador', 'superuser')),
                works TEXT NOT NULL DEFAULT '',
                hard TEXT NOT NULL DEFAULT '',
                drop_or_spread TEXT NOT NULL DEFAULT '',
                support TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK (role = 'ambassador' OR drop_or_spread = ''),
                UNIQUE (period, area_id, slack_user_id)
            )""",
            "CREATE INDEX area_evaluations_area ON area_evaluations(area_id, period)",
        ),
    ),
    # Handling sparring: see storage/repositories/sparring.py.
    Migration("0011_sparring_handling", SCHEMA_0011),
    Migration(
        "0012_adoption",
        (
            # How far each daycare has come with each tool (bot/services/adoption.py): one row
            # per daycare and tool with its present state, and every change in the history.
            """CREATE TABLE adoption (
                daycare_id INTEGER NOT NULL REFERENCES daycares(id) ON DELETE CASCADE,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                state TEXT NOT NULL
                    CHECK (state IN ('not_started', 'getting_started', 'in_use', 'stopped')),
                reason TEXT NOT NULL DEFAULT '',
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                PRIMARY KEY (daycare_id, tool_id)
            )""",
            "CREATE INDEX adoption_tool ON adoption(tool_id, state)",
            """CREATE TABLE adoption_changes (
                id INTEGER PRIMARY KEY,
                daycare_id INTEGER NOT NULL REFERENCES daycares(id) ON DELETE CASCADE,
                tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
                from_state TEXT NOT NULL,
                to_state TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL
            )""",
            "CREATE INDEX adoption_changes_place ON adoption_changes(daycare_id, tool_id, id)",
        ),
    ),
    # Trainings for superusers: see storage/repositories/trainings.py.
    Migration("0013_trainings", SCHEMA_0013),
    # Spreading rounds: see storage/repositories/spreading.py.
    Migration("0014_spreading", SCHEMA_0014),
    # Weekly digests sent: see storage/repositories/digests.py.
    Migration("0015_digests", SCHEMA_0015),
    # The GDPR log (access, erasure, retention): see storage/repositories/gdpr.py.
    Migration("0016_gdpr", SCHEMA_0016),
    # Welcomes go through the durable reminders (bot/services/onboarding.py): `welcomed_at`
    # is written once the welcome was sent, and `welcome_key` names the reminder it was
    # recorded from, so someone who becomes a superuser again gets a new welcome. People
    # already marked welcomed keep their mark and are not welcomed again.
    Migration("0017_welcome_reminders", ("ALTER TABLE people ADD COLUMN welcome_key TEXT",)),
    # One running bot per database: see bot/run_lock.py.
    Migration("0018_run_lock", SCHEMA_0018),
    # Exactly once across a crash (bot/slack_tags.py): `unconfirmed_since` is when a post of
    # the reminder / digest started whose outcome is not known yet (the process died, the
    # call timed out); before posting again, the bot looks for the post's tag in Slack.
    Migration(
        "0019_reminder_tags",
        (
            "ALTER TABLE reminders ADD COLUMN unconfirmed_since TEXT",
            "ALTER TABLE digests ADD COLUMN unconfirmed_since TEXT",
        ),
    ),
    # When a sparring question reached someone (it may wait for Slack to answer again): see
    # storage/repositories/sparring.py and bot/jobs/sparring_delivery.py.
    Migration("0020_sparring_delivery", SCHEMA_0020),
    # Planning reads reminders by kind every few minutes (a question's DM copies, the keys
    # already planned): without an index each read scans every reminder ever sent.
    Migration(
        "0021_reminders_by_kind",
        ("CREATE INDEX reminders_kind ON reminders(kind, state)",),
    ),
    # The GDPR log names people by a salted hash of their e-mail, never the e-mail itself
    # (the salt lives beside the database, in the erasure list: storage/erasure_list.py);
    # those erased before join the erasure list. See storage/repositories/gdpr.py.
    Migration("0022_gdpr_log_hashed", (), run=hash_log_subjects),
    # Who is known as an ambassador, so one who becomes one is welcomed with their area's open
    # questions (bot/services/onboarding.py); those already ambassadors are not new.
    Migration("0024_ambassador_welcomes", SCHEMA_0024),
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
        async with db.transaction() as conn:
            for statement in migration.statements:
                await conn.execute(statement)
            if migration.run is not None:
                await migration.run(conn, ErasureList.beside(db.path))
            await conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, utc_iso(clock.now())),
            )
        applied.append(migration.name)
    return applied
