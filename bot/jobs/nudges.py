"""The nudges' messages, built when they are due — and only if they still matter.

The dispatcher (`bot.jobs.dispatcher`) asks the sender of a reminder's kind for its message;
`None` means the nudge has become pointless (the test closed, the result came in, the guide
was checked) and the reminder is cancelled instead of sent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from bot.domain.reminders import Reminder
from bot.jobs.ambassador_welcome import ambassador_welcome_sender
from bot.jobs.dispatcher import MorningList
from bot.jobs.onboarding import welcome_note_sender, welcome_sender
from bot.jobs.sparring_delivery import copy_later, offer_later, post_later
from bot.jobs.training_nudges import attendance_sender, signed_up_sender
from bot.runtime import Services
from bot.services import area_evaluations, nudges, reminders, spreading
from bot.services import onboarding as welcomes
from bot.services import sparring as questions
from bot.services.guides import get_guide_by_id
from bot.services.network import snapshot
from bot.services.sparring import get_question
from bot.services.sparring_escalation import ESCALATION, still_due
from bot.services.spreading_invite import invitation
from bot.services.tool_tests import get_test
from bot.services.training_reminders import (
    ATTENDANCE,
    CHANGED,
    INVITE,
    REMINDER,
    SIGNED_UP,
    change_for,
    invitation_for,
    reminder_for,
)
from bot.views.area_evaluations import evaluation_message
from bot.views.nudges import (
    checkpoint_message,
    escalation_message,
    guide_check_message,
    morning_list_message,
    onboarding_message,
)
from bot.views.spreading import follow_up_message, invitation_message, started_message
from bot.views.trainings import change_message, reminder_message
from bot.views.trainings import invitation_message as training_invitation

Sender = Callable[[Services, Reminder], Awaitable[dict[str, Any] | None]]


async def _checkpoint(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    test = await get_test(services.db, int(reminder.payload["test_id"]))
    checkpoint = str(reminder.payload["checkpoint"])
    if test is None or test.state != "running":
        return None
    follow_up = reminder.kind == nudges.FOLLOW_UP
    if follow_up and await nudges.result_since(services.db, test, checkpoint):
        return None
    snap = await snapshot(services.db)
    daycares = [d.name for d in snap.daycares if d.id in test.daycare_ids]
    if not daycares and test.area_id is not None:
        daycares = [a.name for a in snap.areas if a.id == test.area_id]
    lang = await services.language.for_user(reminder.recipient)
    return checkpoint_message(
        lang,
        test,
        daycares,
        checkpoint,
        reminder.id,
        services.settings.tz,
        follow_up=follow_up,
    )


async def _guide_check(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    detail = await get_guide_by_id(services.db, int(reminder.payload["guide_id"]))
    if detail is None:
        return None
    checked_at = detail.guide.verified_at or detail.guide.updated_at
    due_key = f"{nudges.GUIDE_CHECK}:{detail.guide.id}:{checked_at}"
    if reminder.dedupe_key.split(":snooze:")[0] != due_key:
        return None  # checked (or edited) since the nudge was planned
    lang = await services.language.for_user(reminder.recipient)
    return guide_check_message(lang, detail, checked_at, reminder.id, services.settings.tz)


async def _onboarding(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    lang = await services.language.for_user(reminder.recipient)
    return onboarding_message(lang, str(reminder.payload["superuser"]), reminder.id)


async def _area_evaluation(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """Not sent when the person has answered, left the area, or the cycle has passed."""
    settings = services.settings
    try:
        form = await area_evaluations.form_for(
            services.db,
            services.clock,
            settings.calendar,
            settings.evaluation_months,
            str(reminder.payload["period"]),
            int(reminder.payload["area_id"]),
            reminder.recipient,
        )
    except area_evaluations.EvaluationUnavailable:
        return None
    if form.answer is not None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return evaluation_message(lang, form, reminder.id)


async def _escalation(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    question = await get_question(services.db, int(reminder.payload["question_id"]))
    level = int(reminder.payload["level"])
    if question is None or not still_due(question, level, reminder.recipient):
        return None
    lang = await services.language.for_user(reminder.recipient)
    return escalation_message(
        lang,
        question,
        level=level,
        hours=int(reminder.payload["hours"]),
        channel_id=question.channel_id,
        reminder_id=reminder.id,
    )


async def _spread_due(services: Services, reminder: Reminder) -> spreading.Due | None:
    """A round's invitation or follow-up still matters: the round is open, the daycare has
    not answered and does not use the tool yet, and the person is still its superuser."""
    return await spreading.still_due(
        services.db,
        int(reminder.payload["round_id"]),
        int(reminder.payload["daycare_id"]),
        reminder.recipient,
    )


async def _spread_invite(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    due = await _spread_due(services, reminder)
    if due is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    found = await invitation(services.db, services.clock, due)
    return invitation_message(lang, found, services.settings.tz)


async def _spread_follow_up(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    due = await _spread_due(services, reminder)
    if due is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return follow_up_message(lang, due.round, due.target, services.settings.tz)


async def _spread_started(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    found = await spreading.get_round(services.db, int(reminder.payload["round_id"]))
    if found is None or not found.is_open:
        return None
    snap = await snapshot(services.db)
    reached = await spreading.targets(services.db, found.id)
    without = [
        d.name
        for d in snap.daycares
        if any(t.daycare_id == d.id for t in reached) and not snap.superusers_of(d)
    ]
    lang = await services.language.for_user(reminder.recipient)
    follow_up = spreading.follow_up_due(services.settings.calendar, found)
    return started_message(lang, found, reached, without, follow_up)


async def _training_invite(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """Not sent when the training is cancelled, held or past, or the person answered, left
    the area, or their daycare started with the tool meanwhile."""
    training_id = int(reminder.payload["training_id"])
    found = await invitation_for(services.db, services.clock, training_id, reminder.recipient)
    if found is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return training_invitation(lang, found, services.settings.tz)


async def _training_reminder(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """The day before: only for the same version of a training still planned, to someone
    still coming."""
    found = await reminder_for(
        services.db,
        services.clock,
        int(reminder.payload["training_id"]),
        int(reminder.payload["version"]),
        reminder.recipient,
    )
    if found is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return reminder_message(lang, found, services.settings.tz)


async def _training_changed(services: Services, reminder: Reminder) -> dict[str, Any] | None:
    """Moved or cancelled; not sent when a later change has overtaken this one."""
    found = await change_for(
        services.db,
        services.clock,
        int(reminder.payload["training_id"]),
        str(reminder.payload["change"]),
        reminder.recipient,
    )
    if found is None:
        return None
    lang = await services.language.for_user(reminder.recipient)
    return change_message(lang, found, services.settings.tz)


async def morning_list(
    services: Services, recipient: str, items: Sequence[tuple[Reminder, dict[str, Any]]]
) -> dict[str, Any]:
    """The person's nudges of the day as one list (`bot.views.nudges.morning_list_message`)."""
    lang = await services.language.for_user(recipient)
    return morning_list_message(lang, [(r.id, str(m.get("text") or "")) for r, m in items])


