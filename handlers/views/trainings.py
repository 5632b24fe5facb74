"""The training modals: plan (or move) a training, and record who came. Permissions are
checked again on submit; receipts come by DM (or privately where the command was typed)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.trainings import Training, TrainingPlan
from bot.errors import NotAllowed
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
from handlers.interactions import Submission, as_int
from handlers.slack import render, render_form
from handlers.slack.replies import tell_privately

__all__ = ["ATTENDANCE_CALLBACK", "PLAN_CALLBACK", "open_plan", "submit_attendance", "submit_plan"]


async def open_plan(
    client: AsyncWebClient,
    services: Services,
    lang: str,
    trigger_id: str,
    user_id: str,
    *,
    tool_id: int | None = None,
    area_id: int | None = None,
    training: Training | None = None,
    channel_id: str | None = None,
) -> None:
    """Open the plan modal; NotAllowed when the person may not plan trainings."""
    areas = await planning_areas(services.db, user_id)
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
    await client.views_open(trigger_id=trigger_id, view=render_form.modal(modal))


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


async def submit_plan(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = submission.lang
    user_id = submission.external_id
    metadata = submission.metadata
    plan = _plan(submission.values)
    calendar = services.settings.calendar
    tz = services.settings.tz
    training_id = metadata.get("training_id")
    try:
        if isinstance(training_id, int):
            moved, changed = await move_training(
                services.db, services.clock, calendar, user_id, training_id, plan
            )
            message = planned_message(lang, moved, 0, tz, moved=changed)
        else:
            planned = await plan_training(
                services.db,
                services.clock,
                calendar,
                user_id,
                plan,
                request_key=f"view:{submission.form_id}",
            )
            message = planned_message(lang, planned.training, planned.invited, tz)
    except LookupError:
        await ack()
        await client.chat_postMessage(
            channel=user_id, **render.message(text_message(t(lang, "training.not_planned")))
        )
        return
    await ack()
    await tell_privately(services.messenger, user_id, metadata.get("channel"), message)


async def submit_attendance(
    ack: AsyncAck,
    submission: Submission,
    client: AsyncWebClient,
    services: Services,
) -> None:
    lang = submission.lang
    user_id = submission.external_id
    values = submission.values
    metadata = submission.metadata
    came = [str(u) for u in (values.get("came") or [])] + [
        str(u) for u in (values.get("others") or [])
    ]
    try:
        attendance = await record_attendance(
            services.db, services.clock, user_id, int(metadata.get("training_id") or 0), came
        )
    except TrainingRefused as refused:
        field = "others" if "came" not in values else "came"
        key, params = next(iter(refused.errors.values()))
        errors = {field: t(lang, key, **params)}
        await ack(response_action="errors", errors=errors)
        return
    except LookupError:
        await ack()
        await client.chat_postMessage(
            channel=user_id, **render.message(text_message(t(lang, "training.gone")))
        )
        return
    await ack()
    receipt = attendance_receipt(
        lang,
        attendance.training,
        attendance.attended,
        attendance.started,
        services.settings.tz,
    )
    await client.chat_postMessage(channel=user_id, **render.message(receipt))
