"""auth.test, conversations.open/info/replies, users.info/lookupByEmail."""

from __future__ import annotations

import copy
from typing import Any

from bot.standin.api import ApiError, Args, Handler, MethodContext


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
    "conversations.replies": conversations_replies,
    "users.info": users_info,
    "users.lookupByEmail": users_lookup_by_email,
}
