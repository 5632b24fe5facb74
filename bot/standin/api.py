"""Shared plumbing of the stand-in's Web API methods: errors, arguments, the method table.

slack_sdk sends some arguments in the query string, some form-encoded and some as JSON,
and booleans as `1`, `true` or `True`; `Args` reads them all the same way so each method
reads like Slack's documentation of it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from aiohttp import web

from bot.standin.blockkit import Refusal, decode_json_field

if TYPE_CHECKING:
    from bot.standin.viewstore import ViewStore
    from bot.standin.workspace import Workspace


class ApiError(Exception):
    """A Web API error: answered as HTTP 200 with `{"ok": false, "error": ...}`."""

    def __init__(self, error: str, reasons: Sequence[str] = ()) -> None:
        super().__init__(error)
        self.error = error
        self.reasons = list(reasons)

    @classmethod
    def from_refusal(cls, refusal: Refusal) -> ApiError:
        return cls(refusal.error, refusal.reasons)

    def response(self) -> dict[str, Any]:
        return Refusal(self.error, self.reasons).response()


class Args:
    """A method's arguments, whatever way they were sent."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = dict(data)

    def get(self, name: str) -> Any:
        return self.data.get(name)

    def has(self, name: str) -> bool:
        return self.data.get(name) not in (None, "")

    def string(self, name: str, *, missing_error: str | None = None) -> str | None:
        """The argument as a string; raise `missing_error` (or invalid_arguments) if required."""
        value = self.data.get(name)
        if value is None or value == "":
            if missing_error is not None:
                raise ApiError(missing_error, [f"missing required field: {name}"])
            return None
        return value if isinstance(value, str) else str(value)

    def required(self, name: str, error: str = "invalid_arguments") -> str:
        value = self.string(name, missing_error=error)
        assert value is not None
        return value

    def flag(self, name: str) -> bool:
        value = self.data.get(name)
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return value != 0
        return isinstance(value, str) and value.strip().lower() in ("1", "true", "yes")

    def integer(self, name: str) -> int | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ApiError("invalid_arguments", [f"{name}: must be an integer"]) from None

    def decoded(self, name: str) -> Any:
        """A JSON-valued argument (blocks, view, files), decoded if it came as a string."""
        try:
            return decode_json_field(self.data.get(name))
        except json.JSONDecodeError as exc:
            error = "invalid_blocks_format" if name in ("blocks", "attachments") else "invalid_json"
            raise ApiError(error, [f"{name}: not valid JSON ({exc})"]) from None


@dataclass
class MethodContext:
    """What a method may touch: the workspace model and the server's own URLs."""

    workspace: Workspace
    views: ViewStore
    base_url: str


Handler = Callable[[MethodContext, Args], dict[str, Any]]

#: Arguments that carry JSON and may arrive as JSON strings in a form body.
JSON_FIELDS = ("blocks", "attachments", "view", "files", "metadata")


async def read_request_args(request: web.Request) -> tuple[dict[str, Any], str | None]:
    """All arguments (query, form or JSON body) and the token, which is never recorded."""
    args: dict[str, Any] = dict(request.query)
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError("the JSON body must be an object")
            args.update(body)
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            args.update({k: v for k, v in form.items() if isinstance(v, str)})
        else:
            raw = await request.text()
            if raw.strip():
                args.update(json.loads(raw))
    auth = request.headers.get("Authorization", "")
    token: str | None = auth[7:].strip() if auth.startswith("Bearer ") else None
    body_token = args.pop("token", None)
    if token is None and isinstance(body_token, str):
        token = body_token
    for name in JSON_FIELDS:
        if isinstance(args.get(name), str):
            with contextlib.suppress(json.JSONDecodeError):  # the method reports bad JSON
                args[name] = json.loads(args[name])
    return args, token


def form_payload(raw: str) -> dict[str, Any]:
    payload = parse_qs(raw).get("payload", ["{}"])[0]
    body = json.loads(payload)
    if not isinstance(body, dict):
        raise ValueError("payload must be a JSON object")
    return body
