"""Personal data (GDPR): what the bot holds about one person, erasing it, retention, and the
log of each access, erasure and retention run (migration 0016; since 0022 the log names an
erased person by the salted hash of their e-mail, see `storage.erasure_list`).

The rules — which rows are a person's, what happens to each — are tables of constants here, so
`my-data`, the erasure plan (a dry run counts) and the erasure itself read the same list.
Table and column names in the generated SQL come from these constants only; every value is a
parameter (`:p` the person id, `:e` the e-mail in lower case, `:l` the log's names for the
person — salted hashes, as a JSON list —, `:n0`… the spellings of the name that an erasure
replaces in free texts, and `:s` the person's user id on the chat platform, where a text the
platform stored mentions them).

A person column holds the person's id; NULL there is a former member (an erasure forgot who)
or, where the table has a `via` column that says so, the command line.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, replace
from typing import Any, Literal

import aiosqlite

from storage.db import Database
from storage.migrations.person_columns import FORMER_MEMBER

logger = logging.getLogger(__name__)


# A person column of an erased person becomes NULL (a former member); where a text a chat
# platform stored mentions them, the mention names FORMER_MEMBER instead
# (`storage.migrations.person_columns`, the marker the release wrote in person columns).
#: A text removed by the retention rule.
RETENTION_MARKER = "[anonymiseret]"
#: What an erased person wrote becomes, and their name where others wrote it.
ERASED_TEXT = "[slettet]"
#: How many spellings of the name (and the e-mail) an erasure replaces in others' texts.
NAME_VARIANTS = 8

Action = Literal["access", "erasure", "retention"]
#: Who asked, in the log, when no person did: the command line, the retention rule, the
#: erasure list applied again (`gdpr_log.via`; 'chat' for a person in the chat).
LogVia = Literal["chat", "cli", "retention", "erasure-list"]
Verb = Literal["removed", "anonymised", "closed", "kept", "renamed"]
#: What a step needs to know: the person's user id on the chat platform (mentions in the
#: texts it stored), the person id, the e-mail, the name's spellings, the log's names
#: (hashes) for the person.
Needs = Literal["s", "p", "e", "n", "l"]


@dataclass(frozen=True)
class Holding:
    """One section of `my-data`: the rows of `table` that are the person's."""

    section: str
    table: str
    where: str
    needs: Needs
    order: str = "rowid"


#: Every table that holds a person id or an e-mail, and how to find a person's rows in it.
#: `processed_events` and `digests` hold none.
HOLDINGS: tuple[Holding, ...] = (
    Holding("person", "people", "id = :p AND in_organisation = 1", "p", "id"),
    Holding("roles", "person_roles", "person_id = :p", "p", "id"),
    Holding("guides_owned", "guides", "owner_id = :p OR owner_email = :e", "p", "id"),
    Holding("guide_versions_edited", "guide_versions", "edited_by = :p", "p", "guide_id, version"),
    Holding("guide_helpful_marks", "guide_helpful_marks", "person_id = :p", "p", "guide_id"),
    Holding("sparring_questions_asked", "sparring_questions", "asker_id = :p", "p", "id"),
    Holding(
        "sparring_questions_handled",
        "sparring_questions",
        "claimed_by = :p OR answered_by = :p",
        "p",
        "id",
    ),
    Holding("sparring_replies", "sparring_replies", "author_id = :p", "p", "id"),
    Holding("tool_tests", "tool_tests", "ambassador_id = :p OR closed_by = :p", "p", "id"),
    Holding("test_results", "test_results", "author_id = :p OR updated_by = :p", "p", "id"),
    Holding("reminders", "reminders", "recipient = :p", "p", "id"),
    Holding("nudge_pauses", "nudge_pauses", "person_id = :p", "p", "person_id"),
    Holding("area_evaluations", "area_evaluations", "person_id = :p", "p", "id"),
    Holding("adoption", "adoption", "changed_by = :p", "p", "daycare_id, tool_id"),
    Holding("adoption_changes", "adoption_changes", "changed_by = :p", "p", "id"),
    Holding("spreading_rounds", "spreading_rounds", "started_by = :p", "p", "id"),
    Holding(
        "spreading_targets", "spreading_targets", "answered_by = :p", "p", "round_id, daycare_id"
    ),
    Holding("trainings", "trainings", "ambassador_id = :p", "p", "id"),
    Holding("training_signups", "training_signups", "person_id = :p", "p", "training_id"),
    Holding("tool_decisions", "tool_decisions", "recorded_by = :p", "p", "id"),
    Holding("tool_status_changes", "tool_status_changes", "changed_by = :p", "p", "id"),
    Holding("settings", "settings", "updated_by = :p", "p", "key"),
    Holding(
        "gdpr_log",
        "gdpr_log",
        "subject IN (SELECT value FROM json_each(:l)) OR requested_by = :p",
        "l",
        "id",
    ),
)


