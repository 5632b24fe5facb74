"""Personal data (GDPR) as people see it in the chat and the CLI: the erasure's plan and
confirmation form, its receipt, the GDPR log and the summary beside `my-data`'s file.

People read plain words, never the bot's internals: a table is named by what it holds
("roller", not `person_roles`), the log names people ("Line Holm", not an id or a hash; an
erased person is "slettet person") and counts records in words ("3 poster")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import CATALOGUES, t
from bot.services.gdpr import (
    CLI,
    ERASURE_LIST,
    RETENTION,
    DataSummary,
    ErasurePlan,
    Identity,
    LogEntry,
    Target,
)
from bot.views.blocks import shorten
from bot.views.dates import day_text
from bot.views.model import Context, Form, Heading, Message, Part, Text
from bot.views.text import literal
from bot.views.text import mention as mentioned

ERASE_CALLBACK = "gdpr_erase"
#: Entries of the log shown in the chat (the CLI shows all).
LOG_SHOWN = 20
DETAIL_MAX = 300
#: Who asked, when it was no person: the command line, the retention rule, the erasure list.
REQUESTERS = {CLI: "gdpr.by.cli", RETENTION: "gdpr.by.retention", ERASURE_LIST: "gdpr.by.list"}
_RECORDS = re.compile(r"^records=(\d+)$")
_ERASED = re.compile(r"^(\w+):(\w+)=(\d+)$")
_RETAINED = re.compile(r"^(\w+)=(\d+)$")
_CUTOFF = re.compile(r"^created_at<(\d{4}-\d{2}-\d{2})")


def who_text(who: Identity, *, mention: bool = True) -> str:
    """How the plan names the person: a mention in a message (neutral Markdown), else the
    name and e-mail — literal in a message, plain for the CLI (`mention=False`). Someone the
    bot never met is their chat user id, mentioned as the platform wrote it."""
    if mention and who.person_id is not None and who.accounts:
        return mentioned(who.person_id)
    if mention and who.person_id is None and who.external_id:
        return mentioned(who.external_id)
    known = who.email or who.external_id or ""
    named = f"{who.name} ({known})" if who.name and known else who.name or known
    return literal(named) if mention else named


def _table_word(lang: str, table: str) -> str:
    """What a table holds, in words ("roller" for `person_roles`)."""
    return t(lang, f"gdpr.table.{table}")


def plan_lines(lang: str, plan: ErasurePlan) -> list[str]:
    return [
        t(lang, f"gdpr.verb.{verb}", table=_table_word(lang, table), count=count)
        for (table, verb), count in plan.counts.items()
    ]


def erase_modal(lang: str, plan: ErasurePlan, target: Target, channel: str | None) -> Form:
    """What will happen, listed table by table; **Slet** does it."""
    lines = [f"• {line}" for line in plan_lines(lang, plan)]
    return Form(
        ERASE_CALLBACK,
        t(lang, "gdpr.modal_title"),
        t(lang, "gdpr.modal_submit"),
        t(lang, "gdpr.modal_close"),
        (
            Text(t(lang, "gdpr.modal_intro", who=who_text(plan.who))),
            Text("\n".join(lines)),
            Context(t(lang, "gdpr.modal_note")),
        ),
        metadata={
            "kind": target.kind,
            "value": target.value,
            "platform": target.platform,
            "channel": channel,
        },
    )


def target_from(metadata: Mapping[str, Any]) -> tuple[Target | None, str | None]:
    """The modal's person and the channel it was opened from, from its metadata."""
    kind, value = metadata.get("kind"), metadata.get("value")
    platform = str(metadata.get("platform") or "")
    target = Target(kind, str(value), platform) if kind in ("user", "email") and value else None
    channel = metadata.get("channel")
    return target, str(channel) if channel else None


def erased_text(lang: str, plan: ErasurePlan) -> str:
    who = who_text(plan.who)
    if plan.empty:
        return t(lang, "gdpr.erased_nothing", who=who)
    done = t(lang, "gdpr.erased", who=who, count=plan.total)
    return f"{done}\n{t(lang, 'gdpr.erased_detail')}"


def erased_message(lang: str, plan: ErasurePlan) -> Message:
    """The coordinator's receipt: what was done, table by table, and what that means."""
    text = erased_text(lang, plan)
    if plan.empty:
        return Message(text, (Text(text),))
    done = t(lang, "gdpr.erased", who=who_text(plan.who), count=plan.total)
    lines = [f"• {line}" for line in plan_lines(lang, plan)]
    return Message(
        text, (Text(done), Text("\n".join(lines)), Context(t(lang, "gdpr.erased_detail")))
    )


