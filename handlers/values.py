"""The one place that reads what a person entered in a modal, whatever the element type."""

from __future__ import annotations

from typing import Any

SIMPLE_KEYS = (
    "value",
    "selected_channel",
    "selected_user",
    "selected_conversation",
    "selected_date",
    "selected_time",
)


def submitted(view: dict[str, Any]) -> dict[str, Any]:
    """`{block_id: value}`: text, an id, an option's value, or a list for multi-selects."""
    values: dict[str, Any] = {}
    for block_id, actions in (view.get("state") or {}).get("values", {}).items():
        for state in actions.values():
            values[block_id] = _value_of(state)
    return values


def _value_of(state: dict[str, Any]) -> Any:
    for key in SIMPLE_KEYS:
        if key in state:
            return state[key]
    if "selected_option" in state:
        option = state["selected_option"]
        return option["value"] if option else None
    if "selected_options" in state:
        return [option["value"] for option in state["selected_options"] or []]
    if "selected_users" in state:
        return list(state["selected_users"] or [])
    return None


def as_int(value: Any) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() else None


def action_value(body: dict[str, Any]) -> str:
    """The clicked button's value, or the option chosen in a menu ("" when none)."""
    action = body["actions"][0]
    if "selected_option" in action:
        return str((action["selected_option"] or {}).get("value") or "")
    return str(action.get("value") or "")


def action_channel(body: dict[str, Any]) -> str | None:
    """The conversation the clicked message is in."""
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    return str(channel) if channel else None