@dataclass(frozen=True)
class Step:
    """One change of an erasure. `change` is the SET clause; None deletes the rows."""

    table: str
    verb: Verb
    where: str
    change: str | None
    needs: Needs


def _forget(table: str, column: str) -> Step:
    """A person column (a person id) no longer names the person: NULL, a former member."""
    return Step(table, "anonymised", f"{column} = :p", f"{column} = NULL", "p")


def _own_text(table: str, author: str, *columns: str, by: Needs = "p") -> Step:
    """What the person wrote in `columns` of their rows becomes `[slettet]` (an empty text
    stays empty); must run before their id in `author` (a person column) is forgotten."""
    changed = " OR ".join(f"({c} IS NOT NULL AND {c} NOT IN ('', :erased))" for c in columns)
    change = ", ".join(
        f"{c} = CASE WHEN {c} IS NULL OR {c} = '' THEN {c} ELSE :erased END" for c in columns
    )
    return Step(table, "anonymised", f"{author} = :{by} AND ({changed})", change, by)


def _name_in(table: str, column: str) -> Step:
    """Every spelling of the person's name (and their e-mail) in a text anyone wrote
    becomes `[slettet]`; the rest of the text stays."""
    found = " OR ".join(f"instr({column}, :n{i}) > 0" for i in range(NAME_VARIANTS))
    replaced = column
    for i in range(NAME_VARIANTS):
        replaced = f"replace({replaced}, :n{i}, :erased)"
    return Step(table, "renamed", found, f"{column} = {replaced}", "n")


