"""Personal data (GDPR): access (`my-data`), erasure and retention, each one logged.

- **Access**: everything the bot holds about one person — their person row and roles, their
  user id on each chat platform (`<platform>_user_id`), and every record that names them —
  as one JSON document. Other people inside those records (who answered their question, whom
  a reminder was about) are replaced by `another-person`: the file is theirs, not their
  colleagues'.
- **Erasure** (`storage.repositories.gdpr.ERASURE` lists each step): what is only about the
  person is deleted (with a question they never sent); what they wrote becomes `[slettet]`;
  their name and e-mail become `[slettet]` where others wrote them; what the network learned
  from them stays — numbers, and their guides, attributed to a former ambassador (an FAQ
  copied into a guide stays, without the name). One transaction; a second erasure finds
  nothing and changes nothing. A coordinator erases others from the chat, never themselves
  (that is done with the CLI, so no one locks themselves out by a click).
- **Nothing left in the file**: the erasure runs with `secure_delete`, then the file is
  rewritten (VACUUM) and the WAL emptied (TRUNCATE checkpoint), so no old copy of a text
  stays in free space or in the WAL (`strings` finds nothing).
- **Erasure list** (`storage.erasure_list`): each erasure adds salted hashes of the
  person's e-mail and of their user id on each chat platform to `<database>.erasures`,
  beside the database and not in it, so a backup restored later cannot roll it back:
  `after_migrate` (at every start, and after an import) erases again everyone on it.
- **Retention**: sparring questions and test results older than `retention_months` (a
  workspace setting, default 24) lose their free texts and the asker; numbers and dates stay
  for the statistics. Idempotent: a second run finds nothing.
- **Log**: `gdpr_log` keeps each access, erasure and retention run with who asked (a person
  id, or what asked: the command line, the retention rule, the erasure list) and how many
  rows were touched — never the data itself. The person an access or erasure was about is
  named by a salted hash of their e-mail (else of their chat user id) — not the e-mail: the
  log outlives the person —, so the coordinator can still show that it happened by naming
  the e-mail (`last_erasure`), and the log names them only while the bot knows them.
"""

from __future__ import annotations

import calendar
import json
import logging
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Final, Literal, get_args

from bot.clock import Clock, utc_iso
from bot.domain.actors import CLI
from bot.domain.org import ROLES, Role
from bot.errors import NotAllowed
from bot.services.permissions import Action, person_can
from bot.services.workspace_settings import number
from storage.db import Database
from storage.erasure_list import HASH_PREFIX, ErasureList
from storage.migrations import MIGRATIONS
from storage.migrations.person_columns import FORMER_AMBASSADOR, FORMER_MEMBER
from storage.repositories import gdpr as repo
from storage.repositories.gdpr import (
    ERASED_TEXT,
    RETENTION_MARKER,
    Identity,
    LogEntry,
    LogVia,
    Verb,
)

__all__ = [
    "CLI",
    "ERASED_TEXT",
    "FORMER_AMBASSADOR",
    "FORMER_MEMBER",
    "RETENTION_MARKER",
    "DataSummary",
    "ErasurePlan",
    "Identity",
    "LogEntry",
    "OwnErasure",
    "RetentionRun",
    "Target",
    "after_migrate",
    "apply_retention",
    "chat_erasure_plan",
    "erase",
    "erase_from_chat",
    "erasure_list",
    "identity_for",
    "log_entries",
    "log_names",
    "my_data",
    "parse_target",
    "plan_erasure",
    "reapply_erasures",
    "record_access",
    "summary_of",
    "to_json",
]

#: Who another person is inside someone's own data.
OTHER_PERSON = "another-person"
#: A chat user id as a whole value, as the platform writes it (ids are at least 9
#: characters; "UTC" is not one): a value the columns not yet converted to person ids hold.
USER_ID = re.compile(r"^[UW][A-Z0-9]{6,}$")
#: How a coordinator names a chat user in a command: the mention token (`<@U…>`, with the
#: name the platform adds after `|`).
MENTION = re.compile(r"^<@([A-Za-z0-9]{3,})(?:\|[^>]*)?>$")
EMAIL = re.compile(r"^[^@\s<>|]+@[^@\s<>|]+\.[^@\s<>|]+$")
#: Who asked, in the log, when no person did: the command line (`CLI`), the retention job,
#: the erasure list applied again.
RETENTION: Final = "retention"
ERASURE_LIST: Final = "erasure-list"
Requester = int | Literal["cli", "retention", "erasure-list"]
#: A person's user id on a chat platform, in `my-data`: `slack_user_id`, ….
ACCOUNT_KEY = "{platform}_user_id"
#: Fields of the records that name a person by person id: every column a migration turned
#: into one, a guide's owner, and the people a reminder's payload names (as the erasure
#: finds them: `storage.repositories.gdpr.ERASURE`).
PERSON_FIELDS = frozenset(
    {column.now for migration in MIGRATIONS for column in migration.person_columns}
    | {"owner_id", "requested_by", "person_id", "person", "superuser"}
)
RETENTION_SETTING = "retention_months"
#: The migration after which the file is rewritten once (it replaced e-mails in the log).
HASHED_LOG_MIGRATION = "0022_gdpr_log_hashed"

