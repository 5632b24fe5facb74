"""`tovholder reminders list [--due] [--json]` and `tovholder reminders failed [--json]`,
`tovholder reminders retry ID`.

The coordinator's view of the durable reminders: what is scheduled, for whom (their Slack id,
which the coordinator knows them by, and name, when the person is in the organisation; a
reminder stores the person id, shown as `person_id` in `--json`), when (local time in
`TOVHOLDER_TZ`), why (the kind and a short reason from the payload) and in which state.
`failed` lists the reminders Slack refused for good or that ran out of attempts, with the
error, so someone can fix the cause and `retry` it. Plain output is tab-separated lines;
`--json` an array of objects (`[]` when there are none, exit 0 either way).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.admin.context import AdminContext
from bot.domain.reminders import Reminder
from bot.i18n import CATALOGUES, DEFAULT_LANG, t
from bot.services import reminders
from storage.repositories import identities, org

REASON_MAX = 60
EXIT_REFUSED = 1


def register(verbs: Any) -> None:
    group = verbs.add_parser("reminders", help="scheduled and failed reminders (nudges)")
    actions = group.add_subparsers(dest="reminders_verb", required=True)
    listing = actions.add_parser("list", help="what is scheduled: for whom, when, why, state")
    listing.add_argument("--due", action="store_true", help="only reminders due now")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=list_command)
    failed = actions.add_parser("failed", help="reminders that could not be sent, and why")
    failed.add_argument("--json", action="store_true", help="print a JSON array")
    failed.set_defaults(handler=failed_command)
    retry = actions.add_parser("retry", help="send a failed reminder again (attempts reset)")
    retry.add_argument("id", type=int)
    retry.set_defaults(handler=retry_command)


def local_time(stored: str | None, tz: ZoneInfo) -> str:
    """A stored UTC time as `YYYY-MM-DD HH:MM` in the bot's zone ('–' for none)."""
    if not stored:
        return "–"
    return datetime.fromisoformat(stored).astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _label(lang: str, prefix: str, value: str) -> str:
    """The catalogue's word for a kind or state; the code itself when there is none."""
    key = f"{prefix}.{value}"
    catalogue = CATALOGUES.get(lang, CATALOGUES[DEFAULT_LANG])
    return t(lang, key) if key in catalogue else value


def reason(lang: str, reminder: Reminder) -> str:
    """The kind in words plus the payload's values (`guide_id=7`), cut to a line."""
    details = ", ".join(f"{key}={value}" for key, value in sorted(reminder.payload.items()))
    text = _label(lang, "reminder_kind", reminder.kind)
    if details:
        text = f"{text} ({details})"
    if reminder.snooze_number:
        text = f"{text} [snooze {reminder.snooze_number}]"
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


@dataclass(frozen=True)
class _People:
    """The recipients as the coordinator knows them: Slack id, and name when in the
    organisation."""

    handles: dict[int, str]
    names: dict[int, str]

    def handle(self, person_id: int) -> str:
        """Their Slack id (the person id for someone without one)."""
        return self.handles.get(person_id, str(person_id))


async def _people(ctx: AdminContext, rows: list[Reminder]) -> _People:
    handles = await identities.external_ids(ctx.db, "slack", {r.recipient for r in rows})
    return _People(handles, {p.id: p.name for p in await org.all_people(ctx.db)})


def _who(lang: str, recipient: int, people: _People, paused: date | None) -> str:
    name = people.names.get(recipient) or t(lang, "reminders.not_in_org")
    who = f"{people.handle(recipient)} ({name})"
    if paused is not None:
        who = f"{who} – {t(lang, 'reminders.paused', day=paused.isoformat())}"
    return who


async def _pauses(ctx: AdminContext, rows: list[Reminder]) -> dict[int, date]:
    """Pauses that still hold today, for the recipients listed."""
    today = ctx.clock.now().date()
    pauses: dict[int, date] = {}
    for recipient in {r.recipient for r in rows}:
        until = await reminders.paused_until(ctx.db, recipient)
        if until is not None and until >= today:
            pauses[recipient] = until
    return pauses


def as_record(
    reminder: Reminder, people: _People, tz: ZoneInfo, lang: str, paused: date | None
) -> dict[str, Any]:
    return {
        "id": reminder.id,
        "kind": reminder.kind,
        "recipient": people.handle(reminder.recipient),
        "person_id": reminder.recipient,
        "recipient_name": people.names.get(reminder.recipient),
        "due_at": reminder.due_at,
        "due_local": local_time(reminder.due_at, tz),
        "state": reminder.state,
        "attempts": reminder.attempts,
        "dedupe_key": reminder.dedupe_key,
        "reason": reason(lang, reminder),
        "payload": reminder.payload,
        "paused_until": paused.isoformat() if paused else None,
        "last_error": reminder.last_error,
        "claimed_by": reminder.claimed_by,
        "sent_at": reminder.sent_at,
        "updated_at": reminder.updated_at,
    }


async def list_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    now = ctx.clock.now()
    rows = await reminders.list_reminders(ctx.db, due_only=args.due, now=now)
    names = await _people(ctx, rows)
    pauses = await _pauses(ctx, rows)
    tz = ctx.settings.tz
    if args.json:
        ctx.say(
            json.dumps(
                [as_record(r, names, tz, ctx.lang, pauses.get(r.recipient)) for r in rows],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not rows:
        ctx.say(t(ctx.lang, "reminders.none_due" if args.due else "reminders.none"))
    else:
        ctx.say(t(ctx.lang, "reminders.header"))
    for r in rows:
        ctx.say(
            "\t".join(
                (
                    local_time(r.due_at, tz),
                    _label(ctx.lang, "reminder_state", r.state),
                    str(r.attempts),
                    _who(ctx.lang, r.recipient, names, pauses.get(r.recipient)),
                    reason(ctx.lang, r),
                    f"#{r.id} {r.dedupe_key}",
                )
            )
        )
    counts = await reminders.counts(ctx.db)
    if counts and not args.due:
        states = ", ".join(
            f"{_label(ctx.lang, 'reminder_state', state)} {n}"
            for state, n in sorted(counts.items())
        )
        ctx.say(t(ctx.lang, "reminders.summary", count=sum(counts.values()), states=states))
    return 0


async def failed_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    rows = await reminders.failed_reminders(ctx.db)
    names = await _people(ctx, rows)
    tz = ctx.settings.tz
    if args.json:
        ctx.say(
            json.dumps(
                [as_record(r, names, tz, ctx.lang, None) for r in rows],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not rows:
        ctx.say(t(ctx.lang, "reminders.none_failed"))
        return 0
    ctx.say(t(ctx.lang, "reminders.failed_header"))
    for r in rows:
        ctx.say(
            "\t".join(
                (
                    local_time(r.updated_at, tz),
                    str(r.attempts),
                    _who(ctx.lang, r.recipient, names, None),
                    reason(ctx.lang, r),
                    r.last_error or "–",
                    f"#{r.id} {r.dedupe_key}",
                )
            )
        )
    ctx.say(t(ctx.lang, "reminders.failed_hint"))
    return 0


async def retry_command(args: argparse.Namespace, ctx: AdminContext) -> int:
    if not await reminders.requeue(ctx.db, ctx.clock, args.id):
        ctx.complain(t(ctx.lang, "reminders.not_failed", id=args.id))
        return EXIT_REFUSED
    ctx.say(t(ctx.lang, "reminders.retried", id=args.id))
    return 0
