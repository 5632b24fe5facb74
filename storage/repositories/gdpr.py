"""Personal data (GDPR): what the bot holds about one person, erasing it, retention, and the
log of each access, erasure and retention run (migration 0016; since 0022 the log names an
erased person by the salted hash of their e-mail, see `storage.erasure_list`).

The rules — which rows are a person's, what happens to each — are tables of constants here, so
`my-data`, the erasure plan (a dry run counts) and the erasure itself read the same list.
Table and column names in the generated SQL come from these constants only; every value is a
parameter (`:s` the Slack id, `:p` the person id, `:e` the e-mail in lower case, `:n0`… the
spellings of the name that an erasure replaces in free texts).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

import aiosqlite

from storage.db import Database

logger = logging.getLogger(__name__)


#: Who an erased person becomes in the rows that stay (asker, answerer, changed_by, …).
FORMER_MEMBER = "former-member"
#: Who an erased person becomes as the editor of guide versions (their guides stay).
FORMER_AMBASSADOR = "former-ambassador"
#: A text removed by the retention rule.
RETENTION_MARKER = "[anonymiseret]"
#: What an erased person wrote becomes, and their name where others wrote it.
ERASED_TEXT = "[slettet]"
#: How many spellings of the name (and the e-mail) an erasure replaces in others' texts.
NAME_VARIANTS = 8

Action = Literal["access", "erasure", "retention"]
Verb = Literal["removed", "anonymised", "closed", "kept", "renamed"]
#: What a step needs to know: the Slack id, the person id, the e-mail, the name's spellings.
Needs = Literal["s", "p", "e", "n"]


@dataclass(frozen=True)
class Holding:
    """One section of `my-data`: the rows of `table` that are the person's."""

    section: str
    table: str
    where: str
    needs: Needs
    order: str = "rowid"


#: Every table that holds a Slack user id, a person id or an e-mail, and how to find a
#: person's rows in it. `processed_events` and `digests` hold none.
HOLDINGS: tuple[Holding, ...] = (
    Holding("person", "people", "id = :p AND in_organisation = 1", "p", "id"),
    Holding("roles", "person_roles", "person_id = :p", "p", "id"),
    Holding("guides_owned", "guides", "owner_id = :p OR owner_email = :e", "p", "id"),
    Holding("guide_versions_edited", "guide_versions", "edited_by = :s", "s", "guide_id, version"),
    Holding("guide_helpful_marks", "guide_helpful_marks", "person_id = :p", "p", "guide_id"),
    Holding("sparring_questions_asked", "sparring_questions", "asker_slack_id = :s", "s", "id"),
    Holding(
        "sparring_questions_handled",
        "sparring_questions",
        "claimed_by = :s OR answered_by = :s",
        "s",
        "id",
    ),
    Holding("sparring_replies", "sparring_replies", "author_slack_id = :s", "s", "id"),
    Holding("tool_tests", "tool_tests", "ambassador_slack_id = :s OR closed_by = :s", "s", "id"),
    Holding("test_results", "test_results", "author_slack_id = :s OR updated_by = :s", "s", "id"),
    Holding("reminders", "reminders", "recipient = :p", "p", "id"),
    Holding("nudge_pauses", "nudge_pauses", "person_id = :p", "p", "person_id"),
    Holding("area_evaluations", "area_evaluations", "slack_user_id = :s", "s", "id"),
    Holding("adoption", "adoption", "changed_by = :s", "s", "daycare_id, tool_id"),
    Holding("adoption_changes", "adoption_changes", "changed_by = :s", "s", "id"),
    Holding("spreading_rounds", "spreading_rounds", "started_by = :s", "s", "id"),
    Holding(
        "spreading_targets", "spreading_targets", "answered_by = :s", "s", "round_id, daycare_id"
    ),
    Holding("trainings", "trainings", "ambassador_slack_id = :s", "s", "id"),
    Holding("training_signups", "training_signups", "slack_user_id = :s", "s", "training_id"),
    Holding("tool_decisions", "tool_decisions", "recorded_by = :s", "s", "id"),
    Holding("tool_status_changes", "tool_status_changes", "changed_by = :s", "s", "id"),
    Holding("settings", "settings", "updated_by = :s", "s", "key"),
    Holding("gdpr_log", "gdpr_log", "subject = :s OR subject = :e OR requested_by = :s", "s", "id"),
)


