"""Results written in the test channel: what to do with a message there.

Ambassadors write as they talk. A message tagged `#test` / `#afprøvning` that names a tool
is saved at once; anything else that reads like a result is offered ("save as result for
<tool>?"), because a message is never saved silently under a guessed tool. A message by
someone who does not run tool tests is left alone, unless they tagged it — then they are
told why it was not saved. A message with a CPR number in it is neither saved nor offered:
its author is asked to edit it (`cpr`, with the numbers masked), and it is read anew then.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from bot.domain.tool_tests import Result, ResultDraft
from bot.services.guides import list_tools
from bot.services.permissions import Action, person_can
from bot.services.privacy import cpr_in
from bot.services.result_text import ReadMessage, read_message
from bot.services.workspace_settings import current
from storage.db import Database

Decision = Literal["save", "offer", "refuse", "ignore", "cpr"]


@dataclass(frozen=True)
class ChannelMessage:
    decision: Decision
    read: ReadMessage | None = None
    #: For "cpr": the numbers found, masked (`230415-XXXX`).
    masked: tuple[str, ...] = ()


async def is_test_channel(db: Database, channel_id: str | None) -> bool:
    return bool(channel_id) and (await current(db)).get("test_channel") == channel_id


async def read(db: Database, text: str) -> ReadMessage:
    return read_message(text, await list_tools(db))


async def decide(db: Database, channel_id: str | None, user_id: str, text: str) -> ChannelMessage:
    if not await is_test_channel(db, channel_id):
        return ChannelMessage("ignore")
    found = await read(db, text)
    if not (found.tagged or found.looks_like_result):
        return ChannelMessage("ignore", found)
    if not await person_can(db, user_id, Action.RUN_TOOL_TESTS):
        return ChannelMessage("refuse" if found.tagged else "ignore", found)
    cpr = cpr_in(text=text)
    if cpr:
        return ChannelMessage("cpr", found, cpr["text"])
    if found.tagged and found.tool is not None:
        return ChannelMessage("save", found)
    return ChannelMessage("offer", found)


def draft_from(
    found: ReadMessage,
    tool_id: int,
    today: date,
    *,
    channel_id: str,
    message_ts: str,
    permalink: str | None,
) -> ResultDraft:
    """A result from a message: the text as "what worked", the rating and advice it gave."""
    return ResultDraft(
        tool_id=tool_id,
        tested_on=today,
        rating=found.rating,
        recommendation=found.recommendation,
        worked=found.text,
        source="channel",
        channel_id=channel_id,
        message_ts=message_ts,
        permalink=permalink,
    )


def edited_draft(result: Result, found: ReadMessage) -> ResultDraft:
    """An edited message updates its result: new text, and what it now says, where it says it."""
    return replace(
        result.draft,
        tool_id=found.tool.id if found.tool is not None else result.draft.tool_id,
        rating=found.rating if found.rating is not None else result.draft.rating,
        recommendation=found.recommendation or result.draft.recommendation,
        worked=found.text,
    )
