"""A durable reminder: one message to one person, due at a moment, sent once.

The row in `reminders` is the truth (see `bot.services.reminders`): a reminder is planned
(`pending`), claimed by one dispatcher (`sending`), and ends `sent`, `failed` or
`cancelled`. Times are stored as UTC ISO-8601 text, as everywhere in the bot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

ReminderState = Literal["pending", "sending", "sent", "failed", "cancelled"]
REMINDER_STATES: tuple[ReminderState, ...] = ("pending", "sending", "sent", "failed", "cancelled")
#: States a reminder never leaves.
FINAL_STATES: frozenset[ReminderState] = frozenset({"sent", "failed", "cancelled"})
#: Between a snoozed reminder's key and the copy's number: `<key>:snooze:<n>`.
SNOOZE_MARK = ":snooze:"


@dataclass(frozen=True)
class Reminder:
    id: int
    #: What it is about; the dispatcher picks the message builder ("sender") by kind.
    kind: str
    #: The person's id: the reminder goes to their private conversation with the bot.
    recipient: int
    #: UTC ISO-8601 (`bot.clock.utc_iso`).
    due_at: str
    state: ReminderState
    attempts: int
    #: Unique: planning the same reminder again creates nothing. A snoozed copy of a sent
    #: reminder carries `<original key>:snooze:<n>`.
    dedupe_key: str
    payload: dict[str, Any] = field(default_factory=dict)
    claimed_by: str | None = None
    claimed_at: str | None = None
    last_error: str | None = None
    sent_at: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def due(self) -> datetime:
        """`due_at` as an aware datetime (UTC)."""
        return datetime.fromisoformat(self.due_at)

    @property
    def base_key(self) -> str:
        """The key of the reminder this one was snoozed from (its own key if none)."""
        return self.dedupe_key.split(SNOOZE_MARK)[0]

    @property
    def next_snooze_key(self) -> str:
        """The key of the next snoozed copy: `<original key>:snooze:<n + 1>`."""
        return f"{self.base_key}{SNOOZE_MARK}{self.snooze_number + 1}"

    @property
    def snooze_number(self) -> int:
        """0 for a planned reminder, n for its n-th snoozed copy."""
        _, mark, number = self.dedupe_key.partition(SNOOZE_MARK)
        return int(number) if mark and number.isdigit() else 0
