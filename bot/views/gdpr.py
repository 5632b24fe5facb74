"""Personal data (GDPR) as Slack and the CLI show it: the erasure's plan and confirmation
modal, its receipt, and the GDPR log."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.gdpr import ErasurePlan, Identity, LogEntry, Target
from bot.views.blocks import context, header, plain, section, sections, shorten
from storage.erasure_list import HASH_PREFIX

ERASE_CALLBACK = "gdpr_erase"
#: Entries of the log shown in Slack (the CLI shows all).
LOG_SHOWN = 20
DETAIL_MAX = 300
#: Hex digits of a hashed subject shown in the log (enough to tell entries apart).
CODE_SHOWN = 12


def who_text(who: Identity, *, mention: bool = True) -> str:
    """`<@U…>` in Slack, else the name and e-mail (escaped) — how the plan names the person."""
    if mention and who.slack_id:
        return f"<@{who.slack_id}>"
    known = who.email or who.slack_id or ""
    return escape(f"{who.name} ({known})" if who.name and known else who.name or known)


def plan_lines(lang: str, plan: ErasurePlan) -> list[str]:
    return [
        t(lang, f"gdpr.verb.{verb}", table=table, count=count)
        for (table, verb), count in plan.counts.items()
    ]


def erase_modal(
    lang: str, plan: ErasurePlan, target: Target, channel: str | None
) -> dict[str, Any]:
    """What will happen, listed table by table; *Slet* does it."""
    lines = [f"• {line}" for line in plan_lines(lang, plan)]
    return {
        "type": "modal",
        "callback_id": ERASE_CALLBACK,
        "title": plain(t(lang, "gdpr.modal_title")),
        "submit": plain(t(lang, "gdpr.modal_submit")),
        "close": plain(t(lang, "gdpr.modal_close")),
        "private_metadata": json.dumps(
            {"kind": target.kind, "value": target.value, "channel": channel}
        ),
        "blocks": [
            section(t(lang, "gdpr.modal_intro", who=who_text(plan.who))),
            *sections(lines),
            context(t(lang, "gdpr.modal_note")),
        ],
    }


def target_from(metadata: str | None) -> tuple[Target | None, str | None]:
    """The modal's person and the channel it was opened from."""
    data = json.loads(metadata or "{}")
    kind, value = data.get("kind"), data.get("value")
    target = Target(kind, str(value)) if kind in ("slack", "email") and value else None
    channel = data.get("channel")
    return target, str(channel) if channel else None


def erased_text(lang: str, plan: ErasurePlan) -> str:
    who = who_text(plan.who)
    if plan.empty:
        return t(lang, "gdpr.erased_nothing", who=who)
    done = t(lang, "gdpr.erased", who=who, count=plan.total)
    return f"{done}\n{t(lang, 'gdpr.erased_detail')}"


def erased_message(lang: str, plan: ErasurePlan) -> dict[str, Any]:
    """The coordinator's receipt: what was done, table by table, and what that means."""
    text = erased_text(lang, plan)
    if plan.empty:
        return {"text": text, "blocks": [section(text)]}
    done = t(lang, "gdpr.erased", who=who_text(plan.who), count=plan.total)
    lines = [f"• {line}" for line in plan_lines(lang, plan)]
    return {
        "text": text,
        "blocks": [section(done), *sections(lines), context(t(lang, "gdpr.erased_detail"))],
    }


def subject_text(lang: str, subject: str) -> str:
    """A hashed e-mail as a short code (the log never holds the e-mail itself)."""
    if subject.startswith(HASH_PREFIX):
        return t(lang, "gdpr.hashed_subject", code=subject[len(HASH_PREFIX) :][:CODE_SHOWN])
    return subject


def log_line(lang: str, entry: LogEntry, tz: ZoneInfo) -> str:
    at = datetime.fromisoformat(entry.at).astimezone(tz).strftime("%Y-%m-%d %H:%M")
    return t(
        lang,
        "gdpr.log_line",
        at=at,
        action=t(lang, f"gdpr.action.{entry.action}"),
        subject=subject_text(lang, entry.subject),
        by=entry.requested_by,
        detail=shorten(entry.detail, DETAIL_MAX) or "–",
    )


def log_message(lang: str, entries: list[LogEntry], total: int, tz: ZoneInfo) -> dict[str, Any]:
    """The latest entries, newest first (escaped: subjects are ids and hash codes)."""
    if not entries:
        text = t(lang, "gdpr.log_empty")
        return {"text": text, "blocks": [section(text)]}
    lines = [escape(log_line(lang, entry, tz)) for entry in entries]
    blocks = [header(t(lang, "gdpr.log_header")), *sections(lines)]
    if total > len(entries):
        blocks.append(context(t(lang, "gdpr.log_more", shown=len(entries), total=total)))
    return {"text": t(lang, "gdpr.log_header"), "blocks": blocks}
