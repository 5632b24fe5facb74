"""The Events API half of the driver, and the plumbing both halves share.

People typing, mentioning the bot, editing and joining channels reach the bot as events;
the driver first changes the stand-in (so history, permalinks and membership agree with
what the bot is told), then delivers the event. `SlackDriver` adds interactivity.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Literal, Self
from urllib.parse import quote_plus

from bot.standin.events import EventBuilder
from bot.standin.models import Channel, User
from bot.standin.payloads import PayloadBuilder
from bot.standin.server import SlackStandIn
from bot.standin.transport import FORM, DriverResult, Kind, Signing, Transport
from bot.standin.viewstate import DriverError, KnownIds


class EventsDriver:
    def __init__(
        self,
        standin: SlackStandIn,
        app_url: str | None = None,
        signing_secret: str = "",
        *,
        transport: Literal["http", "socket"] = "http",
        ack_timeout: float = 3.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """`clock` stamps signatures: it must be real time, as the bot checks it against its own.

        `ack_timeout` is how long the app may take to answer (Slack gives up after 3 s);
        past it the driver raises `AckTimeoutError`.
        """
        self.standin = standin
        self.events = EventBuilder(standin.workspace, standin.verification_token)
        self.payloads = PayloadBuilder(standin.workspace, standin.verification_token)
        self.transport = Transport(
            mode=transport,
            app_url=app_url,
            signing_secret=signing_secret,
            socket=standin.socket,
            ack_timeout=ack_timeout,
            clock=clock,
        )
        #: What each user picked in messages so far (Slack's client keeps this per user):
        #: (channel, ts, user) -> state values.
        self._message_state: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = {}

    async def close(self) -> None:
        await self.transport.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # -- events ------------------------------------------------------------------------

    async def user_message(
        self,
        user_id: str,
        channel_id: str | None,
        text: str,
        thread_ts: str | None = None,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """The user types `text`; `channel_id=None` means the user's DM with the bot."""
        user = self._user(user_id)
        channel = self._conversation(user, channel_id)
        message = self._store_user_message(user, channel, text, thread_ts)
        event = self.events.message_event(message, channel)
        return await self._event(event, Signing(sign, timestamp, signature))

    async def app_mention(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        thread_ts: str | None = None,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """Only the `app_mention` event; send `user_message` too to mimic both subscriptions."""
        user = self._user(user_id)
        channel = self._conversation(user, channel_id)
        if channel.is_im:
            raise DriverError("Slack sends no app_mention in DMs: use user_message")
        message = self._store_user_message(user, channel, text, thread_ts)
        event = self.events.message_event(message, channel, event_type="app_mention")
        return await self._event(event, Signing(sign, timestamp, signature))

    async def edit_message(
        self,
        user_id: str,
        channel_id: str | None,
        ts: str,
        text: str,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """The user edits their message: the store changes and `message_changed` is sent."""
        user = self._user(user_id)
        channel = self._conversation(user, channel_id)
        message = channel.messages.get(ts)
        if message is None or message.get("user") != user.id or "client_msg_id" not in message:
            raise DriverError(f"{user_id} typed no message {ts} in {channel.id}")
        event = self.events.edit(message, channel, text)
        return await self._event(event, Signing(sign, timestamp, signature))

    async def delete_message(
        self,
        user_id: str,
        channel_id: str | None,
        ts: str,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """The user deletes their message: it leaves the store and `message_deleted` is sent."""
        user = self._user(user_id)
        channel = self._conversation(user, channel_id)
        message = channel.messages.get(ts)
        if message is None or message.get("user") != user.id:
            raise DriverError(f"{user_id} has no message {ts} in {channel.id}")
        event = self.events.delete(message, channel)
        return await self._event(event, Signing(sign, timestamp, signature))

    async def channel_join(
        self,
        user_id: str,
        channel_id: str,
        *,
        inviter: str | None = None,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """The user joins: membership changes, and the `channel_join` message event is sent."""
        user, channel = self._join(user_id, channel_id)
        event = self.events.channel_join(user, channel, inviter)
        return await self._event(event, Signing(sign, timestamp, signature))

    async def member_joined_channel(
        self,
        user_id: str,
        channel_id: str,
        *,
        inviter: str | None = None,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """The user joins: membership changes, and `member_joined_channel` is sent."""
        user, channel = self._join(user_id, channel_id)
        event = self.events.member_joined_channel(user, channel, inviter)
        return await self._event(event, Signing(sign, timestamp, signature))

    async def bot_message(
        self,
        channel_id: str,
        text: str,
        *,
        bot_id: str = "B0OTHERBOT",
        username: str = "otherbot",
        thread_ts: str | None = None,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """Another app posts (subtype `bot_message`); the bot must not answer bots in a loop."""
        channel = self._channel(channel_id)
        event = self.events.bot_message(
            channel, bot_id=bot_id, username=username, text=text, thread_ts=thread_ts
        )
        return await self._event(event, Signing(sign, timestamp, signature))

    async def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """Any event in the Events API envelope; a retry keeps its `event_id`."""
        return await self._event(
            event, Signing(sign, timestamp, signature), event_id, retry_num, retry_reason
        )

    async def url_verification(self, challenge: str = "standin-challenge") -> DriverResult:
        """The check Slack makes when the Request URL is saved (HTTP only)."""
        if self.transport.mode != "http":
            raise DriverError("url_verification only exists for HTTP Request URLs")
        token = self.standin.verification_token
        payload = {"token": token, "type": "url_verification", "challenge": challenge}
        return await self.transport.send("events_api", payload)

    async def post_raw(
        self,
        body: bytes,
        content_type: str,
        *,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
    ) -> DriverResult:
        """Deliver a body as it is (e.g. a recorded payload), signed afresh; no ack applied."""
        return await self.transport.post(
            body, content_type, Signing(sign, timestamp, signature), retry_num, retry_reason
        )

    async def post_json(
        self,
        value: Any,
        *,
        interactive: bool = False,
        sign: bool = True,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResult:
        """Deliver any JSON value as Slack's body — the JSON body of an event (or of a slash
        command), or with `interactive` the form's `payload` field — signed afresh; no ack
        applied. Every character travels as an ASCII escape, so what Slack would never send
        (a lone surrogate, `null` where Slack sends text, an array) arrives as it is."""
        text = json.dumps(value)
        if interactive:
            return await self.post_raw(
                f"payload={quote_plus(text)}".encode(),
                FORM,
                sign=sign,
                timestamp=timestamp,
                signature=signature,
            )
        return await self.post_raw(
            text.encode(), "application/json", sign=sign, timestamp=timestamp, signature=signature
        )

    # -- shared helpers ----------------------------------------------------------------

    async def _event(
        self,
        event: dict[str, Any],
        signing: Signing,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
    ) -> DriverResult:
        envelope = self.events.envelope(event, event_id=event_id)
        return await self.transport.send(
            "events_api", envelope, signing=signing, retry_num=retry_num, retry_reason=retry_reason
        )

    async def _send(
        self,
        kind: Kind,
        payload: dict[str, Any],
        sign: bool,
        timestamp: int | None,
        signature: str | None,
    ) -> DriverResult:
        return await self.transport.send(kind, payload, signing=Signing(sign, timestamp, signature))

    def _user(self, user_id: str) -> User:
        user = self.standin.workspace.users.get(user_id)
        if user is None:
            raise DriverError(f"no user {user_id} in the stand-in: add_user() first")
        return user

    def _channel(self, channel_id: str) -> Channel:
        channel = self.standin.workspace.channels.get(channel_id)
        if channel is None:
            raise DriverError(f"no channel {channel_id} in the stand-in: add_channel() first")
        return channel

    def _conversation(self, user: User, channel_id: str | None) -> Channel:
        """`channel_id`, which the user must be in; None is the user's DM with the bot."""
        if channel_id is None:
            return self.standin.workspace.open_im(user.id)[0]
        channel = self._channel(channel_id)
        if user.id not in channel.members:
            raise DriverError(f"{user.id} is not a member of {channel_id}")
        return channel

    def _join(self, user_id: str, channel_id: str) -> tuple[User, Channel]:
        user = self._user(user_id)
        channel = self._channel(channel_id)
        if user.id not in channel.members:
            channel.members.append(user.id)
        return user, channel

    def _store_user_message(
        self, user: User, channel: Channel, text: str, thread_ts: str | None
    ) -> dict[str, Any]:
        message = self.events.user_message(user=user, text=text, thread_ts=thread_ts)
        return self.standin.workspace.store_message(channel, message, thread_ts=thread_ts)

    def _known_ids(self) -> KnownIds:
        ws = self.standin.workspace
        return KnownIds(set(ws.users), set(ws.channels))
