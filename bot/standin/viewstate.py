"""Element state the way Slack reports it: `state.values` and the `actions[]` entries.

Tests give simple values (`"text"`, `"option value"`, `["v1", "v2"]`, `"2026-12-01"`); Slack
sends typed entries (`selected_option` with the whole option object, `selected_date`...).
This module turns one into the other from the element's type, and checks what Slack's
own client would not let a user submit (an empty required input, a too-long text).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from bot.standin.blockkit import interactive_elements
from bot.standin.richtext import rich_text_blocks

#: The key holding the current value in a state entry, per element type.
STATE_KEYS: dict[str, str] = {
    "plain_text_input": "value",
    "email_text_input": "value",
    "url_text_input": "value",
    "number_input": "value",
    "rich_text_input": "rich_text_value",
    "static_select": "selected_option",
    "external_select": "selected_option",
    "radio_buttons": "selected_option",
    "multi_static_select": "selected_options",
    "multi_external_select": "selected_options",
    "checkboxes": "selected_options",
    "users_select": "selected_user",
    "multi_users_select": "selected_users",
    "conversations_select": "selected_conversation",
    "multi_conversations_select": "selected_conversations",
    "channels_select": "selected_channel",
    "multi_channels_select": "selected_channels",
    "datepicker": "selected_date",
    "timepicker": "selected_time",
    "datetimepicker": "selected_date_time",
}
#: Where an element declares its initial value, per state key.
INITIAL_KEYS: dict[str, str] = {
    "value": "initial_value",
    "rich_text_value": "initial_value",
    "selected_option": "initial_option",
    "selected_options": "initial_options",
    "selected_user": "initial_user",
    "selected_users": "initial_users",
    "selected_conversation": "initial_conversation",
    "selected_conversations": "initial_conversations",
    "selected_channel": "initial_channel",
    "selected_channels": "initial_channels",
    "selected_date": "initial_date",
    "selected_time": "initial_time",
    "selected_date_time": "initial_date_time",
}
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class DriverError(Exception):
    """The test asked for something a Slack user could not do: a bug in the test."""


def stateful_elements(blocks: list[Any]) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(block_id, block, element) for every element that has state."""
    for block in blocks:
        if not isinstance(block, dict):
            continue
        for element in interactive_elements(block):
            if element.get("type") in STATE_KEYS and isinstance(element.get("action_id"), str):
                yield block["block_id"], block, element


def initial_entry(element: dict[str, Any]) -> dict[str, Any]:
    """The state entry of an element nobody has touched."""
    key = STATE_KEYS[element["type"]]
    value = copy.deepcopy(element.get(INITIAL_KEYS[key]))
    if value is None and key.endswith("s") and key != "selected_date_time":
        value = []
    return {"type": element["type"], key: value}


def entry_from_value(element: dict[str, Any], value: Any, known: KnownIds) -> dict[str, Any]:
    """The typed state entry for a simple test value, checked like Slack's client would."""
    element_type = element.get("type", "")
    if element_type not in STATE_KEYS:
        raise DriverError(f"element type {element_type!r} holds no value the driver can set")
    key = STATE_KEYS[element_type]
    where = f"{element_type} {element.get('action_id')!r}"
    converted: Any
    if value is None:
        converted = [] if key.endswith("s") and key != "selected_date_time" else None
    elif key == "value":
        converted = str(value) if value != "" else None
    elif key == "rich_text_value":
        converted = rich_text_blocks(str(value))[0]
    elif key == "selected_option":
        converted = find_option(element, str(value))
    elif key == "selected_options":
        values = [value] if isinstance(value, str) else list(value)
        converted = [find_option(element, str(v)) for v in values]
    elif key in ("selected_user", "selected_conversation", "selected_channel"):
        known.check(key, str(value), where)
        converted = str(value)
    elif key in ("selected_users", "selected_conversations", "selected_channels"):
        values = [value] if isinstance(value, str) else list(value)
        for v in values:
            known.check(key, str(v), where)
        converted = [str(v) for v in values]
    elif key == "selected_date":
        converted = value.isoformat() if isinstance(value, date) else str(value)
        try:
            date.fromisoformat(converted)
        except ValueError:
            raise DriverError(f"{where}: {value!r} is not a YYYY-MM-DD date") from None
    elif key == "selected_time":
        converted = str(value)
        if not _TIME.match(converted):
            raise DriverError(f"{where}: {value!r} is not an HH:MM time")
    else:  # selected_date_time
        converted = int(value)
    return {"type": element_type, key: converted}