@dataclass(frozen=True)
class Step:
    """One change of an erasure. `change` is the SET clause; None deletes the rows."""

    table: str
    verb: Verb
    where: str
    change: str | None
    needs: Needs


def _anonymise(table: str, column: str, placeholder: str = ":former") -> Step:
    return Step(table, "anonymised", f"{column} = :s", f"{column} = {placeholder}", "s")


def _own_text(table: str, author: str, *columns: str) -> Step:
    """What the person wrote in `columns` of their rows becomes `[slettet]` (an empty text
    stays empty); must run before their id in `author` is replaced."""
    changed = " OR ".join(f"({c} IS NOT NULL AND {c} NOT IN ('', :erased))" for c in columns)
    change = ", ".join(
        f"{c} = CASE WHEN {c} IS NULL OR {c} = '' THEN {c} ELSE :erased END" for c in columns
    )
    return Step(table, "anonymised", f"{author} = :s AND ({changed})", change, "s")


def _name_in(table: str, column: str) -> Step:
    """Every spelling of the person's name (and their e-mail) in a text anyone wrote
    becomes `[slettet]`; the rest of the text stays."""
    found = " OR ".join(f"instr({column}, :n{i}) > 0" for i in range(NAME_VARIANTS))
    replaced = column
    for i in range(NAME_VARIANTS):
        replaced = f"replace({replaced}, :n{i}, :erased)"
    return Step(table, "renamed", found, f"{column} = {replaced}", "n")


#: Free texts others wrote that may mention the person (`<@U…>`): the id becomes the
#: placeholder, the rest of the text stays.
MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("sparring_questions", "question"),
    ("sparring_questions", "answer_text"),
    ("sparring_replies", "text"),
    ("test_results", "worked"),
    ("test_results", "hard"),
    ("tool_tests", "question"),
    ("tool_tests", "conclusion_note"),
    ("guide_versions", "body"),
    ("trainings", "note"),
    ("adoption", "reason"),
    ("adoption_changes", "reason"),
    ("spreading_targets", "reason"),
    ("tool_decisions", "note"),
)

#: Every free text a person writes (grep the schema when adding a table): their own become
#: `[slettet]` when they are erased (`_own_text` steps), and their name is replaced in all.
FREE_TEXT_COLUMNS: tuple[tuple[str, str], ...] = (
    *MENTION_COLUMNS,
    ("guide_versions", "title"),
    ("guide_versions", "purpose"),
    ("trainings", "place"),
    ("area_evaluations", "works"),
    ("area_evaluations", "hard"),
    ("area_evaluations", "drop_or_spread"),
    ("area_evaluations", "support"),
    ("spreading_rounds", "ended_reason"),
)

