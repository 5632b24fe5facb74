"""The Slack Web API client the bot uses everywhere, and the small Slack lookups services need.

slack_sdk retries only connection errors by default; rate-limit (429 with Retry-After) and
server errors are retried here too. Bolt copies these handlers into its per-request clients.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.language import LocaleLookup
from bot.services.settings_form import ProfileLookup
from bot.settings import Settings

logger = logging.getLogger(__name__)


def web_client(settings: Settings) -> AsyncWebClient:
    return AsyncWebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
            AsyncServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def locale_lookup(client: AsyncWebClient) -> LocaleLookup:
    """A `LocaleLookup` backed by `users.info`; a failed lookup means "no locale", not an error."""

    async def lookup(user_id: str) -> str | None:
        try:
            response = await client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            logger.warning("users.info failed for locale: %s", error.response.get("error"))
            return None
        locale = (response.get("user") or {}).get("locale")
        return str(locale) if locale else None

    return lookup


def profile_lookup(client: AsyncWebClient) -> ProfileLookup:
    """A `ProfileLookup` backed by `users.info`: (name, e-mail), None for an unknown user."""

    async def lookup(user_id: str) -> tuple[str, str | None] | None:
        try:
            response = await client.users_info(user=user_id)
        except SlackApiError as error:
            logger.warning("users.info failed: %s", error.response.get("error"))
            return None
        user = response.get("user") or {}
        profile = user.get("profile") or {}
        name = profile.get("real_name") or user.get("real_name") or user.get("name") or user_id
        return str(name), profile.get("email")

    return lookup