def find_option(element: dict[str, Any], value: str) -> dict[str, Any]:
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options.extend(group.get("options") or [])
    for option in options:
        if option.get("value") == value:
            return copy.deepcopy(option)
    available = [o.get("value") for o in options]
    raise DriverError(
        f"{element.get('type')} {element.get('action_id')!r} has no option {value!r}; "
        f"it has {available}"
    )


class KnownIds:
    """Users and conversations a select may name: the ones the stand-in knows."""

    def __init__(self, users: set[str], conversations: set[str]) -> None:
        self.users = users
        self.conversations = conversations

    def check(self, key: str, value: str, where: str) -> None:
        pool = self.users if "user" in key else self.conversations
        if value not in pool:
            raise DriverError(f"{where}: {value!r} is not a user/conversation of the stand-in")


def merged_state(
    blocks: list[Any], stored: dict[str, dict[str, Any]]
) -> dict[str, dict[str, dict[str, Any]]]:
    """`state.values` of a surface: initial values, overridden by what the user set so far."""
    values: dict[str, dict[str, dict[str, Any]]] = {}
    for block_id, _, element in stateful_elements(blocks):
        action_id = element["action_id"]
        entry = stored.get(block_id, {}).get(action_id) or initial_entry(element)
        values.setdefault(block_id, {})[action_id] = copy.deepcopy(entry)
    return values


def submission_state(
    view: dict[str, Any], given: dict[str, dict[str, Any]], known: KnownIds
) -> dict[str, dict[str, dict[str, Any]]]:
    """The view's state after the user typed `given`; raises if Slack would not submit it."""
    blocks = view.get("blocks") or []
    elements = {(b_id, e["action_id"]): (block, e) for b_id, block, e in stateful_elements(blocks)}
    stored = copy.deepcopy(view.get("state", {}).get("values", {}))
    for block_id, actions in given.items():
        if not isinstance(actions, dict):
            raise DriverError(f"values[{block_id!r}] must be {{action_id: value}}")
        for action_id, value in actions.items():
            found = elements.get((block_id, action_id))
            if found is None:
                raise DriverError(
                    f"the view has no element {block_id!r}/{action_id!r}; it has {sorted(elements)}"
                )
            stored.setdefault(block_id, {})[action_id] = entry_from_value(found[1], value, known)
    state = merged_state(blocks, stored)
    for (block_id, action_id), (block, element) in elements.items():
        entry = state[block_id][action_id]
        _check_submittable(block, element, entry, f"{block_id!r}/{action_id!r}")
    return state


def _check_submittable(
    block: dict[str, Any], element: dict[str, Any], entry: dict[str, Any], where: str
) -> None:
    key = STATE_KEYS[element["type"]]
    value = entry.get(key)
    if block.get("type") == "input" and not block.get("optional") and value in (None, [], ""):
        raise DriverError(f"{where} is a required input and is empty: Slack would not submit")
    if element["type"] == "plain_text_input" and isinstance(value, str):
        max_length = element.get("max_length")
        min_length = element.get("min_length")
        if isinstance(max_length, int) and len(value) > max_length:
            raise DriverError(f"{where}: {len(value)} characters, max_length is {max_length}")
        if isinstance(min_length, int) and len(value) < min_length:
            raise DriverError(f"{where}: {len(value)} characters, min_length is {min_length}")
    if element["type"] == "number_input" and isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            raise DriverError(f"{where}: {value!r} is not a number") from None
        if not element.get("is_decimal_allowed") and not number.is_integer():
            raise DriverError(f"{where}: {value!r} is not a whole number")
        low, high = element.get("min_value"), element.get("max_value")
        if low is not None and number < float(low):
            raise DriverError(f"{where}: {value!r} is below min_value {low}")
        if high is not None and number > float(high):
            raise DriverError(f"{where}: {value!r} is above max_value {high}")
