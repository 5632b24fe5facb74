"""Where a message lives, in words every front end understands.

The core stores and passes these; only a front end knows what they mean on its platform
(in Slack a conversation is a channel id and a message is its `ts`; in Teams a conversation
id and an activity id).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Platform = Literal["slack", "teams", "console"]
PLATFORMS: tuple[Platform, ...] = ("slack", "teams", "console")


@dataclass(frozen=True)
class ConversationRef:
    """A place to post: a channel, a group chat or a person's 1:1 chat with the bot."""

    platform: Platform
    conversation_id: str


@dataclass(frozen=True)
class MessageRef:
    """A message the bot sent or read. `thread_id` is the message that starts its thread
    (None for a message that is not in a thread)."""

    platform: Platform
    conversation_id: str
    message_id: str
    thread_id: str | None = None

    @property
    def conversation(self) -> ConversationRef:
        return ConversationRef(self.platform, self.conversation_id)
