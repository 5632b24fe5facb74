"""Replies in a sparring question's thread are linked to the question."""

from __future__ import annotations

from typing import Any

from bot.runtime import Services
from bot.services.sparring_handling import record_reply


async def new_reply(message: dict[str, Any], services: Services) -> None:
    """A reply (not the post itself) in a thread that is a question's post is stored once;
    the first one from someone other than the asker sets the question's first reply."""
    thread_ts = message.get("thread_ts")
    if not thread_ts or thread_ts == message.get("ts"):
        return
    await record_reply(
        services.db,
        services.clock,
        channel_id=str(message["channel"]),
        thread_ts=str(thread_ts),
        ts=str(message["ts"]),
        author_slack_id=str(message["user"]),
        text=str(message.get("text") or ""),
    )
