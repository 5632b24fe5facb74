"""Personal data (GDPR): access (`my-data`), erasure and retention, each one logged.

- **Access**: everything the bot holds about one Slack user — their person row and roles and
  every record that names them — as one JSON document. Other people's Slack ids inside those
  records (who answered their question, whom a reminder was about) are replaced by
  `another-person`: the file is theirs, not their colleagues'.
- **Erasure** (`storage.repositories.gdpr.ERASURE` lists each step): what is only about the
  person is deleted; what the network learned from them stays, anonymised — their guides are
  kept and attributed to a former ambassador. One transaction; a second erasure finds
  nothing and changes nothing. A coordinator erases others from Slack, never themselves
  (that is done with the CLI, so no one locks themselves out by a click).
- **Retention**: sparring questions and test results older than `retention_months` (a
  workspace setting, default 24) lose their free texts and the asker; numbers and dates stay
  for the statistics. Idempotent: a second run finds nothing.
- **Log**: `gdpr_log` keeps each access, erasure and retention run with who asked and how
  many rows were touched — never the data itself. An erasure is logged under the e-mail, so
  the coordinator can show that it happened.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from bot.clock import Clock, utc_iso
from bot.services.permissions import Action, person_can
from bot.services.workspace_settings import number
from storage.db import Database
from storage.repositories import gdpr as repo
from storage.repositories.gdpr import (
    FORMER_AMBASSADOR,
    FORMER_MEMBER,
    RETENTION_MARKER,
    Identity,
    LogEntry,
    Verb,
)

__all__ = [
    "FORMER_AMBASSADOR",
    "FORMER_MEMBER",
    "RETENTION_MARKER",
    "ErasurePlan",
    "Identity",
    "LogEntry",
    "NotAllowed",
    "OwnErasure",
    "RetentionRun",
    "Target",
    "apply_retention",
    "erase",
    "erase_from_slack",
    "identity_for",
    "log_entries",
    "my_data",
    "parse_target",
    "plan_erasure",
    "record_access",
    "slack_erasure_plan",
    "to_json",
]

#: Who another person is inside someone's own data.
OTHER_PERSON = "another-person"
#: A Slack user id as a whole value (ids are at least 9 characters; "UTC" is not one).
SLACK_ID = re.compile(r"^[UW][A-Z0-9]{6,}$")
MENTION = re.compile(r"^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$")
EMAIL = re.compile(r"^[^@\s<>|]+@[^@\s<>|]+\.[^@\s<>|]+$")
#: The user's who run the CLI and the retention job, in the log's `requested_by`.
CLI = "cli"
RETENTION = "retention"
RETENTION_SETTING = "retention_months"


# -- access ----------------------------------------------------------------------------------


async def my_data(db: Database, clock: Clock, slack_id: str) -> dict[str, Any]:
    """Everything the bot holds about `slack_id`, section by section (stable names)."""
    return await _document(db, clock, await repo.identity_by_slack_id(db, slack_id))


async def _document(db: Database, clock: Clock, who: Identity) -> dict[str, Any]:
    found = await repo.holdings(db, who)
    person = found.pop("person")
    document: dict[str, Any] = {
        "generated_at": utc_iso(clock.now()),
        "slack_user_id": who.slack_id,
        "in_organisation": who.person_id is not None,
        "person": person[0] if person else None,
        **found,
    }
    keep = {value for value in (who.slack_id, who.email) if value}
    redacted: dict[str, Any] = _redact(document, keep)
    return redacted


def _redact(value: Any, keep: set[str]) -> Any:
    """Other people's Slack ids anywhere in the records (payloads too) → `another-person`."""
    if isinstance(value, dict):
        return {key: _redact(item, keep) for key, item in value.items()}
    if isinstance(value, list):
        return [_redact(item, keep) for item in value]
    if isinstance(value, str) and value not in keep and SLACK_ID.match(value):
        return OTHER_PERSON
    return value


def record_count(document: dict[str, Any]) -> int:
    lists = sum(len(value) for value in document.values() if isinstance(value, list))
    return lists + (1 if document.get("person") else 0)


