"""Slash command and interactivity payloads with the keys and nesting Slack really sends.

Each builder follows one of the recorded bodies in tests/fixtures/slack-payloads (key order
included), so a bot that works with the stand-in works with Slack's real field set:
`enterprise: null`, `is_enterprise_install`, rich-text `blocks` on messages,
`response_urls: []` on submissions, the deprecated verification `token` everywhere.
"""

from __future__ import annotations

import copy
from typing import Any

from bot.standin.models import Channel, User
from bot.standin.richtext import as_sent
from bot.standin.workspace import Workspace

#: What a payload's embedded `message` carries (Slack leaves app_id/bot_profile out).
EMBEDDED_MESSAGE_KEYS = (
    "client_msg_id",
    "bot_id",
    "type",
    "subtype",
    "text",
    "user",
    "username",
    "ts",
    "team",
    "edited",
    "thread_ts",
    "parent_user_id",
    "reply_count",
    "reply_users_count",
    "latest_reply",
    "reply_users",
    "blocks",
    "attachments",
    "files",
    "upload",
    "metadata",
)


def embedded_message(message: dict[str, Any]) -> dict[str, Any]:
    return {k: copy.deepcopy(message[k]) for k in EMBEDDED_MESSAGE_KEYS if k in message}


def action_ts(now: float) -> str:
    return f"{now:.6f}"


class PayloadBuilder:
    def __init__(self, workspace: Workspace, verification_token: str) -> None:
        self.ws = workspace
        self.token = verification_token

    # -- pieces ------------------------------------------------------------------------

    def user(self, user: User) -> dict[str, Any]:
        return {"id": user.id, "username": user.name, "name": user.name, "team_id": user.team_id}

    def team(self) -> dict[str, Any]:
        return {"id": self.ws.team_id, "domain": self.ws.team_domain}

    def channel(self, channel: Channel) -> dict[str, Any]:
        return {"id": channel.id, "name": channel.display_name}

    def action_entry(
        self, block_id: str, element: dict[str, Any], entry: dict[str, Any] | None
    ) -> dict[str, Any]:
        """One `actions[]` item: what was clicked or chosen, as Slack reports it."""
        element_type = element.get("type")
        now = action_ts(self.ws.clock())
        if element_type == "button":
            action: dict[str, Any] = {
                "action_id": element["action_id"],
                "block_id": block_id,
                "text": copy.deepcopy(element.get("text")),
            }
            for key in ("value", "style", "url"):
                if key in element:
                    action[key] = element[key]
            action.update({"type": "button", "action_ts": now})
            return action
        action = {"type": element_type, "action_id": element["action_id"], "block_id": block_id}
        if entry is not None:
            action.update({k: copy.deepcopy(v) for k, v in entry.items() if k != "type"})
        for extra in ("initial_option", "initial_options", "initial_date", "initial_time"):
            if extra in element:
                action[extra] = copy.deepcopy(element[extra])
        # Slack echoes a select's placeholder, not a date picker's (see the recorded payloads).
        if "placeholder" in element and "select" in str(element_type):
            action["placeholder"] = copy.deepcopy(element["placeholder"])
        action["action_ts"] = now
        return action

    # -- slash commands and interactivity ----------------------------------------------

    def slash_command(
        self,
        *,
        user: User,
        channel: Channel,
        command: str,
        text: str,
        response_url: str,
        trigger_id: str,
    ) -> dict[str, str]:
        return {
            "token": self.token,
            "team_id": self.ws.team_id,
            "team_domain": self.ws.team_domain,
            "channel_id": channel.id,
            "channel_name": channel.display_name,
            "user_id": user.id,
            "user_name": user.name,
            "command": command,
            "text": as_sent(text),
            "api_app_id": self.ws.app_id,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }

    def block_actions_in_message(
        self,
        *,
        user: User,
        channel: Channel,
        message: dict[str, Any],
        is_ephemeral: bool,
        state: dict[str, Any],
        actions: list[dict[str, Any]],
        trigger_id: str,
        response_url: str,
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": self.user(user),
            "api_app_id": self.ws.app_id,
            "token": self.token,
            "container": {
                "type": "message",
                "message_ts": message["ts"],
                "channel_id": channel.id,
                "is_ephemeral": is_ephemeral,
            },
            "trigger_id": trigger_id,
            "team": self.team(),
            "enterprise": None,
            "is_enterprise_install": False,
            "channel": self.channel(channel),
        }
        if not is_ephemeral:  # Slack leaves the message out for ephemeral ones
            payload["message"] = embedded_message(message)
        payload.update(
            {"state": {"values": state}, "response_url": response_url, "actions": actions}
        )
        return payload

    def block_actions_in_view(
        self,
        *,
        user: User,
        view: dict[str, Any],
        actions: list[dict[str, Any]],
        trigger_id: str,
    ) -> dict[str, Any]:
        return {
            "type": "block_actions",
            "user": self.user(user),
            "api_app_id": self.ws.app_id,
            "token": self.token,
            "container": {"type": "view", "view_id": view["id"]},
            "trigger_id": trigger_id,
            "team": self.team(),
            "enterprise": None,
            "is_enterprise_install": False,
            "view": copy.deepcopy(view),
            "actions": actions,
        }

    def message_action(
        self,
        *,
        user: User,
        channel: Channel,
        message: dict[str, Any],
        callback_id: str,
        trigger_id: str,
        response_url: str,
    ) -> dict[str, Any]:
        return {
            "type": "message_action",
            "token": self.token,
            "action_ts": action_ts(self.ws.clock()),
            "team": self.team(),
            "user": {
                "id": user.id,
                "username": user.name,
                "team_id": user.team_id,
                "name": user.name,
            },
            "channel": self.channel(channel),
            "is_enterprise_install": False,
            "enterprise": None,
            "callback_id": callback_id,
            "trigger_id": trigger_id,
            "response_url": response_url,
            "message_ts": message["ts"],
            "message": embedded_message(message),
        }

    def shortcut(self, *, user: User, callback_id: str, trigger_id: str) -> dict[str, Any]:
        return {
            "type": "shortcut",
            "token": self.token,
            "action_ts": action_ts(self.ws.clock()),
            "team": self.team(),
            "user": {"id": user.id, "username": user.name, "team_id": user.team_id},
            "is_enterprise_install": False,
            "enterprise": None,
            "callback_id": callback_id,
            "trigger_id": trigger_id,
        }

    def view_submission(
        self,
        *,
        user: User,
        view: dict[str, Any],
        trigger_id: str,
        response_urls: list[dict[str, Any]],
    ) -> dict[str, Any]:
        return {
            "type": "view_submission",
            "team": self.team(),
            "user": self.user(user),
            "api_app_id": self.ws.app_id,
            "token": self.token,
            "trigger_id": trigger_id,
            "view": copy.deepcopy(view),
            "response_urls": response_urls,
            "is_enterprise_install": False,
            "enterprise": None,
        }

    def view_closed(self, *, user: User, view: dict[str, Any], is_cleared: bool) -> dict[str, Any]:
        return {
            "type": "view_closed",
            "team": self.team(),
            "user": self.user(user),
            "api_app_id": self.ws.app_id,
            "token": self.token,
            "view": copy.deepcopy(view),
            "is_cleared": is_cleared,
            "is_enterprise_install": False,
            "enterprise": None,
        }
