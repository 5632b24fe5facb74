"""What a response_url POST or an ack with a message does to the conversation.

Slack shows such a response as an ephemeral message to the user (the default), posts it
in the channel (`response_type: in_channel`), or replaces or deletes the message the user
clicked (`replace_original`, `delete_original`). The response_url endpoint and the
driver's ack handling share this so both land in the same store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.standin.workspace import Workspace


@dataclass(frozen=True)
class ResponseTarget:
    """Where a response goes: the conversation, the user, and the message clicked (if any)."""

    channel_id: str | None
    user_id: str | None
    message_ts: str | None = None
    is_ephemeral: bool = False


def truthy(value: Any) -> bool:
    """Slack accepts `true`, `"true"` and `1` alike in these bodies."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def apply_response(
    workspace: Workspace, target: ResponseTarget, body: dict[str, Any], *, source: str
) -> None:
    """Change the stored conversation the way Slack would show the response to the user."""
    channel = workspace.channels.get(target.channel_id or "")
    if channel is None:
        return
    original_ts = target.message_ts
    if truthy(body.get("delete_original")) and original_ts:
        if target.is_ephemeral:
            channel.ephemerals = [e for e in channel.ephemerals if e.message["ts"] != original_ts]
        else:
            channel.messages.pop(original_ts, None)
        return
    content = workspace.new_bot_message(
        body.get("text"), body.get("blocks"), body.get("attachments")
    )
    if truthy(body.get("replace_original")) and original_ts:
        original: dict[str, Any] | None
        if target.is_ephemeral:
            found = workspace.find_ephemeral(channel.id, original_ts)
            original = found.message if found is not None else None
        else:
            original = channel.messages.get(original_ts)
        if original is not None:
            for key in ("blocks", "attachments"):
                original.pop(key, None)
            original.update(
                {k: v for k, v in content.items() if k not in ("ts", "bot_profile", "thread_ts")}
            )
            return
    thread_ts = body.get("thread_ts") if isinstance(body.get("thread_ts"), str) else None
    if body.get("response_type") == "in_channel":
        workspace.store_message(channel, content, thread_ts=thread_ts)
    elif target.user_id is not None:
        content.pop("bot_profile", None)
        workspace.add_ephemeral(
            channel, target.user_id, content, source=source, thread_ts=thread_ts
        )
