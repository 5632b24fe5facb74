"""Replies in a sparring question's thread are linked to the question; a reply with a CPR
number is not stored, and its author is asked privately to edit it."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.runtime import Services
from bot.services.privacy import REPLY_KEY, ContainsCpr
from bot.services.sparring_handling import record_reply
from handlers.privacy import ask_to_edit
from handlers.slack_text import slack_text


async def changed_reply(event: dict[str, Any], client: AsyncWebClient, services: Services) -> None:
    """An edited thread reply not stored yet (it held a CPR number) is read anew; one stored
    before stays as it was."""
    edited = event.get("message") or {}
    if edited.get("user") and not edited.get("bot_id") and event.get("channel"):
        await new_reply({**edited, "channel": event["channel"]}, services, client)


async def new_reply(
    message: dict[str, Any], services: Services, client: AsyncWebClient | None = None
) -> None:
    """A reply (not the post itself) in a thread that is a question's post is stored once;
    the first one from someone other than the asker sets the question's first reply."""
    thread_ts = message.get("thread_ts")
    if not thread_ts or thread_ts == message.get("ts"):
        return
    try:
        await record_reply(
            services.db,
            services.clock,
            channel_id=str(message["channel"]),
            thread_ts=str(thread_ts),
            ts=str(message["ts"]),
            author_slack_id=str(message["user"]),
            text=slack_text(message.get("text")),
        )
    except ContainsCpr as cpr:
        if client is None:
            return
        user_id = str(message["user"])
        await ask_to_edit(
            client,
            channel=str(message["channel"]),
            ts=str(thread_ts),
            user_id=user_id,
            masked=cpr.masked,
            lang=await services.language.for_user(user_id),
            key=REPLY_KEY,
        )
