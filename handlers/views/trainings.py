"""The training modals: plan (or move) a training, and record who came. Permissions are
checked again on submit; receipts come by DM (or privately where the command was typed)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from bot.domain.trainings import Training, TrainingPlan
from bot.errors import FormRefused, NotAllowed
from bot.i18n import t
from bot.runtime import Services
from bot.services.guides import list_tools
from bot.services.permissions import Action
from bot.services.trainings import (
    TrainingRefused,
    move_training,
    plan_training,
    planning_areas,
    record_attendance,
)
from bot.views.help import text_message
from bot.views.trainings import (
    ATTENDANCE_CALLBACK,
    PLAN_CALLBACK,
    attendance_receipt,
    plan_modal,
    planned_message,
)
from handlers.interactions import Submission, as_int, opened_in
from handlers.reply import Reply

__all__ = ["ATTENDANCE_CALLBACK", "PLAN_CALLBACK", "open_plan", "submit_attendance", "submit_plan"]


async def open_plan(
    reply: Reply,
    services: Services,
    lang: str,
    person_id: int,
    *,
    tool_id: int | None = None,
    area_id: int | None = None,
    training: Training | None = None,
    channel_id: str | None = None,
) -> None:
    """Open the plan modal; NotAllowed when the person may not plan trainings."""
    areas = await planning_areas(services.db, person_id)
    if areas is None:
        raise NotAllowed(Action.PLAN_TRAININGS)
    modal = plan_modal(
        lang,
        await list_tools(services.db),
        areas,
        services.settings.tz,
        tool_id=tool_id,
        area_id=area_id,
        training=training,
        channel_id=channel_id,
    )
    await reply.open_form(modal)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _time(value: Any) -> time | None:
    try:
        return time.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _plan(values: Mapping[str, Any]) -> TrainingPlan:
    seats = str(values.get("seats") or "").strip()
    return TrainingPlan(
        tool_id=as_int(values.get("tool")) or 0,
        area_id=as_int(values.get("area")) or 0,
        day=_day(values.get("day")),
        at=_time(values.get("time")),
        place=str(values.get("place") or ""),
        seats=int(seats) if seats.lstrip("-").isdigit() else None,
        note=str(values.get("note") or ""),
    )


async def submit_plan(submission: Submission, reply: Reply, services: Services) -> None:
    lang = submission.lang
    person = submission.person
    metadata = submission.metadata
    plan = _plan(submission.values)
    calendar = services.settings.calendar
    tz = services.settings.tz
    training_id = metadata.get("training_id")
    try:
        if isinstance(training_id, int):
            moved, changed = await move_training(
                services.db, services.clock, calendar, person, training_id, plan
            )
            message = planned_message(lang, moved, 0, tz, moved=changed)
        else:
            planned = await plan_training(
                services.db,
                services.clock,
                calendar,
                person,
                plan,
                request_key=f"view:{submission.form_id}",
            )
            message = planned_message(lang, planned.training, planned.invited, tz)
    except LookupError:
        await reply.accept_form()
        await reply.private(text_message(t(lang, "training.not_planned")))
        return
    await reply.accept_form()
    await services.messenger.tell(
        person, opened_in(submission, services.messenger.platform), message
    )


async def submit_attendance(submission: Submission, reply: Reply, services: Services) -> None:
    lang = submission.lang
    person = submission.person
    values = submission.values
    metadata = submission.metadata
    chosen = [as_int(value) for value in values.get("came") or []]
    came = [*(p for p in chosen if p is not None), *(values.get("others") or [])]
    try:
        attendance = await record_attendance(
            services.db, services.clock, person, int(metadata.get("training_id") or 0), came
        )
    except TrainingRefused as refused:
        field = "others" if "came" not in values else "came"
        raise FormRefused({field: next(iter(refused.errors.values()))}) from refused
    except LookupError:
        await reply.accept_form()
        await reply.private(text_message(t(lang, "training.gone")))
        return
    await reply.accept_form()
    receipt = attendance_receipt(
        lang,
        attendance.training,
        attendance.attended,
        attendance.started,
        services.settings.tz,
    )
    await reply.private(receipt)
