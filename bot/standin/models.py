"""The records the stand-in's workspace is made of, each able to answer in Slack's shape.

`User.to_api()` is the `user` of users.info, `Channel.to_api()` the `channel` of
conversations.info; the rest (ephemeral messages, triggers, response URLs, uploaded
files) are the stand-in's bookkeeping for rules Slack enforces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

_TZ_LABELS = {
    "CET": "Central European Time",
    "CEST": "Central European Summer Time",
    "GMT": "Greenwich Mean Time",
    "BST": "British Summer Time",
    "UTC": "Coordinated Universal Time",
}


@dataclass
class User:
    id: str
    name: str
    team_id: str
    real_name: str
    email: str | None = None
    locale: str = "da-DK"
    tz: str = "Europe/Copenhagen"
    is_bot: bool = False
    bot_id: str | None = None
    app_id: str | None = None
    updated: int = 0

    def to_api(self, *, now: float, include_locale: bool = False) -> dict[str, Any]:
        """The `user` object of users.info / users.lookupByEmail."""
        local = datetime.fromtimestamp(now, ZoneInfo(self.tz))
        offset = local.utcoffset()
        abbreviation = local.tzname() or self.tz
        first, _, last = self.real_name.partition(" ")
        profile: dict[str, Any] = {
            "title": "",
            "phone": "",
            "skype": "",
            "real_name": self.real_name,
            "real_name_normalized": self.real_name,
            "display_name": self.name,
            "display_name_normalized": self.name,
            "fields": None,
            "status_text": "",
            "status_emoji": "",
            "status_expiration": 0,
            "avatar_hash": "g0000standin",
            "first_name": first,
            "last_name": last,
            "image_24": "https://a.slack-edge.com/standin/avatar-24.png",
            "image_48": "https://a.slack-edge.com/standin/avatar-48.png",
            "image_72": "https://a.slack-edge.com/standin/avatar-72.png",
            "team": self.team_id,
        }
        if self.email is not None:
            profile["email"] = self.email
        if self.is_bot:
            profile["bot_id"] = self.bot_id
            profile["api_app_id"] = self.app_id
            profile["always_active"] = True
        user: dict[str, Any] = {
            "id": self.id,
            "team_id": self.team_id,
            "name": self.name,
            "deleted": False,
            "color": "9f69e7",
            "real_name": self.real_name,
            "tz": self.tz,
            "tz_label": _TZ_LABELS.get(abbreviation, abbreviation),
            "tz_offset": int(offset.total_seconds()) if offset is not None else 0,
            "profile": profile,
            "is_admin": False,
            "is_owner": False,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": self.is_bot,
            "is_app_user": False,
            "updated": self.updated,
            "is_email_confirmed": self.email is not None,
            "who_can_share_contact_card": "EVERYONE",
        }
        if include_locale:
            user["locale"] = self.locale
        return user


@dataclass
class Ephemeral:
    """An ephemeral message: only `recipient` sees it, and Slack never stores it."""

    recipient: str
    message: dict[str, Any]
    source: str


@dataclass
class Channel:
    id: str
    name: str
    kind: str  # "channel", "private", "im" or "mpim"
    members: list[str]
    created: int
    team_id: str
    im_user: str | None = None
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    ephemerals: list[Ephemeral] = field(default_factory=list)

    @property
    def is_im(self) -> bool:
        return self.kind == "im"

    @property
    def display_name(self) -> str:
        """What slash-command payloads call `channel_name`."""
        if self.kind == "im":
            return "directmessage"
        if self.kind == "mpim":
            return "mpdm"
        return self.name

    def to_api(
        self, *, bot_user_id: str, include_locale: bool = False, include_num_members: bool = False
    ) -> dict[str, Any]:
        """The `channel` object of conversations.info."""
        if self.is_im:
            info: dict[str, Any] = {
                "id": self.id,
                "created": self.created,
                "is_archived": False,
                "is_im": True,
                "is_org_shared": False,
                "context_team_id": self.team_id,
                "updated": self.created * 1000,
                "user": self.im_user,
                "is_user_deleted": False,
                "priority": 0,
                "last_read": "0000000000.000000",
                "is_open": True,
            }
        else:
            info = {
                "id": self.id,
                "name": self.name,
                "is_channel": self.kind in ("channel", "private"),
                "is_group": False,
                "is_im": False,
                "is_mpim": self.kind == "mpim",
                "is_private": self.kind in ("private", "mpim"),
                "created": self.created,
                "is_archived": False,
                "is_general": self.name == "general",
                "unlinked": 0,
                "name_normalized": self.name,
                "is_shared": False,
                "is_org_shared": False,
                "is_pending_ext_shared": False,
                "pending_shared": [],
                "context_team_id": self.team_id,
                "updated": self.created * 1000,
                "parent_conversation": None,
                "creator": self.members[0] if self.members else "",
                "is_ext_shared": False,
                "shared_team_ids": [self.team_id],
                "pending_connected_team_ids": [],
                "is_member": bot_user_id in self.members,
                "last_read": "0000000000.000000",
                "topic": {"value": "", "creator": "", "last_set": 0},
                "purpose": {"value": "", "creator": "", "last_set": 0},
                "previous_names": [],
            }
        if include_locale:
            info["locale"] = "da-DK"
        if include_num_members:
            info["num_members"] = len(self.members)
        return info


@dataclass
class Trigger:
    user_id: str
    issued_at: float
    used: bool = False


@dataclass
class ResponseUrl:
    """Where a response_url's POSTs land: the conversation, user and (maybe) original message."""

    token: str
    channel_id: str | None
    user_id: str | None
    message_ts: str | None
    is_ephemeral: bool
    created_at: float
    uses: int = 0


@dataclass
class StoredFile:
    id: str
    name: str
    length: int
    upload_token: str
    title: str = ""
    content: bytes | None = None
    shared_to: list[str] = field(default_factory=list)
