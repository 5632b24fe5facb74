"""The Slack Web API client the bot uses everywhere, and its variants for careful, paced
and quick calls.

slack_sdk retries only connection errors by default; rate-limit (429 with Retry-After) and
server errors are retried here too, and so is a call that timed out (slack_sdk's connection
handler alone does not count a timeout as a connection error). Bolt copies these handlers,
and the timeout, into its per-request clients.

A timed-out call may have reached Slack: retrying it can, rarely, post a message twice.
Losing it is worse (a reminder, a receipt), so timeouts are retried, twice at most.
"""

from __future__ import annotations

import copy

import aiohttp
from aiohttp import ClientOSError, ServerConnectionError, ServerDisconnectedError
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.language import LOOKUP_SECONDS
from bot.settings import Settings

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


def careful_client(client: AsyncWebClient) -> AsyncWebClient:
    """A copy of `client` (same token, URL and session) that does not repeat a post inside
    the call after a timeout or a dropped connection — the two ways a post can go out
    unseen. It still retries a connection that never opened (nothing was sent). The caller
    retries through its durable queue, looking for the post's tag first.

    slack_sdk's server-error handler (5xx) is kept: Slack's 5xx almost always means not
    done, and the bot's outage handling relies on it. A 5xx to a post that Slack did carry
    out is therefore still repeated inside the call — the one repeat tags do not catch.
    """
    careful = copy.copy(client)
    careful.retry_handlers = [
        AsyncConnectionErrorRetryHandler(
            max_retry_count=handler.max_retry_count,
            interval_calculator=handler.interval_calculator,
            error_types=[aiohttp.ClientConnectorError],
        )
        if isinstance(handler, AsyncConnectionErrorRetryHandler)
        else handler
        for handler in client.retry_handlers
    ]
    return careful


def impatient_client(client: AsyncWebClient) -> AsyncWebClient:
    """A copy of `client` without its in-call 429 retry: for a caller that paces itself
    and would rather hear "wait this long" than sleep inside the call."""
    impatient = copy.copy(client)
    impatient.retry_handlers = [
        h for h in client.retry_handlers if not isinstance(h, AsyncRateLimitErrorRetryHandler)
    ]
    return impatient
