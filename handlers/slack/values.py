"""The one place that reads what a person entered in a modal or clicked, whatever the element.

Every reader takes what it finds and never raises: a signed payload can still carry a value
of the wrong type (a number where Slack sends text, `null` for an option, a state that is
not an object), and a listener must answer such a submission like an empty one — with its
field errors or its usual answer — not fail with an apology.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: State keys that hold the value itself: text, a date or time, one user/channel id.
SIMPLE_KEYS = (
    "value",
    "selected_channel",
    "selected_conversation",
    "selected_date",
    "selected_time",
)


@dataclass(frozen=True)
class Users:
    """The Slack user ids a people field gave (`users_select`: one, `multi_users_select`:
    `many`); the edge turns them into person ids before a handler sees them."""

    ids: tuple[str, ...]
    many: bool


def submitted(view: dict[str, Any]) -> dict[str, Any]:
    """`{block_id: value}`: text, an id, an option's value, or a list for multi-selects.

    A value is a string, a list of strings, `Users` from a people field, or None (left empty
    or unreadable)."""
    values: dict[str, Any] = {}
    state = view.get("state")
    blocks = state.get("values") if isinstance(state, dict) else None
    if not isinstance(blocks, dict):
        return values
    for block_id, actions in blocks.items():
        if not isinstance(actions, dict):
            continue
        for element in actions.values():
            if isinstance(element, dict):
                values[block_id] = _value_of(element)
    return values


def _value_of(state: dict[str, Any]) -> Any:
    if "selected_user" in state:
        user = _text(state["selected_user"])
        return Users((user,), many=False) if user else None
    for key in SIMPLE_KEYS:
        if key in state:
            return _text(state[key])
    if "selected_option" in state:
        return _option_value(state["selected_option"])
    if "selected_options" in state:
        return _texts(_option_value(option) for option in _list(state["selected_options"]))
    if "selected_users" in state:
        return Users(tuple(_texts(_text(u) for u in _list(state["selected_users"]))), many=True)
    return None


def action_value(body: dict[str, Any]) -> str:
    """The clicked button's value, or the option chosen in a menu ("" when none)."""
    actions = body.get("actions")
    action = actions[0] if isinstance(actions, list) and actions else None
    if not isinstance(action, dict):
        return ""
    if "selected_option" in action:
        return _option_value(action["selected_option"]) or ""
    return _text(action.get("value")) or ""


def action_channel(body: dict[str, Any]) -> str | None:
    """The conversation the clicked message is in."""
    for holder, key in (("channel", "id"), ("container", "channel_id")):
        part = body.get(holder)
        channel = part.get(key) if isinstance(part, dict) else None
        if isinstance(channel, str) and channel:
            return channel
    return None


def _text(value: Any) -> str | None:
    """A string as it is, a number as its digits (Slack sends strings; a number can only be
    the digits someone typed); anything else is no value."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _option_value(option: Any) -> str | None:
    return _text(option.get("value")) if isinstance(option, dict) else None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _texts(values: Iterable[str | None]) -> list[str]:
    return [value for value in values if value is not None]
