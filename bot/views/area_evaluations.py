"""The area evaluation as people read it: a short nudge with one button, and a modal with four
questions for ambassadors and three for superusers."""

from __future__ import annotations

import json
from typing import Any

from bot.domain.area_evaluations import FIELDS, Field
from bot.i18n import t
from bot.mrkdwn import escape
from bot.services.area_evaluations import TEXT_MAX, EvaluationForm, EvaluationUnavailable
from bot.views.blocks import actions, button, context, section
from bot.views.dates import day_text
from bot.views.model import Context, Form, FormField, Part, Text, TextField
from bot.views.nudges import snooze_buttons
from bot.views.text import literal

OPEN = "area_evaluation_open"
CALLBACK = "area_evaluation"
#: Fields with a hint under them (the others speak for themselves).
_HINTS: frozenset[Field] = frozenset({"works", "support"})


def evaluation_message(lang: str, form: EvaluationForm, reminder_id: int) -> dict[str, Any]:
    key = "area_eval.nudge_quarterly" if form.cycle.quarterly else "area_eval.nudge"
    text = t(lang, key, area=escape(form.area.name))
    value = json.dumps({"period": form.cycle.period, "area_id": form.area.id})
    return {
        "text": text,
        "blocks": [
            section(text),
            context(t(lang, f"area_eval.nudge_{form.role}")),
            actions(
                button(t(lang, "area_eval.answer"), OPEN, value, primary=True),
                *snooze_buttons(lang, reminder_id),
            ),
        ],
    }


def evaluation_modal(lang: str, form: EvaluationForm) -> Form:
    """The role's questions, filled in with the person's earlier answer when there is one."""
    day = day_text(lang, form.cycle.starts_at.date())
    parts: list[Part | FormField] = [
        Text(t(lang, "area_eval.intro", area=literal(form.area.name), day=day)),
        Context(t(lang, "area_eval.hint")),
    ]
    for field in FIELDS[form.role]:
        parts.append(
            TextField(
                field,
                t(lang, f"area_eval.{field}"),
                max_length=TEXT_MAX,
                initial=form.answer.answers.value(field) if form.answer else "",
                long=True,
                optional=True,
                hint=t(lang, f"area_eval.{field}_hint") if field in _HINTS else None,
            )
        )
    return Form(
        id=CALLBACK,
        title=t(lang, "area_eval.title"),
        submit=t(lang, "area_eval.submit"),
        close=t(lang, "test.close_modal"),
        parts=tuple(parts),
        metadata={"period": form.cycle.period, "area_id": form.area.id, "role": form.role},
    )


def unavailable_text(lang: str, unavailable: EvaluationUnavailable, *, mrkdwn: bool = True) -> str:
    """Why the person cannot answer; `mrkdwn=False` for a modal's field error (plain text)."""
    name = unavailable.area.name if unavailable.area else ""
    return t(lang, unavailable.key, area=escape(name) if mrkdwn else name)
