"""Slack's failures in the core's words: the one place that reads Slack's error codes.

Every Web API call of the Slack Messenger and Directory ends in `neutral_error` when it
fails, so a job sees `RateLimited`, `Gone`, `NotPermitted`, `Temporary` or a plain
`DeliveryFailed` (a refusal another try will not mend) and never a `SlackApiError`.

Slack's edge does not always answer in Slack's JSON: in an outage it sends an HTML error
page (503) or an empty 404. Those, 5xx, timeouts and dropped connections are `Temporary`;
unknown codes too (another try is bounded by the caller's attempts). `maybe_delivered` is
False only when Slack certainly did nothing: its own refusal, a 429, a connection that never
opened, an answer from its edge below 500.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.ports import DeliveryFailed, Gone, NotPermitted, RateLimited, Temporary
from handlers.slack.client import slack_error_code

#: What a Web API call raises when Slack or the way to it fails.
CALL_ERRORS = (SlackClientError, aiohttp.ClientError, TimeoutError, OSError)
#: The conversation, message or person is not there (any more).
GONE = frozenset(
    {
        "channel_not_found",
        "message_not_found",
        "thread_not_found",
        "file_not_found",
        "user_not_found",
        "users_not_found",
        "user_disabled",
        "account_inactive",
        "is_archived",
        "expired_trigger_id",
    }
)
#: The bot may not do this there: not a member, blocked, not installed, no permission.
NOT_PERMITTED = frozenset(
    {
        "not_in_channel",
        "cannot_dm_bot",
        "messages_tab_disabled",
        "restricted_action",
        "restricted_action_read_only_channel",
        "restricted_action_thread_only_channel",
        "restricted_action_non_threadable_channel",
        "cant_update_message",
        "cant_delete_message",
        "no_permission",
        "missing_scope",
        "not_authed",
        "invalid_auth",
        "token_revoked",
        "token_expired",
        "not_allowed_token_type",
        "team_access_not_granted",
        "ekm_access_denied",
    }
)
#: What the bot sent was wrong: another try sends the same and is refused the same.
REFUSED = frozenset(
    {
        "invalid_blocks",
        "invalid_blocks_format",
        "invalid_arguments",
        "invalid_attachments",
        "invalid_metadata_format",
        "invalid_metadata_schema",
        "metadata_too_large",
        "msg_too_long",
        "no_text",
        "too_many_attachments",
        "too_many_blocks",
        "invalid_trigger_id",
        "view_too_large",
    }
)
#: Slack's own codes for "not now" that may come after it did carry out the call.
PASSING = frozenset({"internal_error", "fatal_error", "request_timeout", "service_unavailable"})
#: When Slack says 429 without a usable Retry-After.
DEFAULT_RETRY_AFTER = 1.0


def neutral_error(error: Exception) -> DeliveryFailed:
    """The neutral error for what a Web API call raised (see the module docstring)."""
    if isinstance(error, SlackApiError):
        return _from_slack(error)
    if isinstance(error, aiohttp.ClientConnectorError):
        return Temporary(type(error).__name__, maybe_delivered=False)
    return Temporary(type(error).__name__, maybe_delivered=True)


def _from_slack(error: SlackApiError) -> DeliveryFailed:
    status = int(getattr(error.response, "status_code", 200) or 200)
    code = slack_error_code(error)
    if status == 429 or code == "ratelimited":
        return RateLimited("ratelimited", retry_after_of(error) or DEFAULT_RETRY_AFTER)
    if status >= 500:
        return Temporary(f"{code} (HTTP {status})", maybe_delivered=True)
    if not isinstance(error.response.data, dict):  # an empty 404 or a page from Slack's edge
        return Temporary(code, maybe_delivered=False)
    if code in GONE:
        return Gone(code)
    if code in NOT_PERMITTED:
        return NotPermitted(code)
    if code in REFUSED:
        return DeliveryFailed(code)
    return Temporary(code, maybe_delivered=code in PASSING)


def retry_after_of(error: SlackApiError) -> float | None:
    """The seconds in a 429's Retry-After header; None without a usable one."""
    headers = getattr(error.response, "headers", None) or {}
    for name, value in dict(headers).items():
        if str(name).lower() == "retry-after":
            text = value[0] if isinstance(value, list | tuple) else value
            try:
                return max(0.0, float(text))
            except (TypeError, ValueError):
                return None
    return None


@contextmanager
def neutral() -> Iterator[None]:
    """Turn a failed Web API call inside the block into its neutral error."""
    try:
        yield
    except CALL_ERRORS as error:
        raise neutral_error(error) from error
