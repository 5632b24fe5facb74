"""Trainings as Slack shows them: the plan modal, the invitation with its sign-up buttons, the
day-before reminder, the change notice, the receipts, `/tool-test trainings`, and the
attendance modal. Place, note and names are people's text: escaped in mrkdwn."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.guides import Tool
from bot.domain.org import Area
from bot.domain.trainings import (
    NOTE_MAX,
    PLACE_MAX,
    SEATS_DEFAULT,
    SEATS_MAX,
    SEATS_MIN,
    Answer,
    Signup,
    Training,
)
from bot.i18n import t
from bot.mrkdwn import escape
from bot.views.blocks import (
    FIELD,
    Block,
    actions,
    button,
    context,
    input_block,
    option,
    plain,
    section,
    shorten,
)
from bot.views.dates import day_text
from bot.views.model import (
    ChoiceField,
    DateField,
    Form,
    NumberField,
    Option,
    TextField,
    TimeField,
)

#: The guide card's "Planlæg oplæring" (value: the tool id).
PLAN = "training_plan"
#: "Planlæg oplæring" for a new superuser (value: their Slack id): the plan modal in their area.
PLAN_FOR = "training_plan_for"
YES = "training_yes"
NO = "training_no"
ATTENDANCE = "training_attendance"
MOVE = "training_move"
CANCEL = "training_cancel"
PLAN_CALLBACK = "training_plan"
ATTENDANCE_CALLBACK = "training_attendance"
OPTIONS_MAX = 100
#: Trainings listed by `/tool-test trainings` (each takes three blocks of Slack's 50).
LISTED_MAX = 12


def _local(starts_at: str, tz: ZoneInfo) -> datetime:
    return datetime.fromisoformat(starts_at).astimezone(tz)


def when_text(lang: str, starts_at: str, tz: ZoneInfo) -> str:
    """ "tirsdag 8. dec. 2026 kl. 13.00" in the bot's zone."""
    local = _local(starts_at, tz)
    return t(
        lang,
        "training.when",
        weekday=t(lang, f"training.weekday.{local.weekday()}"),
        day=day_text(lang, local.date()),
        time=t(lang, "training.clock", hh=f"{local.hour:02d}", mm=f"{local.minute:02d}"),
    )


def training_line(lang: str, training: Training, tz: ZoneInfo) -> str:
    """One mrkdwn line: "Træning i *Bee-Bot*: tirsdag 8. dec. 2026 kl. 13.00, Salen" (escaped)."""
    return t(
        lang,
        "training.line",
        tool=escape(training.tool_name),
        when=when_text(lang, training.starts_at, tz),
        place=escape(shorten(training.place, 200)),
    )


def signup_buttons(lang: str, training: Training) -> list[dict[str, Any]]:
    """ "Jeg kommer" / "Jeg kan ikke" for any message's actions block."""
    value = str(training.id)
    return [
        button(t(lang, "training.button.yes"), YES, value, primary=True),
        button(t(lang, "training.button.no"), NO, value),
    ]


def plan_for_button(lang: str, superuser_id: str) -> dict[str, Any]:
    """The onboarding nudge's "Planlæg oplæring": the plan modal, the superuser's area chosen."""
    return button(t(lang, "training.button.plan"), PLAN_FOR, superuser_id, primary=True)


def text_only(text: str) -> dict[str, Any]:
    return {"text": text, "blocks": [section(text)]}


# -- the plan modal -----------------------------------------------------------------------


