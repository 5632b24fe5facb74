"""The stand-in's workspace: users, channels, DMs, messages, files, triggers, response URLs.

Plain in-memory state with no HTTP in it, so the Web API methods, the driver and the tests
all read and change the same model, and what a test sees is what the bot was told.
Shapes follow Slack's (message dicts as `conversations.history` returns them).
"""

from __future__ import annotations

import copy
import secrets
import string
from collections.abc import Callable, Iterable
from typing import Any
from zoneinfo import ZoneInfo

from bot.standin.models import Channel, Ephemeral, ResponseUrl, StoredFile, Trigger, User

TRIGGER_TTL_SECONDS = 3.0
RESPONSE_URL_TTL_SECONDS = 30 * 60.0
RESPONSE_URL_MAX_USES = 5
_BLOCK_ID_ALPHABET = string.ascii_letters + string.digits


def assign_block_ids(blocks: Iterable[Any]) -> list[Any]:
    """A copy with a block_id on every block, as Slack adds one to blocks sent without."""
    result = copy.deepcopy(list(blocks))
    used = {b["block_id"] for b in result if isinstance(b, dict) and "block_id" in b}
    for block in result:
        if isinstance(block, dict) and "block_id" not in block:
            block_id = _random_block_id()
            while block_id in used:
                block_id = _random_block_id()
            used.add(block_id)
            block["block_id"] = block_id
    return result


def _random_block_id() -> str:
    return "".join(secrets.choice(_BLOCK_ID_ALPHABET) for _ in range(4))


def ts_key(ts: str) -> tuple[int, int]:
    """A message ts ("seconds.micros") as numbers, so "9.5" sorts before "10.0"."""
    seconds, _, micros = ts.partition(".")
    return int(seconds or 0), int((micros or "0").ljust(6, "0")[:6])