logger = logging.getLogger(__name__)


def erasure_list(db: Database) -> ErasureList:
    """The list of erased people beside this database (see `storage.erasure_list`)."""
    return ErasureList.beside(db.path)


def _requested(by: Requester) -> tuple[int | None, LogVia]:
    """The log's `requested_by` and `via` for who asked."""
    if isinstance(by, int):
        return by, "chat"
    return None, by


def _log_names(erasures: ErasureList, who: Identity) -> tuple[str, ...]:
    """Every name the log can keep for the person: the hash of their e-mail and of each of
    their chat user ids."""
    names = [erasures.subject("email", who.email)] if who.email else []
    names += [erasures.subject(platform, external) for platform, external in who.accounts]
    return tuple(names)


def _with_log_names(db: Database, who: Identity) -> Identity:
    """`who` with the log's names for them; none while there is no erasure list (its secret
    is made only when something is hashed, so no log entry can name anyone before)."""
    erasures = erasure_list(db)
    if not erasures.exists():
        return who
    return replace(who, log_names=_log_names(erasures, who))


# -- access ----------------------------------------------------------------------------------


async def my_data(db: Database, clock: Clock, person_id: int) -> dict[str, Any]:
    """Everything the bot holds about the person, section by section (stable names)."""
    return await _document(db, clock, await repo.identity_by_person(db, person_id))


async def _document(db: Database, clock: Clock, who: Identity) -> dict[str, Any]:
    who = _with_log_names(db, who)
    found = await repo.holdings(db, who)
    person = found.pop("person")
    document: dict[str, Any] = {
        "generated_at": utc_iso(clock.now()),
        **{ACCOUNT_KEY.format(platform=platform): user for platform, user in who.accounts},
        "in_organisation": who.person_id is not None and who.in_organisation,
        "person": person[0] if person else None,
        **found,
    }
    keep = {value for value in (who.email, *(user for _, user in who.accounts)) if value}
    redacted: dict[str, Any] = _redact(document, keep, who.person_id)
    return redacted


