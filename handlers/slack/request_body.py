"""Reading the body of a signed HTTP request from Slack, once, before Bolt sees it.

Bolt's own reading (`slack_bolt.request.internals.parse_body`, then the context and the
`to_action`/`to_view`/… readers every middleware's arguments are built from) assumes the
shapes Slack sends: a JSON object, `actions[0]` present, a view with a `type`, a string
`text`. A signed body that breaks one of those assumptions made Bolt raise before any
listener ran — a 500 with a traceback, and Slack retrying an event that can never succeed.
Here the body is read once with the same rules as Bolt, and either comes out in the shape
Bolt and the listeners rely on, or is refused as `Unreadable` with a short reason the log
can carry (never the body: staff write about children).

Two differences from Bolt's reading, both fixes: a form body is a `payload=` interaction
only when it has a `payload` field (Bolt looks for the word anywhere, so a slash command
whose text says "payload" reached the listeners empty), and a lone UTF-16 surrogate —
possible only as a `\\ud800` escape in JSON — becomes U+FFFD, since it cannot be written
to SQLite or sent back to Slack as UTF-8.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.payload_utils import (
    to_action,
    to_command,
    to_event,
    to_message,
    to_options,
    to_shortcut,
    to_step,
    to_view,
)

#: Interactions whose listeners answer a person: Slack always names them in `user.id`.
PERSON_INTERACTIONS = frozenset(
    {"block_actions", "view_submission", "view_closed", "shortcut", "message_action"}
)
#: A UTF-16 surrogate on its own: json.loads makes one of an unpaired `\ud800` escape.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: What Bolt computes from every request before a middleware or listener runs.
BOLT_READERS: tuple[Callable[[dict[str, Any]], Any], ...] = (
    to_options,
    to_shortcut,
    to_action,
    to_view,
    to_command,
    to_event,
    to_message,
    to_step,
)


class Unreadable(Exception):
    """A signed body Slack would never send; `reason` is one word for the log.

    `body` is what could be read of it (None when not even a JSON object), so the person
    behind it can still be told that nothing happened.
    """

    def __init__(self, reason: str, body: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.body = body


def read_body(raw: bytes, content_type: str | None) -> dict[str, Any]:
    """The request's payload as Bolt's listeners expect it, or `Unreadable`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable("not-utf8") from None
    try:
        parsed = _parse(text, content_type)
        if not isinstance(parsed, dict):
            raise Unreadable(f"json-{type(parsed).__name__}-not-an-object")
        body: dict[str, Any] = without_surrogates(parsed)
    except RecursionError:  # JSON nested thousands deep: nothing Slack sends
        raise Unreadable("nested-too-deep") from None
    _check_shape(body)
    _check_bolt_reads(body)
    return body


def bolt_context(body: dict[str, Any]) -> AsyncBoltContext:
    """Bolt's context (team, user, channel, response URL…) for a body read here."""
    return build_async_context(AsyncBoltContext(), body)


def as_text(value: Any) -> str:
    """A `text` as a person typed it: a string as it is, a number as its digits (Slack only
    sends strings; a number can only be the digits someone typed), anything else empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def without_surrogates(value: Any) -> Any:
    """`value` with every lone surrogate in its strings (and keys) replaced by U+FFFD."""
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_surrogates(item) for item in value]
    return value


def _parse(text: str, content_type: str | None) -> Any:
    """Bolt's rules: JSON when declared or when it looks like an object; otherwise a form,
    whose `payload` field (interactions) is JSON."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    try:
        if media_type == "application/json" or text.startswith("{"):
            return json.loads(text)
        fields = dict(parse_qsl(text, keep_blank_values=True))
        if "payload" in fields:
            return json.loads(fields["payload"])
        return fields
    except ValueError:  # json.JSONDecodeError
        raise Unreadable("broken-json") from None


def _check_shape(body: dict[str, Any]) -> None:
    """Refuse what the listeners cannot answer; put the rest into the shape Bolt assumes."""
    kind = body.get("type") if isinstance(body.get("type"), str) else None
    if "command" in body:
        if not isinstance(body["command"], str) or not _is_id(body.get("user_id")):
            raise Unreadable("command-without-person", body)
        body["text"] = as_text(body.get("text"))
    if kind == "event_callback" or "event" in body:  # Bolt reads `event` of any request
        event = body.get("event")
        if not isinstance(event, dict):
            raise Unreadable("event-not-an-object", body)
        if not isinstance(event.get("type"), str) and (kind == "event_callback" or "type" in event):
            raise Unreadable("event-without-type", body)
        if "text" in event:  # Bolt's message matcher runs a regex over it
            event["text"] = as_text(event["text"])
    if "response_url" in body and not isinstance(body["response_url"], str):
        raise Unreadable("response-url-not-a-string", body)
    if kind in PERSON_INTERACTIONS:
        user = body.get("user")
        if not isinstance(user, dict) or not _is_id(user.get("id")):
            raise Unreadable("interaction-without-person", body)
    if "view" in body:
        view = body["view"]
        if not isinstance(view, dict):
            raise Unreadable("view-not-an-object", body)
        if kind in ("view_submission", "view_closed"):
            if not isinstance(view.get("callback_id"), str):
                raise Unreadable("view-without-callback-id", body)
            # Only a modal can be submitted or closed; Bolt reads the type of every one.
            view.setdefault("type", "modal")
    if kind == "block_actions":
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions:
            raise Unreadable("no-action", body)
        if not all(isinstance(a, dict) and isinstance(a.get("action_id"), str) for a in actions):
            raise Unreadable("action-without-id", body)


def _check_bolt_reads(body: dict[str, Any]) -> None:
    """Whatever else Bolt cannot read (a `team` that is a number, `authorizations` that are
    a string…) is refused here rather than raised inside Bolt's dispatch."""
    try:
        bolt_context(body)
        for reader in BOLT_READERS:
            reader(body)
    except Exception as error:  # noqa: BLE001 - any failure means Bolt cannot read it
        raise Unreadable(f"bolt-{type(error).__name__}", body) from None


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(value)