#: Free texts others wrote that may mention the person as the chat platform stored it
#: (`<@U…>`, the mention token): their user id there becomes the placeholder, the rest of the
#: text stays.
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
    Step("area_evaluations", "removed", "person_id = :p", None, "p"),
    Step("training_signups", "removed", "person_id = :p", None, "p"),
    # A question never sent (a draft) was never the network's: it goes.
    Step("sparring_questions", "removed", "asker_id = :p AND state = 'draft'", None, "p"),
    # What they wrote, before their id is replaced (then it could not be found).
    _own_text("sparring_questions", "asker_id", "question"),
    _own_text("sparring_questions", "answered_by", "answer_text"),
    _own_text("sparring_replies", "author_id", "text"),
    _own_text("test_results", "author_id", "worked", "hard"),
    _own_text("tool_tests", "ambassador_id", "question", "conclusion_note"),
    _own_text("trainings", "ambassador_id", "note"),
    _own_text("adoption", "changed_by", "reason"),
    _own_text("adoption_changes", "changed_by", "reason"),
    _own_text("spreading_targets", "answered_by", "reason"),
    _own_text("tool_decisions", "recorded_by", "note"),
    Step(
        "tool_tests",
        "closed",
        "ambassador_id = :p AND state = 'running'",
        "state = 'closed', closed_at = :now, closed_by = NULL",
        "p",
    ),
    _forget("tool_tests", "ambassador_id"),
    _forget("tool_tests", "closed_by"),
    _forget("test_results", "author_id"),
    _forget("test_results", "updated_by"),
    _forget("sparring_questions", "asker_id"),
    _forget("sparring_questions", "claimed_by"),
    _forget("sparring_questions", "answered_by"),
    _forget("sparring_replies", "author_id"),
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
    _forget("guide_versions", "edited_by"),
    _forget("adoption", "changed_by"),
    _forget("adoption_changes", "changed_by"),
    _forget("spreading_rounds", "started_by"),
    _forget("spreading_targets", "answered_by"),
    _forget("trainings", "ambassador_id"),
    _forget("tool_decisions", "recorded_by"),
    _forget("tool_status_changes", "changed_by"),
    _forget("settings", "updated_by"),
    # The log keeps the entries about them under the hash the erasure list keeps too.
    _forget("gdpr_log", "requested_by"),
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
    """Whom a GDPR request is about: a person, an e-mail — either may be missing (a guide
    owner known only by e-mail). Someone not in the organisation who used the bot has a
    person row too, as a guest (`in_organisation` False).

    `accounts` are their (platform, user id) pairs — who they are on a chat platform: the
    erasure list keeps a hash of each, and a text the platform stored may mention them.
    `log_names` are the names the GDPR log may keep for them (salted hashes, made by
    `bot.services.gdpr`, which holds the erasure list's secret)."""

    person_id: int | None
    email: str | None
    name: str | None
    in_organisation: bool = True
    accounts: tuple[tuple[str, str], ...] = ()
    log_names: tuple[str, ...] = ()

    @property
    def external_id(self) -> str | None:
        """Their user id on the (first) chat platform that knows them."""
        return self.accounts[0][1] if self.accounts else None

    def params(self) -> dict[str, Any]:
        return {
            "s": self.external_id,
            "p": self.person_id,
            "e": self.email,
            "l": json.dumps(list(self.log_names)),
        }

    def has(self, needs: Needs) -> bool:
        if needs == "n":
            return bool(self.spellings())
        if needs == "l":
            return bool(self.log_names) or self.person_id is not None
        value = {"s": self.external_id, "p": self.person_id, "e": self.email}[needs]
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
    #: The person who asked; None when `via` names who did ('cli', 'retention',
    #: 'erasure-list'), or for a former member ('chat').
    requested_by: int | None
    via: LogVia
    detail: str


# -- finding the person --------------------------------------------------------------------


async def _accounts(db: Database, person_id: int) -> tuple[tuple[str, str], ...]:
    rows = await db.fetchall(
        "SELECT platform, external_id FROM identities WHERE person_id = ?"
        " ORDER BY platform, external_id",
        (person_id,),
    )
    return tuple((str(row["platform"]), str(row["external_id"])) for row in rows)


async def identity_by_person(db: Database, person_id: int) -> Identity:
    row = await db.fetchone(
        "SELECT id, email, name, in_organisation FROM people WHERE id = ?", (person_id,)
    )
    if row is None:
        return Identity(None, None, None)
    email = str(row["email"]).lower() if row["email"] else None
    return Identity(
        int(row["id"]),
        email,
        str(row["name"]),
        bool(row["in_organisation"]),
        await _accounts(db, int(row["id"])),
    )


async def identity_by_account(db: Database, platform: str, external_id: str) -> Identity:
    """The person with this user id on the platform; someone the bot never met is only
    the account (nothing is held about them)."""
    row = await db.fetchone(
        "SELECT person_id FROM identities WHERE platform = ? AND external_id = ?",
        (platform, external_id),
    )
    if row is None:
        return Identity(None, None, None, accounts=((platform, external_id),))
    return await identity_by_person(db, int(row["person_id"]))


async def identity_by_email(db: Database, email: str) -> Identity:
    row = await db.fetchone("SELECT id FROM people WHERE email = ?", (email.strip(),))
    if row is None:
        return Identity(None, email.strip().lower(), None)
    return replace(await identity_by_person(db, int(row["id"])), email=email.strip().lower())


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
            " AND (question != :marker OR asker_id IS NOT NULL"
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
    return {"cutoff": cutoff, "marker": RETENTION_MARKER}