#: The erasure, in order (one transaction). Deleted: what is only about the person (pending
#: and sent reminders to or about them, nudge pauses, helpful marks, area evaluation answers —
#: personal opinions — training sign-ups, and questions never sent), then their roles and
#: person row. Replaced by `[slettet]`: what they wrote (their questions, answers, replies,
#: result comments, test questions and notes, training notes, reasons, decision notes), and
#: their name and e-mail in anyone's free text (`FREE_TEXT_COLUMNS`). Kept, without them: the
#: rows and their numbers, and the guides (an FAQ from their question stays in the guide).
#: Their running tool tests are closed (no conclusion), so no checkpoint nudge goes to nobody.
#: The file itself is emptied of the old bytes afterwards (`rewrite_file`).
ERASURE: tuple[Step, ...] = (
    # To them, or about them: a payload names a person by id in these fields (every
    # person a key names is one of these too).
    Step(
        "reminders",
        "removed",
        "recipient = :p OR EXISTS (SELECT 1 FROM json_each(reminders.payload) j"
        " WHERE j.key IN ('person_id', 'person', 'superuser') AND j.value = :p)",
        None,
        "p",
    ),
    Step("nudge_pauses", "removed", "person_id = :p", None, "p"),
    Step("guide_helpful_marks", "removed", "person_id = :p", None, "p"),
    Step("area_evaluations", "removed", "slack_user_id = :s", None, "s"),
    Step("training_signups", "removed", "slack_user_id = :s", None, "s"),
    # A question never sent (a draft) was never the network's: it goes.
    Step("sparring_questions", "removed", "asker_slack_id = :s AND state = 'draft'", None, "s"),
    # What they wrote, before their id is replaced (then it could not be found).
    _own_text("sparring_questions", "asker_slack_id", "question"),
    _own_text("sparring_questions", "answered_by", "answer_text"),
    _own_text("sparring_replies", "author_slack_id", "text"),
    _own_text("test_results", "author_slack_id", "worked", "hard"),
    _own_text("tool_tests", "ambassador_slack_id", "question", "conclusion_note"),
    _own_text("trainings", "ambassador_slack_id", "note"),
    _own_text("adoption", "changed_by", "reason"),
    _own_text("adoption_changes", "changed_by", "reason"),
    _own_text("spreading_targets", "answered_by", "reason"),
    _own_text("tool_decisions", "recorded_by", "note"),
    Step(
        "tool_tests",
        "closed",
        "ambassador_slack_id = :s AND state = 'running'",
        "state = 'closed', closed_at = :now, closed_by = :former",
        "s",
    ),
    _anonymise("tool_tests", "ambassador_slack_id"),
    _anonymise("tool_tests", "closed_by"),
    _anonymise("test_results", "author_slack_id"),
    _anonymise("test_results", "updated_by"),
    _anonymise("sparring_questions", "asker_slack_id"),
    _anonymise("sparring_questions", "claimed_by"),
    _anonymise("sparring_questions", "answered_by"),
    _anonymise("sparring_replies", "author_slack_id"),
    Step(
        "guides",
        "kept",
        "owner_id = :p OR owner_email = :e",
        "owner_id = NULL, owner_email = NULL",
        "p",
    ),
    Step(
        "guides",
        "kept",
        "owner_email = :e",
        "owner_id = NULL, owner_email = NULL",
        "e",
    ),
    _anonymise("guide_versions", "edited_by", ":former_ambassador"),
    _anonymise("adoption", "changed_by"),
    _anonymise("adoption_changes", "changed_by"),
    _anonymise("spreading_rounds", "started_by"),
    _anonymise("spreading_targets", "answered_by"),
    _anonymise("trainings", "ambassador_slack_id"),
    _anonymise("tool_decisions", "recorded_by"),
    _anonymise("tool_status_changes", "changed_by"),
    _anonymise("settings", "updated_by"),
    _anonymise("gdpr_log", "subject"),
    _anonymise("gdpr_log", "requested_by"),
    *(
        Step(
            table,
            "anonymised",
            f"instr({column}, '<@' || :s || '>') > 0 OR instr({column}, '<@' || :s || '|') > 0",
            f"{column} = replace(replace({column}, '<@' || :s || '>', '<@' || :former || '>'),"
            f" '<@' || :s || '|', '<@' || :former || '|')",
            "s",
        )
        for table, column in MENTION_COLUMNS
    ),
    *(_name_in(table, column) for table, column in FREE_TEXT_COLUMNS),
    Step("person_roles", "removed", "person_id = :p", None, "p"),
    Step("people", "removed", "id = :p", None, "p"),
)


@dataclass(frozen=True)
class Identity:
    """Whom a GDPR request is about: a Slack id, a person row, an e-mail — any may be
    missing (a guide owner known only by e-mail). Someone not in the organisation who used
    the bot has a person row too, as a guest (`in_organisation` False)."""

    slack_id: str | None
    person_id: int | None
    email: str | None
    name: str | None
    in_organisation: bool = True

    def params(self) -> dict[str, Any]:
        return {"s": self.slack_id, "p": self.person_id, "e": self.email}

    def has(self, needs: Needs) -> bool:
        if needs == "n":
            return bool(self.spellings())
        value = {"s": self.slack_id, "p": self.person_id, "e": self.email}[needs]
        return value is not None and value != ""

    def spellings(self) -> list[str]:
        """How others may have written the person: the full name as stored and first +
        last name, each as written, in lower and in upper case; and the e-mail. A name of
        one word is left out: it would also replace ordinary words and namesakes."""
        found: list[str] = []
        words = (self.name or "").split()
        if len(words) >= 2:
            for name in dict.fromkeys((" ".join(words), f"{words[0]} {words[-1]}")):
                found += [name, name.lower(), name.upper()]
        if self.email:
            found.append(self.email)
        return list(dict.fromkeys(found))[:NAME_VARIANTS]

    def name_params(self) -> dict[str, str]:
        """`:n0` … for the `renamed` steps; unused places repeat the first spelling."""
        spellings = self.spellings() or [ERASED_TEXT]
        return {f"n{i}": spellings[min(i, len(spellings) - 1)] for i in range(NAME_VARIANTS)}


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: str
    action: Action
    subject: str
    requested_by: str
    detail: str