async def shown(services: Services, reminder_id: int, user_id: str) -> dict[str, Any] | None:
    """A nudge of the morning list opened with **Vis**: its own message, built now by its
    kind's sender. None when it is not this person's sent nudge or no longer matters."""
    reminder = await reminders.get_reminder(services.db, reminder_id)
    if reminder is None or reminder.recipient != user_id or reminder.state != "sent":
        return None
    sender = SENDERS.get(reminder.kind)
    return await sender(services, reminder) if sender is not None else None


SENDERS: Mapping[str, Sender] = {
    nudges.CHECKPOINT: _checkpoint,
    nudges.FOLLOW_UP: _checkpoint,
    nudges.GUIDE_CHECK: _guide_check,
    nudges.ONBOARDING: _onboarding,
    area_evaluations.AREA_EVALUATION: _area_evaluation,
    ESCALATION: _escalation,
    spreading.INVITE: _spread_invite,
    spreading.FOLLOW_UP: _spread_follow_up,
    spreading.STARTED: _spread_started,
    INVITE: _training_invite,
    REMINDER: _training_reminder,
    CHANGED: _training_changed,
    SIGNED_UP: signed_up_sender,
    ATTENDANCE: attendance_sender,
    welcomes.WELCOME: welcome_sender,
    welcomes.WELCOME_NOTE: welcome_note_sender,
    welcomes.AMBASSADOR_WELCOME: ambassador_welcome_sender,
    questions.POST: post_later,
    questions.COPY: copy_later,
    questions.OFFER: offer_later,
}

#: How the dispatcher gathers the day's nudges (`bot.jobs.dispatcher.MorningList`).
MORNING = MorningList(message=morning_list, urgent=nudges.URGENT_KINDS, apart=nudges.NOT_NUDGES)
