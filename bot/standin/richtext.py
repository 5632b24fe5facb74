"""The `rich_text` block Slack attaches to every message a person types.

The bot may read `blocks` instead of `text` (mentions, links), so the driver's user
messages carry the same structure: mentions, channel links, URLs and broadcasts become
their own elements, the rest stays text.
"""

from __future__ import annotations

import re
import secrets
import string
from typing import Any

_MARKUP = re.compile(r"<([^<>]+)>")
_ALPHABET = string.ascii_letters + string.digits


def rich_text_elements(text: str) -> list[dict[str, Any]]:
    elements: list[dict[str, Any]] = []
    position = 0
    for match in _MARKUP.finditer(text):
        if match.start() > position:
            elements.append({"type": "text", "text": text[position : match.start()]})
        elements.append(_markup_element(match.group(1)))
        position = match.end()
    if position < len(text):
        elements.append({"type": "text", "text": text[position:]})
    return elements


def _markup_element(inner: str) -> dict[str, Any]:
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        return {"type": "user", "user_id": target[1:]}
    if target.startswith("#"):
        return {"type": "channel", "channel_id": target[1:]}
    if target.startswith("!"):
        return {"type": "broadcast", "range": target[1:].split("^")[0]}
    link: dict[str, Any] = {"type": "link", "url": target}
    if label:
        link["text"] = label
    return link


#: What Slack's client makes markup of itself: mentions, channel links, broadcasts, links.
_CLIENT_MARKUP = re.compile(r"<(?:[@#!]|https?://|mailto:)[^<>]*>")


def as_sent(text: str) -> str:
    """A typed message's or a slash command's `text` as Slack sends it: `&`, `<` and `>`
    the person typed as `&amp;`, `&lt;` and `&gt;`; the markup the client made (`<@U…>`,
    `<#C…>`, `<!here>`, `<https://…>`) as it is. `blocks` keep the text as typed."""
    parts: list[str] = []
    position = 0
    for match in _CLIENT_MARKUP.finditer(text):
        parts += [_entities(text[position : match.start()]), match[0]]
        position = match.end()
    return "".join([*parts, _entities(text[position:])])


def _entities(typed: str) -> str:
    return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rich_text_blocks(text: str) -> list[dict[str, Any]]:
    """`[{"type": "rich_text", "block_id": ..., "elements": [rich_text_section]}]`."""
    block_id = "".join(secrets.choice(_ALPHABET) for _ in range(4))
    section = {"type": "rich_text_section", "elements": rich_text_elements(text)}
    return [{"type": "rich_text", "block_id": block_id, "elements": [section]}]
