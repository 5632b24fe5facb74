"""What Slack would *do* with the text the bot sends: the control sequences it parses.

Slack reads the top-level `text` of a message (the notification text), every `mrkdwn` text
object and `alt_text` for `<!channel>`, `<!here>`, `<!everyone>` (notify everyone), `<@U…>`
(mention), `<#C…>` (channel link), `<!subteam^S…>` (group mention) and `<url|label>` (a link
whose label hides its address). `&amp;`, `&lt;` and `&gt;` are the only escapes and show as
`&`, `<`, `>`, so escaped text never fires. The stand-in records every sequence it finds on
each call, so a test can see a broadcast or a forged link that a person in Slack would get.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from bot.standin.responses import truthy

ControlKind = Literal["broadcast", "user", "channel", "usergroup", "date", "link", "other"]

#: The calls whose text Slack shows (and parses) for people.
MESSAGE_METHODS = frozenset(
    {
        "chat.postMessage",
        "chat.postEphemeral",
        "chat.update",
        "chat.scheduleMessage",
        "chat.meMessage",
        "response_url",
        "ack",
        "views.open",
        "views.push",
        "views.update",
        "views.publish",
        "files.completeUploadExternal",
    }
)
#: Top-level fields Slack parses as mrkdwn: a message's text, a file's initial comment.
TOP_LEVEL_FIELDS = ("text", "initial_comment")
BROADCASTS = frozenset({"channel", "here", "everyone", "group"})
_SEQUENCE = re.compile(r"<([^<>]*)>")
_BARE_BROADCAST = re.compile(r"(?<![\w@])@(channel|here|everyone)\b")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}


@dataclass(frozen=True)
class Control:
    """One sequence Slack acts on: its kind, what it points at, and where it was."""

    kind: ControlKind
    target: str
    where: str


def controls_in(text: str, where: str = "text") -> list[Control]:
    """Every control sequence Slack would act on in one parsed field."""
    found: list[Control] = []
    for match in _SEQUENCE.finditer(text):
        inner = match.group(1)
        target = inner.split("|", 1)[0]
        found.append(Control(_kind(target), _target(target), where))
    return found


def shown(text: str) -> str:
    """The field as a person reads it: each escape decoded once, as Slack does."""
    return re.sub(r"&(amp|lt|gt);", lambda m: _ENTITIES[m.group(0)], text)


def parsed_fields(method: str, args: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, text) for each field of one call that Slack parses; nothing for other calls."""
    if method not in MESSAGE_METHODS:
        return
    for name in TOP_LEVEL_FIELDS:
        value = args.get(name)
        if isinstance(value, str):
            yield name, value
    for name in ("blocks", "attachments", "view"):
        value = _decoded(args.get(name))
        if value is not None:
            yield from _walk(value, name)


def controls_of_call(method: str, args: dict[str, Any]) -> list[Control]:
    """Every sequence Slack would act on in one call; with `link_names` or `parse: full`
    Slack also turns a bare `@channel`, `@here` or `@everyone` into a broadcast."""
    found: list[Control] = []
    bare_names = truthy(args.get("link_names")) or args.get("parse") == "full"
    for where, text in parsed_fields(method, args):
        found += controls_in(text, where)
        if bare_names:
            found += [
                Control("broadcast", name, where)
                for name in _BARE_BROADCAST.findall(_SEQUENCE.sub(" ", text))
            ]
    return found


def _walk(node: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
            yield f"{where}.text", node["text"]
            return
        for key, value in node.items():
            if key == "alt_text" and isinstance(value, str):
                yield f"{where}.alt_text", value
            elif key in ("text", "pretext") and isinstance(value, str) and "type" not in node:
                yield f"{where}.{key}", value  # a legacy attachment's text is mrkdwn too
            else:
                yield from _walk(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, f"{where}[{i}]")


def _decoded(value: Any) -> Any:
    if isinstance(value, str | bytes):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return None
    return value


def _kind(target: str) -> ControlKind:
    if target.startswith("!"):
        name = target[1:]
        if name in BROADCASTS:
            return "broadcast"
        if name.startswith("subteam^"):
            return "usergroup"
        if name.startswith("date^"):
            return "date"
        return "other"
    if target.startswith("@"):
        return "user"
    if target.startswith("#"):
        return "channel"
    if ":" in target:
        return "link"
    return "other"


def _target(target: str) -> str:
    return target[1:] if target[:1] in ("!", "@", "#") else target
