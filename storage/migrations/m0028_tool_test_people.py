"""Migration 0028_tool_test_people: tool tests and their results name people by person id,
and a result keeps the message it was read from as a platform's conversation and message id.

`tool_tests.ambassador_slack_id` becomes `ambassador_id`, `closed_by` holds a person id;
`test_results.author_slack_id` becomes `author_id`, `updated_by` holds a person id. Every
Slack id there has an identity since 0025; the erasure's 'former-member' becomes NULL (a
former member, as the views show it). Both tables keep their rows when the person goes:
the columns are nullable and `ON DELETE SET NULL`, like the erasure's own anonymising.

A result's Slack message (`channel_id`, `message_ts`) becomes `platform`,
`conversation_id`, `message_id` and `thread_id` (NULL: a result is read from a message that
starts its own thread, and the release did not keep a thread), its permalink `link`. A
message gives one result, whatever the platform (the unique index).

Both tables are rebuilt (a NOT NULL column and a unique index on the message cannot be
altered in place); others point at them, so foreign keys are off while it runs and the
runner checks them before it commits. Their indexes are made again; no trigger names them.
"""

from __future__ import annotations

from storage.migrations.migration import Migration
from storage.migrations.person_columns import PersonColumn, person_of

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE tool_tests_0028 (
        id INTEGER PRIMARY KEY,
        request_key TEXT NOT NULL UNIQUE,
        tool_id INTEGER NOT NULL REFERENCES tools(id) ON DELETE CASCADE,
        ambassador_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        question TEXT NOT NULL CHECK (length(trim(question)) > 0),
        area_id INTEGER REFERENCES areas(id) ON DELETE SET NULL,
        starts_on TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'closed')),
        conclusion TEXT
            CHECK (conclusion IN ('evaluated', 'recommended', 'not_recommended')),
        conclusion_note TEXT NOT NULL DEFAULT '',
        closed_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        closed_at TEXT,
        created_at TEXT NOT NULL,
        CHECK ((state = 'closed') = (closed_at IS NOT NULL))
    )""",
    "INSERT INTO tool_tests_0028 (id, request_key, tool_id, ambassador_id, question, area_id,"  # noqa: S608
    " starts_on, state, conclusion, conclusion_note, closed_by, closed_at, created_at)"
    f" SELECT x.id, x.request_key, x.tool_id, {person_of('x.ambassador_slack_id')}, x.question,"
    " x.area_id, x.starts_on, x.state, x.conclusion, x.conclusion_note,"
    f" {person_of('x.closed_by')}, x.closed_at, x.created_at FROM tool_tests x",
    "DROP TABLE tool_tests",
    "ALTER TABLE tool_tests_0028 RENAME TO tool_tests",
    "CREATE INDEX tool_tests_tool ON tool_tests(tool_id, state)",
    "CREATE INDEX tool_tests_ambassador ON tool_tests(ambassador_id, state)",
    """CREATE TABLE test_results_0028 (
        id INTEGER PRIMARY KEY,
        request_key TEXT NOT NULL UNIQUE,
        author_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
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
        platform TEXT,
        conversation_id TEXT,
        message_id TEXT,
        thread_id TEXT,
        link TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES people(id) ON DELETE SET NULL
    )""",
    "INSERT INTO test_results_0028 (id, request_key, author_id, tool_id, test_id, daycare_id,"  # noqa: S608
    " tested_on, age_group, children, rating, engagement, worked, hard, recommendation,"
    " minutes_spent, source, platform, conversation_id, message_id, thread_id, link,"
    " created_at, updated_at, updated_by)"
    f" SELECT r.id, r.request_key, {person_of('r.author_slack_id')}, r.tool_id, r.test_id,"
    " r.daycare_id, r.tested_on, r.age_group, r.children, r.rating, r.engagement, r.worked,"
    " r.hard, r.recommendation, r.minutes_spent, r.source,"
    " CASE WHEN r.channel_id IS NULL THEN NULL ELSE 'slack' END, r.channel_id, r.message_ts,"
    f" NULL, r.permalink, r.created_at, r.updated_at, {person_of('r.updated_by')}"
    " FROM test_results r",
    "DROP TABLE test_results",
    "ALTER TABLE test_results_0028 RENAME TO test_results",
    "CREATE INDEX test_results_tool ON test_results(tool_id, tested_on)",
    "CREATE INDEX test_results_test ON test_results(test_id)",
    "CREATE INDEX test_results_author ON test_results(author_id)",
    """CREATE UNIQUE INDEX test_results_message
        ON test_results(platform, conversation_id, message_id)
        WHERE conversation_id IS NOT NULL AND message_id IS NOT NULL""",
)

MIGRATION = Migration(
    "0028_tool_test_people",
    STATEMENTS,
    foreign_keys_off=True,
    person_columns=(
        PersonColumn("tool_tests", "ambassador_slack_id", "ambassador_id"),
        PersonColumn("tool_tests", "closed_by", "closed_by", nobody="t.closed_at IS NULL"),
        PersonColumn("test_results", "author_slack_id", "author_id"),
        PersonColumn(
            "test_results", "updated_by", "updated_by", nobody="t.updated_at = t.created_at"
        ),
    ),
)
