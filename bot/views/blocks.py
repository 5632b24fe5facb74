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
