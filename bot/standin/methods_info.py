"""auth.test, conversations.open/info/history/replies, users.info/lookupByEmail."""

from __future__ import annotations

import base64
import binascii
import copy
from typing import Any

from bot.standin.api import ApiError, Args, Handler, MethodContext
from bot.standin.workspace import ts_key

#: conversations.history: Slack's default page, and its maximum ("under 1000").
HISTORY_DEFAULT_LIMIT = 100
HISTORY_MAX_LIMIT = 999


def auth_test(ctx: MethodContext, args: Args) -> dict[str, Any]:
    ws = ctx.workspace
    return {
        "ok": True,
        "url": f"https://{ws.team_domain}.slack.com/",
        "team": ws.team_name,
        "user": ws.bot_name,
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "is_enterprise_install": False,
    }


def conversations_open(ctx: MethodContext, args: Args) -> dict[str, Any]:
    ws = ctx.workspace
    if args.has("channel"):
        channel = ws.channels.get(args.required("channel"))
        if channel is None or channel.kind not in ("im", "mpim"):
            raise ApiError("channel_not_found")
        existed = True
    else:
        users = [u.strip() for u in (args.string("users") or "").split(",") if u.strip()]
        if not users:
            raise ApiError("users_list_not_supplied")
        for user_id in users:
            if user_id not in ws.users:
                raise ApiError("user_not_found", [f"no user {user_id}"])
        others = [u for u in users if u != ws.bot_user_id]
        if not others:
            raise ApiError("cannot_dm_bot")
        if len(others) == 1:
            channel, existed = ws.open_im(others[0])
        else:
            channel, existed = ws.open_mpim(others)
    body: dict[str, Any] = {"ok": True}
    if existed:
        body.update({"no_op": True, "already_open": True})
    if args.flag("return_im"):
        body["channel"] = channel.to_api(bot_user_id=ws.bot_user_id)
    else:
        body["channel"] = {"id": channel.id}
    return body


def conversations_info(ctx: MethodContext, args: Args) -> dict[str, Any]:
    ws = ctx.workspace
    channel = ws.channels.get(args.required("channel", "channel_not_found"))
    if channel is None:
        raise ApiError("channel_not_found")
    return {
        "ok": True,
        "channel": channel.to_api(
            bot_user_id=ws.bot_user_id,
            include_locale=args.flag("include_locale"),
            include_num_members=args.flag("include_num_members"),
        ),
    }


def conversations_replies(ctx: MethodContext, args: Args) -> dict[str, Any]:
    """A message and its thread replies, oldest first (the parent first), as Slack returns them.

    The bot uses it to read a message it was told about only by a button (its text is not in
    the button). `limit` caps the count; pagination is not modelled.
    """
    ws = ctx.workspace
    channel = ws.channels.get(args.required("channel", "channel_not_found"))
    if channel is None:
        raise ApiError("channel_not_found")
    ts = args.required("ts", "thread_not_found")
    parent = channel.messages.get(ts)
    if parent is None:
        raise ApiError("thread_not_found")
    replies = [m for m in channel.messages.values() if m.get("thread_ts") == ts and m["ts"] != ts]
    limit = int(args.string("limit") or 1000)
    messages = [copy.deepcopy(parent), *(copy.deepcopy(m) for m in replies)][: max(limit, 1)]
    return {"ok": True, "messages": messages, "has_more": False}


def _cursor(ts: str) -> str:
    """Slack's history cursors are base64 of `next_ts:<ts>`: the first message of the next
    page (older than everything on this one)."""
    return base64.b64encode(f"next_ts:{ts}".encode()).decode()


def _cursor_ts(cursor: str) -> str:
    try:
        text = base64.b64decode(cursor, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise ApiError("invalid_cursor") from None
    prefix, _, ts = text.partition(":")
    if prefix != "next_ts" or not ts.replace(".", "", 1).isdigit():
        raise ApiError("invalid_cursor")
    return ts


def _bound(args: Args, name: str) -> tuple[int, int] | None:
    """`oldest`/`latest` as a sortable ts; Slack's `invalid_ts_<name>` when not a ts."""
    value = args.string(name)
    if value is None:
        return None
    if not value.replace(".", "", 1).isdigit():
        raise ApiError(f"invalid_ts_{name}")
    return ts_key(value)


def conversations_history(ctx: MethodContext, args: Args) -> dict[str, Any]:
    """A conversation's messages, newest first, as Slack pages them.

    `channel` must be a conversation id — a user id is `channel_not_found`, as in Slack: a
    DM's history is read on the id `conversations.open` gives. `oldest`/`latest` bound the
    ts range (exclusive unless `inclusive`), `limit` the page (default 100, at most 999),
    and `cursor` continues where `response_metadata.next_cursor` left off. Thread replies
    stay in their thread (conversations.replies). A message's `metadata` is only shown
    with `include_all_metadata`.
    """
    ws = ctx.workspace
    channel = ws.channels.get(args.required("channel", "channel_not_found"))
    if channel is None:
        raise ApiError("channel_not_found")
    if ws.bot_user_id not in channel.members:
        raise ApiError("not_in_channel")
    limit = args.integer("limit") or HISTORY_DEFAULT_LIMIT
    limit = max(1, min(limit, HISTORY_MAX_LIMIT))
    inclusive = args.flag("inclusive")
    oldest = _bound(args, "oldest") or (0, 0)
    latest = _bound(args, "latest")

    def in_range(ts: str) -> bool:
        key = ts_key(ts)
        above = key >= oldest if inclusive else key > oldest
        below = latest is None or (key <= latest if inclusive else key < latest)
        return above and below

    shown = [m for m in ws.timeline(channel) if in_range(m["ts"])]
    cursor = args.string("cursor")
    if cursor:
        start = ts_key(_cursor_ts(cursor))
        shown = [m for m in shown if ts_key(m["ts"]) <= start]
    page, rest = shown[:limit], shown[limit:]
    with_metadata = args.flag("include_all_metadata")
    messages = []
    for stored in page:
        message = copy.deepcopy(stored)
        if not with_metadata:
            message.pop("metadata", None)
        messages.append(message)
    body: dict[str, Any] = {
        "ok": True,
        "messages": messages,
        "has_more": bool(rest),
        "pin_count": 0,
        "channel_actions_ts": None,
        "channel_actions_count": 0,
    }
    if rest:
        body["response_metadata"] = {"next_cursor": _cursor(rest[0]["ts"])}
    return body


def users_info(ctx: MethodContext, args: Args) -> dict[str, Any]:
    ws = ctx.workspace
    user = ws.users.get(args.required("user", "user_not_found"))
    if user is None:
        raise ApiError("user_not_found")
    return {
        "ok": True,
        "user": user.to_api(now=ws.clock(), include_locale=args.flag("include_locale")),
    }


def users_lookup_by_email(ctx: MethodContext, args: Args) -> dict[str, Any]:
    ws = ctx.workspace
    email = args.required("email", "users_not_found").strip().lower()
    user = next((u for u in ws.users.values() if (u.email or "").lower() == email), None)
    if user is None:
        raise ApiError("users_not_found")
    return {"ok": True, "user": user.to_api(now=ws.clock())}


METHODS: dict[str, Handler] = {
    "auth.test": auth_test,
    "conversations.open": conversations_open,
    "conversations.info": conversations_info,
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "users.info": users_info,
    "users.lookupByEmail": users_lookup_by_email,
}
