"""chat.*, reactions.add and the two-step file upload, as Slack answers them."""

from __future__ import annotations

import copy
import json
from typing import Any

from bot.standin.api import ApiError, Args, Handler, MethodContext
from bot.standin.blockkit import check_message
from bot.standin.models import Channel, StoredFile


def _channel(ctx: MethodContext, args: Args, name: str = "channel") -> Channel:
    channel = ctx.workspace.resolve_channel(args.required(name, "channel_not_found"))
    if channel is None:
        raise ApiError("channel_not_found")
    return channel


def _checked_content(args: Args, *, require_content: bool = True) -> tuple[Any, Any, Any]:
    text = args.get("text")
    blocks = args.decoded("blocks")
    attachments = args.decoded("attachments")
    refusal = check_message(text, blocks, attachments, require_content=require_content)
    if refusal is not None:
        raise ApiError.from_refusal(refusal)
    return text, blocks, attachments


def _public(message: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(message)


def _metadata(args: Args) -> dict[str, Any] | None:
    """The message's `metadata`, checked the way Slack checks it; None when not given.

    It may come as a JSON object (slack_sdk's JSON body) or as a JSON string (a form
    body). Not JSON, or not an object: `invalid_metadata_format`. An object without a
    string `event_type` or an object `event_payload`: `invalid_metadata_schema`. An empty
    object means "no metadata" (chat.update uses it to remove what a message had).
    """
    raw = args.get("metadata")
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ApiError("invalid_metadata_format", [f"metadata: not JSON ({exc})"]) from None
    if not isinstance(raw, dict):
        raise ApiError("invalid_metadata_format", ["metadata: must be a JSON object"])
    if not raw:
        return {}
    event_type = raw.get("event_type")
    payload = raw.get("event_payload")
    if not isinstance(event_type, str) or not event_type.strip():
        raise ApiError("invalid_metadata_schema", ["metadata.event_type: a string is required"])
    if not isinstance(payload, dict):
        raise ApiError("invalid_metadata_schema", ["metadata.event_payload: an object is required"])
    return {"event_type": event_type, "event_payload": copy.deepcopy(payload)}


def post_message(ctx: MethodContext, args: Args) -> dict[str, Any]:
    channel = _channel(ctx, args)
    text, blocks, attachments = _checked_content(args)
    metadata = _metadata(args)
    ws = ctx.workspace
    message = ws.new_bot_message(text, blocks, attachments)
    if metadata:
        message["metadata"] = metadata
    if args.has("username"):
        message["username"] = args.string("username")
    thread_ts = args.string("thread_ts")
    if thread_ts and args.flag("reply_broadcast"):
        message["subtype"] = "thread_broadcast"
    ws.store_message(channel, message, thread_ts=thread_ts)
    return {"ok": True, "channel": channel.id, "ts": message["ts"], "message": _public(message)}


def post_ephemeral(ctx: MethodContext, args: Args) -> dict[str, Any]:
    channel = _channel(ctx, args)
    user_id = args.required("user", "user_not_found")
    if user_id not in ctx.workspace.users:
        raise ApiError("user_not_found")
    if user_id not in channel.members:
        raise ApiError("user_not_in_channel")
    text, blocks, attachments = _checked_content(args)
    message = ctx.workspace.new_bot_message(text, blocks, attachments)
    message.pop("bot_profile", None)
    ctx.workspace.add_ephemeral(
        channel, user_id, message, source="chat.postEphemeral", thread_ts=args.string("thread_ts")
    )
    return {"ok": True, "message_ts": message["ts"]}


def _own_message(ctx: MethodContext, channel: Channel, ts: str, refusal: str) -> dict[str, Any]:
    message = channel.messages.get(ts)
    if message is None:
        raise ApiError("message_not_found")
    if message.get("user") != ctx.workspace.bot_user_id:
        raise ApiError(refusal, ["the bot can only change its own messages"])
    return message


def update(ctx: MethodContext, args: Args) -> dict[str, Any]:
    channel = _channel(ctx, args)
    ts = args.required("ts", "message_not_found")
    message = _own_message(ctx, channel, ts, "cant_update_message")
    text, blocks, attachments = _checked_content(args)
    metadata = _metadata(args)
    # Slack keeps blocks/attachments that the update leaves out; [] removes them.
    replacement = ctx.workspace.new_bot_message(
        text,
        blocks if blocks is not None else message.get("blocks"),
        attachments if attachments is not None else message.get("attachments"),
    )
    for key in ("blocks", "attachments"):
        message.pop(key, None)
    message.update({k: v for k, v in replacement.items() if k not in ("ts", "bot_profile")})
    # Metadata left out is kept; an empty object removes it; a new one replaces it.
    if metadata == {}:
        message.pop("metadata", None)
    elif metadata:
        message["metadata"] = metadata
    message["edited"] = {"user": ctx.workspace.bot_user_id, "ts": ctx.workspace.next_ts()}
    return {
        "ok": True,
        "channel": channel.id,
        "ts": ts,
        "text": message["text"],
        "message": _public(message),
    }


def delete(ctx: MethodContext, args: Args) -> dict[str, Any]:
    channel = _channel(ctx, args)
    ts = args.required("ts", "message_not_found")
    _own_message(ctx, channel, ts, "cant_delete_message")
    del channel.messages[ts]
    return {"ok": True, "channel": channel.id, "ts": ts}


def get_permalink(ctx: MethodContext, args: Args) -> dict[str, Any]:
    channel = _channel(ctx, args)
    ts = args.required("message_ts", "message_not_found")
    message = channel.messages.get(ts)
    if message is None:
        raise ApiError("message_not_found")
    domain = ctx.workspace.team_domain
    link = f"https://{domain}.slack.com/archives/{channel.id}/p{ts.replace('.', '')}"
    thread_ts = message.get("thread_ts")
    if thread_ts and thread_ts != ts:
        link += f"?thread_ts={thread_ts}&cid={channel.id}"
    return {"ok": True, "permalink": link, "channel": channel.id}


def add_reaction(ctx: MethodContext, args: Args) -> dict[str, Any]:
    channel = _channel(ctx, args)
    name = (args.string("name") or "").strip(":")
    if not name:
        raise ApiError("invalid_name")
    message = channel.messages.get(args.required("timestamp", "message_not_found"))
    if message is None:
        raise ApiError("message_not_found")
    reactions: list[dict[str, Any]] = message.setdefault("reactions", [])
    reaction = next((r for r in reactions if r["name"] == name), None)
    bot = ctx.workspace.bot_user_id
    if reaction is None:
        reactions.append({"name": name, "users": [bot], "count": 1})
    elif bot in reaction["users"]:
        raise ApiError("already_reacted")
    else:
        reaction["users"].append(bot)
        reaction["count"] += 1
    return {"ok": True}


def get_upload_url(ctx: MethodContext, args: Args) -> dict[str, Any]:
    filename = args.required("filename")
    length = args.integer("length")
    if length is None or length < 0:
        raise ApiError("invalid_arguments", ["missing required field: length"])
    ws = ctx.workspace
    stored = StoredFile(id=ws.new_id("F"), name=filename, length=length, upload_token="")
    stored.upload_token = f"{stored.id}/{ws.next_ts().replace('.', '')}"
    ws.files[stored.id] = stored
    return {
        "ok": True,
        "upload_url": f"{ctx.base_url}upload/{stored.upload_token}",
        "file_id": stored.id,
    }


def complete_upload(ctx: MethodContext, args: Args) -> dict[str, Any]:
    ws = ctx.workspace
    files = args.decoded("files")
    if not isinstance(files, list) or not files:
        raise ApiError("invalid_arguments", ["files: must be a non-empty JSON list"])
    stored_files: list[StoredFile] = []
    for item in files:
        stored = ws.files.get(item.get("id", "")) if isinstance(item, dict) else None
        if stored is None or stored.content is None:
            raise ApiError("file_not_found", [f"file {item!r} was never uploaded"])
        stored.title = item.get("title") or stored.name
        stored_files.append(stored)
    targets = [c for c in [args.string("channel_id") or ""] if c]
    targets += [c for c in (args.string("channels") or "").split(",") if c]
    channels = []
    for target in targets:
        channel = ws.resolve_channel(target)
        if channel is None:
            raise ApiError("channel_not_found")
        channels.append(channel)
    comment = args.string("initial_comment") or ""
    refusal = check_message(comment, None, require_content=False)
    if refusal is not None:
        raise ApiError.from_refusal(refusal)
    for channel in channels:
        message = ws.new_bot_message(comment, None, None)
        message.pop("bot_profile", None)
        message.update(
            {
                "files": [_file_object(ctx, f) for f in stored_files],
                "upload": True,
                "display_as_bot": False,
            }
        )
        ws.store_message(channel, message, thread_ts=args.string("thread_ts"))
        for stored in stored_files:
            stored.shared_to.append(channel.id)
    return {"ok": True, "files": [{"id": f.id, "title": f.title} for f in stored_files]}


def _file_object(ctx: MethodContext, stored: StoredFile) -> dict[str, Any]:
    domain = ctx.workspace.team_domain
    return {
        "id": stored.id,
        "name": stored.name,
        "title": stored.title,
        "size": stored.length,
        "user": ctx.workspace.bot_user_id,
        "mode": "hosted",
        "url_private": f"https://files.slack.com/files-pri/{ctx.workspace.team_id}-{stored.id}/{stored.name}",
        "permalink": f"https://{domain}.slack.com/files/{ctx.workspace.bot_user_id}/{stored.id}/{stored.name}",
    }


METHODS: dict[str, Handler] = {
    "chat.postMessage": post_message,
    "chat.postEphemeral": post_ephemeral,
    "chat.update": update,
    "chat.delete": delete,
    "chat.getPermalink": get_permalink,
    "reactions.add": add_reaction,
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
}
