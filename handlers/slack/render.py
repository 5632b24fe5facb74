"""Neutral messages and home pages (`bot.views.model`) as Block Kit.

The one place that knows how Slack spells a message and what it allows: text longer than a
section holds is split into several sections, labels too long for a header, a button or an
option are cut with "…", and every piece of neutral Markdown is converted to mrkdwn by
`handlers.slack.markdown`, which escapes it. Views never see any of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.views.model import (
    Actions,
    Button,
    Confirm,
    Context,
    Divider,
    Element,
    Heading,
    HomePage,
    Message,
    Option,
    OptionGroup,
    Overflow,
    Part,
    Select,
    Text,
)
from handlers.slack.markdown import split_for_sections, to_mrkdwn

Block = dict[str, Any]
Mentions = Mapping[str, str]

MESSAGE_BLOCKS_MAX = 50
VIEW_BLOCKS_MAX = 100
SECTION_TEXT_MAX = 3000
CONTEXT_TEXT_MAX = 2000
HEADER_MAX = 150
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 150
OPTIONS_MAX = 100
PLACEHOLDER_MAX = 150
CONFIRM_TITLE_MAX = 100
CONFIRM_TEXT_MAX = 300
CONFIRM_BUTTON_MAX = 30


def shorten(text: str, limit: int) -> str:
    """Cut text that would break a Block Kit limit, showing that it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def field_error(text: str) -> str:
    """A catalogue text as a form field's error, which Slack shows as plain text: its bold
    marks go (the rest of the subset does not occur in errors)."""
    return text.replace("**", "")


def mrkdwn(text: str, mentions: Mentions | None = None) -> str:
    """Neutral Markdown as the mrkdwn Slack shows; the top-level `text` of a message too."""
    return to_mrkdwn(text, mentions)


def message(view: Message, mentions: Mentions | None = None) -> dict[str, Any]:
    """A `chat.postMessage`/`chat.update`/`respond` payload: `text` for notifications, and the
    blocks when there are parts."""
    payload: dict[str, Any] = {"text": mrkdwn(view.text, mentions)}
    if view.parts:
        payload["blocks"] = blocks(view.parts, mentions, limit=MESSAGE_BLOCKS_MAX)
    return payload


def home(page: HomePage, mentions: Mentions | None = None) -> dict[str, Any]:
    """A `views.publish` view for the App Home tab."""
    return {"type": "home", "blocks": blocks(page.parts, mentions, limit=VIEW_BLOCKS_MAX)}


def blocks(parts: tuple[Part, ...], mentions: Mentions | None, *, limit: int) -> list[Block]:
    """The parts' blocks; beyond what Slack shows at once (`limit`), the first `limit`. Views
    that can say "and N more" cap their lists well below it."""
    return [block for part in parts for block in _part(part, mentions)][:limit]


def _part(part: Part, mentions: Mentions | None) -> list[Block]:
    if isinstance(part, Heading):
        return [{"type": "header", "text": plain(shorten(part.text, HEADER_MAX))}]
    if isinstance(part, Text):
        return _sections(part, mentions)
    if isinstance(part, Context):
        text = shorten(mrkdwn(part.text, mentions), CONTEXT_TEXT_MAX)
        return [{"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}]
    if isinstance(part, Divider):
        return [{"type": "divider"}]
    return [_actions(part)]


def _sections(part: Text, mentions: Mentions | None) -> list[Block]:
    """One section, or as many as the text needs; the accessory and id go with the first."""
    converted = mrkdwn(part.text, mentions)
    chunks = [converted] if len(converted) <= SECTION_TEXT_MAX else split_for_sections(converted)
    out: list[Block] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in chunks
    ]
    if part.id is not None:
        out[0]["block_id"] = part.id
    if part.accessory is not None:
        out[0]["accessory"] = element(part.accessory)
    return out


def _actions(part: Actions) -> Block:
    block: Block = {"type": "actions", "elements": [element(e) for e in part.elements]}
    if part.id is not None:
        block["block_id"] = part.id
    return block


def element(item: Element) -> dict[str, Any]:
    if isinstance(item, Button):
        return button(item)
    if isinstance(item, Select):
        select: dict[str, Any] = {
            "type": "static_select",
            "action_id": item.id,
            "placeholder": plain(shorten(item.placeholder, PLACEHOLDER_MAX)),
            "options": options(item.options),
        }
        chosen = _chosen(item.options, item.initial)
        if chosen is not None:
            select["initial_option"] = chosen
        return select
    return overflow(item)


def button(item: Button) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "button",
        "text": plain(shorten(item.label, BUTTON_TEXT_MAX)),
        "action_id": item.id,
        "value": item.value[:BUTTON_VALUE_MAX],
    }
    if item.style is not None:
        out["style"] = item.style
    if item.confirm is not None:
        out["confirm"] = confirm(item.confirm)
    return out


def confirm(dialog: Confirm) -> dict[str, Any]:
    out: dict[str, Any] = {
        "title": plain(shorten(dialog.title, CONFIRM_TITLE_MAX)),
        "text": plain(shorten(dialog.text, CONFIRM_TEXT_MAX)),
        "confirm": plain(shorten(dialog.yes, CONFIRM_BUTTON_MAX)),
        "deny": plain(shorten(dialog.no, CONFIRM_BUTTON_MAX)),
    }
    if dialog.danger:
        out["style"] = "danger"
    return out


def overflow(item: Overflow) -> dict[str, Any]:
    return {"type": "overflow", "action_id": item.id, "options": options(item.options)}


def option(item: Option) -> dict[str, Any]:
    return {
        "text": plain(shorten(item.label, OPTION_TEXT_MAX)),
        "value": item.value[:OPTION_VALUE_MAX],
    }


def options(items: tuple[Option, ...]) -> list[dict[str, Any]]:
    return [option(item) for item in items[:OPTIONS_MAX]]


def option_groups(groups: tuple[OptionGroup, ...]) -> list[dict[str, Any]]:
    return [
        {"label": plain(shorten(group.label, OPTION_TEXT_MAX)), "options": options(group.options)}
        for group in groups[:OPTIONS_MAX]
    ]


def _chosen(items: tuple[Option, ...], value: str | None) -> dict[str, Any] | None:
    found = next((item for item in items[:OPTIONS_MAX] if item.value == value), None)
    return None if found is None else option(found)
