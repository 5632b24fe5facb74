"""A modal filled in the terminal, field by field, with the choices listed.

Answers become the simple `{block_id: {action_id: value}}` form the stand-in's driver turns
into Slack's typed `view_submission` state.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.domain.dates import BadDate, parse_day
from bot.i18n import t

Ask = Callable[[str], Awaitable[str | None]]
Say = Callable[[str], None]
CANCEL = ":cancel"
SINGLE = (
    "static_select",
    "radio_buttons",
    "users_select",
    "channels_select",
    "conversations_select",
)
Choices = dict[str, tuple[tuple[str, str], ...]]
MULTI = ("multi_static_select", "checkboxes")


@dataclass(frozen=True)
class Field:
    block_id: str
    action_id: str
    kind: str
    label: str
    hint: str
    optional: bool
    options: tuple[tuple[str, str], ...]
    initial: str | None


def fields_of(view: dict[str, Any], choices: Choices | None = None) -> list[Field]:
    """The input fields; `choices` lists the people or channels for user and channel selects."""
    fields = []
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block.get("element", {})
        listed = list(element.get("options", []))
        for group in element.get("option_groups", []):
            listed += group.get("options", [])
        options = tuple((str(o["text"]["text"]), str(o["value"])) for o in listed)
        if not options and choices:
            options = choices.get(str(element.get("type")), ())
        initial = (
            element.get("initial_value")
            or element.get("initial_date")
            or element.get("initial_channel")
            or element.get("initial_user")
        )
        if element.get("initial_option"):
            initial = element["initial_option"]["value"]
        fields.append(
            Field(
                block_id=str(block.get("block_id", "")),
                action_id=str(element.get("action_id", "")),
                kind=str(element.get("type", "")),
                label=str(block.get("label", {}).get("text", "")),
                hint=str(block.get("hint", {}).get("text", "")),
                optional=bool(block.get("optional")),
                options=options,
                initial=initial,
            )
        )
    return fields


def parse_answer(field: Field, answer: str) -> str | list[str] | None:
    """The driver value for an answer, or None when it does not fit the field."""
    answer = answer.strip()
    if field.kind in SINGLE:
        return _pick(field, answer)
    if field.kind in MULTI:
        picks = [_pick(field, part) for part in answer.split(",") if part.strip()]
        return None if None in picks else [p for p in picks if p is not None]
    if field.kind == "plain_text_input":
        return answer.replace("\\n", "\n")
    if field.kind == "datepicker":
        return _day(field, answer)
    return answer


def _day(field: Field, answer: str) -> str | None:
    """A date typed as people do (`24/12`, `24.12.2026`, ISO) as the ISO day Slack sends; a
    day without a year takes the year of the date the form shows."""
    try:
        shown = date.fromisoformat(field.initial) if field.initial else None
    except ValueError:
        shown = None
    try:
        return parse_day(answer, shown).isoformat()
    except BadDate:
        return None


def _pick(field: Field, answer: str) -> str | None:
    answer = answer.strip()
    if answer.isdigit() and 1 <= int(answer) <= len(field.options):
        return field.options[int(answer) - 1][1]
    for text, value in field.options:
        if answer.lower() in (text.lower(), value.lower()):
            return value
    return None


async def fill(
    view: dict[str, Any],
    ask: Ask,
    say: Say,
    lang: str,
    only: set[str] | None = None,
    choices: Choices | None = None,
) -> dict[str, dict[str, Any]] | None:
    """Ask for each field (or only the blocks in `only`); None when cancelled or at end of input."""
    values: dict[str, dict[str, Any]] = {}
    for field in fields_of(view, choices):
        if only is not None and field.block_id not in only:
            continue
        say(_prompt(field, lang))
        while True:
            answer = await ask("  › ")
            if answer is None or answer.strip() == CANCEL:
                say(t(lang, "console.modal_cancelled"))
                return None
            if not answer.strip():
                if field.initial is not None:
                    values[field.block_id] = {field.action_id: field.initial}
                    break
                if field.optional:
                    break
            value = parse_answer(field, answer) if answer.strip() else None
            if value is not None and value != []:
                values[field.block_id] = {field.action_id: value}
                break
            if field.options:
                say("  " + t(lang, "console.modal_choose"))
    return values


def _prompt(field: Field, lang: str) -> str:
    label = field.label + (f" ({t(lang, 'console.modal_optional')})" if field.optional else "")
    lines = [f"• {label}"]
    if field.hint:
        lines.append(f"  {field.hint}")
    lines.extend(f"    {i}. {text}" for i, (text, _) in enumerate(field.options, start=1))
    if field.initial is not None:
        shown = next(
            (text for text, value in field.options if value == field.initial), field.initial
        )
        lines.append(f"  [{shown}]")
    return "\n".join(lines)
