"""Migration 0027_sparring_people: sparring questions and their thread replies name people
by person id, and keep the messages they were posted as or read from as a platform's
conversation and message id.

`sparring_questions.asker_slack_id` becomes `asker_id`; `claimed_by` and `answered_by` hold a
person id; `sparring_replies.author_slack_id` becomes `author_id`. Every Slack id there has
an identity since 0025; the erasure's (and the retention rule's) 'former-member' becomes
NULL, a former member, as the views show it. A question and a reply stay when their person
goes (the network's knowledge is kept): the columns are nullable and `ON DELETE SET NULL`,
like the erasure's own anonymising. The checks that a claim time has a claimer and an
answer time an answerer go (NULL is a former member now); what stays is that nobody is
named for a claim or an answer that did not happen.

The question's post (`channel_id`, `message_ts`) becomes `platform`, `conversation_id`,
`message_id` and `thread_id` (NULL: the post starts its own thread); the answer in that
thread (`answer_ts`) is `answer_message_id`. A reply's message (`channel_id`, `ts`) becomes
`platform`, `conversation_id`, `message_id`; its thread is its question's post. Every message
the release stored was Slack's.

Both tables are rebuilt (the NOT NULL asker, the checks and the unique message keys cannot be
altered in place); the replies point at the questions, so foreign keys are off while it runs
and the runner checks them before it commits. Their indexes are made again; no trigger or
search index names them.
"""

from __future__ import annotations

from storage.migrations.migration import Migration
from storage.migrations.person_columns import PersonColumn, person_of

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE sparring_questions_0027 (
        id INTEGER PRIMARY KEY,
        request_key TEXT NOT NULL UNIQUE,
        asker_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        area_id INTEGER REFERENCES areas(id) ON DELETE SET NULL,
        daycare_id INTEGER REFERENCES daycares(id) ON DELETE SET NULL,
        tool_id INTEGER REFERENCES tools(id) ON DELETE SET NULL,
        question TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open'
            CHECK (state IN ('draft', 'open', 'answered', 'resolved')),
        platform TEXT,
        conversation_id TEXT,
        message_id TEXT,
        thread_id TEXT,
        created_at TEXT NOT NULL,
        urgency TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
        private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
        area_gap INTEGER NOT NULL DEFAULT 0 CHECK (area_gap IN (0, 1)),
        claimed_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        claimed_at TEXT,
        first_reply_at TEXT,
        answered_at TEXT,
        answered_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        answer_text TEXT,
        answer_message_id TEXT,
        resolved_at TEXT,
        faq_guide_id INTEGER REFERENCES guides(id) ON DELETE SET NULL,
        delivered_at TEXT,
        CHECK (claimed_at IS NOT NULL OR claimed_by IS NULL),
        CHECK (answered_at IS NOT NULL OR answered_by IS NULL),
        CHECK (state != 'resolved' OR resolved_at IS NOT NULL)
    )""",
    "INSERT INTO sparring_questions_0027 (id, request_key, asker_id, area_id, daycare_id,"  # noqa: S608
    " tool_id, question, state, platform, conversation_id, message_id, thread_id, created_at,"
    " urgency, private, area_gap, claimed_by, claimed_at, first_reply_at, answered_at,"
    " answered_by, answer_text, answer_message_id, resolved_at, faq_guide_id, delivered_at)"
    f" SELECT q.id, q.request_key, {person_of('q.asker_slack_id')}, q.area_id, q.daycare_id,"
    " q.tool_id, q.question, q.state,"
    " CASE WHEN q.channel_id IS NULL THEN NULL ELSE 'slack' END, q.channel_id, q.message_ts,"
    " NULL, q.created_at, q.urgency, q.private, q.area_gap,"
    f" {person_of('q.claimed_by')}, q.claimed_at, q.first_reply_at, q.answered_at,"
    f" {person_of('q.answered_by')}, q.answer_text, q.answer_ts, q.resolved_at, q.faq_guide_id,"
    " q.delivered_at FROM sparring_questions q",
    "DROP TABLE sparring_questions",
    "ALTER TABLE sparring_questions_0027 RENAME TO sparring_questions",
    "CREATE INDEX sparring_questions_state ON sparring_questions(state, created_at)",
    "CREATE INDEX sparring_questions_asker ON sparring_questions(asker_id, state)",
    """CREATE UNIQUE INDEX sparring_questions_post
        ON sparring_questions(platform, conversation_id, message_id)
        WHERE conversation_id IS NOT NULL AND message_id IS NOT NULL""",
    """CREATE TABLE sparring_replies_0027 (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES sparring_questions(id) ON DELETE CASCADE,
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        author_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (platform, conversation_id, message_id)
    )""",
    "INSERT INTO sparring_replies_0027 (id, question_id, platform, conversation_id, message_id,"  # noqa: S608
    " author_id, text, created_at)"
    f" SELECT r.id, r.question_id, 'slack', r.channel_id, r.ts, {person_of('r.author_slack_id')},"
    " r.text, r.created_at FROM sparring_replies r",
    "DROP TABLE sparring_replies",
    "ALTER TABLE sparring_replies_0027 RENAME TO sparring_replies",
    "CREATE INDEX sparring_replies_question ON sparring_replies(question_id, message_id)",
)

MIGRATION = Migration(
    "0027_sparring_people",
    STATEMENTS,
    foreign_keys_off=True,
    person_columns=(
        PersonColumn("sparring_questions", "asker_slack_id", "asker_id"),
        PersonColumn(
            "sparring_questions", "claimed_by", "claimed_by", nobody="t.claimed_at IS NULL"
        ),
        PersonColumn(
            "sparring_questions", "answered_by", "answered_by", nobody="t.answered_at IS NULL"
        ),
        PersonColumn("sparring_replies", "author_slack_id", "author_id"),
    ),
)
