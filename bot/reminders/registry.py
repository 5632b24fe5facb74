"""The one list of reminder kinds, keyed by the `kind` stored with each reminder.

The dispatcher looks a due reminder's kind up here (`KINDS`) for its message and for how it
goes out: urgent, gathered into the day's list, or on its own at any hour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.reminders import (
    ambassador_welcome,
    area_evaluation,
    escalation,
    guide_check,
    onboarding_follow_up,
    sparring_delivery,
    spreading,
    tool_test_checkpoint,
    training_attendance,
    training_changed,
    training_invite,
    training_reminder,
    training_signed_up,
    welcome,
)
from bot.reminders.kind import ReminderKind

AnyKind = ReminderKind[Any, Any]


def registry(kinds: Iterable[AnyKind]) -> Mapping[str, AnyKind]:
    """Kinds by name; two kinds with one name are a mistake, refused here."""
    found: dict[str, AnyKind] = {}
    for kind in kinds:
        if kind.name in found:
            raise ValueError(f"two reminder kinds are named {kind.name!r}")
        found[kind.name] = kind
    return found


KINDS: Mapping[str, AnyKind] = registry(
    [
        tool_test_checkpoint.CHECKPOINT,
        tool_test_checkpoint.FOLLOW_UP,
        guide_check.GUIDE_CHECK,
        onboarding_follow_up.ONBOARDING,
        area_evaluation.AREA_EVALUATION,
        escalation.ESCALATION,
        spreading.INVITE,
        spreading.FOLLOW_UP,
        spreading.STARTED,
        training_invite.INVITE,
        training_reminder.REMINDER,
        training_changed.CHANGED,
        training_signed_up.SIGNED_UP,
        training_attendance.ATTENDANCE,
        welcome.WELCOME,
        welcome.WELCOME_NOTE,
        ambassador_welcome.AMBASSADOR_WELCOME,
        sparring_delivery.POST,
        sparring_delivery.COPY,
        sparring_delivery.OFFER,
    ]
)