def subject_text(lang: str, entry: LogEntry, names: Mapping[str | int, str]) -> str:
    """Whom the entry is about: their name while the bot knows them, else "slettet person"
    (the log holds a salted hash, never a name); retention: what it covered."""
    cutoff = _CUTOFF.match(entry.subject)
    if entry.action == "retention" and cutoff is not None:
        day = datetime.fromisoformat(cutoff.group(1)).date()
        return t(lang, "gdpr.retention_subject", day=day_text(lang, day))
    return names.get(entry.subject) or t(lang, "gdpr.deleted_person")


def _by_text(lang: str, entry: LogEntry, names: Mapping[str | int, str]) -> str:
    """Who asked: what asked when no person did, else the person's name while the bot
    knows them."""
    if entry.via in REQUESTERS:
        return t(lang, REQUESTERS[entry.via])
    known = names.get(entry.requested_by) if entry.requested_by is not None else None
    return known or t(lang, "gdpr.deleted_person")


def detail_text(lang: str, action: str, detail: str) -> str:
    """The stored detail (`records=3`, `person_roles:removed=1, …`, `test_results=2, …`) in
    words: "3 poster", "roller: 1 slettet; …". A part it cannot read is shown as stored."""
    records = _RECORDS.match(detail)
    if action == "access" and records is not None:
        return t(lang, "gdpr.log_records", count=int(records.group(1)))
    parts = []
    for part in (p.strip() for p in detail.split(",") if p.strip()):
        erased, retained = _ERASED.match(part), _RETAINED.match(part)
        if erased is not None and _known(f"gdpr.table.{erased[1]}", f"gdpr.verb.{erased[2]}"):
            table, verb, count = erased.groups()
            parts.append(t(lang, f"gdpr.verb.{verb}", table=_table_word(lang, table), count=count))
        elif retained is not None and _known(f"gdpr.table.{retained[1]}"):
            table, count = retained.groups()
            parts.append(t(lang, "gdpr.retained", table=_table_word(lang, table), count=count))
        else:
            parts.append(part)
    return "; ".join(parts)


def _known(*keys: str) -> bool:
    return all(key in CATALOGUES["da"] for key in keys)


def log_line(lang: str, entry: LogEntry, tz: ZoneInfo, names: Mapping[str | int, str]) -> str:
    """One entry in words; `names` from `gdpr.log_names`."""
    at = datetime.fromisoformat(entry.at).astimezone(tz).strftime("%Y-%m-%d %H:%M")
    return t(
        lang,
        "gdpr.log_line",
        at=at,
        action=t(lang, f"gdpr.action.{entry.action}"),
        subject=subject_text(lang, entry, names),
        by=_by_text(lang, entry, names),
        detail=shorten(detail_text(lang, entry.action, entry.detail), DETAIL_MAX) or "–",
    )


def log_message(
    lang: str,
    entries: list[LogEntry],
    total: int,
    tz: ZoneInfo,
    names: Mapping[str | int, str],
) -> Message:
    """The latest entries, newest first (literal: names are people's text)."""
    if not entries:
        text = t(lang, "gdpr.log_empty")
        return Message(text, (Text(text),))
    lines = [literal(log_line(lang, entry, tz, names)) for entry in entries]
    parts: list[Part] = [Heading(t(lang, "gdpr.log_header")), Text("\n".join(lines))]
    if total > len(entries):
        parts.append(Context(t(lang, "gdpr.log_more", shown=len(entries), total=total)))
    return Message(t(lang, "gdpr.log_header"), tuple(parts))


def my_data_summary(lang: str, summary: DataSummary) -> str:
    """The short summary beside `my-data`'s file: "Det har jeg gemt om dig: navn, e-mail og
    sprog · roller: ambassadør · spørgsmål, du har stillet: 3 · …" — kinds and counts in
    words; the file holds the rest."""
    parts = []
    if summary.details:
        words = [t(lang, f"gdpr.detail.{detail}") for detail in summary.details]
        parts.append(_joined(lang, words))
    if summary.roles:
        roles = _joined(lang, [t(lang, f"role.{role}") for role in summary.roles])
        parts.append(t(lang, "gdpr.summary_roles", roles=roles))
    parts += [
        t(lang, "gdpr.summary_count", what=t(lang, f"gdpr.section.{section}"), count=count)
        for section, count in summary.counts
    ]
    if not parts:
        return t(lang, "gdpr.summary_nothing")
    return t(lang, "gdpr.summary", items=" · ".join(parts))


def _joined(lang: str, words: list[str]) -> str:
    """ "navn, e-mail og sprog" ("name, e-mail and language")."""
    if len(words) < 2:
        return "".join(words)
    return t(lang, "gdpr.and", first=", ".join(words[:-1]), last=words[-1])
