"""Tags on the bot's own posts, so a post whose fate is unknown is looked up, not repeated.

Slack has no idempotency key for `chat.postMessage`. When the bot cannot know whether a post
went out — the process died between posting and recording it, the call timed out, the
connection dropped, Slack answered 5xx — posting again may say it twice, and not posting may
lose it. So a message that must go out once carries Slack *message metadata* (`tag`: an
`event_type` and an `event_payload` holding the bot's own key — ids only, never personal
text), and before posting it again the bot looks for that tag in the conversation's recent
history (`find_tagged`: `conversations.history` with `include_all_metadata`). Found: it went
out, record it. Not found: post. The look-up failing for a passing reason (Slack's edge
answering an HTML 503 or an empty 404, a timeout, 429): post nothing now and try later
(`TagLookupFailed.transient`). Slack refusing the look-up for good (a missing scope, the bot
not in the channel): the caller posts anyway — at least once, as before tags.

The look-up is bounded by messages, not by time: the newest `HISTORY_WINDOW` messages. An
`oldest` from the bot's clock would silently miss the post whenever that clock and Slack's
disagree (a fake clock in the console and tests, a drifting host), and a lost-answer post is
always among a conversation's newest messages anyway. Reading a DM needs `im:history`, a
channel `channels:history` / `groups:history` (all in the manifest).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack_client import slack_error_code

logger = logging.getLogger(__name__)

#: The metadata `event_type` of reminder DMs and of the weekly digest.
REMINDER_EVENT = "tovholder_reminder"
DIGEST_EVENT = "tovholder_digest"
#: Messages read per `conversations.history` call, and at most per look-up.
HISTORY_PAGE = 100
HISTORY_WINDOW = 200
#: Slack error codes that say "not now" rather than "never" (a look-up worth repeating), and
#: that may come after Slack did carry out a post.
PASSING_CODES = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "request_timeout", "service_unavailable"}
)


def tag(event_type: str, **payload: str | int) -> dict[str, Any]:
    """The `metadata` argument of a post: Slack's `event_type` + `event_payload`."""
    return {"event_type": event_type, "event_payload": dict(payload)}


def reminder_tag(reminder_id: int, dedupe_key: str) -> dict[str, Any]:
    """A reminder DM's tag: its row id and its dedupe key (ids and Slack user ids only)."""
    return tag(REMINDER_EVENT, reminder_id=reminder_id, dedupe_key=dedupe_key)


def batch_tag(reminder_ids: Sequence[int], day: str) -> dict[str, Any]:
    """The morning list's tag: the ids of every reminder it carries (one comma-separated
    string: Slack's payload values are scalars) and the local day it is for."""
    return tag(REMINDER_EVENT, reminder_ids=",".join(str(i) for i in reminder_ids), day=day)


def digest_tag(period: str, channel_id: str) -> dict[str, Any]:
    """The weekly digest's tag: the ISO week it looks back on and the channel it goes to."""
    return tag(DIGEST_EVENT, period=period, channel=channel_id)


class TagLookupFailed(Exception):
    """The history could not be read. `transient`: a passing fault, so try the look-up
    again later and post nothing now; otherwise Slack refused for good (scope, membership)
    and the caller may post without knowing (at least once)."""

    def __init__(self, error: str, *, transient: bool) -> None:
        super().__init__(error)
        self.error = error
        self.transient = transient


def _failure(error: Exception) -> TagLookupFailed:
    if isinstance(error, SlackApiError):
        code = slack_error_code(error)
        status = int(getattr(error.response, "status_code", 200) or 200)
        # Slack's own JSON refusal (missing_scope, not_in_channel, channel_not_found…) is
        # final; anything else — 429, 5xx, an HTML page or an empty 404 from its edge — passes.
        slack_said = isinstance(error.response.data, dict) and status < 500 and status != 429
        return TagLookupFailed(code, transient=not slack_said or code in PASSING_CODES)
    return TagLookupFailed(type(error).__name__, transient=True)


async def conversation_of(client: AsyncWebClient, recipient: str) -> str:
    """The conversation id whose history holds posts to `recipient`.

    A post may name a user id as its channel (Slack then posts in the bot's DM with that
    person), but `conversations.history` wants the DM's own id, which `conversations.open`
    gives (it opens nothing new when the DM exists). Conversation ids (C…, G…, D…) are
    used as they are. Raises `TagLookupFailed`.
    """
    if not recipient.startswith(("U", "W")):
        return recipient
    try:
        response = await client.conversations_open(users=recipient)
    except (SlackApiError, aiohttp.ClientError, TimeoutError, OSError) as error:
        raise _failure(error) from error
    channel = response.get("channel") or {}
    return str(channel["id"])


