"""Global middleware — refuse other workspaces, hand every listener its services — and the
small steps the listener guard (`handlers.slack.guard.guard`) takes after the ack: drop Slack's
repeated deliveries, stamp the person's activity, know the acting person by their id."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse

from bot.clock import utc_iso
from bot.i18n import t
from bot.runtime import Services
from bot.services import identities
from bot.services.onboarding import record_activity
from storage.db import DatabaseUnwritable
from storage.repositories import events

Next = Callable[[], Awaitable[None]]
logger = logging.getLogger("tovholder.requests")


def only_our_workspace(services: Services) -> Callable[..., Awaitable[BoltResponse | None]]:
    """The bot is installed in one workspace: requests for another team are refused.

    Our team id is the one `auth.test` answered for the bot token (Bolt asks once and keeps
    the answer as the authorisation result); the request's team id is Bolt's reading of the
    payload (for shared channels, the installing team from `authorizations`). A signed
    request for another team means a shared signing secret or a misrouted app: answer 200
    with nothing done, so Slack does not retry, and a short refusal for a slash command.
    """

    async def middleware(
        body: dict[str, Any], context: AsyncBoltContext, next: Next
    ) -> BoltResponse | None:
        authorized = context.authorize_result
        ours = authorized.team_id if authorized is not None else None
        theirs = context.team_id
        if ours and theirs and theirs != ours:
            logger.warning("refused a request for another workspace team=%s", theirs)
            if body.get("command"):
                return BoltResponse(
                    status=200, body=t(services.settings.lang, "error.other_workspace")
                )
            return BoltResponse(status=200, body="")
        await next()
        return None

    return middleware


async def first_delivery(services: Services, body: dict[str, Any]) -> bool:
    """Slack retries events (and one mention can arrive twice): True only the first time.

    Keys: the globally unique `event_id`, and for messages also channel + ts. Called after
    Bolt has acked the event, so the write never delays the ack.
    """
    if body.get("type") != "event_callback":
        return True
    now = utc_iso(services.clock.now())
    event = body.get("event")
    if not isinstance(event, dict):
        event = {}
    keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
    if event.get("type") in ("message", "app_mention") and not event.get("subtype"):
        keys.append(f"message:{event.get('channel')}:{event.get('ts')}")
    for key in keys:
        if not await events.claim(services.db, key, now):
            return False
    return True


def provide_services(services: Services) -> Callable[..., Awaitable[None]]:
    """Hands every listener the services. Nothing here waits on the database or on Slack:
    the middleware runs before the ack."""

    async def middleware(context: AsyncBoltContext, next: Next) -> None:
        context["services"] = services
        await next()

    return middleware


async def acting_person(services: Services, slack_id: str) -> int:
    """The acting Slack user as the bot's person id (someone the bot has not met becomes a
    guest person). The guard asks once per request, after the ack: the look-up, or a guest's
    write, never delays an ack (200 people at once must each be answered within 3 s)."""
    return await identities.person_for(services.db, services.clock, "slack", slack_id)


def stamp_activity(services: Services, person_id: int) -> None:
    """Record that the person used the bot, in the background: the stamp is a write, and
    under load a write queues behind other work."""
    services.inflight.enter()
    task = asyncio.create_task(_record_activity(services, person_id))
    _background.add(task)
    task.add_done_callback(_finished(services))


#: Activity stamps being written (a task needs a reference until it is done).
_background: set[asyncio.Task[None]] = set()


def _finished(services: Services) -> Callable[[asyncio.Task[None]], None]:
    def done(task: asyncio.Task[None]) -> None:
        _background.discard(task)
        services.inflight.leave()

    return done


async def _record_activity(services: Services, person_id: int) -> None:
    """Best effort: with the database unwritable, reading still works (and the database has
    said so in the log once)."""
    with contextlib.suppress(DatabaseUnwritable):
        await record_activity(services.db, services.clock, person_id)


def user_id_of(body: dict[str, Any]) -> str | None:
    """The person behind a command, interaction or event (None for bots and system events).

    Only a non-empty string is an id: whatever else a payload carries there (a number, an
    object, `null`) names nobody, and reading it must not fail."""
    if _is_id(body.get("user_id")):
        return str(body["user_id"])
    user = body.get("user")
    if isinstance(user, dict) and _is_id(user.get("id")):
        return str(user["id"])
    event = body.get("event")
    if not isinstance(event, dict) or event.get("bot_id"):
        return None
    return str(event["user"]) if _is_id(event.get("user")) else None


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(value)