def plan_modal(
    lang: str,
    tools: list[Tool],
    areas: list[Area],
    tz: ZoneInfo,
    *,
    tool_id: int | None = None,
    area_id: int | None = None,
    training: Training | None = None,
    channel_id: str | None = None,
) -> Form:
    """A new training (tool or area maybe preselected), or — with `training` — its move,
    prefilled."""
    chosen_tool = training.tool_id if training else tool_id
    ordered = sorted(tools, key=lambda tool: (tool.id != chosen_tool, tool.name.casefold()))
    area_initial = str(training.area_id) if training else None
    if area_initial is None and any(a.id == area_id for a in areas):
        area_initial = str(area_id)
    if area_initial is None and len(areas) == 1:
        area_initial = str(areas[0].id)
    local = _local(training.starts_at, tz) if training is not None else None
    metadata: dict[str, object] = {"channel": channel_id}
    if training is not None:
        metadata["training_id"] = training.id
    return Form(
        id=PLAN_CALLBACK,
        title=t(lang, "training.move_title" if training else "training.plan_title"),
        submit=t(lang, "training.save"),
        close=t(lang, "training.close"),
        parts=(
            ChoiceField(
                "tool",
                t(lang, "training.field.tool"),
                options=tuple(Option(tool.name, str(tool.id)) for tool in ordered),
                initial=str(chosen_tool) if chosen_tool else None,
                optional=False,
            ),
            DateField(
                "day", t(lang, "training.field.day"), initial=local.date() if local else None
            ),
            TimeField(
                "time", t(lang, "training.field.time"), initial=local.time() if local else None
            ),
            TextField(
                "place",
                t(lang, "training.field.place"),
                max_length=PLACE_MAX,
                initial=training.place if training else "",
                hint=t(lang, "training.field.place_hint"),
            ),
            ChoiceField(
                "area",
                t(lang, "training.field.area"),
                options=tuple(Option(area.name, str(area.id)) for area in areas),
                initial=area_initial,
                optional=False,
            ),
            NumberField(
                "seats",
                t(lang, "training.field.seats"),
                minimum=SEATS_MIN,
                maximum=SEATS_MAX,
                initial=training.seats if training else SEATS_DEFAULT,
                optional=False,
            ),
            TextField(
                "note",
                t(lang, "training.field.note"),
                max_length=NOTE_MAX,
                initial=training.note if training else "",
                long=True,
                optional=True,
                hint=t(lang, "training.field.note_hint"),
            ),
        ),
        metadata=metadata,
    )


def planned_message(
    lang: str, training: Training, invited: int, tz: ZoneInfo, *, moved: bool | None = None
) -> dict[str, Any]:
    """The ambassador's receipt: planned (with how many are invited), moved or just saved."""
    line = training_line(lang, training, tz)
    if moved is None:
        text = t(lang, "training.planned", line=line, invited=invited, seats=training.seats)
    elif moved:
        text = t(lang, "training.moved_receipt", line=line, coming=training.signed_up)
    else:
        text = t(lang, "training.saved_receipt", line=line)
    return text_only(text)


# -- what the superusers get --------------------------------------------------------------


def _facts(lang: str, training: Training, tz: ZoneInfo) -> str:
    return "\n".join(
        [
            t(lang, "training.fact.when", when=when_text(lang, training.starts_at, tz)),
            t(lang, "training.fact.place", place=escape(shorten(training.place, 500))),
            t(
                lang,
                "training.fact.seats",
                left=training.seats_left,
                seats=training.seats,
            ),
        ]
    )


def _note_blocks(lang: str, training: Training) -> list[Block]:
    if not training.note:
        return []
    return [context(t(lang, "training.fact.note", note=escape(shorten(training.note, 1500))))]


