"""Global middleware: drop Slack's repeated deliveries, then hand every listener its services
and the language to answer in (as the listener arguments `services` and `lang`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse

from bot.clock import utc_iso
from bot.runtime import Services
from bot.services.onboarding import record_activity
from storage.repositories import events

Next = Callable[[], Awaitable[None]]


def drop_repeated_deliveries(services: Services) -> Callable[..., Awaitable[BoltResponse | None]]:
    """Slack retries events (and one mention can arrive twice); handle each only once.

    Keys: the globally unique `event_id`, and for messages also channel + ts.
    """

    async def middleware(body: dict[str, Any], next: Next) -> BoltResponse | None:
        if body.get("type") != "event_callback":
            await next()
            return None
        now = utc_iso(services.clock.now())
        event = body.get("event") or {}
        keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
        if event.get("type") in ("message", "app_mention") and not event.get("subtype"):
            keys.append(f"message:{event.get('channel')}:{event.get('ts')}")
        for key in keys:
            if not await events.claim(services.db, key, now):
                return BoltResponse(status=200, body="")
        await next()
        return None

    return middleware


def provide_services(services: Services) -> Callable[..., Awaitable[None]]:
    async def middleware(body: dict[str, Any], context: AsyncBoltContext, next: Next) -> None:
        context["services"] = services
        user_id = user_id_of(body)
        context["lang"] = await services.language.for_user(user_id)
        if user_id:
            await record_activity(services.db, services.clock, user_id)
        await next()

    return middleware


def user_id_of(body: dict[str, Any]) -> str | None:
    """The person behind a command, interaction or event (None for bots and system events)."""
    if isinstance(body.get("user_id"), str):
        return str(body["user_id"])
    user = body.get("user")
    if isinstance(user, dict) and user.get("id"):
        return str(user["id"])
    event = body.get("event") or {}
    if event.get("bot_id"):
        return None
    return str(event["user"]) if isinstance(event.get("user"), str) else None
