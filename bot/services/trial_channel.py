"""Results written in the test channel: what to do with a message there.

Ambassadors write as they talk. A message tagged `#test` / `#afprøvning` that names a tool
is saved at once; anything else that reads like a result is offered ("save as result for
<tool>?"), because a message is never saved silently under a guessed tool. A message by
someone who does not run tool tests is left alone, unless they tagged it — then they are
told why it was not saved. A message with a CPR number in it is neither saved nor offered:
its author is asked to edit it (`cpr`, with the numbers masked), and it is read anew then.

A result read from a message counts like one from the modal: it belongs to its author's
running test of the tool (when that is one test, or one of several that covers the daycare
named), and to the daycare the text names — or else that test's only daycare — so the pulse
counts it in its area. "6 børn" and "25 min" go into their fields.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from bot.domain.refs import ConversationRef, MessageRef
from bot.domain.tool_tests import Result, ResultDraft, Source
from bot.services.guides import list_tools
from bot.services.network import snapshot
from bot.services.permissions import Action, person_can
from bot.services.privacy import cpr_in
from bot.services.result_text import ReadMessage, read_message
from bot.services.tool_tests import CHILDREN_MAX, MINUTES_MAX, get_test, running_tests
from bot.services.workspace_settings import current
from storage.db import Database

Decision = Literal["save", "offer", "refuse", "ignore", "cpr"]


@dataclass(frozen=True)
class ChannelMessage:
    decision: Decision
    read: ReadMessage | None = None
    #: For "cpr": the numbers found, masked (`230415-XXXX`).
    masked: tuple[str, ...] = ()


async def is_test_channel(db: Database, where: ConversationRef | None) -> bool:
    """The conversation the settings name as the test channel (`test_channel`, a
    conversation id of the platform the bot runs on)."""
    return (
        where is not None
        and bool(where.conversation_id)
        and (await current(db)).get("test_channel") == where.conversation_id
    )


async def read(db: Database, text: str) -> ReadMessage:
    """The message read against the tool catalogue and the organisation's daycares."""
    return read_message(text, await list_tools(db), (await snapshot(db)).daycares)


async def decide(
    db: Database, where: ConversationRef | None, person_id: int, text: str
) -> ChannelMessage:
    if not await is_test_channel(db, where):
        return ChannelMessage("ignore")
    found = await read(db, text)
    if not (found.tagged or found.looks_like_result):
        return ChannelMessage("ignore", found)
    if not await person_can(db, person_id, Action.RUN_TOOL_TESTS):
        return ChannelMessage("refuse" if found.tagged else "ignore", found)
    cpr = cpr_in(text=text)
    if cpr:
        return ChannelMessage("cpr", found, cpr["text"])
    if found.tagged and found.tool is not None:
        return ChannelMessage("save", found)
    return ChannelMessage("offer", found)


def _within(value: int | None, high: int) -> int | None:
    """A number read from text, if the form would take it (else the modal asks for it)."""
    return value if value is not None and 0 <= value <= high else None


async def draft_from(
    db: Database,
    found: ReadMessage,
    tool_id: int,
    author_id: int,
    today: date,
    *,
    message: MessageRef,
    link: str | None,
    source: Source = "channel",
) -> ResultDraft:
    """A result from a message: the text as "what worked", the rating, advice, children,
    minutes and daycare it gave, linked to the author's running test of the tool."""
    draft = ResultDraft(
        tool_id=tool_id,
        tested_on=today,
        daycare_id=found.daycare.id if found.daycare else None,
        children=_within(found.children, CHILDREN_MAX),
        rating=found.rating,
        recommendation=found.recommendation,
        worked=found.text,
        minutes_spent=_within(found.minutes, MINUTES_MAX),
        source=source,
        message=message,
        link=link,
    )
    return await _linked(db, draft, author_id)


async def edited_draft(db: Database, result: Result, found: ReadMessage) -> ResultDraft:
    """An edited message updates its result: new text, and what it now says, where it says it
    (a changed tool is linked to the author's test of that tool instead)."""
    draft = replace(
        result.draft,
        tool_id=found.tool.id if found.tool is not None else result.draft.tool_id,
        rating=found.rating if found.rating is not None else result.draft.rating,
        recommendation=found.recommendation or result.draft.recommendation,
        worked=found.text,
        daycare_id=found.daycare.id if found.daycare else result.draft.daycare_id,
        children=_within(found.children, CHILDREN_MAX) or result.draft.children,
        minutes_spent=_within(found.minutes, MINUTES_MAX) or result.draft.minutes_spent,
    )
    return await _linked(db, draft, result.author_id)


async def _linked(db: Database, draft: ResultDraft, author_id: int | None) -> ResultDraft:
    """The draft with its test: the one it names, if about the same tool; else the author's
    one running test of the tool — among several, the one covering the daycare named. A
    result without a daycare gets the test's, when the test has only one."""
    test = await get_test(db, draft.test_id) if draft.test_id is not None else None
    if test is None or test.tool.id != draft.tool_id:
        mine = await running_tests(db, author_id) if author_id is not None else []
        tests = [t for t in mine if t.tool.id == draft.tool_id]
        if draft.daycare_id is not None and len(tests) > 1:
            daycare = (await snapshot(db)).daycare(draft.daycare_id)
            tests = [
                t
                for t in tests
                if draft.daycare_id in t.daycare_ids
                or (daycare is not None and t.area_id == daycare.area_id)
            ]
        test = tests[0] if len(tests) == 1 else None
    if test is None:
        return replace(draft, test_id=None)
    only = test.daycare_ids[0] if len(test.daycare_ids) == 1 else None
    return replace(draft, test_id=test.id, daycare_id=draft.daycare_id or only)
