"""A sparring question: a colleague asks the network, and the right ambassadors hear it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.guides import Tool
from bot.domain.org import Area, Daycare, Person


@dataclass(frozen=True)
class Question:
    id: int
    asker_slack_id: str
    text: str
    created_at: str
    area: Area | None = None
    daycare: Daycare | None = None
    tool: Tool | None = None


@dataclass(frozen=True)
class Routing:
    """Where a question goes: the sparring channel (or, with none set, the recipients' DMs)."""

    question: Question
    channel_id: str | None
    #: The area's ambassadors; or every ambassador and the coordinator when the area has none.
    recipients: tuple[Person, ...]
    #: The asker's area has no ambassador: counted as a gap in the network.
    area_without_ambassador: bool
    #: False when the same submission arrived before: nothing new to post.
    created: bool = True
