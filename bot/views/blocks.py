"""Small builders for the Block Kit pieces the views use, so each view reads like its layout."""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]
HEADER_MAX = 150


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": text[:HEADER_MAX]}}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn}]}


def divider() -> Block:
    return {"type": "divider"}


def shorten(text: str, limit: int) -> str:
    """Cut user text that would break a Block Kit limit, showing that it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