def _redact(value: Any, keep: set[str], person: int | None, key: str = "") -> Any:
    """Other people anywhere in the records (payloads too) → `another-person`: a person id
    in a field that names a person, or a chat user id, that is not theirs."""
    if isinstance(value, dict):
        return {name: _redact(item, keep, person, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_redact(item, keep, person, key) for item in value]
    if key in PERSON_FIELDS and isinstance(value, int) and value != person:
        return OTHER_PERSON
    if isinstance(value, str) and value not in keep and USER_ID.match(value):
        return OTHER_PERSON
    return value


def record_count(document: dict[str, Any]) -> int:
    lists = sum(len(value) for value in document.values() if isinstance(value, list))
    return lists + (1 if document.get("person") else 0)


async def record_access(
    db: Database, clock: Clock, document: dict[str, Any], *, by: Requester
) -> None:
    """Log that `document` (from `my_data`) was handed out, under the salted hash of the
    person's e-mail, else of their chat user id."""
    email = (document.get("person") or {}).get("email")
    suffix = ACCOUNT_KEY.format(platform="")
    accounts = tuple(
        (key.removesuffix(suffix), str(value))
        for key, value in document.items()
        if key.endswith(suffix) and value
    )
    who = Identity(None, str(email).lower() if email else None, None, accounts=accounts)
    subject = _subject(erasure_list(db), who)
    detail = f"records={record_count(document)}"
    requested_by, via = _requested(by)
    async with db.transaction() as conn:
        await repo.add_log(conn, utc_iso(clock.now()), "access", subject, requested_by, via, detail)


async def data_by_email(db: Database, clock: Clock, email: str) -> dict[str, Any] | None:
    """`my_data` for a person named by e-mail (the CLI); None when nobody has it."""
    who = await repo.identity_by_email(db, email)
    if who.person_id is None:
        return None
    return await _document(db, clock, who)


#: The sections of `my-data` counted in its summary (the person row and roles are named, not
#: counted); the same names as `storage.repositories.gdpr.HOLDINGS`.
Section = Literal[
    "guides_owned",
    "guide_versions_edited",
    "guide_helpful_marks",
    "sparring_questions_asked",
    "sparring_questions_handled",
    "sparring_replies",
    "tool_tests",
    "test_results",
    "reminders",
    "nudge_pauses",
    "area_evaluations",
    "adoption",
    "adoption_changes",
    "spreading_rounds",
    "spreading_targets",
    "trainings",
    "training_signups",
    "tool_decisions",
    "tool_status_changes",
    "settings",
    "gdpr_log",
]
SECTIONS: tuple[Section, ...] = get_args(Section)
Detail = Literal["name", "email", "language"]
DETAILS: tuple[Detail, ...] = get_args(Detail)


@dataclass(frozen=True)
class DataSummary:
    """What `my-data` holds, in words a person reads beside the file: which of their own
    details, their roles, and how many records of each kind (kinds with none left out)."""

    details: tuple[Detail, ...] = ()
    roles: tuple[Role, ...] = ()
    counts: tuple[tuple[Section, int], ...] = ()


def summary_of(document: dict[str, Any]) -> DataSummary:
    """The summary of a `my_data` document."""
    person = document.get("person") or {}
    held = {str(row.get("role")) for row in document.get("roles") or []}
    return DataSummary(
        details=tuple(detail for detail in DETAILS if person.get(detail)),
        roles=tuple(role for role in ROLES if role in held),
        counts=tuple(
            (section, len(document[section])) for section in SECTIONS if document.get(section)
        ),
    )


def to_json(document: dict[str, Any]) -> str:
    """UTF-8 letters kept as letters, indented, one file."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- erasure ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Whom a coordinator names: a user of the chat platform `platform` (their user id) or
    an e-mail."""

    kind: Literal["user", "email"]
    value: str
    platform: str = ""


def parse_target(text: str, platform: str) -> Target | None:
    """A mention (`<@U123|name>`), a bare user id (`U123…`), or an e-mail."""
    text = text.strip()
    mention = MENTION.match(text)
    if mention:
        return Target("user", mention.group(1), platform)
    if USER_ID.match(text):
        return Target("user", text, platform)
    if EMAIL.match(text):
        return Target("email", text.lower())
    return None


async def identity_for(db: Database, target: Target) -> Identity:
    if target.kind == "user":
        return await repo.identity_by_account(db, target.platform, target.value)
    return await repo.identity_by_email(db, target.value)


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure does (or did): (table, verb) → rows, in the order the steps run."""

    who: Identity
    counts: dict[tuple[str, Verb], int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def empty(self) -> bool:
        return not self.counts

    def detail(self) -> str:
        return ", ".join(f"{table}:{verb}={n}" for (table, verb), n in self.counts.items())


async def plan_erasure(db: Database, who: Identity) -> ErasurePlan:
    """What `erase` would do now; changes nothing."""
    async with db.transaction() as conn:
        return ErasurePlan(who, await repo.erasure_counts(conn, who))


def _digests(erasures: ErasureList, who: Identity) -> set[str]:
    """The person on the erasure list: their e-mail and each of their chat user ids, each
    hashed."""
    found = set()
    if who.email:
        found.add(erasures.digest("email", who.email))
    found |= {erasures.digest(platform, external) for platform, external in who.accounts}
    return found


def _subject(erasures: ErasureList, who: Identity) -> str:
    """How the log names the person: the hash of the e-mail, else of their chat user id."""
    if who.email:
        return erasures.subject("email", who.email)
    if who.accounts:
        return erasures.subject(*who.accounts[0])
    return erasures.subject("person", str(who.person_id or ""))


async def erase(
    db: Database, clock: Clock, who: Identity, *, by: Requester, rewrite: bool = True
) -> ErasurePlan:
    """Erase the person (one transaction), put them on the erasure list and log it; what
    was done. Nothing held → nothing done and nothing logged (a second erasure is a no-op).

    The list is written before the transaction commits: should the process die between
    the two, the next start finds them on the list and erases them. Then the file is
    rewritten so nothing erased stays in it (`rewrite=False` when the caller does it once
    for several erasures)."""
    now = utc_iso(clock.now())
    erasures = erasure_list(db)
    was_secure = await repo.set_secure_delete(db, True)
    try:
        async with db.transaction() as conn:
            plan = ErasurePlan(who, await repo.erasure_counts(conn, who))
            if plan.empty:
                return plan
            erasures.add(_digests(erasures, who))
            await repo.erase(conn, who, now)
            requested_by, via = _requested(by)
            subject = _subject(erasures, who)
            await repo.add_log(conn, now, "erasure", subject, requested_by, via, plan.detail())
    finally:
        await repo.set_secure_delete(db, was_secure)
    if rewrite:
        await rewrite_file(db)
    # The person is gone from the bot: what was done names them by their accounts and e-mail.
    return ErasurePlan(replace(who, person_id=None), plan.counts)


async def rewrite_file(db: Database) -> None:
    """VACUUM and an emptied WAL: no erased text left in free space or in the WAL."""
    busy, left = await repo.rewrite_file(db)
    if busy:
        logger.warning(
            "after an erasure the WAL could not be emptied (another process was reading);"
            " frames_left=%d, it is emptied at the next erasure or start",
            left,
        )


async def last_erasure(db: Database, email: str) -> LogEntry | None:
    """The latest erasure of whoever had `email` (the log holds its hash)."""
    return await repo.last_erasure_of(db, erasure_list(db).subject("email", email))


async def reapply_erasures(db: Database, clock: Clock) -> list[ErasurePlan]:
    """Everyone on the erasure list whom the database knows again (a restored backup, an
    old organisation file or guide imported) is erased again, by hashed e-mail or chat user
    id; each is logged as asked by `erasure-list`. Nothing on the list: nothing read."""
    erasures = erasure_list(db)
    listed = erasures.hashes()
    if not listed:
        return []
    plans: list[ErasurePlan] = []
    for who in await repo.everyone(db):
        if _digests(erasures, who) & listed:
            plan = await erase(db, clock, who, by=ERASURE_LIST, rewrite=False)
            if not plan.empty:
                plans.append(plan)
    if plans:
        await rewrite_file(db)
        logger.info("erasure list applied again: %d people erased", len(plans))
    return plans


async def after_migrate(db: Database, clock: Clock, applied: list[str]) -> list[ErasurePlan]:
    """At every start (the bot, each CLI command) right after migrating: the erasure list
    applied again; and, once, the file rewritten after the log's e-mails became hashes."""
    plans = await reapply_erasures(db, clock)
    if not plans and HASHED_LOG_MIGRATION in applied and await repo.log_size(db):
        await rewrite_file(db)
    return plans


class OwnErasure(Exception):
    """A coordinator cannot erase themselves in the chat (the CLI can)."""


async def chat_erasure_plan(db: Database, by: int, target: Target) -> ErasurePlan:
    """The plan a coordinator (person `by`) confirms in the chat. Raises NotAllowed,
    OwnErasure."""
    if not await person_can(db, by, Action.MANAGE_ORGANISATION):
        raise NotAllowed(Action.MANAGE_ORGANISATION)
    who = await identity_for(db, target)
    if who.person_id == by:
        raise OwnErasure(by)
    return await plan_erasure(db, who)


async def erase_from_chat(db: Database, clock: Clock, by: int, target: Target) -> ErasurePlan:
    """The confirmed erasure; the same checks again (the form may be old)."""
    plan = await chat_erasure_plan(db, by, target)
    return await erase(db, clock, plan.who, by=by)


# -- retention -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionRun:
    months: int
    cutoff: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` earlier (the month's last day when it is shorter)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


async def apply_retention(db: Database, clock: Clock) -> RetentionRun:
    """Anonymise what is older than the retention period; logged when anything changed."""
    months = await number(db, RETENTION_SETTING)
    now = clock.now()
    cutoff = utc_iso(months_before(now, months))
    async with db.transaction() as conn:
        counts = await repo.retention_counts(conn, cutoff)
        if counts:
            await repo.apply_retention(conn, cutoff)
            detail = ", ".join(f"{table}={n}" for table, n in counts.items())
            subject = f"created_at<{cutoff}"
            await repo.add_log(conn, utc_iso(now), "retention", subject, None, RETENTION, detail)
    return RetentionRun(months, cutoff, counts)


# -- the log ---------------------------------------------------------------------------------


async def log_entries(db: Database, limit: int | None = None) -> list[LogEntry]:
    """Newest first."""
    return await repo.log_entries(db, limit)


async def log_names(db: Database, entries: list[LogEntry]) -> dict[str | int, str]:
    """The names of the people the log's entries are about (by the salted hash they were
    logged under) or were asked by (by person id), for those the bot still knows. Whoever
    is not found has been erased."""
    wanted: set[str | int] = {entry.subject for entry in entries}
    wanted |= {entry.requested_by for entry in entries if entry.requested_by is not None}
    if not wanted:
        return {}
    hashed = any(isinstance(value, str) and value.startswith(HASH_PREFIX) for value in wanted)
    erasures = erasure_list(db)
    # Hashing makes the installation's secret when there is none: only when a hash is asked
    # about, and never on a database whose list was never written (no hash can match then).
    hashing = hashed and erasures.exists()
    names: dict[str | int, str] = {}
    for who in await repo.everyone(db):
        if not who.name:
            continue
        keys: list[str | int] = [who.person_id] if who.person_id is not None else []
        if hashing:
            keys += _log_names(erasures, who)
        names.update((key, who.name) for key in keys if key in wanted)
    return names


async def log_size(db: Database) -> int:
    return await repo.log_size(db)


async def may_see_log(db: Database, person_id: int) -> bool:
    return await person_can(db, person_id, Action.MANAGE_ORGANISATION)