async def find_tagged(
    client: AsyncWebClient,
    channel: str,
    event_type: str,
    key: str,
    value: str | int,
    oldest: str | None = None,
    *,
    max_messages: int = HISTORY_WINDOW,
) -> str | None:
    """The ts of a message in `channel` whose metadata has `event_type` and
    `event_payload[key] == value`, among the newest `max_messages` (and, with `oldest` — a
    Slack ts — none older than it); None when there is none.

    `channel` is a conversation id (see `conversation_of` for a DM). Pages of `HISTORY_PAGE`
    newest first, so the usual case — the lost post is the newest message — is one call.
    Raises `TagLookupFailed` when Slack cannot be read: then nobody knows, and the caller
    must not post blindly when it is `transient`.
    """
    wanted = str(value)
    found: list[str] = []

    def visit(payload: Mapping[str, Any], ts: str) -> bool:
        if str(payload.get(key)) == wanted:
            found.append(ts)
            return True
        return False

    await _scan(client, channel, event_type, visit, oldest, max_messages)
    return found[0] if found else None


async def find_reminders(
    client: AsyncWebClient, channel: str, wanted: Mapping[int, str]
) -> set[int]:
    """Which of the reminders `wanted` (id → dedupe key) are among `channel`'s newest
    messages: in a DM of their own (tagged with the key, `reminder_tag`) or as a line of a
    morning list (the id among the list's, `batch_tag`). One read of the history for all of
    them. Raises `TagLookupFailed` like `find_tagged`."""
    keys = {key: rid for rid, key in wanted.items()}
    found: set[int] = set()

    def visit(payload: Mapping[str, Any], ts: str) -> bool:
        if (rid := keys.get(str(payload.get("dedupe_key")))) is not None:
            found.add(rid)
        listed = str(payload.get("reminder_ids") or "").split(",")
        found.update(rid for rid in wanted if str(rid) in listed)
        return len(found) == len(wanted)

    await _scan(client, channel, REMINDER_EVENT, visit, None, HISTORY_WINDOW)
    return found


async def _scan(
    client: AsyncWebClient,
    channel: str,
    event_type: str,
    visit: Callable[[Mapping[str, Any], str], bool],
    oldest: str | None,
    max_messages: int,
) -> None:
    """Show `visit` the payload and ts of each message tagged `event_type`, newest first,
    until it returns True or the window ends."""
    cursor: str | None = None
    seen = 0
    while seen < max_messages:
        try:
            response = await client.conversations_history(
                channel=channel,
                include_all_metadata=True,
                limit=min(HISTORY_PAGE, max_messages - seen),
                oldest=oldest,
                inclusive=True if oldest else None,
                cursor=cursor,
            )
        except (SlackApiError, aiohttp.ClientError, TimeoutError, OSError) as error:
            raise _failure(error) from error
        messages = response.get("messages") or []
        for message in messages:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == event_type and visit(payload, str(message["ts"])):
                return
        seen += len(messages)
        cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
        if not messages or not response.get("has_more") or cursor is None:
            return


def maybe_delivered(error: BaseException) -> bool:
    """Could Slack have carried out the call that ended in `error`?

    No for Slack's own refusals (`ok: false` with a code, a 429) and for a connection that
    never opened; yes for a timeout, a dropped connection, a 5xx or `internal_error`-like
    codes — and for anything unexpected, since guessing "no" is what repeats a message.
    """
    if isinstance(error, SlackApiError):
        status = int(getattr(error.response, "status_code", 200) or 200)
        if status == 429:
            return False
        return status >= 500 or slack_error_code(error) in (PASSING_CODES - {"ratelimited"})
    return not isinstance(error, aiohttp.ClientConnectorError)


def careful_client(client: AsyncWebClient) -> AsyncWebClient:
    """A copy of `client` (same token, URL and session) that does not repeat a post inside
    the call after a timeout or a dropped connection — the two ways a post can go out
    unseen. It still retries a connection that never opened (nothing was sent). The caller
    retries through its durable queue, looking for the tag first.

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
