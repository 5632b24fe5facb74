"""One structured log line per Slack request: kind, name, latency, outcome — never a text.

Message texts, request bodies and tokens stay out of INFO logs: staff write about children.
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger("tovholder.requests")


def describe(body: dict[str, Any]) -> tuple[str, str]:
    """(kind, name) of a Slack request for the log line — never its text."""
    if "command" in body:
        return "command", str(body["command"])
    kind = str(body.get("type", "unknown"))
    if kind == "event_callback":
        event = body.get("event") or {}
        name = str(event.get("type", ""))
        if event.get("subtype"):
            name += f".{event['subtype']}"
        return "event", name
    if kind == "block_actions":
        actions = body.get("actions") or [{}]
        return "action", str(actions[0].get("action_id", ""))
    if kind in ("view_submission", "view_closed"):
        return kind, str((body.get("view") or {}).get("callback_id", ""))
    if kind in ("shortcut", "message_action"):
        return kind, str(body.get("callback_id", ""))
    return kind, ""


def log_request(body: dict[str, Any], status: int, millis: float) -> None:
    kind, name = describe(body)
    outcome = "ok" if status < 400 else "refused" if status < 500 else "error"
    logger.info(
        "request kind=%s name=%s status=%d ms=%.1f outcome=%s", kind, name, status, millis, outcome
    )
