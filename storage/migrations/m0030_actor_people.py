"""Migration 0030_actor_people: who edited a guide, recorded a decision, changed a tool's
status or a setting, and who asked for a GDPR access or erasure, is a person id.

Each column (`guide_versions.edited_by`, `tool_decisions.recorded_by`,
`tool_status_changes.changed_by`, `settings.updated_by`, `gdpr_log.requested_by`) keeps its
name and holds the person's id (`INTEGER REFERENCES people(id) ON DELETE SET NULL`: a person
removed from the organisation file leaves the record, by a former member): a Slack id
becomes the person it is the identity of (0025 made a person for every one of them). What
was not a person becomes NULL:

- the command line ('cli', and 'cli:…' for a guide version) → `via = 'cli'` (the column
  `via` says through what the change came: 'chat' for a person in the chat);
- the GDPR log's other actors: the retention rule ('retention') and the erasure list applied
  again ('erasure-list') → `via` says so;
- an erased person ('former-member', 'former-ambassador' for a guide's editor) → NULL with
  `via = 'chat'`: a former member.

The GDPR log's `subject` named a person by the salted hash of their e-mail (0022), or — an
access asked for in the chat — by their Slack id. Such a Slack id becomes the salted hash of
the Slack identity (`hmac:` + HMAC of "slack:U…", the hash the erasure list already keeps for
a person), so the log names nobody by a platform's id; the bot still names the person while
it knows them (`bot.services.gdpr.log_names`), and no longer once they are erased.

None of the columns is in a key, a CHECK or a foreign key, so each is renamed, replaced by a
new column and dropped (ALTER TABLE); the guide search's triggers on `guide_versions` name
none of them.
"""

from __future__ import annotations

import aiosqlite

from storage.erasure_list import HASH_PREFIX, ErasureList
from storage.migrations.migration import Migration
from storage.migrations.person_columns import FORMER_AMBASSADOR, PersonColumn

#: (table, column, the actors that are not a person that `via` can name besides 'chat').
ACTOR_COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("guide_versions", "edited_by", ("cli",)),
    ("tool_decisions", "recorded_by", ("cli",)),
    ("tool_status_changes", "changed_by", ("cli",)),
    ("settings", "updated_by", ("cli",)),
    ("gdpr_log", "requested_by", ("cli", "retention", "erasure-list")),
)


def _convert(table: str, column: str, actors: tuple[str, ...]) -> tuple[str, ...]:
    """The statements that turn one column into a person id with its `via` (our constant
    names only are concatenated; no value is)."""
    old = f"{column}_0029"
    allowed = ", ".join(f"'{actor}'" for actor in ("chat", *actors))
    via = " ".join(
        f"WHEN {old} = '{actor}' OR {old} LIKE '{actor}:%' THEN '{actor}'" for actor in actors
    )
    return (
        f"ALTER TABLE {table} RENAME COLUMN {column} TO {old}",
        f"ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES people(id) ON DELETE SET NULL",
        f"ALTER TABLE {table} ADD COLUMN via TEXT NOT NULL DEFAULT 'chat'"
        f" CHECK (via IN ({allowed}))",
        f"UPDATE {table} SET {column} = (SELECT i.person_id FROM identities i"  # noqa: S608
        f" WHERE i.platform = 'slack' AND i.external_id = {table}.{old}),"
        f" via = CASE {via} ELSE 'chat' END WHERE {old} IS NOT NULL",
        f"ALTER TABLE {table} DROP COLUMN {old}",
    )


STATEMENTS: tuple[str, ...] = tuple(
    statement
    for table, column, actors in ACTOR_COLUMNS
    for statement in _convert(table, column, actors)
)

#: A Slack user id as a whole value (as 0025 recognised one).
_IS_SLACK_ID = "subject GLOB '[UW][A-Z0-9]*' AND NOT subject GLOB '*[^A-Z0-9]*'"


async def hash_slack_subjects(conn: aiosqlite.Connection, erasures: ErasureList) -> None:
    """The log's subjects that are a Slack id become the salted hash of that identity."""
    async with conn.execute(
        f"SELECT id, subject FROM gdpr_log WHERE {_IS_SLACK_ID}"  # noqa: S608 - constant
    ) as cursor:
        rows = list(await cursor.fetchall())
    for row in rows:
        hashed = HASH_PREFIX + erasures.digest("slack", str(row["subject"]))
        await conn.execute("UPDATE gdpr_log SET subject = ? WHERE id = ?", (hashed, row["id"]))


MIGRATION = Migration(
    "0030_actor_people",
    STATEMENTS,
    run=hash_slack_subjects,
    person_columns=(
        PersonColumn("guide_versions", "edited_by", "edited_by", FORMER_AMBASSADOR, "via"),
        PersonColumn("tool_decisions", "recorded_by", "recorded_by", via="via"),
        PersonColumn("tool_status_changes", "changed_by", "changed_by", via="via"),
        PersonColumn("settings", "updated_by", "updated_by", via="via"),
        PersonColumn("gdpr_log", "requested_by", "requested_by", via="via"),
    ),
)
