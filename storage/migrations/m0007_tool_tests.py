"""Migration 0007_tool_tests."""

from __future__ import annotations

from storage.migrations.migration import Migration

MIGRATION = Migration(
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
)