async def record_access(db: Database, clock: Clock, document: dict[str, Any], *, by: str) -> None:
    """Log that `document` (from `my_data`) was handed out."""
    subject = str(document.get("slack_user_id") or (document.get("person") or {}).get("email"))
    detail = f"records={record_count(document)}"
    async with db.transaction() as conn:
        await repo.add_log(conn, utc_iso(clock.now()), "access", subject, by, detail)


async def data_by_email(db: Database, clock: Clock, email: str) -> dict[str, Any] | None:
    """`my_data` for a person named by e-mail (the CLI); None when nobody has it."""
    who = await repo.identity_by_email(db, email)
    if who.person_id is None:
        return None
    return await _document(db, clock, who)


def to_json(document: dict[str, Any]) -> str:
    """UTF-8 letters kept as letters, indented, one file."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- erasure ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Whom a coordinator names: a Slack user (a mention) or an e-mail."""

    kind: Literal["slack", "email"]
    value: str


def parse_target(text: str) -> Target | None:
    """`<@U123|name>` (how Slack sends a mention), a bare `U123…`, or an e-mail."""
    text = text.strip()
    mention = MENTION.match(text)
    if mention:
        return Target("slack", mention.group(1))
    if SLACK_ID.match(text):
        return Target("slack", text)
    if EMAIL.match(text):
        return Target("email", text.lower())
    return None


async def identity_for(db: Database, target: Target) -> Identity:
    if target.kind == "slack":
        return await repo.identity_by_slack_id(db, target.value)
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

    @property
    def subject(self) -> str:
        """How the log names the person: the e-mail, else the Slack id."""
        return self.who.email or self.who.slack_id or ""

    def detail(self) -> str:
        return ", ".join(f"{table}:{verb}={n}" for (table, verb), n in self.counts.items())


async def plan_erasure(db: Database, who: Identity) -> ErasurePlan:
    """What `erase` would do now; changes nothing."""
    async with db.transaction() as conn:
        return ErasurePlan(who, await repo.erasure_counts(conn, who))


async def erase(db: Database, clock: Clock, who: Identity, *, by: str) -> ErasurePlan:
    """Erase the person (one transaction) and log it; what was done. Nothing held → nothing
    done and nothing logged (a second erasure is a no-op)."""
    now = utc_iso(clock.now())
    async with db.transaction() as conn:
        plan = ErasurePlan(who, await repo.erasure_counts(conn, who))
        if plan.empty:
            return plan
        await repo.erase(conn, who, now)
        await repo.add_log(conn, now, "erasure", plan.subject, by, plan.detail())
    return plan


async def last_erasure(db: Database, subject: str) -> LogEntry | None:
    return await repo.last_erasure_of(db, subject)


class NotAllowed(Exception):
    """Only coordinators erase people from Slack."""


class OwnErasure(Exception):
    """A coordinator cannot erase themselves from Slack (the CLI can)."""


async def slack_erasure_plan(db: Database, by: str, target: Target) -> ErasurePlan:
    """The plan a coordinator confirms in Slack. Raises NotAllowed, OwnErasure."""
    if not await person_can(db, by, Action.MANAGE_ORGANISATION):
        raise NotAllowed(by)
    who = await identity_for(db, target)
    if who.slack_id == by:
        raise OwnErasure(by)
    return await plan_erasure(db, who)


async def erase_from_slack(db: Database, clock: Clock, by: str, target: Target) -> ErasurePlan:
    """The confirmed erasure; the same checks again (the modal may be old)."""
    plan = await slack_erasure_plan(db, by, target)
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
            await repo.add_log(conn, utc_iso(now), "retention", subject, RETENTION, detail)
    return RetentionRun(months, cutoff, counts)


# -- the log ---------------------------------------------------------------------------------


async def log_entries(db: Database, limit: int | None = None) -> list[LogEntry]:
    """Newest first."""
    return await repo.log_entries(db, limit)


async def log_size(db: Database) -> int:
    return await repo.log_size(db)


async def may_see_log(db: Database, slack_id: str) -> bool:
    return await person_can(db, slack_id, Action.MANAGE_ORGANISATION)
