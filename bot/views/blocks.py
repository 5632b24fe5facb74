"""Small builders for the Block Kit pieces the views use, so each view reads like its layout."""

from __future__ import annotations

import re
from typing import Any

Block = dict[str, Any]
HEADER_MAX = 150


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": shorten(text, HEADER_MAX)}}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn}]}


def divider() -> Block:
    return {"type": "divider"}


SECTION_TEXT_MAX = 3000


def sections(lines: list[str], *, limit: int = SECTION_TEXT_MAX) -> list[Block]:
    """Lines packed into as few sections as Slack's 3000-character limit allows."""
    out: list[Block] = []
    chunk: list[str] = []
    for line in lines:
        line = shorten(line, limit)
        if chunk and len("\n".join([*chunk, line])) > limit:
            out.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        out.append(section("\n".join(chunk)))
    return out


def shorten(text: str, limit: int) -> str:
    """Cut user text that would break a Block Kit limit, showing that it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- interactive pieces -------------------------------------------------------------------

BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 150


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def option(text: str, value: str) -> dict[str, Any]:
    return {"text": plain(shorten(text, OPTION_TEXT_MAX)), "value": value[:OPTION_VALUE_MAX]}


def button(text: str, action_id: str, value: str, *, primary: bool = False) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(shorten(text, BUTTON_TEXT_MAX)),
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_MAX],
    }
    if primary:
        element["style"] = "primary"
    return element


def numbered(action_id: str, number: int) -> str:
    """The action_id of the n-th of several like buttons in one block (`guide_search_name:0`,
    `…:1`): Slack refuses a message whose block repeats an action_id."""
    return f"{action_id}:{number}"


def any_numbered(action_id: str) -> re.Pattern[str]:
    """What the listener of `numbered` buttons registers: every number, and the plain id that
    messages sent before the numbering still carry."""
    return re.compile(rf"^{re.escape(action_id)}(:\d+)?$")


def actions(*elements: dict[str, Any]) -> Block:
    return {"type": "actions", "elements": list(elements)}


def input_block(
    block_id: str,
    label: str,
    element: dict[str, Any],
    *,
    optional: bool = True,
    hint: str | None = None,
) -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(label),
        "element": element,
    }
    if hint:
        block["hint"] = plain(hint)
    return block


#: The action id of every modal input: the block id names the field (see handlers/values.py).
FIELD = "value"


def text_input(
    block_id: str,
    label: str,
    *,
    max_length: int,
    initial: str = "",
    multiline: bool = False,
    optional: bool = False,
    hint: str | None = None,
) -> Block:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": FIELD,
        "multiline": multiline,
        "max_length": max_length,
    }
    if initial:
        element["initial_value"] = shorten(initial, max_length)
    return input_block(block_id, label, element, optional=optional, hint=hint)
