"""Block Kit rendered as readable terminal text, with the clickable elements numbered.

The console shows what a person would see in Slack: headers, sections, fields, context,
dividers and buttons. Buttons get numbers that the person types to click them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>|<(https?://[^>]+)>")
USER = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
CHANNEL = re.compile(r"<#([A-Z0-9]+)(?:\|([^>]*))?>")
SPECIAL = re.compile(r"<!(channel|here|everyone)(?:\|[^>]*)?>")
RULE = "─" * 40


@dataclass(frozen=True)
class Clickable:
    """A button (or select) the person can use by typing its number."""

    number: int
    label: str
    action_id: str
    value: str | None
    block_id: str | None
    options: tuple[tuple[str, str], ...] = ()


@dataclass
class Rendered:
    lines: list[str] = field(default_factory=list)
    clickables: list[Clickable] = field(default_factory=list)


def mrkdwn_to_text(text: str, name_of: Callable[[str], str]) -> str:
    """Resolve Slack's control sequences and entities into what the reader sees.

    `name_of` turns a user id into a name and a channel id into a channel name.
    """
    text = LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})" if m.group(1) else m.group(3), text)
    text = USER.sub(lambda m: "@" + name_of(m.group(1)), text)
    text = CHANNEL.sub(lambda m: "#" + (m.group(2) or name_of(m.group(1))), text)
    text = SPECIAL.sub(lambda m: "@" + m.group(1), text)
    return html.unescape(text)


def _text(obj: dict[str, Any] | None, name_of: Callable[[str], str]) -> str:
    if not obj:
        return ""
    raw = str(obj.get("text", ""))
    return mrkdwn_to_text(raw, name_of) if obj.get("type") == "mrkdwn" else raw


def render_blocks(
    blocks: list[dict[str, Any]],
    name_of: Callable[[str], str],
    *,
    first_number: int = 1,
) -> Rendered:
    out = Rendered()

    def add_clickable(element: dict[str, Any], block_id: str | None) -> None:
        kind = element.get("type")
        if kind == "button":
            label = _text(element.get("text"), name_of)
        elif kind in ("static_select", "overflow", "radio_buttons"):
            label = _text(element.get("placeholder"), name_of) or "…"
        else:
            return
        options = tuple(
            (_text(o.get("text"), name_of), str(o.get("value", "")))
            for o in element.get("options", [])
        )
        number = first_number + len(out.clickables)
        out.clickables.append(
            Clickable(
                number,
                label,
                str(element.get("action_id", "")),
                element.get("value"),
                block_id,
                options,
            )
        )
        out.lines.append(f"  [{number}] {label}")

    for block in blocks:
        kind = block.get("type")
        block_id = block.get("block_id")
        if kind == "header":
            out.lines.append(f"== {_text(block.get('text'), name_of)} ==")
        elif kind == "section":
            if block.get("text"):
                out.lines.append(_text(block["text"], name_of))
            out.lines.extend(f"  • {_text(f, name_of)}" for f in block.get("fields", []))
            if block.get("accessory"):
                add_clickable(block["accessory"], block_id)
        elif kind == "context":
            parts = [
                _text(e, name_of) if e.get("type") != "image" else f"[{e.get('alt_text', '')}]"
                for e in block.get("elements", [])
            ]
            out.lines.append("  (" + " · ".join(p for p in parts if p) + ")")
        elif kind == "divider":
            out.lines.append(RULE)
        elif kind == "actions":
            for element in block.get("elements", []):
                add_clickable(element, block_id)
        elif kind == "image":
            out.lines.append(f"[{block.get('alt_text', 'image')}]")
        elif kind == "rich_text":
            out.lines.append(_rich_text(block))
    return out


def _rich_text(block: dict[str, Any]) -> str:
    parts: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        if node.get("type") == "text":
            parts.append(str(node.get("text", "")))
        for child in node.get("elements", []):
            walk(child)

    walk(block)
    return "".join(parts)
