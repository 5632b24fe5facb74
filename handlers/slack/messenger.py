"""Slack's Messenger: the core's `bot.ports.Messenger` over slack-sdk's Web API client.

A person becomes a Slack user id in one place (`SlackPeople`); a conversation is a channel
id and a message its `ts`. Every failed call leaves as a neutral error
(`handlers.slack.failures`).

Exactly once: a tagged post carries Slack *message metadata* (the tag's kind as
`event_type`, its ids as `event_payload`) and goes through a client that does not repeat it
inside the call after a timeout or a dropped connection (`careful_client`), so a post whose
answer was lost is looked up (`tagged`: `conversations.history` with
`include_all_metadata`) instead of sent twice. The look-up is bounded by messages, not by
time: a clock that disagrees with Slack's would miss the post, and a lost post is always
among a conversation's newest. Reading a DM needs `im:history`, a channel
`channels:history` / `groups:history` (all in the manifest).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.domain.refs import ConversationRef, MessageRef, Platform
from bot.ports import (
    TAG_WINDOW,
    DeliveryFailed,
    Form,
    Gone,
    Message,
    Person,
    Tag,
    Tagged,
)
from bot.services import identities
from bot.views import model
from bot.views.text import MENTION
from handlers.slack import render, render_form
from handlers.slack.client import careful_client, impatient_client
from handlers.slack.failures import neutral
from handlers.slack.text import slack_text
from storage.db import Database

logger = logging.getLogger(__name__)

#: Messages read per `conversations.history` call.
HISTORY_PAGE = 100
#: A person's Slack user id, from the bot's person id.
SlackPeople = Callable[[Person], Awaitable[str]]


def slack_people(db: Database) -> SlackPeople:
    """The one place a person becomes a Slack user id: their Slack identity. Someone
    without a Slack identity cannot be reached in Slack: `Gone`."""

    async def slack_id(person: Person) -> str:
        found = await identities.external_id(db, "slack", person)
        if found is None:
            raise Gone("no_slack_identity")
        return found

    return slack_id


class SlackMessenger:
    """Posts, updates and looks up the bot's messages in Slack (see the module docstring)."""

    platform: Platform = "slack"

    def __init__(self, client: AsyncWebClient, people: SlackPeople, *, paced: bool = False) -> None:
        #: The bot's Web API client (retrying 429, 5xx and connection errors inside a call).
        #: The variants below are copied from it at each call, so they follow its settings.
        self.client = client
        self._people = people
        self._paced = paced

    def paced(self) -> SlackMessenger:
        """The same, but a 429 comes back at once as `RateLimited` instead of being waited
        out inside the call: for the dispatcher, which paces itself."""
        return SlackMessenger(self.client, self._people, paced=True)

    def _client(self, *, tagged: bool = False) -> AsyncWebClient:
        """The client for one call: careful for a tagged post (not repeated after a timeout
        or a dropped connection), impatient when paced."""
        client = careful_client(self.client) if tagged else self.client
        return impatient_client(client) if self._paced else client

    async def post(
        self,
        where: ConversationRef,
        message: Message,
        *,
        thread: MessageRef | None = None,
        tag: Tag | None = None,
    ) -> MessageRef:
        thread_ts = (thread.thread_id or thread.message_id) if thread is not None else None
        with neutral():
            response = await self._client(tagged=tag is not None).chat_postMessage(
                channel=where.conversation_id,
                thread_ts=thread_ts,
                metadata=_metadata(tag),
                **await self.payload(message),
            )
        return MessageRef("slack", str(response["channel"]), str(response["ts"]), thread_ts)

    async def update(self, ref: MessageRef, message: Message) -> None:
        with neutral():
            await self._client().chat_update(
                channel=ref.conversation_id, ts=ref.message_id, **await self.payload(message)
            )

    async def delete(self, ref: MessageRef) -> None:
        with neutral():
            await self._client().chat_delete(channel=ref.conversation_id, ts=ref.message_id)

    async def send_privately(
        self, person: Person, message: Message, *, tag: Tag | None = None
    ) -> MessageRef:
        # A user id as the channel posts in the bot's DM with them (opened if need be).
        user = await self._people(person)
        return await self.post(ConversationRef("slack", user), message, tag=tag)

    async def tell(
        self,
        person: Person,
        where: ConversationRef | None,
        message: Message,
        *,
        thread: MessageRef | None = None,
    ) -> None:
        """Ephemeral in `where` (in `thread`); a DM when there is none or Slack refuses the
        ephemeral (the bot is not in the channel, a DM between two other people)."""
        user = await self._people(person)
        if where is not None:
            thread_ts = (thread.thread_id or thread.message_id) if thread is not None else None
            try:
                with neutral():
                    await self._client().chat_postEphemeral(
                        channel=where.conversation_id,
                        user=user,
                        thread_ts=thread_ts,
                        **await self.payload(message),
                    )
                return
            except DeliveryFailed as failure:
                logger.info("ephemeral reply failed, sending a DM error=%s", failure.reason)
        await self.post(ConversationRef("slack", user), message)

    async def link(self, ref: MessageRef) -> str | None:
        with neutral():
            found = await self._client().chat_getPermalink(
                channel=ref.conversation_id, message_ts=ref.message_id
            )
        link = found.get("permalink")
        return str(link) if link else None

    async def text_of(self, ref: MessageRef) -> str | None:
        """`conversations.replies` with the message's own ts answers the message first."""
        try:
            with neutral():
                found = await self._client().conversations_replies(
                    channel=ref.conversation_id, ts=ref.message_id, limit=1
                )
        except DeliveryFailed as failure:
            logger.info("message not read error=%s", failure.reason)
            return None
        messages = found.get("messages") or []
        return slack_text(messages[0].get("text")) if messages else None

    async def payload(self, message: Message) -> dict[str, Any]:
        """Block Kit for a neutral message, each person it mentions as their Slack id; a
        dict is already Slack's payload."""
        if isinstance(message, dict):
            return message
        return render.message(message, await self._mentions(message))

    async def view(self, form: Form) -> dict[str, Any]:
        if isinstance(form, dict):
            return form
        return render_form.modal(form, await self._mentions(form))

    async def home(self, page: model.HomePage) -> dict[str, Any]:
        """The home tab's view for a neutral home page, mentions as Slack ids."""
        return render.home(page, await self._mentions(page))

    async def publish_home(self, person: Person, page: model.HomePage) -> None:
        user = await self._people(person)
        with neutral():
            await self._client().views_publish(user_id=user, view=await self.home(page))

    async def _mentions(self, view: model.Message | model.Form | model.HomePage) -> dict[str, str]:
        """The Slack user id of each person a mention token names by their person id."""
        named = {token["person"] for text in _texts(view) for token in MENTION.finditer(text)}
        if isinstance(view, model.Form):
            named |= {
                str(person)
                for part in view.parts
                if isinstance(part, model.PeopleField)
                for person in part.initial
            }
        return {
            person: await self._people(int(person)) for person in sorted(named) if person.isdigit()
        }

    async def open_form(self, trigger: str, form: Form) -> None:
        with neutral():
            await self._client().views_open(trigger_id=trigger, view=await self.view(form))

    async def upload_file(
        self,
        person: Person,
        content: bytes | str,
        filename: str,
        title: str,
        *,
        comment: str | None = None,
    ) -> None:
        where = await self.private_conversation(person)
        await self._upload(where, content, filename, title, comment)

    async def share_file(
        self, where: ConversationRef, content: bytes | str, filename: str, title: str
    ) -> None:
        await self._upload(where, content, filename, title, None)

    async def _upload(
        self,
        where: ConversationRef,
        content: bytes | str,
        filename: str,
        title: str,
        comment: str | None,
    ) -> None:
        # Text goes as `content` (a snippet Slack can preview), bytes as a `file`.
        data: dict[str, Any] = (
            {"file": content} if isinstance(content, bytes) else {"content": content}
        )
        with neutral():
            await self._client().files_upload_v2(
                channel=where.conversation_id,
                filename=filename,
                title=title,
                initial_comment=comment,
                **data,
            )

    async def private_conversation(self, person: Person) -> ConversationRef:
        """The DM's own id (`D…`), which `conversations.history` wants; `conversations.open`
        opens nothing new when the DM exists. A conversation id in place of a person (a
        reminder to the DM someone wrote in) is that conversation."""
        user = await self._people(person)
        if not user.startswith(("U", "W")):
            return ConversationRef("slack", user)
        with neutral():
            response = await self._client().conversations_open(users=user)
        return ConversationRef("slack", str(response["channel"]["id"]))

    async def tagged(
        self, where: ConversationRef, kind: str, *, window: int = TAG_WINDOW
    ) -> AsyncIterator[Tagged]:
        """Pages of `HISTORY_PAGE`, newest first, so the usual case — the lost post is the
        newest message — is one call."""
        cursor: str | None = None
        seen = 0
        while seen < window:
            with neutral():
                response = await self._client().conversations_history(
                    channel=where.conversation_id,
                    include_all_metadata=True,
                    limit=min(HISTORY_PAGE, window - seen),
                    cursor=cursor,
                )
            messages = response.get("messages") or []
            for found in messages:
                metadata = found.get("metadata") or {}
                if metadata.get("event_type") != kind:
                    continue
                payload = metadata.get("event_payload") or {}
                ref = MessageRef(
                    "slack", where.conversation_id, str(found["ts"]), found.get("thread_ts")
                )
                yield Tagged(ref, {str(k): str(v) for k, v in payload.items()})
            seen += len(messages)
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if not messages or not response.get("has_more") or cursor is None:
                return


def _metadata(tag: Tag | None) -> dict[str, Any] | None:
    """Slack's message metadata for a tag: ids only, never personal text."""
    if tag is None:
        return None
    return {"event_type": tag.kind, "event_payload": dict(tag.payload)}


def _texts(node: object) -> Iterator[str]:
    """Every text in a neutral message or form (its dataclasses, tuples and mappings)."""
    if isinstance(node, str):
        yield node
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for item in dataclasses.fields(node):
            yield from _texts(getattr(node, item.name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from _texts(item)
