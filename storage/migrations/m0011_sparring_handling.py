"""Migration 0011_sparring_handling.

Handling a question: urgency, privacy, claim, replies, answer, resolution, FAQ. The table
is rebuilt (SQLite cannot change a CHECK) so `state` may also be 'draft': a question held
back while the asker is shown guides that may already answer it. Replies in a question's
thread are kept once per message (a retried event adds nothing). Released: never change it,
add a new migration.
"""

from __future__ import annotations

from storage.migrations.migration import Migration

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE sparring_questions_0011 (
        id INTEGER PRIMARY KEY,
        request_key TEXT NOT NULL UNIQUE,
        asker_slack_id TEXT NOT NULL,
        area_id INTEGER REFERENCES areas(id) ON DELETE SET NULL,
        daycare_id INTEGER REFERENCES daycares(id) ON DELETE SET NULL,
        tool_id INTEGER REFERENCES tools(id) ON DELETE SET NULL,
        question TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open'
            CHECK (state IN ('draft', 'open', 'answered', 'resolved')),
        channel_id TEXT,
        message_ts TEXT,
        created_at TEXT NOT NULL,
        urgency TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
        private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
        area_gap INTEGER NOT NULL DEFAULT 0 CHECK (area_gap IN (0, 1)),
        claimed_by TEXT,
        claimed_at TEXT,
        first_reply_at TEXT,
        answered_at TEXT,
        answered_by TEXT,
        answer_text TEXT,
        answer_ts TEXT,
        resolved_at TEXT,
        faq_guide_id INTEGER REFERENCES guides(id) ON DELETE SET NULL,
        CHECK ((claimed_by IS NULL) = (claimed_at IS NULL)),
        CHECK ((answered_at IS NULL) = (answered_by IS NULL)),
        CHECK (state != 'resolved' OR resolved_at IS NOT NULL)
    )""",
    "INSERT INTO sparring_questions_0011 (id, request_key, asker_slack_id, area_id, daycare_id,"
    " tool_id, question, state, channel_id, message_ts, created_at)"
    " SELECT id, request_key, asker_slack_id, area_id, daycare_id, tool_id, question, state,"
    " channel_id, message_ts, created_at FROM sparring_questions",
    "DROP TABLE sparring_questions",
    "ALTER TABLE sparring_questions_0011 RENAME TO sparring_questions",
    "CREATE INDEX sparring_questions_state ON sparring_questions(state, created_at)",
    "CREATE INDEX sparring_questions_asker ON sparring_questions(asker_slack_id, state)",
    """CREATE UNIQUE INDEX sparring_questions_post ON sparring_questions(channel_id, message_ts)
        WHERE channel_id IS NOT NULL AND message_ts IS NOT NULL""",
    # Replies in a question's thread, once per Slack message (a retried event adds nothing).
    """CREATE TABLE sparring_replies (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES sparring_questions(id) ON DELETE CASCADE,
        channel_id TEXT NOT NULL,
        ts TEXT NOT NULL,
        author_slack_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (channel_id, ts)
    )""",
    "CREATE INDEX sparring_replies_question ON sparring_replies(question_id, ts)",
)

MIGRATION = Migration("0011_sparring_handling", STATEMENTS)
