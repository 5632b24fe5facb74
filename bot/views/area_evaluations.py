"""The area evaluation as people read it: a short nudge with one button, and a modal with four
questions for ambassadors and three for superusers."""

from __future__ import annotations

import json

from bot.domain.area_evaluations import FIELDS, Field
from bot.i18n import t
from bot.services.area_evaluations import TEXT_MAX, EvaluationForm, EvaluationUnavailable
from bot.views.dates import day_text
from bot.views.model import (
    Actions,
    Button,
    Context,
    Form,
    FormField,
    Message,
    Part,
    Text,
    TextField,
)
from bot.views.nudges import snooze_buttons
from bot.views.text import literal

OPEN = "area_evaluation_open"
CALLBACK = "area_evaluation"
#: Fields with a hint under them (the others speak for themselves).
_HINTS: frozenset[Field] = frozenset({"works", "support"})


def evaluation_message(lang: str, form: EvaluationForm, reminder_id: int) -> Message:
    key = "area_eval.nudge_quarterly" if form.cycle.quarterly else "area_eval.nudge"
    text = t(lang, key, area=literal(form.area.name))
    value = json.dumps({"period": form.cycle.period, "area_id": form.area.id})
    answer = Button(OPEN, t(lang, "area_eval.answer"), value, "primary")
    return Message(
        text,
        (
            Text(text),
            Context(t(lang, f"area_eval.nudge_{form.role}")),
            Actions((answer, *snooze_buttons(lang, reminder_id))),
        ),
    )


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


def unavailable_text(
    lang: str, unavailable: EvaluationUnavailable, *, markdown: bool = True
) -> str:
    """Why the person cannot answer, in neutral Markdown; `markdown=False` for a form's
    field error (plain text)."""
    name = unavailable.area.name if unavailable.area else ""
    return t(lang, unavailable.key, area=literal(name) if markdown else name)