def invitation_message(lang: str, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    intro = t(
        lang,
        "training.invite",
        ambassador=f"<@{training.ambassador_slack_id}>",
        tool=escape(training.tool_name),
    )
    blocks: list[Block] = [section(intro), section(_facts(lang, training, tz))]
    blocks += _note_blocks(lang, training)
    blocks.append(actions(*signup_buttons(lang, training)))
    fallback = t(lang, "training.invite_fallback", tool=escape(training.tool_name))
    return {"text": fallback, "blocks": blocks}


def reminder_message(lang: str, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    text = t(lang, "training.reminder", line=training_line(lang, training, tz))
    blocks: list[Block] = [section(text)]
    blocks += _note_blocks(lang, training)
    blocks.append(actions(button(t(lang, "training.button.not_after_all"), NO, str(training.id))))
    return {"text": text, "blocks": blocks}


def change_message(lang: str, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    if training.state == "cancelled":
        text = t(lang, "training.cancelled_notice", line=training_line(lang, training, tz))
        return text_only(text)
    text = t(
        lang,
        "training.moved_notice",
        tool=escape(training.tool_name),
        when=when_text(lang, training.starts_at, tz),
        place=escape(shorten(training.place, 500)),
    )
    blocks: list[Block] = [section(text)]
    blocks.append(actions(button(t(lang, "training.button.not_after_all"), NO, str(training.id))))
    return {"text": text, "blocks": blocks}


def answer_message(
    lang: str, outcome: str, training: Training | None, answer: Answer | None, tz: ZoneInfo
) -> dict[str, Any]:
    """The private receipt below the clicked button."""
    if training is None or outcome == "gone":
        return text_only(t(lang, "training.gone"))
    line = training_line(lang, training, tz)
    if outcome == "saved":
        key = "training.answer.yes" if answer == "yes" else "training.answer.no"
        return text_only(t(lang, key, line=line))
    if outcome == "full":
        ambassador = f"<@{training.ambassador_slack_id}>"
        return text_only(t(lang, "training.answer.full", line=line, ambassador=ambassador))
    if outcome == "not_in_area":
        return text_only(t(lang, "training.answer.not_in_area", area=escape(training.area_name)))
    key = "training.answer.cancelled" if training.state == "cancelled" else "training.answer.past"
    return text_only(t(lang, key, line=line))


# -- /tool-test trainings ------------------------------------------------------------------


def _state_text(lang: str, training: Training, now_iso: str) -> str:
    if training.state == "planned" and training.starts_at <= now_iso:
        return t(lang, "training.state.started")
    return t(lang, f"training.state.{training.state}")


def list_message(
    lang: str,
    trainings: tuple[Training, ...],
    kind: str,
    answers: Mapping[int, Answer],
    tz: ZoneInfo,
    now_iso: str,
) -> dict[str, Any]:
    """An ambassador's own trainings with "Fremmøde", "Flyt", "Aflys"; a superuser's area's
    planned trainings with the sign-up buttons; a friendly line when there are none."""
    if kind == "none":
        return text_only(t(lang, "training.list.none"))
    if not trainings:
        key = "training.list.empty_held" if kind == "held" else "training.list.empty_offered"
        return text_only(t(lang, key))
    header = t(lang, "training.list.held" if kind == "held" else "training.list.offered")
    blocks: list[Block] = [section(header)]
    for training in trainings[:LISTED_MAX]:
        blocks.append(section(training_line(lang, training, tz)))
        facts = [
            t(lang, "training.list.signed_up", coming=training.signed_up, seats=training.seats)
        ]
        if kind == "held":
            facts.append(_state_text(lang, training, now_iso))
            blocks.append(context(" · ".join(facts)))
            buttons = []
            if training.starts_at <= now_iso:
                buttons.append(
                    button(t(lang, "training.button.attendance"), ATTENDANCE, str(training.id))
                )
            if training.state == "planned" and training.starts_at > now_iso:
                buttons += [
                    button(t(lang, "training.button.move"), MOVE, str(training.id)),
                    cancel_button(lang, training),
                ]
            if buttons:
                blocks.append(actions(*buttons))
        else:
            mine = answers.get(training.id)
            if mine is not None:
                facts.append(t(lang, f"training.list.your_answer.{mine}"))
            blocks.append(context(" · ".join(facts)))
            blocks.append(actions(*signup_buttons(lang, training)))
    if len(trainings) > LISTED_MAX:
        blocks.append(context(t(lang, "training.list.more", count=len(trainings) - LISTED_MAX)))
    return {"text": header, "blocks": blocks}


def cancel_button(lang: str, training: Training) -> dict[str, Any]:
    element = button(t(lang, "training.button.cancel"), CANCEL, str(training.id))
    element["confirm"] = {
        "title": plain(t(lang, "training.confirm.title")),
        "text": plain(
            shorten(
                t(
                    lang,
                    "training.confirm.text",
                    tool=training.tool_name,
                    coming=training.signed_up,
                ),
                300,
            )
        ),
        "confirm": plain(t(lang, "training.confirm.yes")),
        "deny": plain(t(lang, "training.confirm.no")),
        "style": "danger",
    }
    return element


def cancelled_receipt(
    lang: str, training: Training, tz: ZoneInfo, *, changed: bool
) -> dict[str, Any]:
    key = "training.cancelled_receipt" if changed else "training.already_cancelled"
    return text_only(
        t(lang, key, line=training_line(lang, training, tz), coming=training.signed_up)
    )


# -- attendance ---------------------------------------------------------------------------


def attendance_modal(
    lang: str, training: Training, coming: list[Signup], names: Mapping[str, str], tz: ZoneInfo
) -> dict[str, Any]:
    """Those who said yes (all preselected) and anybody else who came."""
    blocks: list[Block] = [section(training_line(lang, training, tz))]
    if coming:
        choices = [
            option(names.get(s.slack_user_id, s.slack_user_id), s.slack_user_id)
            for s in coming[:OPTIONS_MAX]
        ]
        element = {
            "type": "multi_static_select",
            "action_id": FIELD,
            "options": choices,
            "initial_options": choices,
        }
        blocks.append(input_block("came", t(lang, "training.field.came"), element))
    else:
        blocks.append(context(t(lang, "training.nobody_signed_up")))
    others = {"type": "multi_users_select", "action_id": FIELD}
    blocks.append(
        input_block(
            "others",
            t(lang, "training.field.others"),
            others,
            hint=t(lang, "training.field.others_hint"),
        )
    )
    return {
        "type": "modal",
        "callback_id": ATTENDANCE_CALLBACK,
        "title": plain(t(lang, "training.attendance_title")),
        "submit": plain(t(lang, "training.save")),
        "close": plain(t(lang, "training.close")),
        "private_metadata": json.dumps({"training_id": training.id}),
        "blocks": blocks,
    }


def signup_notice_message(
    lang: str,
    training: Training,
    name: str | None,
    daycare: str | None,
    tz: ZoneInfo,
) -> dict[str, Any]:
    """To the training's ambassador: "<navn> har tilmeldt sig oplæringen i <redskab> <dato>",
    with how many seats are taken."""
    who = escape(name) if name else t(lang, "training.signup_someone")
    if daycare:
        who += f" ({escape(daycare)})"
    text = t(
        lang,
        "training.signup_notice",
        name=who,
        tool=escape(training.tool_name),
        when=when_text(lang, training.starts_at, tz),
    )
    seats = t(lang, "training.list.signed_up", coming=training.signed_up, seats=training.seats)
    return {"text": text, "blocks": [section(text), context(seats)]}


def attendance_reminder_message(
    lang: str, training: Training, coming: int, tz: ZoneInfo
) -> dict[str, Any]:
    """The working day after: record who came, with the button that opens the form."""
    text = t(lang, "training.attendance_reminder", line=training_line(lang, training, tz))
    return {
        "text": text,
        "blocks": [
            section(text),
            context(t(lang, "training.attendance_reminder_why", coming=coming)),
            actions(
                button(
                    t(lang, "training.button.record_attendance"),
                    ATTENDANCE,
                    str(training.id),
                    primary=True,
                )
            ),
        ],
    }


def attendance_receipt(
    lang: str, training: Training, attended: int, started: tuple[str, ...], tz: ZoneInfo
) -> dict[str, Any]:
    text = t(
        lang, "training.attendance_saved", line=training_line(lang, training, tz), count=attended
    )
    if started:
        text += "\n" + t(lang, "training.now_started", daycares=escape(", ".join(started)))
    return text_only(text)
