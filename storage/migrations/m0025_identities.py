"""Migration 0025_identities: a person is the bot's own id; `identities` maps a platform's
user id to them.

`identities(platform, external_id)` → `person_id`, with the platform's display name and
e-mail when the platform told us (NULL until then). Every Slack id in `people.slack_user_id`
becomes a 'slack' identity and the column goes: nothing in `people` names a platform any
more. `people.in_organisation` is 0 for someone who uses the bot without being in the
organisation file (a guest who asked a question, answered, signed up…): each Slack user id
found in a column that names a person, but not among the people, becomes such a person,
named by their Slack id (as the bot showed them until now) until the platform tells more.
Only values shaped like a Slack user id (`U…`/`W…`, upper-case letters and digits) are
people; the actors the CLI and the erasure write there ('cli', 'former-member', …) are not.

Columns that named a person by Slack id name them by person id, renamed without "slack"
(`guide_helpful_marks.person_id`, `nudge_pauses.person_id`): a row whose Slack id belongs to
nobody cannot stay. The other person columns still hold Slack ids (`SLACK_ID_COLUMNS` says
which are converted).

`people` is rebuilt (SQLite cannot drop a UNIQUE column), so this migration runs with
foreign keys off — a DROP TABLE of `people` would otherwise delete every row that cascades
from it — and the runner checks `PRAGMA foreign_key_check` before it commits.
"""

from __future__ import annotations

from storage.migrations.migration import Migration
from storage.migrations.person_columns import PersonColumn

#: Every column that held a Slack user id before this migration (the GDPR holdings list the
#: same): table, column then, column now (a person id where the name changed).
SLACK_ID_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("guide_versions", "edited_by", "edited_by"),
    ("guide_helpful_marks", "slack_user_id", "person_id"),
    ("sparring_questions", "asker_slack_id", "asker_slack_id"),
    ("sparring_questions", "claimed_by", "claimed_by"),
    ("sparring_questions", "answered_by", "answered_by"),
    ("sparring_replies", "author_slack_id", "author_slack_id"),
    ("tool_tests", "ambassador_slack_id", "ambassador_slack_id"),
    ("tool_tests", "closed_by", "closed_by"),
    ("test_results", "author_slack_id", "author_slack_id"),
    ("test_results", "updated_by", "updated_by"),
    ("reminders", "recipient", "recipient"),
    ("nudge_pauses", "slack_user_id", "person_id"),
    ("area_evaluations", "slack_user_id", "slack_user_id"),
    ("adoption", "changed_by", "changed_by"),
    ("adoption_changes", "changed_by", "changed_by"),
    ("spreading_rounds", "started_by", "started_by"),
    ("spreading_targets", "answered_by", "answered_by"),
    ("trainings", "ambassador_slack_id", "ambassador_slack_id"),
    ("training_signups", "slack_user_id", "slack_user_id"),
    ("tool_decisions", "recorded_by", "recorded_by"),
    ("tool_status_changes", "changed_by", "changed_by"),
    ("settings", "updated_by", "updated_by"),
    ("gdpr_log", "requested_by", "requested_by"),
)

#: A Slack user id: U or W, then upper-case letters and digits (GLOB is case-sensitive).
IS_SLACK_ID = "v GLOB '[UW][A-Z0-9]*' AND NOT v GLOB '*[^A-Z0-9]*'"
NOW = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"
#: Only our constant table and column names are concatenated here; no value ever is.
_USED_IDS = " UNION ".join(
    f"SELECT {column} AS v FROM {table}"  # noqa: S608
    for table, column, _ in SLACK_ID_COLUMNS
)

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE identities (
        platform TEXT NOT NULL,
        external_id TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        display_name TEXT,
        email TEXT,
        PRIMARY KEY (platform, external_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX identities_person ON identities(person_id, platform)",
    "ALTER TABLE people ADD COLUMN in_organisation INTEGER NOT NULL DEFAULT 1"
    " CHECK (in_organisation IN (0, 1))",
    "INSERT INTO people (slack_user_id, name, in_organisation, created_at, updated_at)"  # noqa: S608
    f" SELECT v, v, 0, {NOW}, {NOW} FROM ({_USED_IDS})"
    f" WHERE {IS_SLACK_ID} AND v NOT IN (SELECT slack_user_id FROM people) ORDER BY v",
    "INSERT INTO identities (platform, external_id, person_id)"
    " SELECT 'slack', slack_user_id, id FROM people WHERE slack_user_id NOT LIKE '~parked~%'",
    """CREATE TABLE people_0025 (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT UNIQUE COLLATE NOCASE,
        language TEXT CHECK (language IN ('da', 'en')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        welcomed_at TEXT,
        last_active_at TEXT,
        welcome_key TEXT,
        in_organisation INTEGER NOT NULL DEFAULT 1 CHECK (in_organisation IN (0, 1))
    )""",
    "INSERT INTO people_0025 (id, name, email, language, created_at, updated_at, welcomed_at,"
    " last_active_at, welcome_key, in_organisation)"
    " SELECT id, name, email, language, created_at, updated_at, welcomed_at, last_active_at,"
    " welcome_key, in_organisation FROM people",
    "DROP TABLE people",
    "ALTER TABLE people_0025 RENAME TO people",
    # Person columns: the person's id instead of their Slack id, renamed without "slack".
    """CREATE TABLE guide_helpful_marks_0025 (
        guide_id INTEGER NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        marked_at TEXT NOT NULL,
        PRIMARY KEY (guide_id, person_id)
    )""",
    "INSERT INTO guide_helpful_marks_0025 (guide_id, person_id, marked_at)"
    " SELECT m.guide_id, i.person_id, m.marked_at FROM guide_helpful_marks m"
    " JOIN identities i ON i.platform = 'slack' AND i.external_id = m.slack_user_id",
    "DROP TABLE guide_helpful_marks",
    "ALTER TABLE guide_helpful_marks_0025 RENAME TO guide_helpful_marks",
    """CREATE TABLE nudge_pauses_0025 (
        person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        until_date TEXT NOT NULL,
        set_at TEXT NOT NULL
    )""",
    "INSERT INTO nudge_pauses_0025 (person_id, until_date, set_at)"
    " SELECT i.person_id, p.until_date, p.set_at FROM nudge_pauses p"
    " JOIN identities i ON i.platform = 'slack' AND i.external_id = p.slack_user_id",
    "DROP TABLE nudge_pauses",
    "ALTER TABLE nudge_pauses_0025 RENAME TO nudge_pauses",
)

MIGRATION = Migration(
    "0025_identities",
    STATEMENTS,
    foreign_keys_off=True,
    person_columns=(
        PersonColumn("guide_helpful_marks", "slack_user_id", "person_id"),
        PersonColumn("nudge_pauses", "slack_user_id", "person_id"),
    ),
)
