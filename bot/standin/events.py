"""Events API payloads: the `event_callback` envelope and the events inside it.

Shapes follow the recorded bodies in /work/shared/slack-payloads (event_message,
event_message_changed, event_channel_join, event_bot_message), so a bot that reads
`blocks`, `previous_message` or `authorizations` meets the real field set.
"""

from __future__ import annotations

import copy
import secrets
import string
import uuid
from typing import Any

from bot.standin.models import Channel, User
from bot.standin.richtext import as_sent, rich_text_blocks
from bot.standin.workspace import Workspace

_EVENT_ID_ALPHABET = string.ascii_uppercase + string.digits
#: Thread bookkeeping that conversations.history shows but a message event does not.
_HISTORY_ONLY = frozenset(
    {"reply_count", "reply_users_count", "latest_reply", "reply_users", "reactions"}
)


def channel_type(channel: Channel) -> str:
    """`channel_type` of message events."""
    return {"im": "im", "mpim": "mpim", "private": "group"}.get(channel.kind, "channel")


class EventBuilder:
    def __init__(self, workspace: Workspace, verification_token: str) -> None:
        self.ws = workspace
        self.token = verification_token

    def new_event_id(self) -> str:
        return "Ev" + "".join(secrets.choice(_EVENT_ID_ALPHABET) for _ in range(10))

    def envelope(self, event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
        channel = event.get("channel") if isinstance(event.get("channel"), str) else ""
        return {
            "token": self.token,
            "team_id": self.ws.team_id,
            "api_app_id": self.ws.app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or self.new_event_id(),
            "event_time": int(self.ws.clock()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": self.ws.team_id,
                    "user_id": self.ws.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": f"1-{event.get('type')}-{self.ws.team_id}-{channel}",
        }

    def user_message(
        self, *, user: User, text: str, thread_ts: str | None = None
    ) -> dict[str, Any]:
        """A typed message as conversations.history stores it (the store assigns ts)."""
        message: dict[str, Any] = {
            "client_msg_id": str(uuid.uuid4()),
            "type": "message",
            "text": as_sent(text),
            "user": user.id,
            "ts": "",
            "team": self.ws.team_id,
            "blocks": rich_text_blocks(text),
        }
        if thread_ts:
            message["thread_ts"] = thread_ts
        return message

    def message_event(
        self, message: dict[str, Any], channel: Channel, *, event_type: str = "message"
    ) -> dict[str, Any]:
        """The `message` (or `app_mention`) event for a stored message."""
        event = {k: copy.deepcopy(v) for k, v in message.items() if k not in _HISTORY_ONLY}
        event["type"] = event_type
        event["channel"] = channel.id
        event["event_ts"] = message["ts"]
        if event_type == "message":
            event["channel_type"] = channel_type(channel)
        return event

    def edit(self, message: dict[str, Any], channel: Channel, text: str) -> dict[str, Any]:
        """Edit a stored user message and return its `message_changed` event."""
        previous = {k: copy.deepcopy(v) for k, v in message.items() if k not in _HISTORY_ONLY}
        previous.pop("edited", None)
        message["text"] = as_sent(text)
        message["blocks"] = rich_text_blocks(text)
        message["edited"] = {"user": message["user"], "ts": self.ws.next_ts()}
        inner = {k: copy.deepcopy(v) for k, v in message.items() if k not in _HISTORY_ONLY}
        inner.pop("ts")
        inner.update(ts=message["ts"], source_team=self.ws.team_id, user_team=self.ws.team_id)
        event_ts = self.ws.next_ts()
        return {
            "type": "message",
            "subtype": "message_changed",
            "hidden": True,
            "message": inner,
            "channel": channel.id,
            "previous_message": previous,
            "event_ts": event_ts,
            "ts": event_ts,
            "channel_type": channel_type(channel),
        }

    def delete(self, message: dict[str, Any], channel: Channel) -> dict[str, Any]:
        """Remove a stored message and return its `message_deleted` event."""
        previous = {k: copy.deepcopy(v) for k, v in message.items() if k not in _HISTORY_ONLY}
        del channel.messages[message["ts"]]
        event_ts = self.ws.next_ts()
        return {
            "type": "message",
            "subtype": "message_deleted",
            "hidden": True,
            "deleted_ts": message["ts"],
            "channel": channel.id,
            "previous_message": previous,
            "event_ts": event_ts,
            "ts": event_ts,
            "channel_type": channel_type(channel),
        }

    def channel_join(self, user: User, channel: Channel, inviter: str | None) -> dict[str, Any]:
        """Store the `channel_join` message Slack posts and return its event."""
        message: dict[str, Any] = {
            "type": "message",
            "subtype": "channel_join",
            "ts": "",
            "user": user.id,
            "text": f"<@{user.id}> has joined the channel",
        }
        if inviter is not None:
            message["inviter"] = inviter
        self.ws.store_message(channel, message)
        return self.message_event(message, channel)

    def member_joined_channel(
        self, user: User, channel: Channel, inviter: str | None
    ) -> dict[str, Any]:
        event: dict[str, Any] = {
            "type": "member_joined_channel",
            "user": user.id,
            "channel": channel.id,
            "channel_type": "G" if channel.kind == "private" else "C",
            "team": self.ws.team_id,
            "event_ts": self.ws.next_ts(),
        }
        if inviter is not None:
            event["inviter"] = inviter
        return event

    def bot_message(
        self,
        channel: Channel,
        *,
        bot_id: str,
        username: str,
        text: str,
        thread_ts: str | None,
    ) -> dict[str, Any]:
        """Store another bot's message (subtype `bot_message`) and return its event."""
        message: dict[str, Any] = {
            "type": "message",
            "subtype": "bot_message",
            "text": text,
            "ts": "",
            "username": username,
            "icons": {
                "emoji": ":robot_face:",
                "image_64": "https://a.slack-edge.com/standin/robot-64.png",
            },
            "bot_id": bot_id,
        }
        self.ws.store_message(channel, message, thread_ts=thread_ts)
        return self.message_event(message, channel)