async def apply_retention(conn: aiosqlite.Connection, cutoff: str) -> None:
    """Questions (with their answers and replies) and results' free texts older than
    `cutoff`: texts replaced, the asker forgotten (a former member); numbers and dates stay."""
    params = _retention_params(cutoff)
    await conn.execute(
        "UPDATE sparring_replies SET text = :marker WHERE text != :marker AND question_id IN"
        " (SELECT id FROM sparring_questions WHERE created_at < :cutoff)",
        params,
    )
    await conn.execute(
        "UPDATE sparring_questions SET question = :marker, asker_id = NULL,"
        " answer_text = CASE WHEN answer_text IS NULL THEN NULL ELSE :marker END"
        " WHERE created_at < :cutoff AND (question != :marker OR asker_id IS NOT NULL"
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
    requested_by: int | None,
    via: LogVia,
    detail: str,
) -> None:
    await conn.execute(
        "INSERT INTO gdpr_log (at, action, subject, requested_by, via, detail)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (at, action, subject, requested_by, via, detail),
    )


def _entry(row: Any) -> LogEntry:
    return LogEntry(
        id=row["id"],
        at=row["at"],
        action=row["action"],
        subject=row["subject"],
        requested_by=row["requested_by"],
        via=row["via"],
        detail=row["detail"],
    )


async def log_entries(db: Database, limit: int | None = None) -> list[LogEntry]:
    """Newest first; all of them when `limit` is None."""
    rows = await db.fetchall(
        "SELECT id, at, action, subject, requested_by, via, detail FROM gdpr_log"
        " ORDER BY id DESC LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return [_entry(row) for row in rows]


async def log_size(db: Database) -> int:
    row = await db.fetchone("SELECT COUNT(*) AS n FROM gdpr_log")
    return int(row["n"]) if row is not None else 0


async def last_erasure_of(db: Database, subject: str) -> LogEntry | None:
    row = await db.fetchone(
        "SELECT id, at, action, subject, requested_by, via, detail FROM gdpr_log"
        " WHERE action = 'erasure' AND subject = ? COLLATE NOCASE ORDER BY id DESC LIMIT 1",
        (subject,),
    )
    return _entry(row) if row is not None else None


async def log_records(db: Database) -> list[dict[str, Any]]:
    """The whole log, oldest first (a section of `tovholder export`)."""
    rows = await db.fetchall(
        "SELECT id, at, action, subject, requested_by, via, detail FROM gdpr_log ORDER BY id"
    )
    return [dict(row) for row in rows]


# -- the erasure list and the file ---------------------------------------------------------


async def everyone(db: Database) -> list[Identity]:
    """Everyone the database knows: each person (with their accounts on chat platforms) and
    each guide owner known only by e-mail."""
    accounts: dict[int, list[tuple[str, str]]] = {}
    for row in await db.fetchall(
        "SELECT person_id, platform, external_id FROM identities"
        " ORDER BY person_id, platform, external_id"
    ):
        accounts.setdefault(int(row["person_id"]), []).append(
            (str(row["platform"]), str(row["external_id"]))
        )
    found: list[Identity] = []
    for row in await db.fetchall("SELECT id, email, name, in_organisation FROM people"):
        email = str(row["email"]).lower() if row["email"] else None
        found.append(
            Identity(
                int(row["id"]),
                email,
                str(row["name"]),
                bool(row["in_organisation"]),
                tuple(accounts.get(int(row["id"]), ())),
            )
        )
    owners = await db.fetchall(
        "SELECT DISTINCT lower(owner_email) AS e FROM guides WHERE owner_email IS NOT NULL"
        " AND lower(owner_email) NOT IN (SELECT lower(email) FROM people WHERE email IS NOT NULL)"
    )
    found += [Identity(None, str(row["e"]), None) for row in owners]
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