class Workspace:
    """All state of the stand-in's one workspace."""

    def __init__(
        self,
        *,
        team_id: str,
        team_domain: str,
        team_name: str,
        bot_user_id: str,
        bot_id: str,
        app_id: str,
        bot_name: str,
        clock: Callable[[], float],
    ) -> None:
        self.team_id = team_id
        self.team_domain = team_domain
        self.team_name = team_name
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self.bot_name = bot_name
        self.clock = clock
        self.users: dict[str, User] = {}
        self.channels: dict[str, Channel] = {}
        self.files: dict[str, StoredFile] = {}
        self.triggers: dict[str, Trigger] = {}
        self.response_urls: dict[str, ResponseUrl] = {}
        self._ims: dict[str, str] = {}
        self._counters: dict[str, int] = {}
        self._last_ts_us = 0
        self.add_user(bot_user_id, bot_name, real_name=bot_name.capitalize(), is_bot=True)

    # -- users and channels ------------------------------------------------------------

    def add_user(
        self,
        user_id: str,
        name: str,
        *,
        real_name: str | None = None,
        email: str | None = None,
        locale: str = "da-DK",
        tz: str = "Europe/Copenhagen",
        is_bot: bool = False,
    ) -> User:
        ZoneInfo(tz)  # an unknown zone fails here, not in the middle of users.info
        user = User(
            id=user_id,
            name=name,
            team_id=self.team_id,
            real_name=real_name if real_name is not None else name,
            email=email,
            locale=locale,
            tz=tz,
            is_bot=is_bot,
            bot_id=self.bot_id if user_id == self.bot_user_id else None,
            app_id=self.app_id if user_id == self.bot_user_id else None,
            updated=int(self.clock()),
        )
        self.users[user_id] = user
        return user

    def add_channel(
        self, channel_id: str, name: str, *, members: Iterable[str] = (), private: bool = False
    ) -> Channel:
        member_list = list(dict.fromkeys([*members, self.bot_user_id]))
        channel = Channel(
            id=channel_id,
            name=name,
            kind="private" if private else "channel",
            members=member_list,
            created=int(self.clock()),
            team_id=self.team_id,
        )
        self.channels[channel_id] = channel
        return channel

    def open_im(self, user_id: str) -> tuple[Channel, bool]:
        """The bot's DM with `user_id`, created on first use; True when it already existed."""
        existing = self._ims.get(user_id)
        if existing is not None:
            return self.channels[existing], True
        channel = Channel(
            id=self.new_id("D"),
            name=user_id,
            kind="im",
            members=[user_id, self.bot_user_id],
            created=int(self.clock()),
            team_id=self.team_id,
            im_user=user_id,
        )
        self.channels[channel.id] = channel
        self._ims[user_id] = channel.id
        return channel, False

    def open_mpim(self, user_ids: list[str]) -> tuple[Channel, bool]:
        members = sorted({*user_ids, self.bot_user_id})
        for channel in self.channels.values():
            if channel.kind == "mpim" and sorted(channel.members) == members:
                return channel, True
        names = "--".join(self.users[u].name for u in members)
        channel = Channel(
            id=self.new_id("G"),
            name=f"mpdm-{names}-1",
            kind="mpim",
            members=members,
            created=int(self.clock()),
            team_id=self.team_id,
        )
        self.channels[channel.id] = channel
        return channel, False

    def im_of(self, user_id: str) -> Channel | None:
        channel_id = self._ims.get(user_id)
        return self.channels[channel_id] if channel_id is not None else None

    def resolve_channel(self, channel_or_user: str) -> Channel | None:
        """A channel by id; a user id means the bot's DM with that user, as in chat.postMessage."""
        channel = self.channels.get(channel_or_user)
        if channel is not None:
            return channel
        if channel_or_user in self.users and channel_or_user != self.bot_user_id:
            return self.open_im(channel_or_user)[0]
        return None

    def canonical_channel(self, channel_or_user: str) -> str:
        """The channel id a user id would post to, without creating a DM (for rate limits)."""
        return self._ims.get(channel_or_user, channel_or_user)

    # -- ids and timestamps ------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        count = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = count
        return f"{prefix}0SI{count:07d}"

    def next_ts(self) -> str:
        """A message ts: Slack's "seconds.micro" string, unique and increasing."""
        now_us = int(self.clock() * 1_000_000)
        self._last_ts_us = max(now_us, self._last_ts_us + 100)
        seconds, micros = divmod(self._last_ts_us, 1_000_000)
        return f"{seconds}.{micros:06d}"

    # -- messages ----------------------------------------------------------------------

    def bot_profile(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "app_id": self.app_id,
            "name": self.bot_name,
            "icons": {"image_36": "https://a.slack-edge.com/standin/bot-36.png"},
            "deleted": False,
            "updated": int(self.clock()),
            "team_id": self.team_id,
        }

    def new_bot_message(
        self, text: str | None, blocks: list[Any] | None, attachments: list[Any] | None
    ) -> dict[str, Any]:
        """A message from the bot, shaped as Slack stores it (without ts yet)."""
        message: dict[str, Any] = {
            "user": self.bot_user_id,
            "type": "message",
            "ts": "",
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            # Slack's own fallback when a message has only blocks.
            "text": text if text else ("This content can't be displayed." if blocks else ""),
            "team": self.team_id,
            "bot_profile": self.bot_profile(),
        }
        if blocks:
            message["blocks"] = assign_block_ids(blocks)
        if attachments:
            message["attachments"] = copy.deepcopy(attachments)
        return message

    def store_message(
        self, channel: Channel, message: dict[str, Any], *, thread_ts: str | None = None
    ) -> dict[str, Any]:
        """Give the message a ts, file it (and its thread bookkeeping) in the channel."""
        message["ts"] = self.next_ts()
        if thread_ts:
            message["thread_ts"] = thread_ts
            parent = channel.messages.get(thread_ts)
            if parent is not None:
                message["parent_user_id"] = parent.get("user", "")
                parent["thread_ts"] = thread_ts
                parent["reply_count"] = parent.get("reply_count", 0) + 1
                users = parent.setdefault("reply_users", [])
                if message.get("user") and message["user"] not in users:
                    users.append(message["user"])
                parent["reply_users_count"] = len(users)
                parent["latest_reply"] = message["ts"]
        channel.messages[message["ts"]] = message
        return message

    def add_ephemeral(
        self,
        channel: Channel,
        recipient: str,
        message: dict[str, Any],
        *,
        source: str,
        thread_ts: str | None = None,
    ) -> dict[str, Any]:
        message["ts"] = self.next_ts()
        if thread_ts:
            message["thread_ts"] = thread_ts
        channel.ephemerals.append(Ephemeral(recipient, message, source))
        return message

    def find_ephemeral(self, channel_id: str, ts: str) -> Ephemeral | None:
        channel = self.channels.get(channel_id)
        if channel is None:
            return None
        return next((e for e in channel.ephemerals if e.message["ts"] == ts), None)

    def find_message(self, channel_id: str, ts: str) -> dict[str, Any] | None:
        channel = self.channels.get(channel_id)
        return channel.messages.get(ts) if channel is not None else None

    def timeline(self, channel: Channel) -> list[dict[str, Any]]:
        """The channel's history as `conversations.history` sees it, newest first: thread
        parents and broadcasts, but not replies that stay in their thread. The stored
        dicts themselves (metadata included): the caller copies what it hands out."""
        shown = [
            m
            for m in channel.messages.values()
            if m.get("thread_ts") in (None, m["ts"]) or m.get("subtype") == "thread_broadcast"
        ]
        return sorted(shown, key=lambda m: ts_key(m["ts"]), reverse=True)

    # -- triggers and response URLs ----------------------------------------------------

    def issue_trigger(self, user_id: str) -> str:
        """A trigger_id like Slack's ("<ms>.<team number>.<32 hex>"), valid for 3 s, once."""
        now = self.clock()
        trigger_id = f"{int(now * 1000)}.{sum(map(ord, self.team_id))}.{secrets.token_hex(16)}"
        self.triggers[trigger_id] = Trigger(user_id=user_id, issued_at=now)
        return trigger_id

    def exchange_trigger(self, trigger_id: str | None) -> tuple[Trigger | None, str | None]:
        """The trigger and None, or None and Slack's error for an unusable trigger_id."""
        trigger = self.triggers.get(trigger_id or "")
        if trigger is None:
            return None, "invalid_trigger_id"
        if trigger.used:
            return None, "exchanged_trigger_id"
        if self.clock() - trigger.issued_at > TRIGGER_TTL_SECONDS:
            return None, "expired_trigger_id"
        trigger.used = True
        return trigger, None

    def register_response_url(
        self,
        *,
        user_id: str | None = None,
        channel_id: str | None = None,
        message_ts: str | None = None,
        is_ephemeral: bool = False,
    ) -> ResponseUrl:
        entry = ResponseUrl(
            token=secrets.token_urlsafe(18),
            channel_id=channel_id,
            user_id=user_id,
            message_ts=message_ts,
            is_ephemeral=is_ephemeral,
            created_at=self.clock(),
        )
        self.response_urls[entry.token] = entry
        return entry

    def response_url_problem(self, entry: ResponseUrl) -> str | None:
        if entry.uses >= RESPONSE_URL_MAX_USES:
            return "used_url"
        if self.clock() - entry.created_at > RESPONSE_URL_TTL_SECONDS:
            return "expired_url"
        return None
