"""What a person did, as every handler sees it, whatever the chat platform.

A front end reads its platform's request once (for Slack: `handlers.slack.edge`) and hands
the handler one of these values: a command typed, a button clicked or a menu option chosen,
a form sent, a message written, edited or deleted, a message shortcut, the home page
opened. Each carries the acting person, their language and, where the person may be shown
a form next, the trigger to open it with — an opaque token only the front end reads. So a
handler never looks inside a platform's payload, and the same handler serves any front end.

The acting person is `person`, the bot's own id for them. `external_id` is their id on the
platform the request came from, for what still takes that id: the platform's own calls the
handlers make and the services not yet keyed by person id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.domain.refs import ConversationRef, MessageRef, Platform


@dataclass(frozen=True)
class Command:
    """A slash command (`/tovholder hjælp`): `name` with its slash, `text` as typed
    (the platform's escaping undone), `where` the conversation it was typed in."""

    person: int
    external_id: str
    name: str
    text: str
    where: ConversationRef | None
    trigger: str
    lang: str


@dataclass(frozen=True)
class Click:
    """A button clicked or an option chosen (a menu's option arrives as its value).

    `message` is the message the button was on (None on the home page or in a form), and
    `ephemeral` says it was shown to the clicker only (it cannot be updated for everyone);
    `where` is its conversation. `block_id` names the part of the message clicked in."""

    person: int
    external_id: str
    action_id: str
    value: str
    message: MessageRef | None
    where: ConversationRef | None
    trigger: str
    lang: str
    ephemeral: bool = False
    block_id: str | None = None
    on_home: bool = False


@dataclass(frozen=True)
class Submission:
    """A form sent: `form` is its id (the callback id it was opened with), `values` field
    id → value (text, a chosen option's value, a list for multiple choice, None when left
    empty), `metadata` what the form was opened with, `form_id` the opened form itself (the
    same when a form is sent twice)."""

    person: int
    external_id: str
    form: str
    values: Mapping[str, Any]
    metadata: Mapping[str, Any]
    form_id: str
    lang: str


@dataclass(frozen=True)
class ChatMessage:
    """A message a person wrote where the bot reads along (a bot's messages are none).

    `text` is as typed, mentions included; `addressed` the same without the mentions, for
    reading what was said to the bot. `direct` is a 1:1 chat with the bot; `mentions_bot`
    says the bot was mentioned."""

    person: int
    external_id: str
    text: str
    addressed: str
    message: MessageRef
    lang: str
    direct: bool = False
    mentions_bot: bool = False


@dataclass(frozen=True)
class MessageChange:
    """A message edited after it was written — `text` as it reads now, `external_id` its
    author's id on the platform, `from_bot` for a bot's — or deleted (no author, no text).

    It carries no person id and no language: the platform does not name the one who edits
    in a way the front end resolves before the handler runs."""

    message: MessageRef
    external_id: str | None
    text: str = ""
    from_bot: bool = False

    @property
    def deleted(self) -> bool:
        return self.external_id is None


@dataclass(frozen=True)
class Shortcut:
    """A message shortcut ("Gem som testresultat") used on `message`, whose text is
    `text` (as typed)."""

    person: int
    external_id: str
    name: str
    message: MessageRef
    text: str
    trigger: str
    lang: str


@dataclass(frozen=True)
class HomeOpened:
    """The person opened the bot's home page."""

    person: int
    external_id: str
    lang: str


def as_int(value: object) -> int | None:
    """A number a click's value or a form's field carries (ids travel as text), or None."""
    return int(value) if isinstance(value, str) and value.isdigit() else None


def conversation_id(where: ConversationRef | None) -> str | None:
    """The id of `where`, for a form's metadata (plain values only), or None."""
    return where.conversation_id if where is not None else None


def opened_in(submission: Submission, platform: Platform) -> ConversationRef | None:
    """The conversation the form was opened from (the `channel` its metadata was given), where
    the person is answered privately after sending it; None from a DM-less place."""
    channel = submission.metadata.get("channel")
    return ConversationRef(platform, channel) if isinstance(channel, str) and channel else None
