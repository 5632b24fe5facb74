"""Neutral forms (`bot.views.model.Form`) as Slack modals, and field errors as Slack's answer.

Each field becomes an `input` block whose `block_id` is the field's id and whose element's
`action_id` is `FIELD`, so `handlers/values.py` reads every submission the same way.
"""

from __future__ import annotations

import json
from typing import Any

from bot.views.model import (
    ChoiceField,
    ConversationField,
    DateField,
    Form,
    FormErrors,
    FormField,
    MultiChoiceField,
    NumberField,
    Option,
    OptionGroup,
    PeopleField,
    TextField,
    TimeField,
)
from handlers.slack.render import (
    OPTIONS_MAX,
    VIEW_BLOCKS_MAX,
    Block,
    Mentions,
    blocks,
    option,
    option_groups,
    options,
    plain,
    shorten,
)

#: The action id of every modal input: the block id names the field (see handlers/values.py).
FIELD = "value"
TITLE_MAX = 24
METADATA_MAX = 3000
INPUT_LENGTH_MAX = 3000


def modal(form: Form, mentions: Mentions | None = None) -> dict[str, Any]:
    """A `views.open`/`views.update`/`views.push` view."""
    metadata = json.dumps(dict(form.metadata), ensure_ascii=False)
    if len(metadata) > METADATA_MAX:
        raise ValueError(f"private_metadata of {form.id}: {len(metadata)} characters, max 3000")
    out: list[Block] = []
    for part in form.parts:
        if isinstance(part, _FIELDS):
            out.append(field(part, mentions or {}))
        else:
            out.extend(blocks((part,), mentions, limit=VIEW_BLOCKS_MAX))
    if len(out) > VIEW_BLOCKS_MAX:
        raise ValueError(f"form {form.id}: {len(out)} blocks, a modal shows {VIEW_BLOCKS_MAX}")
    return {
        "type": "modal",
        "callback_id": form.id,
        "title": plain(shorten(form.title, TITLE_MAX)),
        "submit": plain(shorten(form.submit, TITLE_MAX)),
        "close": plain(shorten(form.close, TITLE_MAX)),
        "private_metadata": metadata,
        "blocks": out,
    }


def refused(errors: FormErrors) -> dict[str, Any]:
    """The answer to a submission that keeps the modal open with a message under each field."""
    return {"response_action": "errors", "errors": dict(errors)}


def field(item: FormField, people: Mentions) -> Block:
    """An input block; `people` maps a person id to their Slack id (a people field's
    initial choice)."""
    block: Block = {
        "type": "input",
        "block_id": item.id,
        "optional": item.optional,
        "label": plain(item.label),
        "element": _element(item, people),
    }
    if item.hint:
        block["hint"] = plain(item.hint)
    return block


def _element(item: FormField, found: Mentions) -> dict[str, Any]:
    if isinstance(item, TextField):
        text: dict[str, Any] = {
            "type": "plain_text_input",
            "action_id": FIELD,
            "multiline": item.long,
            "max_length": min(item.max_length, INPUT_LENGTH_MAX),
        }
        if item.initial:
            text["initial_value"] = shorten(item.initial, item.max_length)
        return text
    if isinstance(item, NumberField):
        number: dict[str, Any] = {
            "type": "number_input",
            "action_id": FIELD,
            "is_decimal_allowed": False,
            "min_value": str(item.minimum),
            "max_value": str(item.maximum),
        }
        if item.initial is not None:
            number["initial_value"] = str(item.initial)
        return number
    if isinstance(item, DateField):
        day: dict[str, Any] = {"type": "datepicker", "action_id": FIELD}
        if item.initial is not None:
            day["initial_date"] = item.initial.isoformat()
        return day
    if isinstance(item, TimeField):
        clock: dict[str, Any] = {"type": "timepicker", "action_id": FIELD}
        if item.initial is not None:
            clock["initial_time"] = f"{item.initial.hour:02d}:{item.initial.minute:02d}"
        return clock
    if isinstance(item, ChoiceField):
        return _choice(item)
    if isinstance(item, MultiChoiceField):
        return _choices(item)
    if isinstance(item, PeopleField):
        people: dict[str, Any] = {
            "type": "multi_users_select" if item.many else "users_select",
            "action_id": FIELD,
        }
        users = [found.get(str(person), str(person)) for person in item.initial]
        if users and item.many:
            people["initial_users"] = users
        elif users:
            people["initial_user"] = users[0]
        return people
    conversation: dict[str, Any] = {"type": "channels_select", "action_id": FIELD}
    if item.initial:
        conversation["initial_channel"] = item.initial
    return conversation


def _choice(item: ChoiceField) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "radio_buttons" if item.radio else "static_select",
        "action_id": FIELD,
    }
    if item.placeholder:
        out["placeholder"] = plain(item.placeholder)
    _listed(out, item.options, item.groups)
    chosen = [o for o in _all(item.options, item.groups) if o.value == item.initial]
    if chosen:
        out["initial_option"] = option(chosen[0])
    return out


def _choices(item: MultiChoiceField) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "checkboxes" if item.checkboxes else "multi_static_select",
        "action_id": FIELD,
    }
    _listed(out, item.options, item.groups)
    chosen = [o for o in _all(item.options, item.groups) if o.value in item.initial]
    if chosen:
        out["initial_options"] = [option(o) for o in chosen]
    return out


def _listed(
    out: dict[str, Any], items: tuple[Option, ...], groups: tuple[OptionGroup, ...]
) -> None:
    if groups:
        out["option_groups"] = option_groups(groups)
    else:
        out["options"] = options(items)


def _all(items: tuple[Option, ...], groups: tuple[OptionGroup, ...]) -> list[Option]:
    """The options Slack is sent, so an initial option is always one of them."""
    if groups:
        return [o for g in groups[:OPTIONS_MAX] for o in g.options[:OPTIONS_MAX]]
    return list(items[:OPTIONS_MAX])


_FIELDS = (
    TextField,
    NumberField,
    DateField,
    TimeField,
    ChoiceField,
    MultiChoiceField,
    PeopleField,
    ConversationField,
)