# -- finding the person --------------------------------------------------------------------


async def identity_by_slack_id(db: Database, slack_id: str) -> Identity:
    row = await db.fetchone(
        "SELECT p.id, p.email, p.name, p.in_organisation FROM people p"
        " JOIN identities i ON i.person_id = p.id"
        " WHERE i.platform = 'slack' AND i.external_id = ?",
        (slack_id,),
    )
    if row is None:
        return Identity(slack_id, None, None, None)
    email = str(row["email"]).lower() if row["email"] else None
    return Identity(slack_id, int(row["id"]), email, str(row["name"]), bool(row["in_organisation"]))


async def identity_by_email(db: Database, email: str) -> Identity:
    row = await db.fetchone(
        "SELECT p.id, i.external_id AS slack_user_id, p.name FROM people p"
        " LEFT JOIN identities i ON i.person_id = p.id AND i.platform = 'slack'"
        " WHERE p.email = ?",
        (email.strip(),),
    )
    if row is None:
        return Identity(None, None, email.strip().lower(), None)
    return Identity(
        str(row["slack_user_id"]), int(row["id"]), email.strip().lower(), str(row["name"])
    )


# -- what the bot holds --------------------------------------------------------------------


async def holdings(db: Database, who: Identity) -> dict[str, list[dict[str, Any]]]:
    """Every row that is the person's, section by section (an empty list where none)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for holding in HOLDINGS:
        if not who.has(holding.needs):
            found[holding.section] = []
            continue
        rows = await db.fetchall(
            f"SELECT * FROM {holding.table} WHERE {holding.where}"  # noqa: S608 - constants
            f" ORDER BY {holding.order}",
            who.params(),
        )
        records = [dict(row) for row in rows]
        if holding.table == "reminders":
            for record in records:
                record["payload"] = json.loads(record["payload"] or "{}")
        found[holding.section] = records
    return found


# -- erasure -------------------------------------------------------------------------------


def _steps(who: Identity) -> list[Step]:
    return [step for step in ERASURE if who.has(step.needs)]


def _params(who: Identity, now: str) -> dict[str, Any]:
    return {
        **who.params(),
        **who.name_params(),
        "erased": ERASED_TEXT,
        "former": FORMER_MEMBER,
        "former_ambassador": FORMER_AMBASSADOR,
        "now": now,
    }


async def erasure_counts(conn: aiosqlite.Connection, who: Identity) -> dict[tuple[str, Verb], int]:
    """(table, verb) → distinct rows the erasure would touch, in the order the steps run."""
    wheres: dict[tuple[str, Verb], list[str]] = {}
    for step in _steps(who):
        wheres.setdefault((step.table, step.verb), []).append(f"({step.where})")
    counts: dict[tuple[str, Verb], int] = {}
    for (table, verb), parts in wheres.items():
        sql = f"SELECT COUNT(*) FROM {table} WHERE {' OR '.join(parts)}"  # noqa: S608
        async with conn.execute(sql, _params(who, "")) as cursor:
            row = await cursor.fetchone()
        if row is not None and row[0]:
            counts[(table, verb)] = int(row[0])
    return counts


async def erase(conn: aiosqlite.Connection, who: Identity, now: str) -> None:
    """Run every step for the person (inside the caller's transaction)."""
    params = _params(who, now)
    for step in _steps(who):
        if step.change is None:
            sql = f"DELETE FROM {step.table} WHERE {step.where}"  # noqa: S608 - constants
        else:
            sql = f"UPDATE {step.table} SET {step.change} WHERE {step.where}"  # noqa: S608
        await conn.execute(sql, params)
    # The search index keeps the words of a guide's old text in its segments until they
    # are merged; merging them all now leaves only what the guides say today.
    await conn.execute("INSERT INTO guide_search (guide_search) VALUES ('optimize')")


# -- retention -----------------------------------------------------------------------------


async def retention_counts(conn: aiosqlite.Connection, cutoff: str) -> dict[str, int]:
    """Rows older than `cutoff` (UTC ISO) still holding what retention removes."""
    counts: dict[str, int] = {}
    for table, sql in (
        (
            "sparring_questions",
            "SELECT COUNT(*) FROM sparring_questions WHERE created_at < :cutoff"
            " AND (question != :marker OR asker_slack_id != :former"
            " OR (answer_text IS NOT NULL AND answer_text != :marker))",
        ),
        (
            "sparring_replies",
            "SELECT COUNT(*) FROM sparring_replies WHERE text != :marker AND question_id IN"
            " (SELECT id FROM sparring_questions WHERE created_at < :cutoff)",
        ),
        (
            "test_results",
            "SELECT COUNT(*) FROM test_results WHERE created_at < :cutoff"
            " AND (worked != '' OR hard != '')",
        ),
    ):
        async with conn.execute(sql, _retention_params(cutoff)) as cursor:
            row = await cursor.fetchone()
        if row is not None and row[0]:
            counts[table] = int(row[0])
    return counts


def _retention_params(cutoff: str) -> dict[str, Any]:
    return {"cutoff": cutoff, "marker": RETENTION_MARKER, "former": FORMER_MEMBER}


async def apply_retention(conn: aiosqlite.Connection, cutoff: str) -> None:
    """Questions (with their answers and replies) and results' free texts older than
    `cutoff`: texts replaced, the asker made a placeholder; numbers and dates stay."""
    params = _retention_params(cutoff)
    await conn.execute(
        "UPDATE sparring_replies SET text = :marker WHERE text != :marker AND question_id IN"
        " (SELECT id FROM sparring_questions WHERE created_at < :cutoff)",
        params,
    )
    await conn.execute(
        "UPDATE sparring_questions SET question = :marker, asker_slack_id = :former,"
        " answer_text = CASE WHEN answer_text IS NULL THEN NULL ELSE :marker END"
        " WHERE created_at < :cutoff AND (question != :marker OR asker_slack_id != :former"
        " OR (answer_text IS NOT NULL AND answer_text != :marker))",
        params,
    )
    await conn.execute(
        "UPDATE test_results SET worked = '', hard = ''"
        " WHERE created_at < :cutoff AND (worked != '' OR hard != '')",
        params,
    )


# -- the log -------------------------------------------------------------------------------


async def add_log(
    conn: aiosqlite.Connection,
    at: str,
    action: Action,
    subject: str,
    requested_by: str,
    detail: str,
) -> None:
    await conn.execute(
        "INSERT INTO gdpr_log (at, action, subject, requested_by, detail) VALUES (?, ?, ?, ?, ?)",
        (at, action, subject, requested_by, detail),
    )


def _entry(row: Any) -> LogEntry:
    return LogEntry(
        id=row["id"],
        at=row["at"],
        action=row["action"],
        subject=row["subject"],
        requested_by=row["requested_by"],
        detail=row["detail"],
    )


async def log_entries(db: Database, limit: int | None = None) -> list[LogEntry]:
    """Newest first; all of them when `limit` is None."""
    rows = await db.fetchall(
        "SELECT id, at, action, subject, requested_by, detail FROM gdpr_log"
        " ORDER BY id DESC LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return [_entry(row) for row in rows]


async def log_size(db: Database) -> int:
    row = await db.fetchone("SELECT COUNT(*) AS n FROM gdpr_log")
    return int(row["n"]) if row is not None else 0


async def last_erasure_of(db: Database, subject: str) -> LogEntry | None:
    row = await db.fetchone(
        "SELECT id, at, action, subject, requested_by, detail FROM gdpr_log"
        " WHERE action = 'erasure' AND subject = ? COLLATE NOCASE ORDER BY id DESC LIMIT 1",
        (subject,),
    )
    return _entry(row) if row is not None else None


async def log_records(db: Database) -> list[dict[str, Any]]:
    """The whole log, oldest first (a section of `tovholder export`)."""
    rows = await db.fetchall(
        "SELECT id, at, action, subject, requested_by, detail FROM gdpr_log ORDER BY id"
    )
    return [dict(row) for row in rows]


# -- the erasure list and the file ---------------------------------------------------------

#: Where a Slack id stands for who wrote or did something: on a restored backup, the people
#: erased since are found here even when their person row was gone before the erasure.
AUTHOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("sparring_questions", "asker_slack_id"),
    ("sparring_questions", "answered_by"),
    ("sparring_questions", "claimed_by"),
    ("sparring_replies", "author_slack_id"),
    ("test_results", "author_slack_id"),
    ("tool_tests", "ambassador_slack_id"),
    ("trainings", "ambassador_slack_id"),
    ("training_signups", "slack_user_id"),
    ("area_evaluations", "slack_user_id"),
    ("guide_versions", "edited_by"),
)


async def everyone(db: Database) -> list[Identity]:
    """Everyone the database knows: each person, each Slack id that wrote or did something
    without a person row, and each guide owner known only by e-mail."""
    found: list[Identity] = []
    for row in await db.fetchall(
        "SELECT p.id, i.external_id AS slack_user_id, p.email, p.name FROM people p"
        " LEFT JOIN identities i ON i.person_id = p.id AND i.platform = 'slack'"
    ):
        email = str(row["email"]).lower() if row["email"] else None
        found.append(Identity(str(row["slack_user_id"]), int(row["id"]), email, str(row["name"])))
    union = " UNION ".join(
        f"SELECT {column} AS id FROM {table}"  # noqa: S608 - constants
        for table, column in AUTHOR_COLUMNS
    )
    rows = await db.fetchall(
        f"SELECT id FROM ({union}) WHERE id IS NOT NULL"  # noqa: S608 - constants
        " AND id NOT IN (SELECT external_id FROM identities WHERE platform = 'slack')"
        " AND id NOT IN (?, ?)",
        (FORMER_MEMBER, FORMER_AMBASSADOR),
    )
    found += [Identity(str(row["id"]), None, None, None) for row in rows]
    owners = await db.fetchall(
        "SELECT DISTINCT lower(owner_email) AS e FROM guides WHERE owner_email IS NOT NULL"
        " AND lower(owner_email) NOT IN (SELECT lower(email) FROM people WHERE email IS NOT NULL)"
    )
    found += [Identity(None, None, str(row["e"]), None) for row in owners]
    return found


async def set_secure_delete(db: Database, on: bool) -> bool:
    """Freed space overwritten with zeros (`PRAGMA secure_delete`) on the writing connection,
    so an erasure leaves no old text in a page's free space even when VACUUM cannot run
    (a full disk); the setting before, to put back (some SQLite builds have it on always)."""
    async with db.outside_transaction() as conn:
        async with conn.execute("PRAGMA secure_delete") as cursor:
            row = await cursor.fetchone()
        # The PRAGMA answers with a row; read it, or the statement stays open.
        async with conn.execute(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}") as cursor:
            await cursor.fetchall()
    return bool(row[0]) if row is not None else False


async def rewrite_file(db: Database) -> tuple[int, int]:
    """Nothing erased left in the file. VACUUM rewrites the database with only what is live:
    edits and deletions made before the erasure, on a SQLite without secure_delete, left
    older copies of texts in free space and on free pages, which the erasure cannot reach.
    The TRUNCATE checkpoint then copies the WAL into the file and empties it (the WAL holds
    a copy of every page written since the last checkpoint). (busy, WAL frames left): busy
    is 1 when a reader in another process kept the checkpoint from finishing. VACUUM that
    fails (it needs room for a copy of the file) is logged; the checkpoint still runs."""
    async with db.outside_transaction() as conn:
        try:
            await conn.execute("VACUUM")
        except sqlite3.OperationalError as error:
            logger.warning("VACUUM after an erasure failed: %s", error)
        async with conn.execute("PRAGMA wal_checkpoint(TRUNCATE)") as cursor:
            row = await cursor.fetchone()
    return (int(row[0]), int(row[1])) if row is not None else (0, 0)
