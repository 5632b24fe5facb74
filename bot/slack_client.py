"""The Slack Web API client the bot uses everywhere, and the small Slack lookups services need.

slack_sdk retries only connection errors by default; rate-limit (429 with Retry-After) and
server errors are retried here too, and so is a call that timed out (slack_sdk's connection
handler alone does not count a timeout as a connection error). Bolt copies these handlers,
and the timeout, into its per-request clients.

A timed-out call may have reached Slack: retrying it can, rarely, post a message twice.
Losing it is worse (a reminder, a receipt), so timeouts are retried, twice at most.
"""

from __future__ import annotations

import copy
import logging

import aiohttp
from aiohttp import ClientOSError, ServerConnectionError, ServerDisconnectedError
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.language import LOOKUP_SECONDS, LocaleLookup, LookupFailed
from bot.services.settings_form import ProfileLookup
from bot.settings import Settings

logger = logging.getLogger(__name__)
#: Seconds a Web API call may take before it counts as failed (slack_sdk's default).
CALL_TIMEOUT = 30
#: What counts as "the connection failed": slack_sdk's list plus a timeout.
CONNECTION_ERRORS: list[type[Exception]] = [
    ServerConnectionError,
    ServerDisconnectedError,
    ClientOSError,
    TimeoutError,
]


def slack_error_code(error: SlackApiError) -> str:
    """Slack's error code (`channel_not_found`…), or `http_<status>` when the answer was not
    Slack's JSON: an HTML page from its edge, an empty 404 (where `response.data` is a str
    and `.get` would raise)."""
    data = error.response.data
    code = data.get("error") if isinstance(data, dict) else None
    return str(code) if code else f"http_{error.response.status_code}"


def web_client(settings: Settings, timeout: int = CALL_TIMEOUT) -> AsyncWebClient:
    return AsyncWebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        timeout=timeout,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=2, error_types=CONNECTION_ERRORS),
            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
            AsyncServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def quick_client(client: AsyncWebClient) -> AsyncWebClient:
    """A copy of `client` for look-ups that only enrich an answer (a locale, a name): one
    attempt of at most `LOOKUP_SECONDS`, no retries. Slack answering an HTML 503 or hanging
    must not hold up the person for the 2–90 s the full client's retries take."""
    quick = copy.copy(client)
    quick.timeout = LOOKUP_SECONDS
    quick.retry_handlers = []
    return quick


def locale_lookup(client: AsyncWebClient) -> LocaleLookup:
    """A `LocaleLookup` backed by `users.info` on a quick client. Raises `LookupFailed` when
    Slack did not answer usefully (the resolver then falls back and backs off)."""
    quick = quick_client(client)

    async def lookup(user_id: str) -> str | None:
        try:
            response = await quick.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            raise LookupFailed(slack_error_code(error)) from error
        except (aiohttp.ClientError, TimeoutError) as error:
            raise LookupFailed(type(error).__name__) from error
        locale = (response.get("user") or {}).get("locale")
        return str(locale) if locale else None

    return lookup


def profile_lookup(client: AsyncWebClient) -> ProfileLookup:
    """A `ProfileLookup` backed by `users.info` on a quick client: (name, e-mail), None for
    a user Slack does not know; `LookupFailed` when Slack could not be asked."""
    quick = quick_client(client)

    async def lookup(user_id: str) -> tuple[str, str | None] | None:
        try:
            response = await quick.users_info(user=user_id)
        except SlackApiError as error:
            code = slack_error_code(error)
            if code in ("user_not_found", "users_not_found"):
                return None
            raise LookupFailed(code) from error
        except (aiohttp.ClientError, TimeoutError) as error:
            raise LookupFailed(type(error).__name__) from error
        user = response.get("user") or {}
        profile = user.get("profile") or {}
        name = profile.get("real_name") or user.get("real_name") or user.get("name") or user_id
        return str(name), profile.get("email")

    return lookup
